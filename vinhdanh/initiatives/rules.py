"""The pure rules of initiatives: the scoring sheet, co-authors' shares, the council's vote.

No database here. The criteria and the vote threshold are settings (the province's initiative
regulation decides them); the defaults follow common provincial practice under the Điều lệ
Sáng kiến (Nghị định 13/2012/NĐ-CP, Thông tư 18/2013/TT-BKHCN).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

# The instrument the app follows, said on its pages and in the recognition decision.
LEGAL_BASIS = (
    "Điều lệ Sáng kiến ban hành kèm theo Nghị định số 13/2012/NĐ-CP ngày 02/3/2012 của "
    "Chính phủ; Thông tư số 18/2013/TT-BKHCN ngày 01/8/2013 của Bộ Khoa học và Công nghệ"
)
# The province's own initiative regulation is a setting (law.md §8: each province issues one).
DEFAULT_PROVINCE_REGULATION = ""

# (code, label, maximum points): novelty, applicability, effect, scope of influence.
DEFAULT_CRITERIA = (
    ("tinh_moi", "Tính mới", 30),
    ("kha_nang_ap_dung", "Khả năng áp dụng", 25),
    ("hieu_qua", "Hiệu quả", 30),
    ("pham_vi_anh_huong", "Phạm vi ảnh hưởng", 15),
)
# The council recognises when more than this share of the members present agree.
DEFAULT_VOTE_SHARE = Decimal("0.5")


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    maximum: int


def default_criteria() -> list[dict]:
    """The criteria a new council starts with: the setting, else the defaults above."""
    rows = getattr(settings, "INITIATIVES_CRITERIA", None) or DEFAULT_CRITERIA
    return [{"code": c, "label": label, "maximum": int(m)} for c, label, m in rows]


def criteria_of(rows: list[dict]) -> list[Criterion]:
    return [Criterion(r["code"], r["label"], int(r["maximum"])) for r in rows]


def vote_share() -> Decimal:
    return Decimal(str(getattr(settings, "INITIATIVES_VOTE_SHARE", DEFAULT_VOTE_SHARE)))


def province_regulation() -> str:
    return getattr(settings, "INITIATIVES_PROVINCE_REGULATION", DEFAULT_PROVINCE_REGULATION)


def legal_bases() -> list[str]:
    bases = [LEGAL_BASIS]
    if regulation := province_regulation():
        bases.append(regulation)
    return bases


def share_problem(shares: list[int]) -> str | None:
    """Why co-authors' shares (percent) do not add up, or None."""
    if not shares:
        return "Sáng kiến phải có ít nhất một tác giả."
    if any(share is None or share <= 0 or share > 100 for share in shares):
        return "Tỷ lệ đóng góp của mỗi tác giả phải từ 1 đến 100%."
    total = sum(shares)
    if total != 100:
        return f"Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là {total}%)."
    return None


def score_problems(criteria: list[Criterion], points: dict[str, int | None]) -> dict[str, str]:
    """Each criterion's refusal (above its maximum, negative, missing), keyed by its code."""
    problems = {}
    for criterion in criteria:
        value = points.get(criterion.code)
        if value is None:
            problems[criterion.code] = f"Chưa chấm tiêu chí “{criterion.label}”."
        elif value < 0:
            problems[criterion.code] = f"Điểm “{criterion.label}” không được âm."
        elif value > criterion.maximum:
            problems[criterion.code] = (
                f"Điểm “{criterion.label}” tối đa là {criterion.maximum}, không nhận {value}."
            )
    return problems


def vote_problem(members: int, present: int, agree: int) -> str | None:
    """Why a recorded vote does not add up, or None."""
    if present <= 0:
        return "Cuộc họp phải có ít nhất một thành viên dự."
    if present > members:
        return f"Số thành viên dự ({present}) vượt số thành viên hội đồng ({members})."
    if agree < 0 or agree > present:
        return f"Số phiếu đồng ý phải từ 0 đến số thành viên dự ({present})."
    return None


def vote_passes(present: int, agree: int, share: Decimal | None = None) -> bool:
    """More than `share` of the members present agree (default: more than half)."""
    share = vote_share() if share is None else share
    return present > 0 and Decimal(agree) > share * Decimal(present)


def averages(criteria: list[Criterion], sheets: list[dict[str, int]]) -> dict[str, Decimal]:
    """The mean points per criterion over the members' sheets, and the mean total."""
    if not sheets:
        return {}
    result = {}
    for criterion in criteria:
        values = [sheet.get(criterion.code, 0) for sheet in sheets]
        result[criterion.code] = (Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"))
    totals = [sum(sheet.get(c.code, 0) for c in criteria) for sheet in sheets]
    result["total"] = (Decimal(sum(totals)) / len(totals)).quantize(Decimal("0.01"))
    return result
