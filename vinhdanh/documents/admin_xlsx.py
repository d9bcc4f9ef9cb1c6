"""Writing .xlsx files: lists with the administrative header block, and import templates.

The only place that creates workbooks: every value goes through `cell_value`, so text
from users never becomes a formula and odd characters never break the file.
"""

import csv
import datetime
import decimal
import io
from collections.abc import Sequence

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from vinhdanh.documents import layout
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.safe_text import safe_text

_PLAIN_VALUES = (bool, int, float, decimal.Decimal, datetime.date, datetime.time)
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def cell_value(value):
    """What a cell may hold: numbers, dates and booleans as they are, anything else as safe text."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)  # Excel has no time zones
    if value is None or isinstance(value, _PLAIN_VALUES):
        return value
    return safe_text(value)  # str, lazy translations and any other object alike


def _put(sheet, row: int, column: int, value):
    cell = sheet.cell(row=row, column=column, value=cell_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # never "f", whatever the text
    return cell


def _saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def simple_workbook(
    title: str, header: Sequence[str], rows: Sequence[Sequence], widths: Sequence[float] = ()
) -> bytes:
    """A workbook with a bold, frozen header row and rows below (import templates)."""
    book = Workbook()
    sheet = book.active
    sheet.title = clean_sheet_title(title)
    for column, text in enumerate(header, start=1):
        _put(sheet, 1, column, text).font = Font(bold=True)
    for row_number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            _put(sheet, row_number, column, value)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return _saved(book)


def csv_table(header: Sequence[str], rows: Sequence[Sequence]) -> bytes:
    """The same table as comma-separated text, for tools that read no .xlsx.

    Every text cell passes `safe_text` (a name starting with "=" stays text when the file is
    opened in a spreadsheet); a byte-order mark first, so Excel reads the Vietnamese letters.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for values in [header, *rows]:
        writer.writerow(
            [
                "" if v is None else v if isinstance(v, _PLAIN_VALUES) else safe_text(v)
                for v in values
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def clean_sheet_title(title: str) -> str:
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters."""
    text = "".join(" " if char in "[]:*?/\\" else char for char in safe_text(title).lstrip("'"))
    return text.strip()[:31] or "Sheet1"


def list_workbook(
    letterhead: Letterhead,
    *,
    title: str,
    date: datetime.date | None,
    headers: Sequence[str],
    rows: Sequence[Sequence],
    widths: Sequence[float] | None = None,
    sheet_title: str = "Danh sách",
    title_as_written: bool = False,
    caption: str = "",
) -> bytes:
    """One sheet: issuer and title rows, then a frozen, bordered table that prints on A4.

    The title is capitalised unless `title_as_written`; a `caption` goes on the row
    below the date, as an annex names the document it is attached to.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = clean_sheet_title(sheet_title)
    last_column = get_column_letter(len(headers))
    header_lines = [
        (letterhead.parent_body.upper(), False),
        (letterhead.issuer.upper(), True),
        (title if title_as_written else title.upper(), True),
        (layout.place_and_date(letterhead.place, date) if date else "", False),
    ]
    if caption:
        header_lines.append((caption, False))
    for row_number, (text, bold) in enumerate(header_lines, start=1):
        sheet.merge_cells(f"A{row_number}:{last_column}{row_number}")
        cell = _put(sheet, row_number, 1, text)
        cell.font = Font(name=layout.FONT_NAME, bold=bold, size=12, italic=row_number >= 4)
        cell.alignment = Alignment(horizontal="center", wrap_text=row_number == 5)
    header_row = 6
    for column, text in enumerate(headers, start=1):
        cell = _put(sheet, header_row, column, text)
        cell.font = Font(name=layout.FONT_NAME, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, header_row + offset, column, value)
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
    return _saved(book)
