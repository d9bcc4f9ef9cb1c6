"""The attendance report of a session, counted in plain Python (tested without a database).

For each invited unit: how many were registered, how many came; the invited units that sent
nobody (registered nobody, or nobody who came); the evaluation averages per question.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AttendeeFact:
    unit_id: int
    attended: bool | None
    scores: tuple[int, int, int] | None = None  # content, usefulness, organisation


@dataclass
class UnitLine:
    unit_id: int
    name: str
    registered: int = 0
    present: int = 0

    @property
    def absent(self) -> int:
        return self.registered - self.present


@dataclass
class AttendanceReport:
    lines: list[UnitLine]
    absent_units: list[UnitLine] = field(default_factory=list)
    registered: int = 0
    present: int = 0
    evaluations: int = 0
    averages: tuple[float, float, float] | None = None

    @property
    def attendance_share(self) -> float:
        return self.present / self.registered if self.registered else 0.0


def attendance_report(
    invited: Iterable[tuple[int, str]],
    attendees: Iterable[AttendeeFact],
    parent_of=lambda unit_id: None,
) -> AttendanceReport:
    """`invited`: (unit id, name) in the order to print; an attendee of a unit under an
    invited one counts for it (`parent_of(unit_id)` gives the invited unit it belongs to)."""
    lines = {unit_id: UnitLine(unit_id, name) for unit_id, name in invited}
    totals = [0, 0, 0]
    evaluations = 0
    registered = present = 0
    for fact in attendees:
        unit_id = fact.unit_id if fact.unit_id in lines else parent_of(fact.unit_id)
        line = lines.get(unit_id)
        if line is None:
            continue
        line.registered += 1
        registered += 1
        if fact.attended:
            line.present += 1
            present += 1
            if fact.scores:
                evaluations += 1
                totals = [total + score for total, score in zip(totals, fact.scores, strict=True)]
    averages = tuple(round(total / evaluations, 2) for total in totals) if evaluations else None
    ordered = list(lines.values())
    return AttendanceReport(
        lines=ordered,
        absent_units=[line for line in ordered if line.present == 0],
        registered=registered,
        present=present,
        evaluations=evaluations,
        averages=averages,
    )
