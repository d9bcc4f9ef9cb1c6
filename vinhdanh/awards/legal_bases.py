"""The legal bases ("Căn cứ …") a decision cites, read from the law register on its date.

The register (`rules/engine/instruments.py`) says which law, decree, circular and
province's regulation are in force on the signing day; this module writes each as a
decision cites it: number, date of issue and title. The dates and titles come from
/work/shared/domain/law.md §0 where it gives them; an instrument whose date law.md does
not give is cited by number and title only. The Law on the organisation of local
government is not in the register: it is the setting `VINHDANH_LOCAL_GOVERNMENT_LAWS`
(see docs/deploy.md). Pure Python apart from reading that setting.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings

# How a decision names an instrument of the register: (number, date of issue, rest of the
# title), written "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ …".
# Only dates law.md §0 gives are written; None leaves the date out.
CITATIONS: dict[str, tuple[str, datetime.date | None, str]] = {
    "luat_2003": (
        "Luật Thi đua, khen thưởng số 15/2003/QH11",
        None,
        "; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng số 47/2005/QH11, "
        "số 32/2009/QH12 và số 39/2013/QH13",
    ),
    "nd_91_2017": (
        "Nghị định số 91/2017/NĐ-CP",
        None,
        " của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    ),
    "tt_12_2019": (
        "Thông tư số 12/2019/TT-BNV",
        datetime.date(2019, 11, 4),
        " của Bộ Nội vụ quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP",
    ),
    "luat_2022": ("Luật Thi đua, khen thưởng số 06/2022/QH15", datetime.date(2022, 6, 15), ""),
    "nd_98_2023": (
        "Nghị định số 98/2023/NĐ-CP",
        datetime.date(2023, 12, 31),
        " của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    ),
    "tt_01_2024": (
        "Thông tư số 01/2024/TT-BNV",
        datetime.date(2024, 2, 24),
        " của Bộ Nội vụ quy định biện pháp thi hành Luật Thi đua, khen thưởng và Nghị định số "
        "98/2023/NĐ-CP",
    ),
    "nd_152_2025": (
        "Nghị định số 152/2025/NĐ-CP",
        datetime.date(2025, 6, 14),
        " của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; "
        "quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
    ),
    "nd_129_2025": (
        "Nghị định số 129/2025/NĐ-CP",
        None,
        " của Chính phủ quy định việc phân định thẩm quyền của chính quyền địa phương 02 cấp "
        "trong lĩnh vực quản lý nhà nước của Bộ Nội vụ",
    ),
}
KIND_WORDS = {"nghi_dinh": "Nghị định", "thong_tu": "Thông tư"}
KIND_ORDER = {"luat": 0, "nghi_dinh": 1, "thong_tu": 2, "quy_dinh_tinh": 3}
QUESTIONS = {"criteria", "authority", "procedure"}

# The Law on the organisation of local government, by date (not in the register; law.md
# does not cover it). A deployment overrides VINHDANH_LOCAL_GOVERNMENT_LAWS.
LOCAL_GOVERNMENT_LAWS = [
    {
        "to": "2025-06-15",
        "text": "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ "
        "sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
        "ngày 22 tháng 11 năm 2019",
    },
    {
        "from": "2025-06-16",
        "text": "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025",
    },
]


def long_date(day: datetime.date) -> str:
    """'ngày 15 tháng 6 năm 2022' as the bases write a date (months 1, 2 with a zero)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


@dataclass(frozen=True)
class Basis:
    instrument: str  # the register's id ("" for the settings' laws)
    text: str  # "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"

    @property
    def line(self) -> str:
        return f"Căn cứ {self.text};"


def cite(instrument) -> str:
    """One instrument of the register as a decision cites it."""
    if instrument.id in CITATIONS:
        head, signed, rest = CITATIONS[instrument.id]
    else:  # an instrument added to the register later, or the province's regulation
        word = KIND_WORDS.get(instrument.kind)
        head = f"{word} số {instrument.number}" if word and instrument.number else instrument.name
        if not word and instrument.number and instrument.number not in head:
            head = f"{head} (số {instrument.number})"
        signed, rest = None, " của Bộ Nội vụ" if instrument.number.endswith("TT-BNV") else ""
    return f"{head} {long_date(signed)}{rest}" if signed else f"{head}{rest}"


def _in_range(item: dict, on: datetime.date) -> bool:
    start, end = item.get("from"), item.get("to")
    return (not start or datetime.date.fromisoformat(start) <= on) and (
        not end or on <= datetime.date.fromisoformat(end)
    )


def local_government_laws(on: datetime.date) -> list[Basis]:
    table = getattr(settings, "VINHDANH_LOCAL_GOVERNMENT_LAWS", LOCAL_GOVERNMENT_LAWS)
    return [Basis("", item["text"]) for item in table if _in_range(item, on)]


def register_bases(register, on: datetime.date, title_ids=()) -> list[Basis]:
    """The instruments the register has in force on `on` that govern who confers what and
    how (law, decrees, circulars, the province's regulation), law first."""
    found = {}
    for question in sorted(QUESTIONS):
        for title_id in [None, *title_ids]:
            for item in register.in_force(on, question, title_id):
                if item.kind in KIND_ORDER:
                    found[item.id] = item
    ordered = sorted(
        found.values(),
        # The detailing decree before a decree on powers that took effect the same day.
        key=lambda i: (KIND_ORDER[i.kind], i.valid_from or on, "criteria" not in i.questions),
    )
    return [Basis(item.id, cite(item)) for item in ordered]


def decision_bases(register, on: datetime.date, title_ids=(), extra=()) -> list[str]:
    """Every "Căn cứ …;" line of a decision signed `on`: the local government law, the
    register's instruments, then `extra` (the council's establishment, its meeting)."""
    bases = [*local_government_laws(on), *register_bases(register, on, title_ids)]
    return [basis.line for basis in bases] + [f"Căn cứ {text};" for text in extra]
