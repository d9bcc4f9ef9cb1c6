"""Small text helpers shared by the plan reader's modules."""

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b]+")
# Markdown exports of Word files wrap emphasis in * or _ and escape punctuation with "\".
_EMPHASIS = re.compile(r"(?<!\w)_{1,2}|_{1,2}(?!\w)|\*+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base[0] if base else char


class _FoldTable(dict):
    """A str.translate table that folds each character once, the first time it is seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_aligned(text: str) -> str:
    """Lower-case ``text`` without diacritics, keeping one character per character.

    Positions found by a regular expression in the result are valid in ``text``, so a
    pattern written without diacritics can cut the original, accented words.
    """
    return text.translate(_FOLD_TABLE)


def strip_emphasis(text: str) -> str:
    text = _ESCAPE.sub(r"\1", text)
    return _EMPHASIS.sub("", text)


def clean_line(text: str) -> str:
    """One line of text: NFC, no markdown emphasis, spaces collapsed."""
    return _SPACES.sub(" ", strip_emphasis(nfc(text))).strip()


def clean_cell(text: str) -> str:
    """A table cell: each line cleaned, empty lines dropped, lines kept apart by ``\\n``.

    The apostrophe the safe writers put before a cell that starts like a formula
    (``'- Tổ chức``) is dropped, so an exported plan reads back as it was.
    """
    text = _HTML_BREAK.sub("\n", nfc(text))
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        text = text[1:]
    lines = (clean_line(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    return " ".join(text.split())


def is_roman(text: str) -> bool:
    return bool(text) and bool(_ROMAN.match(text))


def roman_to_int(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def int_to_roman(number: int) -> str:
    pairs = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = ""
    for value, letters in pairs:
        while number >= value:
            result += letters
            number -= value
    return result
