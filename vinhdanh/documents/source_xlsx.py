"""Excel files: each sheet as one table; merged ranges repeat their top-left value."""

import datetime as dt
import io
import warnings

from openpyxl import load_workbook

from .blocks import Block, Row
from .errors import PlanReadError
from .textutil import clean_cell


def read_xlsx_blocks(data: bytes) -> list[Block]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), data_only=True)
        return [_sheet_rows(sheet) for sheet in workbook.worksheets]
    except PlanReadError:
        raise
    except Exception as error:
        raise PlanReadError("Tệp Excel bị hỏng, không đọc được nội dung.") from error


def _sheet_rows(sheet) -> list[Row]:
    values: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            text = _text(cell.value)
            if text:
                values[(cell.row, cell.column)] = text
    for merged in sheet.merged_cells.ranges:
        top_left = values.get((merged.min_row, merged.min_col), "")
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
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
