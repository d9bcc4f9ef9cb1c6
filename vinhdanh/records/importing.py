"""Reading and checking a records workbook (.xlsx): ratings, initiatives or discipline.

Pure functions, no database: the caller gives the codes of the people and units the
importer may record for, and gets back either every row ready to save or every error
(row as Excel numbers it, column, what is wrong). A file is accepted only whole.
"""

import datetime
import re
from dataclasses import dataclass, field

from vinhdanh.core.text import fold
from vinhdanh.core.workbook import data_rows, header_columns, read_first_sheet, template

RECORDS_FILE_MAX_BYTES = 5 * 1024 * 1024
YEAR_RANGE = (1945, 2100)

PERSON, UNIT = ("person_code", "Mã cá nhân"), ("unit_code", "Mã đơn vị (tập thể)")
YEAR = ("year", "Năm")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    aliases: tuple[str, ...] = ()


RATING_LEVELS = (
    Choice("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ", ("xuất sắc", "HTXSNV")),
    Choice("tot", "Hoàn thành tốt nhiệm vụ", ("tốt", "HTTNV")),
    Choice("hoan_thanh", "Hoàn thành nhiệm vụ", ("hoàn thành", "HTNV")),
    Choice("khong_hoan_thanh", "Không hoàn thành nhiệm vụ", ("không hoàn thành", "KHTNV")),
)
INITIATIVE_SCOPES = (
    Choice("co_so", "Cơ sở"),
    Choice("tinh", "Bộ, ban, ngành, tỉnh", ("tỉnh", "thành phố", "bộ", "ngành")),
    Choice("toan_quoc", "Toàn quốc"),
)
DISCIPLINE_FORMS = (
    Choice("dang_xem_xet", "Đang bị xem xét kỷ luật", ("đang xem xét",)),
    Choice("khien_trach", "Khiển trách"),
    Choice("canh_cao", "Cảnh cáo"),
    Choice("ha_bac_luong", "Hạ bậc lương"),
    Choice("cach_chuc", "Cách chức"),
    Choice("giang_chuc", "Giáng chức"),
)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text, year, date, choice
    required: bool = False
    choices: tuple[Choice, ...] = ()
    max_length: int = 255


@dataclass(frozen=True)
class Sheet:
    kind: str
    title: str
    columns: tuple[Column, ...]
    example: tuple
    widths: tuple[int, ...]


_SUBJECT = (Column(*PERSON, max_length=64), Column(*UNIT, max_length=64))
SHEETS = {
    "ratings": Sheet(
        "ratings",
        "Xếp loại hằng năm",
        (*_SUBJECT, Column(*YEAR, kind="year", required=True),
         Column("level", "Mức xếp loại", kind="choice", required=True, choices=RATING_LEVELS)),
        ("HM-0001", "", 2021, "Hoàn thành xuất sắc nhiệm vụ"),
        (16, 22, 8, 34),
    ),
    "initiatives": Sheet(
        "initiatives",
        "Sáng kiến được công nhận",
        (*_SUBJECT, Column(*YEAR, kind="year", required=True),
         Column("name", "Tên sáng kiến", required=True),
         Column("scope", "Phạm vi ảnh hưởng", kind="choice", required=True,
                choices=INITIATIVE_SCOPES),
         Column("recognised_by", "Cơ quan công nhận"),
         Column("decision_number", "Số quyết định", max_length=120),
         Column("decision_date", "Ngày quyết định", kind="date")),
        ("HM-0001", "", 2021, "Số hóa hồ sơ một cửa", "Cơ sở", "UBND phường Hoàng Liệt",
         "15/QĐ-UBND", "15/11/2021"),
        (16, 22, 8, 36, 20, 28, 18, 16),
    ),
    "discipline": Sheet(
        "discipline",
        "Kỷ luật",
        (*_SUBJECT, Column(*YEAR, kind="year", required=True),
         Column("form", "Hình thức kỷ luật", kind="choice", required=True,
                choices=DISCIPLINE_FORMS),
         Column("decision_number", "Số quyết định", max_length=120),
         Column("decision_date", "Ngày quyết định", kind="date"),
         Column("until", "Hết thời hạn kỷ luật", kind="date")),
        ("HM-0001", "", 2021, "Khiển trách", "20/QĐ-UBND", "01/03/2021", "01/03/2022"),
        (16, 22, 8, 22, 18, 16, 18),
    ),
}  # fmt: skip


@dataclass
class CellError:
    row: int
    column: str  # the column's label, "" for the whole row or file
    message: str


@dataclass
class Parsed:
    rows: list[dict] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)


def template_workbook(kind: str) -> bytes:
    sheet = SHEETS[kind]
    return template(
        sheet.title, [c.label for c in sheet.columns], [list(sheet.example)], widths=sheet.widths
    )


