"""Pure scoring rules: checking points, totals, ranking and the ballot count.

Ranking tie-breaks, applied in this order when totals are equal:
1. fewer penalty points (a unit with no violations ranks above one that made up for them);
2. more points on the standard criteria (results of the tasks themselves, before bonuses);
3. more criteria scored at their maximum;
4. still equal: the units share the rank (1, 1, 3 …) and are listed by name.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STANDARD, BONUS, PENALTY = "standard", "bonus", "penalty"
TIE_BREAK_RULES = [
    gettext_lazy("Tổng điểm cao hơn xếp trên."),
    gettext_lazy("Bằng tổng điểm: đơn vị bị trừ ít điểm hơn xếp trên."),
    gettext_lazy(
        "Vẫn bằng: đơn vị có điểm các tiêu chí chấm điểm (không kể điểm thưởng) cao hơn xếp trên."
    ),
    gettext_lazy("Vẫn bằng: đơn vị có nhiều tiêu chí đạt điểm tối đa hơn xếp trên."),
    gettext_lazy("Vẫn bằng: các đơn vị đồng hạng, liệt kê theo tên."),
]


def parse_points(raw, *, max_points: Decimal, label: str) -> Decimal | None:
    """Points typed by a user ('8', '7,5'); None when empty. Raises ValueError with a message."""
    if raw is None or str(raw).strip() == "":
        return None
    text = str(raw).strip().replace(",", ".")
    values = {"label": label, "raw": raw, "max": max_points}
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise ValueError(_("Tiêu chí %(label)s: “%(raw)s” không phải là số điểm.") % values)
    values["value"] = value
    if value < 0:
        raise ValueError(
            _("Tiêu chí %(label)s: điểm không được âm (điểm trừ ghi số dương, hệ thống tự trừ).")
            % values
        )
    if value > max_points:
        raise ValueError(_("Tiêu chí %(label)s: %(value)s vượt quá điểm tối đa %(max)s.") % values)
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(
            _("Tiêu chí %(label)s: điểm chỉ lấy tối đa hai chữ số thập phân.") % values
        )
    return value


@dataclass
class Totals:
    standard: Decimal = Decimal(0)
    bonus: Decimal = Decimal(0)
    penalty: Decimal = Decimal(0)
    at_max: int = 0

    @property
    def total(self) -> Decimal:
        return self.standard + self.bonus - self.penalty


def totals(items) -> Totals:
    """`items`: (kind, points or None, max points) of one scorecard."""
    result = Totals()
    for kind, points, max_points in items:
        if points is None:
            continue
        if kind == PENALTY:
            result.penalty += points
        elif kind == BONUS:
            result.bonus += points
        else:
            result.standard += points
            if points == max_points:
                result.at_max += 1
    return result


@dataclass
class RankRow:
    key: object  # the unit's id
    name_key: str  # sort key of the unit's name, for listing equals
    totals: Totals
    rank: int = 0
    tied: bool = False
    extra: dict = field(default_factory=dict)


def _merit(row: RankRow) -> tuple:
    t = row.totals
    return (-t.total, t.penalty, -t.standard, -t.at_max)


def rank(rows: list[RankRow]) -> list[RankRow]:
    """Rows ordered best first, each with its rank (equal merit shares a rank)."""
    ordered = sorted(rows, key=lambda row: (_merit(row), row.name_key))
    for index, row in enumerate(ordered):
        if index and _merit(row) == _merit(ordered[index - 1]):
            row.rank = ordered[index - 1].rank
            row.tied = ordered[index - 1].tied = True
        else:
            row.rank = index + 1
    return ordered


@dataclass
class TallyRow:
    unit: object
    votes: int
    elected: bool = False


def count_rule(threshold_percent: int, member_count: int, seats: int) -> str:
    return _(
        "Đơn vị được suy tôn khi có số phiếu đồng ý trên %(percent)d%% tổng số %(members)d "
        "đơn vị thành viên của cụm; lấy tối đa %(seats)d đơn vị theo số phiếu từ cao xuống "
        "thấp; bằng phiếu thì đơn vị xếp hạng chấm điểm cao hơn được chọn."
    ) % {"percent": threshold_percent, "members": member_count, "seats": seats}


def tally(
    papers: list[list],
    *,
    member_count: int,
    threshold_percent: int,
    seats: int,
    ranking_order: list,
) -> list[TallyRow]:
    """Count ballot papers (each a list of chosen units) by the recorded rule."""
    counts: dict = {}
    for paper in papers:
        for unit in set(paper):
            counts[unit] = counts.get(unit, 0) + 1
    position = {unit: index for index, unit in enumerate(ranking_order)}
    rows = [TallyRow(unit, votes) for unit, votes in counts.items()]
    rows.sort(key=lambda row: (-row.votes, position.get(row.unit, len(position))))
    elected = 0
    for row in rows:
        # Strictly more than the threshold share of all member units, not of the voters.
        if row.votes * 100 > threshold_percent * member_count and elected < seats:
            row.elected = True
            elected += 1
    return rows
