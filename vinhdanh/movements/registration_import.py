"""Reading a registration list (.xlsx): who aims at which title; pure, no database.

Columns: "Mã cá nhân" (empty for the unit itself), "Họ và tên" (for reading only),
"Danh hiệu đăng ký" (a title's name or id). A file is accepted only when every row
is valid, so the caller refuses it whole with the full list of row errors.
"""

from dataclasses import dataclass, field

from vinhdanh.core.text import fold
from vinhdanh.core.workbook import (
    RowError,
    WorkbookUnreadable,
    data_rows,
    header_columns,
    read_first_sheet,
)
from vinhdanh.core.workbook import template as workbook_template
from vinhdanh.movements.titles import COLLECTIVE, INDIVIDUAL, REGISTRABLE_TITLES

HEADERS = {"Mã cá nhân": "person_code", "Họ và tên": "full_name", "Danh hiệu đăng ký": "title"}
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
    return workbook_template(
        "Đăng ký danh hiệu",
        list(HEADERS),
        [
            ["", "(Tập thể đơn vị)", "Tập thể lao động xuất sắc"],
            ["demo-0001", "Nguyễn Văn An", "Lao động tiên tiến"],
        ],
        widths=[16, 30, 40],
    )


def parse_entries(content: bytes, *, person_codes: set[str]) -> ParsedEntries:
    """Rows of (person code or None, title id); `person_codes` are the unit's people."""
    rows = read_first_sheet(content)
    result = ParsedEntries()
    columns = header_columns(rows[0], HEADERS)
    if "title" not in columns.values():
        raise WorkbookUnreadable("Thiếu cột “Danh hiệu đăng ký”.")
    seen: set[tuple[str | None, str]] = set()
    for number, raw in data_rows(rows, columns):
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
