"""The statistics forms of the Ministry of Home Affairs (Bộ Nội vụ) as plain data.

A form is its official number, the circular that prescribes it, its title, its header
columns (cells spanning rows and columns, as printed), the column-number row (A, B, C,
1…n) and its rows (code, label, unit of count). The counting modules (`form_0601` …) fill
a `FilledForm` from plain facts; the page and the .xlsx (`documents.admin_xlsx.
form_workbook`) lay it out the same way. Nothing here touches the database.

Which circular applies depends on the year reported: Thông tư 02/2023/TT-BNV (forms 0601–
0605) from `VINHDANH_STAT_FORMS_TT02_FIRST_YEAR` (2023 by default: the circular is dated
23/3/2023 and its first yearly reports were those of 2023), Thông tư 03/2018/TT-BNV (forms
0701–0703) for the years before it. A year before 2018 has no form here.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings

TT02 = "02/2023/TT-BNV"
TT03 = "03/2018/TT-BNV"
CIRCULARS = {
    TT02: "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ",
    TT03: "Ban hành theo Thông tư số 03/2018/TT-BNV ngày 06/3/2018 của Bộ trưởng Bộ Nội vụ",
}
TT03_FIRST_YEAR = 2018
# Both circulars fix the same day for the yearly report.
RECEIVING_DAY = "Ngày 15 tháng 12 năm báo cáo"


def tt02_first_year() -> int:
    return int(getattr(settings, "VINHDANH_STAT_FORMS_TT02_FIRST_YEAR", 2023))


def circular_for(year: int) -> str | None:
    """The circular whose forms report `year`, or None when no form here covers it."""
    if year >= tt02_first_year():
        return TT02
    if year >= TT03_FIRST_YEAR:
        return TT03
    return None


@dataclass(frozen=True)
class HeaderCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class FormRow:
    code: str | None  # None: a heading row with no figures ("1. Chia theo …")
    label: str
    indent: int = 0  # 0 heading or total, 1 "–" item, 2 "+" sub-item, 3 "Trong đó"
    unit: str = ""  # the column C "Đơn vị tính", when the form has one


@dataclass(frozen=True)
class FormSpec:
    key: str  # "0601"
    number: str  # "0601.N/BNV-TĐKT"
    circular: str  # TT02 or TT03
    title: str  # "SỐ PHONG TRÀO THI ĐUA"
    count_unit: str  # "Đơn vị tính: Phong trào" ("" when column C gives it per row)
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[FormRow, ...]
    figures: int  # the number of figure columns (1…n)
    has_unit_column: bool = False

    @property
    def number_row(self) -> list[str]:
        letters = ["A", "B", "C"] if self.has_unit_column else ["A", "B"]
        return letters + [str(n) for n in range(1, self.figures + 1)]

    @property
    def circular_line(self) -> str:
        return CIRCULARS[self.circular]

    @property
    def codes(self) -> list[str]:
        return [row.code for row in self.rows if row.code]

    def empty_table(self) -> dict[str, list[int]]:
        return {code: [0] * self.figures for code in self.codes}


@dataclass
class FilledForm:
    spec: FormSpec
    year: int
    values: dict[str, list[int]]
    reporting_unit: str = ""
    receiving_unit: str = ""
    place: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def period(self) -> str:
        return f"Năm {self.year} (từ ngày 01/01/{self.year} đến ngày 31/12/{self.year})"

    def lines(self) -> list[dict]:
        """The rows as the page and the workbook print them."""
        return [
            {
                "code": row.code or "",
                "label": row.label,
                "indent": row.indent,
                "unit": row.unit,
                "heading": row.code is None,
                "values": self.values.get(row.code) if row.code else None,
            }
            for row in self.spec.rows
        ]


def label_prefix(indent: int) -> str:
    return {1: "– ", 2: "+ "}.get(indent, "")


def whole_years_inclusive(start: datetime.date, end: datetime.date) -> tuple[int, bool]:
    """(the number of whole calendar years from `start` to `end`, counting both ends; and
    whether the period is exactly that many years). 01/01–31/12 is one whole year, exactly;
    15/01/2021–14/01/2022 too; 01/01/2021–31/12/2025 five."""
    after = end + datetime.timedelta(days=1)
    years = after.year - start.year
    if (after.month, after.day) < (start.month, start.day):
        years -= 1
    anniversary = _add_years(start, years)
    return years, anniversary == after


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none: the year ends on 28/02
        return datetime.date(day.year + years, 3, 1)
