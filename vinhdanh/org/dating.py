"""Dates of the organisation: whether a reorganisation adds up, and (from
`accounts.validity`) whether a unit or a council exists on a day. Pure functions (no queries
of their own), tested without a database.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# Whether one unit or council exists on a day: shared with the accounts' seats.
from vinhdanh.accounts.validity import active_on, day_text, inactive_reason, require_active

__all__ = ["active_on", "inactive_reason", "require_active"]


# What a reorganisation's check needs, as plain values (the service gathers them).
@dataclass(frozen=True)
class UnitFacts:
    name: str
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    # Names of sub-units that still exist and are not ended by this reorganisation.
    open_children: tuple[str, ...] = ()


@dataclass
class ReorganisationPlan:
    effective_on: datetime.date
    units: dict[int, UnitFacts]  # every predecessor, dissolved and existing successor
    # successor key -> (label, id of an existing unit or None for a unit to create)
    successors: dict[str, tuple[str, int | None]]
    sources: list[tuple[str, int, str]]  # (successor key, predecessor id, "whole" | "part")
    dissolved: set[int] = field(default_factory=set)  # ended without a successor
    # people of each split or dissolved unit: unit id -> {person id: name}
    people_of: dict[int, dict[int, str]] = field(default_factory=dict)
    moves: list[tuple[int, str, str]] = field(default_factory=list)  # (person, name, key)
    taken_codes: set[str] = field(default_factory=set)  # codes of existing units
    new_parents: dict[str, int] = field(default_factory=dict)  # new successor key -> parent id


def ended_units(plan: ReorganisationPlan) -> set[int]:
    return {predecessor for _key, predecessor, _share in plan.sources} | set(plan.dissolved)


def split_units(plan: ReorganisationPlan) -> set[int]:
    """Units whose people are reassigned one by one: split in parts, or dissolved."""
    parts = {pred for _key, pred, share in plan.sources if share == "part"}
    return parts | (set(plan.dissolved) - {pred for _k, pred, _s in plan.sources})


def allowed_targets(plan: ReorganisationPlan, unit_id: int) -> set[str]:
    """Where the people of a split unit may go: its successors; of a dissolved one: any."""
    keys = {key for key, pred, share in plan.sources if pred == unit_id and share == "part"}
    return keys or set(plan.successors)


def reorganisation_problems(plan: ReorganisationPlan) -> list[str]:
    """Every reason the reorganisation cannot be applied, in Vietnamese; empty when it can."""
    problems: list[str] = []
    day = plan.effective_on
    ended = ended_units(plan)
    if not plan.successors and not plan.dissolved:
        problems.append(_("Đợt sắp xếp chưa có đơn vị kế thừa hay đơn vị giải thể nào."))
    formed = {key for key, _pred, _share in plan.sources}
    for key, (label, _existing) in plan.successors.items():
        if key not in formed:
            problems.append(
                _("Đơn vị kế thừa “%(name)s” chưa được hình thành từ đơn vị nào.") % {"name": label}
            )
    for key, (label, existing) in plan.successors.items():
        if existing is None:
            parent = plan.new_parents.get(key)
            if parent is not None and (
                parent in ended
                or (plan.units[parent].valid_to is not None and plan.units[parent].valid_to <= day)
            ):
                problems.append(
                    _(
                        "Đơn vị cấp trên “%(parent)s” của “%(name)s” không còn hoạt động "
                        "từ ngày %(day)s."
                    )
                    % {"parent": plan.units[parent].name, "name": label, "day": day_text(day)}
                )
            if key in plan.taken_codes:
                problems.append(
                    _("Mã đơn vị “%(code)s” của “%(name)s” đã được dùng cho một đơn vị khác.")
                    % {"code": key, "name": label}
                )
            continue
        facts = plan.units[existing]
        if existing in ended:
            problems.append(
                _("“%(name)s” không thể vừa chấm dứt vừa là đơn vị kế thừa.") % {"name": label}
            )
        elif facts.valid_to is not None and facts.valid_to <= day:
            problems.append(
                _("Đơn vị kế thừa “%(name)s” đã chấm dứt hoạt động từ ngày %(end)s.")
                % {"name": label, "end": day_text(facts.valid_to)}
            )
    for unit_id in sorted(ended, key=lambda pk: plan.units[pk].name):
        facts = plan.units[unit_id]
        if facts.valid_to is not None and facts.valid_to <= day:
            text = _(
                "“%(name)s” đã chấm dứt hoạt động từ ngày %(end)s, không thể sắp xếp lại "
                "từ ngày %(day)s."
            )
            problems.append(
                text % {"name": facts.name, "end": day_text(facts.valid_to), "day": day_text(day)}
            )
        elif facts.valid_from is not None and facts.valid_from >= day:
            problems.append(
                _("Ngày hiệu lực %(day)s phải sau ngày “%(name)s” bắt đầu hoạt động (%(start)s).")
                % {"day": day_text(day), "name": facts.name, "start": day_text(facts.valid_from)}
            )
        shares = [share for _key, pred, share in plan.sources if pred == unit_id]
        if shares.count("whole") > 1 or ("whole" in shares and "part" in shares):
            text = _(
                "“%(name)s” được sáp nhập toàn bộ thì không thể đồng thời chuyển vào đơn vị "
                "kế thừa khác."
            )
            problems.append(text % {"name": facts.name})
        if unit_id in plan.dissolved or "part" in shares:
            # A whole predecessor's sub-units move with it; others would be left orphaned.
            for child in facts.open_children:
                problems.append(
                    _("“%(name)s” còn đơn vị trực thuộc “%(child)s” đang hoạt động.")
                    % {"name": facts.name, "child": child}
                )
    problems.extend(_people_problems(plan))
    return problems


def _people_problems(plan: ReorganisationPlan) -> list[str]:
    problems: list[str] = []
    split = split_units(plan)
    home = {pid: unit for unit in split for pid in plan.people_of.get(unit, {})}
    seen: dict[int, str] = {}

    def label(key: str) -> str:
        return plan.successors.get(key, (key,))[0]

    for person_id, name, key in plan.moves:
        if person_id in seen:
            problems.append(
                _("“%(name)s” được phân về hai lần (%(first)s và %(second)s).")
                % {"name": name, "first": label(seen[person_id]), "second": label(key)}
            )
            continue
        seen[person_id] = key
        if person_id not in home:
            problems.append(
                _("“%(name)s” không thuộc đơn vị nào bị chia tách hay giải thể trong đợt này.")
                % {"name": name}
            )
        elif key not in allowed_targets(plan, home[person_id]):
            text = _(
                "“%(name)s” của “%(unit)s” được phân về “%(target)s”, không phải đơn vị kế "
                "thừa của “%(unit)s”."
            )
            unit = plan.units[home[person_id]].name
            problems.append(text % {"name": name, "unit": unit, "target": label(key)})
    for unit in sorted(split, key=lambda pk: plan.units[pk].name):
        left = [name for pid, name in plan.people_of.get(unit, {}).items() if pid not in seen]
        if left:
            names = ", ".join(sorted(left)[:10]) + ("…" if len(left) > 10 else "")
            problems.append(
                _("%(count)d cá nhân của “%(unit)s” chưa được phân về đơn vị mới: %(names)s.")
                % {"count": len(left), "unit": plan.units[unit].name, "names": names}
            )
    return problems
