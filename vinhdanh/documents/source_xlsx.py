"""Excel files: each sheet as one table; merged ranges repeat their top-left value."""

import datetime as dt
import io
import re
import warnings
import zipfile

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from .blocks import Block, Row
from .errors import PlanReadError
from .textutil import clean_cell

# A sheet may claim a far corner (XFD1048576) or a merge over the whole grid; a plan's
# table is read no larger than this, so a tiny file cannot make a huge grid.
MAX_ROWS = 5000
MAX_COLUMNS = 60


def read_xlsx_blocks(data: bytes) -> list[Block]:
    try:
        _refuse_huge_merges(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), data_only=True)
        return [_sheet_rows(sheet) for sheet in workbook.worksheets]
    except PlanReadError:
        raise
    except Exception as error:
        raise PlanReadError("Tệp Excel bị hỏng, không đọc được nội dung.") from error


_MERGE = re.compile(rb"mergeCell\b[^>]*?\bref\s*=\s*[\"']([A-Za-z$]+)\$?(\d+):([A-Za-z$]+)\$?(\d+)")


def _refuse_huge_merges(data: bytes) -> None:
    """openpyxl makes one object per merged cell while loading: look at the merges first.

    A regular expression over the raw sheet XML, because the point is to decide before
    any parser builds the grid.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/media/"):  # the sheet part may have any name, images not
                continue
            area = 0
            for first_col, first_row, last_col, last_row in _MERGE.findall(archive.read(name)):
                rows = int(last_row) - int(first_row) + 1
                columns = _column(last_col) - _column(first_col) + 1
                area += max(rows, 1) * max(columns, 1)
            if area > MAX_ROWS * MAX_COLUMNS:
                raise PlanReadError("Bảng tính có vùng gộp ô quá lớn, không đọc được.")


def _column(letters: bytes) -> int:
    return column_index_from_string(letters.replace(b"$", b"").decode().upper()[:3])


def _sheet_rows(sheet) -> list[Row]:
    values: dict[tuple[int, int], str] = {}
    last_row, last_column = min(sheet.max_row, MAX_ROWS), min(sheet.max_column, MAX_COLUMNS)
    for row in sheet.iter_rows(max_row=last_row, max_col=last_column):
        for cell in row:
            text = _text(cell.value)
            if text:
                values[(cell.row, cell.column)] = text
    for merged in sheet.merged_cells.ranges:
        top_left = values.get((merged.min_row, merged.min_col), "")
        for row in range(merged.min_row, min(merged.max_row, last_row) + 1):
            for column in range(merged.min_col, min(merged.max_col, last_column) + 1):
                values[(row, column)] = top_left
    if not values:
        return []
    last_row = max(row for row, _ in values)
    last_column = max(column for _, column in values)
    return [
        [values.get((row, column), "") for column in range(1, last_column + 1)]
        for row in range(1, last_row + 1)
    ]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_cell(str(value))
