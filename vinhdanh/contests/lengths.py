"""How long an entry is: words of a typed text or a Word file, pages of a PDF. Pure."""

import re

from vinhdanh.documents.errors import PlanReadError
from vinhdanh.documents.source_docx import read_docx_blocks

_WORD = re.compile(r"\w+", re.UNICODE)
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# A page of a typed text, for limits given in pages (A4, size 14: about 350 words).
WORDS_PER_PAGE = 350


class LengthError(ValueError):
    """The file's text could not be read; Vietnamese message."""


def word_count(text: str) -> int:
    return len(_WORD.findall(text or ""))


def docx_text(content: bytes) -> str:
    try:
        blocks = read_docx_blocks(content)
    except PlanReadError as error:
        raise LengthError(str(error)) from error
    lines = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(" ".join(row) for row in block)
    return "\n".join(lines)


def pdf_pages(content: bytes) -> int:
    return len(_PDF_PAGE.findall(content))


def measure(*, kind: str, unit: str, text: str = "", content: bytes = b"") -> int:
    """The entry's length in `unit` ("words" or "pages") for its `kind` (text, docx, pdf)."""
    if kind == "pdf":
        pages = pdf_pages(content)
        return pages if unit == "pages" else pages * WORDS_PER_PAGE
    words = word_count(docx_text(content) if kind == "docx" else text)
    if unit == "pages":
        return max(1, -(-words // WORDS_PER_PAGE)) if words else 0
    return words
