"""Reading a criteria sheet (.xlsx) into sections and criteria; pure, no database.

One row per criterion: "Phần" (section title), "Mã" (criterion code), "Nội dung",
"Điểm tối đa", "Loại" (Chấm điểm / Thưởng / Trừ), "Minh chứng" (Có / Không).
Sections keep the order in which they first appear. Any bad row refuses the file.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from vinhdanh.core.text import fold
from vinhdanh.core.workbook import (
    RowError,
    WorkbookUnreadable,
    data_rows,
    header_columns,
    read_first_sheet,
)
from vinhdanh.core.workbook import template as workbook_template

COLUMNS = [
    ("section", "Phần"),
    ("code", "Mã"),
    ("text", "Nội dung"),
    ("max_points", "Điểm tối đa"),
    ("kind", "Loại"),
    ("evidence", "Minh chứng"),
]
_KINDS = {
    "cham diem": "standard",
    "": "standard",
    "thuong": "bonus",
    "diem thuong": "bonus",
    "tru": "penalty",
    "diem tru": "penalty",
}
_YES = {"co", "x", "1"}
_NO = {"khong", "", "0"}

__all__ = ["CriterionSpec", "ParsedSheet", "RowError", "WorkbookUnreadable", "parse_sheet"]


@dataclass
class CriterionSpec:
    code: str
    text: str
    max_points: Decimal
    kind: str = "standard"
    evidence_required: bool = False


@dataclass
class ParsedSheet:
    sections: list[tuple[str, list[CriterionSpec]]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def template() -> bytes:
    return workbook_template(
        "Tiêu chí",
        [label for _key, label in COLUMNS],
        [
            ["I. Thực hiện nhiệm vụ chính trị", "1.1", "Hoàn thành chỉ tiêu kinh tế", 20,
             "Chấm điểm", "Có"],
            ["III. Điểm thưởng, điểm trừ", "3.1", "Mô hình mới được nhân rộng", 5, "Thưởng", "Có"],
        ],
    )  # fmt: skip


def _row_problems(raw: dict) -> tuple[CriterionSpec | None, list[str]]:
    problems = []
    for key, label in COLUMNS[:4]:
        if not raw.get(key):
            problems.append(f"thiếu “{label}”")
    points = None
    if raw.get("max_points"):
        try:
            points = Decimal(raw["max_points"].replace(",", "."))
            if not points.is_finite() or points <= 0:
                problems.append("“Điểm tối đa” phải là số dương")
        except InvalidOperation:
            problems.append(f"“Điểm tối đa” không phải là số (đang là “{raw['max_points']}”)")
    kind = _KINDS.get(fold(raw.get("kind", "")))
    if kind is None:
        problems.append(f"“Loại” phải là Chấm điểm, Thưởng hoặc Trừ (đang là “{raw['kind']}”)")
    evidence = fold(raw.get("evidence", ""))
    if evidence not in _YES | _NO:
        problems.append(f"“Minh chứng” phải là Có hoặc Không (đang là “{raw['evidence']}”)")
    if problems:
        return None, problems
    spec = CriterionSpec(raw["code"], raw["text"], points, kind, evidence in _YES)
    return spec, []


def parse_sheet(content: bytes) -> ParsedSheet:
    rows = read_first_sheet(content)
    columns = header_columns(rows[0], {label: key for key, label in COLUMNS})
    missing = [label for key, label in COLUMNS[:4] if key not in columns.values()]
    if missing:
        raise WorkbookUnreadable("Thiếu cột: " + ", ".join(f"“{m}”" for m in missing) + ".")
    result = ParsedSheet()
    sections: dict[str, list[CriterionSpec]] = {}
    codes: set[str] = set()
    for number, raw in data_rows(rows, columns):
        spec, problems = _row_problems(raw)
        code = raw.get("code", "")
        if code and code in codes:
            problems.append(f"mã tiêu chí “{code}” bị trùng")
        codes.add(code)
        if problems:
            result.errors.append(RowError(number, "; ".join(problems)))
            continue
        sections.setdefault(raw["section"], []).append(spec)
    if not sections and not result.errors:
        raise WorkbookUnreadable("Bảng tính không có tiêu chí nào.")
    result.sections = list(sections.items())
    return result
