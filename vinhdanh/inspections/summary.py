"""The year's inspection summary, counted in plain Python (tested without a database)."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

RESULTS = ("met", "partly", "not_met", "na")


@dataclass
class ItemLine:
    position: int
    text: str
    counts: Counter = field(default_factory=Counter)

    @property
    def inspected(self) -> int:
        """Units where the item applied (not applicable is left out)."""
        return sum(self.counts[result] for result in ("met", "partly", "not_met"))


@dataclass
class Summary:
    items: list[ItemLine]
    units: int
    signed: int
    follow_ups_open: int
    follow_ups_done: int
    follow_ups_late: int
    units_all_met: list[str]


def summarise(
    items: Iterable[tuple[int, int, str]],
    findings: Iterable[tuple[int, int, str]],
    visits: Iterable[tuple[int, str, bool]],
    follow_ups: Iterable[tuple[str, bool]],
) -> Summary:
    """`items`: (id, position, text); `findings`: (visit id, item id, result); `visits`:
    (id, unit name, signed); `follow_ups`: (state, late)."""
    lines = {item_id: ItemLine(position, text) for item_id, position, text in items}
    results_of: dict[int, list[str]] = {}
    for visit_id, item_id, result in findings:
        if item_id in lines:
            lines[item_id].counts[result] += 1
        results_of.setdefault(visit_id, []).append(result)
    visits = list(visits)
    states = list(follow_ups)
    all_met = [
        name
        for visit_id, name, _signed in visits
        if results_of.get(visit_id)
        and all(result in ("met", "na") for result in results_of[visit_id])
    ]
    return Summary(
        items=sorted(lines.values(), key=lambda line: line.position),
        units=len(visits),
        signed=sum(1 for _id, _name, signed in visits if signed),
        follow_ups_open=sum(1 for state, _late in states if state == "open"),
        follow_ups_done=sum(1 for state, _late in states if state == "done"),
        follow_ups_late=sum(1 for state, late in states if state == "open" and late),
        units_all_met=all_met,
    )
