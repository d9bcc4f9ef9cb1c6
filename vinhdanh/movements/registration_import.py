"""Reading a registration list (.xlsx): who aims at which title; pure, no database.

Columns: "Mã cá nhân" (empty for the unit itself), "Họ và tên" (for reading only),
"Danh hiệu đăng ký" (a title's name or id). A file is accepted only when every row
is valid, so the caller refuses it whole with the full list of row errors.
"""

import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font

from vinhdanh.core.text import fold
from vinhdanh.movements.titles import COLLECTIVE, INDIVIDUAL, REGISTRABLE_TITLES
from vinhdanh.org.people_import import RowError, WorkbookUnreadable, _cell_text, _read_sheet

HEADERS = {"ma ca nhan": "person_code", "ho va ten": "full_name", "danh hieu dang ky": "title"}
_TITLES_BY_FOLDED = {}
for _code, _name, _kind in REGISTRABLE_TITLES:
    _TITLES_BY_FOLDED[fold(str(_name))] = (_code, _kind)
    _TITLES_BY_FOLDED[_code] = (_code, _kind)

__all__ = ["ParsedEntries", "RowError", "WorkbookUnreadable", "parse_entries", "template"]


@dataclass
class ParsedEntries:
    rows: list[tuple[str | None, str]] = field(default_factory=list)  # (person code, title id)
    errors: list[RowError] = field(default_factory=list)


def template() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Đăng ký danh hiệu"
    sheet.append(["Mã cá nhân", "Họ và tên", "Danh hiệu đăng ký"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["", "(Tập thể đơn vị)", "Tập thể lao động xuất sắc"])
    sheet.append(["demo-0001", "Nguyễn Văn An", "Lao động tiên tiến"])
    for column, width in zip("ABC", [16, 30, 40], strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def parse_entries(content: bytes, *, person_codes: set[str]) -> ParsedEntries:
    """Rows of (person code or None, title id); `person_codes` are the unit's people."""
    rows = _read_sheet(content)
    result = ParsedEntries()
    if not rows:
        raise WorkbookUnreadable("Bảng tính không có dữ liệu.")
    columns = {
        index: HEADERS[fold(_cell_text(value))]
        for index, value in enumerate(rows[0])
        if fold(_cell_text(value)) in HEADERS
    }
    if "title" not in columns.values():
        raise WorkbookUnreadable("Thiếu cột “Danh hiệu đăng ký”.")
    seen: set[tuple[str | None, str]] = set()
    for number, values in enumerate(rows[1:], start=2):
        raw = {key: _cell_text(values[i]) if i < len(values) else "" for i, key in columns.items()}
        if not any(raw.values()):
            continue
        code = raw.get("person_code") or None
        title = _TITLES_BY_FOLDED.get(fold(raw.get("title", "")))
        if title is None:
            result.errors.append(
                RowError(number, f"danh hiệu “{raw.get('title', '')}” không có trong danh mục")
            )
            continue
        title_id, kind = title
        if code is not None and code not in person_codes:
            result.errors.append(RowError(number, f"mã cá nhân “{code}” không thuộc đơn vị"))
            continue
        if code is None and kind == INDIVIDUAL:
            result.errors.append(RowError(number, "danh hiệu cá nhân phải ghi mã cá nhân"))
            continue
        if code is not None and kind == COLLECTIVE:
            result.errors.append(RowError(number, "danh hiệu tập thể không ghi mã cá nhân"))
            continue
        if (code, title_id) in seen:
            result.errors.append(RowError(number, "dòng trùng với một dòng phía trên"))
            continue
        seen.add((code, title_id))
        result.rows.append((code, title_id))
    return result