def choice_value(choices: tuple[Choice, ...], text: str) -> str | None:
    """The stored value of a choice typed as its label, its code or a usual short form."""
    folded = fold(text)
    for choice in choices:
        if folded in {fold(choice.label), fold(choice.value), *map(fold, choice.aliases)}:
            return choice.value
    return None


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


def parse_date(text: str) -> datetime.date:
    """A day typed as dd/mm/yyyy (or as Excel stores a date cell); ValueError otherwise."""
    if match := _DMY.match(text):
        day, month, year = map(int, match.groups())
    elif match := _ISO.match(text):
        year, month, day = map(int, match.groups())
    else:
        raise ValueError(text)
    return datetime.date(year, month, day)


def _cell(column: Column, text: str) -> tuple[object, str | None]:
    """(value, problem) of one cell."""
    if not text:
        return (None if column.kind in ("year", "date") else ""), (
            "bắt buộc, đang để trống" if column.required else None
        )
    if column.kind == "year":
        if not text.isdigit():
            return None, f"“{text}” không phải là một năm (ví dụ 2021)"
        year = int(text)
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            return None, f"năm {year} không hợp lệ"
        return year, None
    if column.kind == "date":
        try:
            return parse_date(text).isoformat(), None
        except ValueError:
            return None, f"“{text}” không phải là ngày hợp lệ (ghi theo dạng ngày/tháng/năm)"
    if column.kind == "choice":
        value = choice_value(column.choices, text)
        if value is None:
            allowed = "; ".join(f"“{c.label}”" for c in column.choices)
            return None, f"“{text}” không phải là giá trị được nhận (chọn một trong: {allowed})"
        return value, None
    if len(text) > column.max_length:
        return None, f"dài quá {column.max_length} ký tự"
    return " ".join(text.split()), None


def parse_records_workbook(kind: str, content: bytes, *, resolve) -> Parsed:
    """Every row of a `kind` workbook, or every error.

    `resolve(person codes, unit codes)` answers which of the file's codes are subjects the
    importer may record for: (person codes, unit codes); the others are reported as out of
    scope. It is called once, with the codes the file names.
    """
    sheet = SHEETS[kind]
    result = Parsed()
    rows = read_first_sheet(content)
    columns = header_columns(rows[0], {c.label: c.key for c in sheet.columns})
    found = set(columns.values())
    missing = [c.label for c in sheet.columns if c.required and c.key not in found]
    if PERSON[0] not in found and UNIT[0] not in found:
        missing.insert(0, PERSON[1])
    if missing:
        result.errors.append(CellError(1, "", "Thiếu cột: " + ", ".join(missing) + "."))
        return result
    read = [_row(sheet, number, raw) for number, raw in data_rows(rows, columns)]
    people, units = resolve(
        {row[PERSON[0]] for row, _ in read if row[PERSON[0]]},
        {row[UNIT[0]] for row, _ in read if row[UNIT[0]]},
    )
    seen: dict[tuple, int] = {}
    for row, errors in read:
        number = row["row"]
        errors = _subject_errors(row, people, units) + errors
        if kind == "ratings" and not errors:
            key = (row["person_code"], row["unit_code"], row["year"])
            if key in seen:
                errors.append(
                    CellError(number, YEAR[1], f"Trùng với dòng {seen[key]} (mỗi năm một mức).")
                )
            else:
                seen[key] = number
        if errors:
            result.errors.extend(errors)
        else:
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(CellError(2, "", "Bảng tính không có dòng dữ liệu nào."))
    return result


def _row(sheet: Sheet, number: int, raw: dict) -> tuple[dict, list[CellError]]:
    errors: list[CellError] = []
    row: dict = {"row": number}
    for column in sheet.columns:
        value, problem = _cell(column, raw.get(column.key, ""))
        row[column.key] = value
        if problem:
            errors.append(CellError(number, column.label, problem[0].upper() + problem[1:] + "."))
    return row, errors


def _subject_errors(row: dict, people: set[str], units: set[str]) -> list[CellError]:
    number, person, unit = row["row"], row[PERSON[0]], row[UNIT[0]]
    if bool(person) == bool(unit):
        message = f"Ghi đúng một trong hai cột “{PERSON[1]}” hoặc “{UNIT[1]}”."
        return [CellError(number, PERSON[1], message)]
    if person and person not in people:
        message = f"Không có cá nhân mã “{person}” trong phạm vi đơn vị của bạn."
        return [CellError(number, PERSON[1], message)]
    if unit and unit not in units:
        return [CellError(number, UNIT[1], f"Không có đơn vị mã “{unit}” trong phạm vi của bạn.")]
    return []
