"""Writing .xlsx files: lists with the administrative header block, and import templates.

`official_workbook` lays a sheet out as an official document: the issuer and the national
motto side by side in merged cells, the number, the place and date (the place always
filled), the title, the table with its header row repeated on every printed page, and the
signature rows (người lập biểu / thủ trưởng đơn vị). `official_sheet` writes the same into
a sheet a caller already has (forms with several sheets). `list_workbook` keeps its
shorter header; `simple_workbook` is for import templates.

The only place that creates workbooks: every value goes through `cell_value`, so text
from users never becomes a formula and odd characters never break the file.
"""

import csv
import datetime
import decimal
import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from vinhdanh.documents import layout
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.metrics import text_width_cm
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
        (layout.place_and_date(layout.place_of(letterhead), date) if date else "", False),
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


# -- the official layout ---------------------------------------------------------------

SIGNERS = (("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"))
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass(frozen=True)
class SheetLayout:
    """Where `official_sheet` put things: the header row of the table, its first and last
    data rows, and the first signature row."""

    header_row: int
    first_row: int
    last_row: int
    signature_row: int


def _merged(sheet, row: int, first: int, last: int, value, font: Font, *, height=None):
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = _put(sheet, row, first, value)
    cell.font = font
    cell.alignment = _CENTRE
    if height:
        sheet.row_dimensions[row].height = height
    return cell


def _font(size=12, *, bold=False, italic=False, underline=None) -> Font:
    return Font(name=layout.FONT_NAME, size=size, bold=bold, italic=italic, underline=underline)


ROW_HEIGHT_PT = 16
CM_PER_WIDTH_UNIT = 0.19  # one unit of a column's width, printed (7 px at 96 dpi)


def _lines_needed(values: Sequence, widths: Sequence[float]) -> int:
    """How many lines the tallest cell of a row wraps onto (one character per width unit)."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and value:
            per_line = max(1, int(width) - 1)
            wrapped = sum(-(-len(part) // per_line) or 1 for part in value.split("\n"))
            lines = max(lines, wrapped)
    return min(lines, 15)


def issuer_columns(count: int) -> int:
    """How many of the table's columns the issuer block spans (the motto takes the rest)."""
    return max(1, min(count - 1, round(count * 0.4)))


