"""Making any text safe to write into .xlsx, .docx and .pdf files; pure, no database.

Every writer in this package passes what it writes through here, so a name typed by
a user can neither become a live spreadsheet formula nor break the file:

- `clean_text` drops the characters XML 1.0 forbids (control characters other than
  tab, line feed and carriage return, lone surrogates, U+FFFE/U+FFFF); openpyxl and
  python-docx refuse them with an exception, and PDF fonts have no glyph for them.
- `safe_text` also neutralises text that a spreadsheet would read as a formula (it
  starts with = + - @, a tab or a carriage return) by putting an apostrophe first, the
  usual defence against formula injection (OWASP "CSV injection"): the apostrophe stays
  when the sheet is copied, pasted or saved as CSV, where a cell type would be lost.
  A lone "-" or "+" (an empty mark in many tables) is not a formula and is kept.
"""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value) -> str:
    """The text of `value` with every character XML cannot carry removed."""
    if value is None:
        return ""
    return _XML_ILLEGAL.sub("", str(value))


def safe_text(value) -> str:
    """The text of `value`, clean, and never read as a formula by a spreadsheet."""
    text = clean_text(value)
    if text.startswith(FORMULA_START) and text not in ("-", "+"):
        return "'" + text
    return text
