"""Word files: body paragraphs and tables in order, merged cells spread over the grid."""

import io

from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from .blocks import Block, Row
from .errors import PlanReadError
from .textutil import clean_cell, clean_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
    rows: list[Row] = []
    for row in table.rows:
        try:
            cells = [_cell_text(cell) for cell in row.cells]
            before, after = row.grid_cols_before, row.grid_cols_after
        except (ValueError, IndexError, AttributeError):
            # A vertical merge that starts nowhere: read the cells actually present.
            cells = [clean_cell(tc.xpath("string(.)")) for tc in row._tr.tc_lst]
            before = after = 0
        rows.append([""] * before + cells + [""] * after)
    return rows


def _cell_text(cell) -> str:
    return clean_cell("\n".join(paragraph.text for paragraph in cell.paragraphs))