def official_sheet(
    sheet,
    letterhead: Letterhead,
    *,
    title: str,
    date: datetime.date | None,
    headers: Sequence[str],
    rows: Sequence[Sequence],
    widths: Sequence[float] | None = None,
    subject: str = "",
    caption: str = "",
    total_row: Sequence | None = None,
    signers: Sequence[tuple[str, str]] = SIGNERS,
    signer_names: Sequence[str] = (),
    landscape: bool = False,
    column_codes: Sequence[str] = (),
) -> SheetLayout:
    """Write the official layout into `sheet`: the title in capitals ("KẾ HOẠCH"), the
    `subject` under it in bold as written, a `caption` in italics (an annex names the
    document it belongs to). `column_codes` is the "A, B, 1, 2 ..." row
    of a statistics form, printed under the header row and repeated with it."""
    count = max(len(headers), 2)
    split = issuer_columns(count)
    chosen: list[float] = []
    for column, text in enumerate(headers, start=1):
        cells = [r[column - 1] if column <= len(r) else "" for r in rows[:500]]
        longest = max([len(str(text)) // 2] + [len(str(cell or "")) for cell in cells])
        width = widths[column - 1] if widths else min(max(8, longest + 2), 50)
        sheet.column_dimensions[get_column_letter(column)].width = width
        chosen.append(width)
    chosen += [10.0] * (count - len(chosen))
    place = layout.place_of(letterhead)
    date_line = layout.place_and_date(place, date)
    parent = letterhead.parent_body.upper()
    issuer = letterhead.issuer.upper()
    number = (layout.number_line(letterhead.number), _font(13))
    if parent:
        left = [(parent, _font()), (issuer, _font(bold=True)), number]
    else:  # a People's Committee: its own name alone, in bold
        left = [(issuer, _font(bold=True)), ("", _font()), number]
    right = [
        (layout.NATIONAL_NAME, _font(bold=True)),
        (layout.NATIONAL_MOTTO, _font(13, bold=True, underline="single")),
        (date_line, _font(13, italic=True)),
    ]
    for row, ((left_text, left_font), (right_text, right_font)) in enumerate(
        zip(left, right, strict=True), start=1
    ):
        # The issuer's names broken where a reader would break them, as in the .docx header;
        # the motto side is kept whole (the date's blanks are room to write it by hand).
        left_lines = layout.split_line(
            left_text, sum(chosen[:split]) * CM_PER_WIDTH_UNIT, 12, bold=bool(left_font.b)
        ) or [left_text]
        if left_text.startswith("Số:"):
            left_lines = [left_text]
        left_text = "\n".join(left_lines)
        right_room = sum(chosen[split:count]) * CM_PER_WIDTH_UNIT
        right_lines = -(-text_width_cm(right_text, 13) // max(right_room, 1.0))
        lines = int(max(1, len(left_lines), right_lines))
        _merged(sheet, row, 1, split, left_text, left_font, height=18 * lines)
        _merged(sheet, row, split + 1, count, right_text, right_font, height=18 * lines)
    row = len(right) + 2
    _merged(sheet, row, 1, count, title.upper(), _font(14, bold=True), height=22)
    if subject:
        row += 1
        _merged(sheet, row, 1, count, subject, _font(13, bold=True), height=36)
    if caption:
        row += 1
        _merged(sheet, row, 1, count, caption, _font(13, italic=True), height=36)
    header_row = row + 2
    for column, text in enumerate(headers, start=1):
        cell = _put(sheet, header_row, column, text)
        cell.font = _font(bold=True)
        cell.alignment = _CENTRE
        cell.border = _BOX
    last_header = header_row
    if column_codes:
        last_header += 1
        for column, text in enumerate(column_codes, start=1):
            cell = _put(sheet, last_header, column, text)
            cell.font = _font(11, italic=True)
            cell.alignment = _CENTRE
            cell.border = _BOX
    body = [(values, False) for values in rows]
    if total_row is not None:
        body.append((total_row, True))
    for offset, (values, bold) in enumerate(body, start=1):
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, last_header + offset, column, value)
            cell.font = _font(bold=bold)
            cell.border = _BOX
            number = isinstance(value, (int, float, decimal.Decimal)) and not isinstance(
                value, bool
            )
            cell.alignment = Alignment(
                vertical="top", wrap_text=True, horizontal="right" if number else None
            )
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
                cell.alignment = Alignment(vertical="top", horizontal="center")
            elif number and isinstance(value, int):
                cell.number_format = "#,##0"
    last_row = last_header + len(body)
    # Wrapped text needs its rows tall enough: estimated from the text and the widths, since
    # a spreadsheet opened elsewhere does not always grow them itself.
    for row_number, values in [
        (header_row, headers),
        *[(last_header + offset, values) for offset, (values, _bold) in enumerate(body, start=1)],
    ]:
        sheet.row_dimensions[row_number].height = ROW_HEIGHT_PT * _lines_needed(values, chosen)
    signature_row = last_row + 2
    if signers:
        halves = [(1, split), (split + 1, count)] if len(signers) == 2 else [(1, count)]
        names = list(signer_names) + [""] * len(signers)
        for (first, last), (role, hint), name in zip(halves, signers, names, strict=False):
            _merged(sheet, signature_row, first, last, role, _font(13, bold=True))
            _merged(sheet, signature_row + 1, first, last, hint, _font(12, italic=True))
            _merged(sheet, signature_row + 6, first, last, name, _font(13, bold=True))
    sheet.freeze_panes = sheet.cell(row=last_header + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{last_header}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left, margins.right = (
        layout.MARGINS_MM["left"] / 25.4,
        layout.MARGINS_MM["right"] / 25.4,
    )
    margins.top, margins.bottom = (
        layout.MARGINS_MM["top"] / 25.4,
        layout.MARGINS_MM["bottom"] / 25.4,
    )
    if landscape:  # the binding edge stays on the left of the printed page either way
        margins.top, margins.bottom = 0.6, 0.6
    sheet.oddFooter.center.text = "Trang &P/&N"
    return SheetLayout(header_row, last_header + 1, last_row, signature_row)


def official_workbook(
    letterhead: Letterhead,
    *,
    title: str,
    date: datetime.date | None,
    headers: Sequence[str],
    rows: Sequence[Sequence],
    sheet_title: str = "Danh sách",
    **options,
) -> bytes:
    """One sheet in the official layout (see `official_sheet` for the options)."""
    book = Workbook()
    sheet = book.active
    sheet.title = clean_sheet_title(sheet_title)
    official_sheet(sheet, letterhead, title=title, date=date, headers=headers, rows=rows, **options)
    return _saved(book)


def form_workbook(
    spec,
    lines: Sequence[dict],
    *,
    year: int,
    reporting_unit: str,
    receiving_unit: str,
    period: str,
    place: str,
    date: datetime.date | None,
    receiving_day: str = "Ngày 15 tháng 12 năm báo cáo",
) -> bytes:
    """A statistics form of the Ministry of Home Affairs laid out as printed: the form's
    number, circular and receiving day on the left, its title and period in the middle, the
    reporting and receiving units on the right; the header with its merged cells, the
    A/B/(C)/1…n column-number row, the rows, then the signature rows (người lập biểu;
    place and date, thủ trưởng đơn vị).

    `spec` gives number, circular_line, title, count_unit, header (rows of cells with
    text, rowspan, colspan), number_row; each line has label, code, unit, indent, heading,
    values (reports.official_forms.FilledForm.lines)."""
    book = Workbook()
    sheet = book.active
    sheet.title = clean_sheet_title(spec.number.split(".")[0])
    numbers = list(spec.number_row)
    width = len(numbers)
    # Column A holds the row labels (wide); B the code; then C and the figures.
    widths = [48, 8] + [14 if width > 5 else 26] * (width - 2)
    left = 2 if width > 4 else 1
    right = max(1, (width - left) // 2)
    middle_from, right_from = left + 1, width - right + 1

    def lines_of(text: str, first: int, last: int, factor: float = 1.1) -> int:
        """Lines a text takes in columns first…last (capitals in bold: a smaller factor)."""
        per_line = max(1, int(sum(widths[first - 1 : last]) * factor))
        return max(1, -(-len(text) // per_line))

    def block(row: int, first: int, last: int, text: str, *, bold=False, italic=False,
              align="center", size=12):  # fmt: skip
        if last > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        cell = _put(sheet, row, first, text)
        cell.font = Font(name=layout.FONT_NAME, bold=bold, italic=italic, size=size)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        return cell

    top = [
        (f"Biểu số: {spec.number}", spec.title, f"Đơn vị báo cáo: {reporting_unit}"),
        (spec.circular_line, period, f"Đơn vị nhận báo cáo: {receiving_unit}"),
        (f"Ngày nhận báo cáo: {receiving_day}", "", ""),
    ]
    for row, (left_text, middle_text, right_text) in enumerate(top, start=1):
        block(row, 1, left, left_text, bold=row == 1, italic=row == 2, align="left", size=11)
        block(row, middle_from, right_from - 1, middle_text, bold=row == 1, size=12)
        block(row, right_from, width, right_text, align="left", size=11)
        height = max(
            lines_of(left_text, 1, left),
            lines_of(middle_text, middle_from, right_from - 1, 0.8 if row == 1 else 1.1),
            lines_of(right_text, right_from, width),
        )
        sheet.row_dimensions[row].height = 16 * height
    block(4, 1, width, spec.count_unit, italic=True, align="right", size=11)
    # The header: cells spanning rows and columns, placed around those already taken.
    first_header = 5
    taken: set[tuple[int, int]] = set()
    for offset, cells in enumerate(spec.header):
        row, column = first_header + offset, 1
        tallest = 1
        for header_cell in cells:
            while (row, column) in taken:
                column += 1
            last_row = row + header_cell.rowspan - 1
            last_column = column + header_cell.colspan - 1
            for r in range(row, last_row + 1):
                for c in range(column, last_column + 1):
                    taken.add((r, c))
                    sheet.cell(row=r, column=c).border = _BOX
            if last_row > row or last_column > column:
                sheet.merge_cells(
                    start_row=row, start_column=column, end_row=last_row, end_column=last_column
                )
            cell = _put(sheet, row, column, header_cell.text)
            cell.font = Font(name=layout.FONT_NAME, bold=True, size=11)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if header_cell.rowspan == 1:
                tallest = max(tallest, lines_of(header_cell.text, column, last_column))
            column = last_column + 1
        sheet.row_dimensions[row].height = 16 * tallest
    number_row = first_header + len(spec.header)
    for column, text in enumerate(numbers, start=1):
        cell = _put(sheet, number_row, column, text)
        cell.font = Font(name=layout.FONT_NAME, italic=True, size=11)
        cell.alignment = Alignment(horizontal="center")
        cell.border = _BOX
    has_unit = "C" in numbers
    row = number_row
    for line in lines:
        row += 1
        prefix = {1: "– ", 2: "+ "}.get(line["indent"], "")
        label = ("    " * min(line["indent"], 2)) + prefix + line["label"]
        values = line["values"] or []
        cells = [label, line["code"], *([line["unit"]] if has_unit else []), *values]
        cells += [""] * (width - len(cells))
        bold = line["heading"] or line["indent"] == 0
        sheet.row_dimensions[row].height = 16 * lines_of(label, 1, 1)
        for column, value in enumerate(cells, start=1):
            cell = _put(sheet, row, column, value)
            cell.font = Font(name=layout.FONT_NAME, bold=bold and column == 1, size=11)
            cell.border = _BOX
            cell.alignment = Alignment(
                horizontal="left" if column == 1 else "center", vertical="center",
                wrap_text=column == 1,
            )  # fmt: skip
    row += 2
    place_line = layout.place_and_date(place, date)
    block(row, right_from, width, place_line, italic=True, size=11)
    sheet.row_dimensions[row].height = 16 * lines_of(place_line, right_from, width)
    row += 1
    block(row, 1, left, "NGƯỜI LẬP BIỂU", bold=True, size=11)
    block(row, right_from, width, "THỦ TRƯỞNG ĐƠN VỊ", bold=True, size=11)
    row += 1
    block(row, 1, left, "(Ký, họ tên)", italic=True, size=11)
    block(row, right_from, width, "(Ký, họ tên, đóng dấu)", italic=True, size=11)
    for column, column_width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = column_width
    sheet.print_title_rows = f"{first_header}:{number_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if width > 7 else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return _saved(book)
