"""The results table: averages, ties broken by the contest's written rules, prizes allocated.

Pure: no database. The services build `Result` rows from the stored sheets and call these.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Result:
    entry_id: int
    total: Decimal  # the round's average total over the judges' submitted sheets
    criteria: tuple[Decimal, ...] = ()  # the average per criterion, in the criteria's order
    previous: Decimal = Decimal(0)  # the average of the round before (0 in the first)
    submitted_at: datetime.datetime | None = None


@dataclass
class Ranked:
    result: Result
    rank: int
    # Equal on every written rule to its neighbour: the rules cannot order them.
    tied: bool = False
    prize: str = ""
    amount: int = 0
    extra: dict = field(default_factory=dict)


def average(values) -> Decimal:
    values = [Decimal(v) for v in values]
    if not values:
        return Decimal(0)
    return (sum(values) / len(values)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _key_part(result: Result, rule: str):
    """A value where smaller ranks first."""
    if rule == "final_total":
        return -result.total
    if rule == "previous_round":
        return -result.previous
    if rule in ("first_criterion", "second_criterion"):
        index = 0 if rule == "first_criterion" else 1
        return -(result.criteria[index] if len(result.criteria) > index else Decimal(0))
    if rule == "earlier":
        return result.submitted_at or datetime.datetime.max.replace(tzinfo=datetime.UTC)
    raise ValueError(f"unknown tie-break rule {rule!r}")


def rank(results: list[Result], tie_breaks: list[str]) -> list[Ranked]:
    """Highest total first; equal totals ordered by each written rule in turn. Rows still equal
    after every rule share a rank and are marked `tied` (the office must add a rule)."""
    rules = [rule for rule in tie_breaks if rule != "final_total"]

    def key(result: Result):
        return (-result.total, *(_key_part(result, rule) for rule in rules))

    ordered = sorted(results, key=lambda r: (key(r), r.entry_id))
    ranked: list[Ranked] = []
    for index, result in enumerate(ordered):
        if ranked and key(ranked[-1].result) == key(result):
            ranked[-1].tied = True
            ranked.append(Ranked(result, ranked[-1].rank, tied=True))
        else:
            ranked.append(Ranked(result, index + 1))
    return ranked


def top(ranked: list[Ranked], count: int) -> tuple[list[Ranked], str | None]:
    """The first `count` rows, or a Vietnamese reason when the cut falls inside a tie."""
    chosen = ranked[:count]
    if 0 < count < len(ranked) and ranked[count - 1].rank == ranked[count].rank:
        return chosen, (
            f"Các bài ở vị trí thứ {count} bằng nhau theo mọi quy tắc xếp hạng đã ghi trong "
            "thể lệ; bổ sung quy tắc trước khi tổng hợp."
        )
    return chosen, None


def allocate(ranked: list[Ranked], prizes: list[tuple[str, int, int]]) -> str | None:
    """Give the prizes (rank, count, amount), in the order listed, down the table; returns a
    Vietnamese reason (nothing given) when a prize's boundary falls inside a tie."""
    position = 0
    plan: list[tuple[Ranked, str, int]] = []
    for prize_rank, count, amount in prizes:
        for _ in range(count):
            if position >= len(ranked):
                break
            plan.append((ranked[position], prize_rank, amount))
            position += 1
    if 0 < position < len(ranked):
        last, following = ranked[position - 1], ranked[position]
        if last.tied and following.tied and last.rank == following.rank:
            return (
                "Hai bài ở ranh giới giải bằng nhau theo mọi quy tắc xếp hạng đã ghi trong "
                "thể lệ; bổ sung quy tắc trước khi trao giải."
            )
    for row in ranked:
        row.prize, row.amount = "", 0
    for row, prize_rank, amount in plan:
        row.prize, row.amount = prize_rank, amount
    return None
