"""Biểu số 0605.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): the civil servants doing the emulation
and commendation work, counted from what the standing offices record (reports.WorkStaff):
the reporting council's and those of the councils below it (a city adds up its wards').

Columns: 1 the number of people, 2 of them women. Rows: age on 31/12 of the year reported
(year − year of birth), training, years in the work (year − the year they started it). The
printed form numbers the last row 14 a second time; it is 15 here. Thông tư 03/2018 has no
such form.
"""

from dataclasses import dataclass

from vinhdanh.reports.official_forms import TT02, FormRow, FormSpec, HeaderCell

AGE_BANDS = [(30, "02"), (40, "03"), (50, "04"), (55, "05"), (60, "06")]  # up to and incl.
EDUCATION_ROWS = {
    "elementary": "08",
    "intermediate": "09",
    "college": "10",
    "university": "11",
    "postgraduate": "12",
}
FORM_0605 = FormSpec(
    key="0605",
    number="0605.N/BNV-TĐKT",
    circular=TT02,
    title=(
        "SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG "
        "ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
    ),
    count_unit="Đơn vị tính: Người",
    header=(
        (
            HeaderCell("", rowspan=2),
            HeaderCell("Mã số", rowspan=2),
            HeaderCell("Số lượng", colspan=2),
        ),
        (HeaderCell("Tổng số"), HeaderCell("Trong đó: Nữ")),
    ),
    rows=(
        FormRow("01", "Tổng số"),
        FormRow(None, "1. Chia theo độ tuổi"),
        FormRow("02", "Từ 30 trở xuống", 1),
        FormRow("03", "Từ 31 đến 40", 1),
        FormRow("04", "Từ 41 đến 50", 1),
        FormRow("05", "Từ 51 đến 55", 1),
        FormRow("06", "Từ 56 đến 60", 1),
        FormRow("07", "Trên 60 tuổi", 1),
        FormRow(None, "2. Chia theo trình độ đào tạo"),
        FormRow("08", "Sơ cấp", 1),
        FormRow("09", "Trung cấp", 1),
        FormRow("10", "Cao đẳng", 1),
        FormRow("11", "Đại học", 1),
        FormRow("12", "Trên đại học", 1),
        FormRow(None, "3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng"),
        FormRow("13", "Dưới 5 năm", 1),
        FormRow("14", "Từ 5 đến 10 năm", 1),
        FormRow("15", "Từ 10 năm trở lên", 1),
    ),
    figures=2,
)


@dataclass(frozen=True)
class StaffFacts:
    female: bool
    birth_year: int
    education: str
    started_year: int


def age_row(year: int, birth_year: int) -> str:
    age = year - birth_year
    for limit, code in AGE_BANDS:
        if age <= limit:
            return code
    return "07"


def seniority_row(year: int, started_year: int) -> str:
    """Under 5 years; 5 to under 10 ("từ 5 đến 10", the next row starting at 10); 10 and
    more."""
    years = year - started_year
    if years < 5:
        return "13"
    return "14" if years < 10 else "15"


def tally(year: int, staff: list[StaffFacts]) -> dict[str, list[int]]:
    table = FORM_0605.empty_table()
    for person in staff:
        codes = ["01", age_row(year, person.birth_year), seniority_row(year, person.started_year)]
        if row := EDUCATION_ROWS.get(person.education):
            codes.append(row)
        for code in codes:
            table[code][0] += 1
            table[code][1] += int(person.female)
    return table
