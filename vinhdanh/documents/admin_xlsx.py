"""Writing .xlsx lists with the administrative header block and print settings."""

import datetime
import io
from collections.abc import Sequence

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from vinhdanh.documents import layout
from vinhdanh.documents.layout import Letterhead

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def list_workbook(
    letterhead: Letterhead,
    *,
    title: str,
    date: datetime.date | None,
    headers: Sequence[str],
    rows: Sequence[Sequence],
    widths: Sequence[float] | None = None,
    sheet_title: str = "Danh sách",
) -> bytes:
    """One sheet: issuer and title rows, then a frozen, bordered table that prints on A4."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]
    last_column = get_column_letter(len(headers))
    header_lines = [
        (letterhead.parent_body.upper(), False),
        (letterhead.issuer.upper(), True),
        (title.upper(), True),
        (layout.place_and_date(letterhead.place, date) if date else "", False),
    ]
    for row_number, (text, bold) in enumerate(header_lines, start=1):
        sheet.merge_cells(f"A{row_number}:{last_column}{row_number}")
        cell = sheet.cell(row=row_number, column=1, value=text)
        cell.font = Font(name=layout.FONT_NAME, bold=bold, size=12, italic=row_number == 4)
        cell.alignment = Alignment(horizontal="center")
    header_row = len(header_lines) + 2
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=header_row, column=column, value=text)
        cell.font = Font(name=layout.FONT_NAME, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            if isinstance(value, Promise):  # a lazy translation
                value = str(value)
            cell = sheet.cell(row=header_row + offset, column=column, value=value)
            cell.font = Font(name=layout.FONT_NAME)
            cell.border = _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    for column, text in enumerate(headers, start=1):
        # Heading rows may be shorter than the table: their missing cells count as empty.
        cells = [r[column - 1] if column <= len(r) else "" for r in rows[:500]]
        longest = max([len(str(text))] + [len(str(cell or "")) for cell in cells])
        width = widths[column - 1] if widths else min(max(8, longest + 2), 60)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
