"""Biểu số 0601.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): the number of emulation movements.

Columns: 1 total, then by the level that launched the movement: 2 central (Hội đồng TĐKT
Trung ương), 3 ministry, branch or province, 4 agencies and units below. Rows: scope,
duration and method, each with its official code. Counting is a pure function of plain
facts, so it is tested without a database.
"""

import datetime
from dataclasses import dataclass

# (code, label, indent) in the form's order; a None code is a heading row.
ROWS = [
    ("01", "Tổng số", 0),
    (None, "1. Chia theo phạm vi tổ chức thi đua", 0),
    ("02", "Toàn quốc", 1),
    ("03", "Bộ, ban, ngành đoàn thể, địa phương", 1),
    ("04", "Cụm, khối thi đua do Hội đồng TĐKT các cấp tổ chức", 1),
    ("05", "Cơ quan, tổ chức, đơn vị", 1),
    (None, "2. Chia theo thời hạn thi đua", 0),
    ("06", "Dưới 1 năm", 1),
    ("07", "1 năm", 1),
    ("08", "Từ 1 năm đến dưới 3 năm", 1),
    ("09", "Từ 3 năm đến dưới 5 năm", 1),
    ("10", "Từ 5 năm trở lên", 1),
    (None, "3. Chia theo phương thức tổ chức phong trào thi đua", 0),
    ("11", "Thi đua theo chuyên đề", 1),
    ("12", "Thi đua thường xuyên hàng năm", 1),
]
COLUMNS = [
    "Tổng số",
    "Cấp Trung ương",
    "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố",
    "Cơ quan, tổ chức, đơn vị",
]


@dataclass(frozen=True)
class MovementFacts:
    launch_level: str  # level code of the launching unit: central, province, district, ...
    starts_on: datetime.date
    ends_on: datetime.date
    kind: str  # regular, campaign, thematic
    for_cluster: bool = False


def _column(level: str) -> int:
    return {"central": 1, "province": 2}.get(level, 3)


def _scope_row(facts: MovementFacts) -> str:
    if facts.for_cluster:
        return "04"
    return {"central": "02", "province": "03"}.get(facts.launch_level, "05")


def _whole_years(start: datetime.date, end: datetime.date) -> float:
    """Length in years, counting both ends: 01/01–31/12 is exactly one year."""
    return ((end - start).days + 1) / 365.25


def _duration_row(facts: MovementFacts) -> str:
    years = _whole_years(facts.starts_on, facts.ends_on)
    if years < 0.99:
        return "06"
    if years < 1.01:
        return "07"
    if years < 3 - 0.01:
        return "08"
    if years < 5 - 0.01:
        return "09"
    return "10"


def _method_row(facts: MovementFacts) -> str:
    # The form has no row for campaigns (theo đợt); they are organised around one theme or
    # event, so they count with thematic emulation.
    return "12" if facts.kind == "regular" else "11"


def tally(movements: list[MovementFacts]) -> dict[str, list[int]]:
    """Each row code -> [total, central, province, below], as the form adds them up."""
    table = {code: [0, 0, 0, 0] for code, _label, _indent in ROWS if code}
    for facts in movements:
        column = _column(facts.launch_level)
        for code in ("01", _scope_row(facts), _duration_row(facts), _method_row(facts)):
            table[code][0] += 1
            table[code][column] += 1
    return table
