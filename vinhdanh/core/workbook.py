"""Reading simple one-sheet .xlsx lists (and their templates); pure, no database.

Importers find their columns by header text (case and accents ignored), read the
rows as dictionaries, and report errors by the row number Excel shows.
"""

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from vinhdanh.core.text import fold
from vinhdanh.documents.admin_xlsx import simple_workbook

MAX_ROWS = 20000
# A sheet may claim a far cell (XFD1048576); rows are read no wider than this.
MAX_COLUMNS = 100
# What openpyxl, lxml, defusedxml and zipfile raise on a damaged or hostile workbook.
UNREADABLE = (
    InvalidFileException,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    IndexError,
    OSError,
    ValueError,
    TypeError,
    AttributeError,
    EOFError,
    SyntaxError,  # xml.etree's ParseError
    DefusedXmlException,
    etree.LxmlError,
)


class WorkbookUnreadable(Exception):
    """The file is not an .xlsx workbook we can read, or it has no usable table."""


@dataclass
class RowError:
    row: int
    message: str


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_first_sheet(content: bytes) -> list[tuple]:
    if not content:
        raise WorkbookUnreadable("Tệp rỗng.")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise WorkbookUnreadable("Tệp không phải là bảng tính Excel (.xlsx).")
    try:
        # read_only parses lazily, so reading the rows can fail as much as opening can.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = list(
                sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS)
            )
        finally:
            workbook.close()
    except UNREADABLE as error:
        raise WorkbookUnreadable("Không đọc được bảng tính: tệp bị hỏng.") from error
    if len(rows) > MAX_ROWS:
        raise WorkbookUnreadable(f"Tệp có quá {MAX_ROWS} dòng.")
    if not rows:
        raise WorkbookUnreadable("Bảng tính không có dữ liệu.")
    return rows


def header_columns(header: tuple, keys_by_label: dict[str, str]) -> dict[int, str]:
    """Column index -> key for every header cell whose folded text is a known label."""
    folded = {fold(label): key for label, key in keys_by_label.items()}
    return {
        index: folded[fold(cell_text(value))]
        for index, value in enumerate(header)
        if fold(cell_text(value)) in folded
    }


def data_rows(rows: list[tuple], columns: dict[int, str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(Excel row number, {key: text}) for every non-empty row below the header."""
    for number, values in enumerate(rows[1:], start=2):
        raw = {key: cell_text(values[i]) if i < len(values) else "" for i, key in columns.items()}
        if any(raw.values()):
            yield number, raw


def template(title: str, header: Sequence[str], examples: Sequence[Sequence], widths=()) -> bytes:
    """A workbook with a bold, frozen header row and example rows to copy."""
    return simple_workbook(title, header, examples, widths)
