"""Reading and checking a people workbook (.xlsx); pure functions, no database.

A file is accepted only when every row is valid, so the caller can refuse it
whole with the full list of row errors.
"""

import re
from dataclasses import dataclass, field

from vinhdanh.core.text import fold
from vinhdanh.core.workbook import (
    RowError,
    data_rows,
    header_columns,
    read_first_sheet,
    template,
)

COLUMNS = [
    ("code", "Mã cá nhân"),
    ("full_name", "Họ và tên"),
    ("unit_code", "Mã đơn vị"),
    ("position", "Chức vụ"),
    ("gender", "Giới tính"),
    ("birth_year", "Năm sinh"),
    ("is_direct_worker", "Lao động trực tiếp"),
    ("is_manager", "Cán bộ quản lý"),
    ("email", "Thư điện tử"),
]
PEOPLE_FILE_MAX_BYTES = 5 * 1024 * 1024
REQUIRED = {"code", "full_name", "unit_code", "gender"}
_GENDERS = {"nam": "male", "nu": "female"}
_YES = {"co", "x", "1", "true", "yes"}
_NO = {"khong", "", "0", "false", "no"}
_CODE = re.compile(r"^[-a-zA-Z0-9_]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class ParsedPeople:
    rows: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def template_workbook() -> bytes:
    return template(
        "Danh sách cá nhân",
        [label for _, label in COLUMNS],
        [["HM-0001", "Nguyễn Văn An", "phuong-hoang-liet", "Chuyên viên", "Nam", 1985,
          "Không", "Không", "an.nv@example.org"]],
        widths=[14, 28, 24, 22, 10, 10, 18, 16, 28],
    )  # fmt: skip


def _flag(value: str, label: str, problems: list[str]) -> bool:
    folded = fold(value)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    problems.append(f"cột “{label}” phải là “Có” hoặc “Không” (đang là “{value}”)")
    return False


def _check_row(raw: dict, *, unit_codes: set[str], existing_codes: set[str]) -> tuple[dict, list]:
    problems: list[str] = []
    labels = dict(COLUMNS)
    for key in REQUIRED:
        if not raw.get(key):
            problems.append(f"thiếu “{labels[key]}”")
    code = raw.get("code", "")
    if code and not _CODE.match(code):
        problems.append(f"mã cá nhân “{code}” chỉ được gồm chữ không dấu, số, “-” và “_”")
    elif code in existing_codes:
        problems.append(f"mã cá nhân “{code}” đã có trong hệ thống")
    unit_code = raw.get("unit_code", "")
    if unit_code and unit_code not in unit_codes:
        problems.append(f"không có đơn vị mã “{unit_code}” (hoặc đơn vị ngoài phạm vi của bạn)")
    gender = _GENDERS.get(fold(raw.get("gender", "")))
    if raw.get("gender") and gender is None:
        problems.append(f"giới tính phải là “Nam” hoặc “Nữ” (đang là “{raw['gender']}”)")
    birth_year = None
    if raw.get("birth_year"):
        try:
            birth_year = int(raw["birth_year"])
        except ValueError:
            problems.append(f"năm sinh “{raw['birth_year']}” không phải là số")
        else:
            if not 1900 <= birth_year <= 2100:
                problems.append(f"năm sinh {birth_year} không hợp lệ")
    email = raw.get("email", "")
    if email and not _EMAIL.match(email):
        problems.append(f"thư điện tử “{email}” không hợp lệ")
    row = {
        "code": code,
        "full_name": " ".join(raw.get("full_name", "").split()),
        "unit_code": unit_code,
        "position": raw.get("position", ""),
        "gender": gender,
        "birth_year": birth_year,
        "is_direct_worker": _flag(
            raw.get("is_direct_worker", ""), labels["is_direct_worker"], problems
        ),
        "is_manager": _flag(raw.get("is_manager", ""), labels["is_manager"], problems),
        "email": email,
    }
    return row, problems


def parse_people_workbook(
    content: bytes, *, unit_codes: set[str], existing_codes: set[str]
) -> ParsedPeople:
    """Rows of a people workbook, or the errors of every bad row (row numbers as in Excel)."""
    result = ParsedPeople()
    rows = read_first_sheet(content)
    columns = header_columns(rows[0], {label: key for key, label in COLUMNS})
    missing = [label for key, label in COLUMNS if key in REQUIRED and key not in columns.values()]
    if missing:
        result.errors.append(RowError(1, "Thiếu cột: " + ", ".join(missing) + "."))
        return result
    seen_codes: dict[str, int] = {}
    for number, raw in data_rows(rows, columns):
        row, problems = _check_row(raw, unit_codes=unit_codes, existing_codes=existing_codes)
        if row["code"] in seen_codes:
            problems.append(f"mã cá nhân “{row['code']}” trùng với dòng {seen_codes[row['code']]}")
        elif row["code"]:
            seen_codes[row["code"]] = number
        if problems:
            message = "; ".join(problems)
            result.errors.append(RowError(number, message[0].upper() + message[1:] + "."))
        else:
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(RowError(2, "Bảng tính không có dòng dữ liệu nào."))
    return result


# The people of a split unit and the new unit each goes to (a reorganisation's list).
MOVE_COLUMNS = [("person_code", "Mã cá nhân"), ("unit_code", "Mã đơn vị mới")]


def moves_template_workbook() -> bytes:
    return template(
        "Phân cá nhân về đơn vị mới",
        [label for _, label in MOVE_COLUMNS],
        [["HM-0001", "phuong-hoang-liet"]],
        widths=[16, 28],
    )


def parse_moves_workbook(content: bytes) -> tuple[list[tuple[int, str, str]], list[RowError]]:
    """(Excel row, person code, unit code) of every row, or the errors; codes not yet checked."""
    rows = read_first_sheet(content)
    columns = header_columns(rows[0], {label: key for key, label in MOVE_COLUMNS})
    missing = [label for key, label in MOVE_COLUMNS if key not in columns.values()]
    if missing:
        return [], [RowError(1, "Thiếu cột: " + ", ".join(missing) + ".")]
    found, errors = [], []
    for number, raw in data_rows(rows, columns):
        absent = [label for key, label in MOVE_COLUMNS if not raw.get(key)]
        if absent:
            errors.append(RowError(number, "Thiếu “" + "”, “".join(absent) + "”."))
        else:
            found.append((number, raw["person_code"], raw["unit_code"]))
    if not found and not errors:
        errors.append(RowError(2, "Bảng tính không có dòng dữ liệu nào."))
    return found, errors


# -- re-importing: the rows of people already in the registry are updates -------------
# The fields a row may change, as the preview names them (the unit by its code).
UPDATED_FIELDS = [key for key, _ in COLUMNS if key != "code"]


_SHOWN_GENDERS = {"male": "Nam", "female": "Nữ"}


def shown(key: str, value) -> str:
    """A value as the workbook writes it (Nam/Nữ, Có/Không)."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if key == "gender":
        return _SHOWN_GENDERS.get(value, value or "")
    return "" if value is None else str(value)


@dataclass
class PersonChange:
    code: str
    full_name: str
    changes: dict  # field -> (before, after)

    @property
    def shown(self) -> list[tuple[str, str, str]]:
        """(column label, before, after) of each changed field, for the preview."""
        labels = dict(COLUMNS)
        return [
            (labels[key], shown(key, before), shown(key, after))
            for key, (before, after) in self.changes.items()
        ]


@dataclass
class ImportPlan:
    """What a workbook would do: people to add, people whose fields change, rows unchanged."""

    creates: list[dict] = field(default_factory=list)
    updates: list[PersonChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not self.creates and not self.updates


def person_values(person) -> dict:
    """A stored person as a row of the workbook (the unit by its code)."""
    values = {key: getattr(person, key) for key in UPDATED_FIELDS if key != "unit_code"}
    values["unit_code"] = person.unit.code
    values["code"] = person.code
    return values


def plan_import(rows: list[dict], current: dict[str, dict]) -> ImportPlan:
    """Sort checked rows into additions and updates; `current` is the stored people by code."""
    plan = ImportPlan()
    for row in rows:
        stored = current.get(row["code"])
        if stored is None:
            plan.creates.append(row)
            continue
        changes = {
            key: (stored[key], row[key]) for key in UPDATED_FIELDS if stored[key] != row[key]
        }
        if changes:
            plan.updates.append(PersonChange(row["code"], row["full_name"], changes))
        else:
            plan.unchanged += 1
    return plan
