"""Biểu số 0601.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV) and, for the years before it, Biểu số
0701.N/BNV-TĐKT (Thông tư 03/2018/TT-BNV): the number of emulation movements.

0601 columns: 1 total (= 2 + 3 + 4), then by the level that launched the movement: 2 central
(Hội đồng TĐKT Trung ương), 3 ministry, branch or province, 4 agencies and units below. 0701
has only columns 1–3 (it is the ministry's and the province's form) and four duration rows.

The counting rules, each tested in tests/test_form_0601.py:
- a movement is counted by the body that launched it: the reporting body counts the
  movements launched by itself and by the units below it, never those of the Prime Minister
  or the city that were only sent down to it (`own_movements`);
- a movement launched under a parent movement that is counted in the same report (a ward's
  sub-movement of the district's) is not counted again;
- every cluster or bloc (cụm, khối thi đua) a counted council organises in the year is one
  movement of row 04: one year, regular;
- the duration is the emulation period the movement names, counted inclusive of its last
  day: 01/01–31/12 is "1 năm"; the regular movement of a year launched on 15/01 and ending
  on 31/12 is that year's, "1 năm"; 10/04/2021–31/12/2025 is the period 2021–2025, five
  years, "Từ 5 năm trở lên"; other periods by their whole years.
"""

import datetime
from dataclasses import dataclass

from vinhdanh.reports.official_forms import (
    TT02,
    TT03,
    FormRow,
    FormSpec,
    HeaderCell,
    whole_years_inclusive,
)

ROWS = (
    FormRow("01", "Tổng số"),
    FormRow(None, "1. Chia theo phạm vi tổ chức thi đua"),
    FormRow("02", "Toàn quốc", 1),
    FormRow("03", "Bộ, ban, ngành đoàn thể, địa phương", 1),
    FormRow("04", "Cụm, khối thi đua do Hội đồng TĐKT các cấp tổ chức", 1),
    FormRow("05", "Cơ quan, tổ chức, đơn vị", 1),
    FormRow(None, "2. Chia theo thời hạn thi đua"),
    FormRow("06", "Dưới 1 năm", 1),
    FormRow("07", "1 năm", 1),
    FormRow("08", "Từ 1 năm đến dưới 3 năm", 1),
    FormRow("09", "Từ 3 năm đến dưới 5 năm", 1),
    FormRow("10", "Từ 5 năm trở lên", 1),
    FormRow(None, "3. Chia theo phương thức tổ chức phong trào thi đua"),
    FormRow("11", "Thi đua theo chuyên đề", 1),
    FormRow("12", "Thi đua thường xuyên hàng năm", 1),
)
COLUMNS = [
    "Tổng số",
    "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)",
    "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
    "Cơ quan, tổ chức, đơn vị",
]
FORM_0601 = FormSpec(
    key="0601",
    number="0601.N/BNV-TĐKT",
    circular=TT02,
    title="SỐ PHONG TRÀO THI ĐUA",
    count_unit="Đơn vị tính: Phong trào",
    header=(
        (
            HeaderCell("", rowspan=2),
            HeaderCell("Mã số", rowspan=2),
            HeaderCell("Tổng số", rowspan=2),
            HeaderCell("Số phong trào thi đua chia theo cấp chủ trì phát động thi đua", colspan=3),
        ),
        tuple(HeaderCell(text) for text in COLUMNS[1:]),
    ),
    rows=ROWS,
    figures=4,
)

