"""Plain text and markdown: paragraphs and pipe (or tab-separated) tables."""

import re

from .blocks import Block, Row
from .textutil import clean_cell, clean_line

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-*:?\s*)*\|?$")
_PIPE = re.compile(r"(?<!\\)\|")


def _pipe_cells(line: str) -> Row:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [clean_cell(cell.replace("\\|", "|")) for cell in _PIPE.split(inner)]


def _table_row(line: str) -> Row | None:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return _pipe_cells(stripped)
    if line.count("\t") >= 2:
        return [clean_cell(cell) for cell in line.split("\t")]
    return None


def read_text_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    table: list[Row] | None = None
    for line in text.splitlines():
        if _SEPARATOR.match(line.strip()) and table is not None:
            continue
        row = _table_row(line)
        if row is not None:
            if table is None:
                table = []
                blocks.append(table)
            table.append(row)
            continue
        table = None
        paragraph = clean_line(line)
        if paragraph:
            blocks.append(paragraph)
    return blocks
