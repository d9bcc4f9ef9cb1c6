"""Word files: body paragraphs and tables in order, merged cells spread over the grid."""

import io

from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from .blocks import Block, Row
from .errors import PlanReadError
from .textutil import clean_cell, clean_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A cell may claim to span any number of grid columns; a plan table is never this wide.
MAX_GRID_SPAN = 64


def read_docx_blocks(data: bytes) -> list[Block]:
    try:
        document = Document(io.BytesIO(data))
        return list(_iter_blocks(document.element.body, document))
    except PlanReadError:
        raise
    except Exception as error:
        # python-docx reports a damaged package through many exception types.
        raise PlanReadError("Tệp Word bị hỏng, không đọc được nội dung.") from error


def _iter_blocks(container, parent):
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            text = clean_line(Paragraph(child, parent).text)
            if text:
                yield text
        elif child.tag == f"{_W}tbl":
            yield _table_rows(DocxTable(child, parent))
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            # Content controls wrap ordinary paragraphs and tables.
            yield from _iter_blocks(child, parent)


def _table_rows(table: DocxTable) -> list[Row]:
    """The table as a grid: spanned cells repeat their text, vertical merges carry it down.

    Reads the XML directly: python-docx's cell grid is rebuilt for every row, which made
    a 2,000-row table an order of magnitude slower to read than to open.
    """
    rows: list[Row] = []
    above: dict[int, str] = {}
    for tr in table._tbl.iterchildren(f"{_W}tr"):
        row: Row = [""] * _grid_value(tr, "trPr", "gridBefore")
        for tc in tr.iterchildren(f"{_W}tc"):
            span = max(1, _grid_value(tc, "tcPr", "gridSpan"))
            merge = _vertical_merge(tc)
            text = above.get(len(row), "") if merge == "continue" else _tc_text(tc)
            for _ in range(span):
                above[len(row)] = text
                row.append(text)
        row.extend([""] * _grid_value(tr, "trPr", "gridAfter"))
        rows.append(row)
    return rows


def _grid_value(element, properties: str, name: str) -> int:
    found = element.find(f"{_W}{properties}/{_W}{name}")
    if found is None:
        return 0
    try:
        return min(max(0, int(found.get(f"{_W}val", "0"))), MAX_GRID_SPAN)
    except ValueError:
        return 0


def _vertical_merge(tc) -> str | None:
    found = tc.find(f"{_W}tcPr/{_W}vMerge")
    if found is None:
        return None
    return found.get(f"{_W}val", "continue")


def _tc_text(tc) -> str:
    paragraphs = []
    for paragraph in tc.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            else:
                parts.append("\n")
        paragraphs.append("".join(parts))
    return clean_cell("\n".join(paragraphs))
