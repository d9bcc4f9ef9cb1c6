"""Finding a plan's task table and its columns by what the headers mean.

Headers are compared folded (no case, no accents), and the order of the checks matters:
"Chỉ đạo, chủ trì" is the directing column although it says "chủ trì", and "Thời gian
thực hiện" is a deadline although it says "thực hiện".
"""

import re
from enum import StrEnum

from .blocks import Row
from .textutil import fold_aligned, one_line


class ColumnRole(StrEnum):
    NUMBER = "number"
    CONTENT = "content"
    DIRECTING = "directing"
    LEAD = "lead"
    COORDINATING = "coordinating"
    DEADLINE = "deadline"
    NOTE = "note"


_NUMBER = re.compile(r"^(?:s?tt|so tt|so thu tu|thu tu|so)$")
_RULES: list[tuple[ColumnRole, re.Pattern]] = [
    (ColumnRole.NOTE, re.compile(r"\bghi chu\b")),
    (
        ColumnRole.DEADLINE,
        re.compile(r"\b(?:thoi gian|thoi han|tien do|han hoan thanh|ngay hoan thanh)\b"),
    ),
    (ColumnRole.CONTENT, re.compile(r"\b(?:noi dung|cong viec|nhiem vu|hoat dong)\b")),
    (ColumnRole.DIRECTING, re.compile(r"\bchi dao\b")),
    (ColumnRole.COORDINATING, re.compile(r"\bphoi hop\b")),
    (ColumnRole.LEAD, re.compile(r"\b(?:chu tri|tham muu|thuc hien|trach nhiem|don vi|co quan)\b")),
]  # fmt: skip
ColumnMap = dict[ColumnRole, int]
_DATA_CELL = re.compile(r"^\s*\d+[.)]?\s*$|\d{1,2}\s*/\s*\d{1,2}")


def column_role(header: str) -> ColumnRole | None:
    key = re.sub(r"[^a-z0-9 ]+", " ", fold_aligned(one_line(header)))
    key = " ".join(key.split())
    if not key:
        return None
    if _NUMBER.match(key):
        return ColumnRole.NUMBER
    for role, pattern in _RULES:
        if pattern.search(key):
            return role
    return None


def header_columns(row: Row) -> ColumnMap | None:
    """The columns of a header row, or None when the row is not a task table's header."""
    if any(_DATA_CELL.search(text) for text in row):
        # A task row can mention "nội dung" and "đơn vị"; a header never holds a date or a number.
        return None
    columns: ColumnMap = {}
    for index, text in enumerate(row):
        role = column_role(text) if len(text) <= 80 else None
        if role is not None and role not in columns:
            columns[role] = index
    others = set(columns) - {ColumnRole.CONTENT, ColumnRole.NUMBER}
    if ColumnRole.CONTENT in columns and len(others) >= 2:
        return columns
    return None


def refine_with_subheader(columns: ColumnMap, header: Row, below: Row) -> ColumnMap | None:
    """Columns of a two-row header ("Đơn vị thực hiện" over "Chủ trì" | "Phối hợp")."""
    refined: dict[int, ColumnRole] = {index: role for role, index in columns.items()}
    changed = False
    for index, text in enumerate(below):
        upper = header[index] if index < len(header) else ""
        if not text or text == upper:
            continue
        role = column_role(text)
        if role is None:
            return None
        refined[index] = role
        changed = True
    if not changed:
        return None
    result: ColumnMap = {}
    for index in sorted(refined):
        result.setdefault(refined[index], index)
    return result