ROWS_0701 = (
    FormRow("01", "Tổng số"),
    FormRow(None, "1. Chia theo phạm vi đối tượng thi đua"),
    FormRow("02", "Toàn quốc", 1),
    FormRow("03", "Bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương", 1),
    FormRow(None, "2. Chia theo thời hạn thi đua"),
    FormRow("06", "Dưới 1 năm", 1),
    FormRow("07", "1 năm", 1),
    FormRow("08", "Từ 1 năm đến dưới 3 năm", 1),
    FormRow("09", "Từ 3 năm trở lên", 1),
    FormRow(None, "3. Chia theo phương thức tổ chức phong trào thi đua"),
    FormRow("10", "Thi đua theo chuyên đề", 1),
    FormRow("11", "Thi đua thường xuyên hàng năm", 1),
)
FORM_0701 = FormSpec(
    key="0601",
    number="0701.N/BNV-TĐKT",
    circular=TT03,
    title="SỐ PHONG TRÀO THI ĐUA",
    count_unit="Đơn vị tính: Phong trào",
    header=(
        (
            HeaderCell("", rowspan=2),
            HeaderCell("Mã số", rowspan=2),
            HeaderCell("Tổng số", rowspan=2),
            HeaderCell("Chia theo cấp phát động", colspan=2),
        ),
        tuple(HeaderCell(text) for text in COLUMNS[1:3]),
    ),
    rows=ROWS_0701,
    figures=3,
)


@dataclass(frozen=True)
class MovementFacts:
    launch_level: str  # level code of the launching unit: central, province, district, ...
    starts_on: datetime.date
    ends_on: datetime.date
    kind: str  # regular, campaign, thematic
    for_cluster: bool = False


@dataclass(frozen=True)
class MovementLink:
    """A movement as the report selects it: who launched it and under which movement."""

    pk: int
    launched_by_path: str
    parent_id: int | None


def own_movements(links: list[MovementLink], reporting_path: str) -> set[int]:
    """The movements the reporting body counts as its own: launched by it or by a unit below
    it (its path is a prefix), and not launched under a movement counted here already."""
    inside = {m.pk: m for m in links if m.launched_by_path.startswith(reporting_path)}
    return {pk for pk, movement in inside.items() if movement.parent_id not in inside}


def _column(level: str) -> int:
    return {"central": 1, "province": 2}.get(level, 3)


def _scope_row(facts: MovementFacts) -> str:
    if facts.for_cluster:
        return "04"
    return {"central": "02", "province": "03"}.get(facts.launch_level, "05")


def period_years(facts: MovementFacts) -> tuple[int, bool]:
    """(whole years, exact) of the movement's emulation period, as the form bands it."""
    start, end = facts.starts_on, facts.ends_on
    ends_a_year = (end.month, end.day) == (12, 31)
    if ends_a_year and end.year > start.year:
        # A period named by its years (2021–2025) counts them all.
        return end.year - start.year + 1, True
    if ends_a_year and facts.kind == "regular":
        # The regular movement of the year, launched once the year's plan is signed.
        return 1, True
    return whole_years_inclusive(start, end)


def duration_row(facts: MovementFacts) -> str:
    years, exact = period_years(facts)
    if years == 0:
        return "06"
    if years == 1 and exact:
        return "07"
    if years < 3:
        return "08"
    if years < 5:
        return "09"
    return "10"


def _method_row(facts: MovementFacts) -> str:
    # The form has no row for campaigns (theo đợt); they are organised around one theme or
    # event, so they count with thematic emulation.
    return "12" if facts.kind == "regular" else "11"


def tally(movements: list[MovementFacts]) -> dict[str, list[int]]:
    """Each row code of 0601 -> [total, central, province, below], as the form adds them."""
    table = FORM_0601.empty_table()
    for facts in movements:
        column = _column(facts.launch_level)
        for code in ("01", _scope_row(facts), duration_row(facts), _method_row(facts)):
            table[code][0] += 1
            table[code][column] += 1
    return table


_0701_DURATION = {"06": "06", "07": "07", "08": "08", "09": "09", "10": "09"}


def tally_0701(movements: list[MovementFacts]) -> dict[str, list[int]]:
    """Each row code of 0701 -> [total, central, province]. The form is the ministry's and
    the province's: a movement launched below the province has no column and is left out."""
    table = FORM_0701.empty_table()
    for facts in movements:
        if facts.launch_level not in ("central", "province"):
            continue
        column = _column(facts.launch_level)
        scope = "02" if facts.launch_level == "central" else "03"
        method = "11" if facts.kind == "regular" else "10"
        for code in ("01", scope, _0701_DURATION[duration_row(facts)], method):
            table[code][0] += 1
            table[code][column] += 1
    return table
