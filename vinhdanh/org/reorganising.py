"""Recording a reorganisation as it happened (the 2025 reform) and applying it at once.

A draft holds what ends on the day, what each successor is formed from (whole units or
parts), and where each person of a split or dissolved unit goes. Applying it, in one
transaction, ends the old units, creates and links the successors, moves the people with
their dated history, or refuses with every reason and changes nothing.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.models import User
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import (
    IMPORT_MAX_UNCOMPRESSED,
    SPREADSHEET,
    UploadRejected,
    validate_upload,
)
from vinhdanh.core.workbook import RowError, WorkbookUnreadable
from vinhdanh.org import reshaping
from vinhdanh.org.dating import (
    ReorganisationPlan,
    UnitFacts,
    allowed_targets,
    ended_units,
    reorganisation_problems,
    split_units,
)
from vinhdanh.org.models import (
    Person,
    PlannedMove,
    PlannedSource,
    PlannedUnit,
    Reorganisation,
    Share,
    Unit,
)
from vinhdanh.org.people_import import PEOPLE_FILE_MAX_BYTES, parse_moves_workbook
from vinhdanh.org.workflows import DRAFT, REORGANISATIONS
from vinhdanh.workflow.engine import save_versioned, transition
from vinhdanh.workflow.permissions import require


def plan_of(reorganisation: Reorganisation) -> ReorganisationPlan:
    """The reorganisation as the pure check reads it (a fixed number of queries)."""
    planned = list(reorganisation.planned_units.select_related("unit").prefetch_related("sources"))
    sources = [(p.key, s.predecessor_id, s.share) for p in planned for s in p.sources.all()]
    dissolved = set(reorganisation.dissolved.values_list("pk", flat=True))
    plan = ReorganisationPlan(
        effective_on=reorganisation.effective_on,
        units={},
        successors={p.key: (p.label, p.unit_id) for p in planned},
        sources=sources,
        dissolved=dissolved,
    )
    plan.new_parents = {p.code: p.parent_id for p in planned if not p.unit_id and p.parent_id}
    ended = ended_units(plan)
    ids = ended | {p.unit_id for p in planned if p.unit_id} | set(plan.new_parents.values())
    children: dict[int, list[str]] = {}
    for parent_id, name in (
        Unit.objects.filter(parent_id__in=ended, valid_to__isnull=True)
        .exclude(pk__in=ended)
        .values_list("parent_id", "name")
    ):
        children.setdefault(parent_id, []).append(name)
    plan.units = {
        unit.pk: UnitFacts(
            unit.name, unit.valid_from, unit.valid_to, tuple(children.get(unit.pk, ()))
        )
        for unit in Unit.objects.filter(pk__in=ids)
    }
    split = split_units(plan)
    for pk, unit_id, name in Person.objects.filter(unit_id__in=split).values_list(
        "pk", "unit_id", "full_name"
    ):
        plan.people_of.setdefault(unit_id, {})[pk] = name
    plan.moves = [
        (move.person_id, move.person.full_name, move.planned.key)
        for move in reorganisation.moves.select_related("person", "planned__unit")
    ]
    new_codes = [p.code for p in planned if not p.unit_id]
    plan.taken_codes = set(Unit.objects.filter(code__in=new_codes).values_list("code", flat=True))
    return plan


def _editable(actor, reorganisation: Reorganisation) -> Reorganisation:
    """The stored draft, locked; each edit raises its version so a stale page cannot apply."""
    require(actor, "org.manage_reorganisations")
    # Edits add rows, so two people may edit at once; only applying compares the version.
    current = Reorganisation.objects.select_for_update().get(pk=reorganisation.pk)
    if current.state != DRAFT:
        raise ValidationError(_("Đợt sắp xếp đã áp dụng hoặc đã hủy, không thể sửa."))
    return current


def _require_in_council_tree(reorganisation: Reorganisation, units) -> None:
    """A council reorganises the units it governs: its unit's subtree (the city its wards and
    the former districts' units), never another council's tree. The instance administrator's
    reorganisations (no council) may name any unit."""
    council = reorganisation.council
    if council is None:
        return
    outside = [u for u in units if u is not None and not u.path.startswith(council.unit.path)]
    if outside:
        raise ValidationError(
            _(
                "“%(unit)s” không thuộc %(tree)s: đợt sắp xếp chỉ gồm các đơn vị do "
                "%(council)s quản lý."
            )
            % {"unit": outside[0].name, "tree": council.unit.name, "council": council.name}
        )


def _touched(reorganisation: Reorganisation) -> Reorganisation:
    return save_versioned(REORGANISATIONS, reorganisation)


@transaction.atomic
def create_reorganisation(
    *, actor, name: str, effective_on: datetime.date, basis: str = ""
) -> Reorganisation:
    require(actor, "org.manage_reorganisations")
    return save_and_record(
        actor=actor,
        instance=Reorganisation(
            name=name.strip(),
            basis=basis.strip(),
            effective_on=effective_on,
            council=acting_council(actor),
            created_by=actor,
        ),
        action="org.reorganisation.create",
    )


@transaction.atomic
def add_successor(
    *,
    actor,
    reorganisation: Reorganisation,
    wholes=(),
    parts=(),
    unit: Unit | None = None,
    **new_unit,
) -> PlannedUnit:
    """A successor (an existing unit, or one to create) formed from whole units and parts."""
    reorganisation = _editable(actor, reorganisation)
    wholes, parts = list(wholes), list(parts)
    _require_in_council_tree(reorganisation, [*wholes, *parts, unit, new_unit.get("parent")])
    if not wholes and not parts:
        raise ValidationError(_("Chọn ít nhất một đơn vị tiền thân (toàn bộ hoặc một phần)."))
    both = {u.pk for u in wholes} & {u.pk for u in parts}
    if both:
        raise ValidationError(
            _("Một đơn vị không thể vừa sáp nhập toàn bộ vừa chia một phần vào cùng đơn vị.")
        )
    if unit is None:
        missing = [n for n in ("code", "name", "kind", "level") if not new_unit.get(n)]
        if missing:
            raise ValidationError(
                _("Chọn một đơn vị đã có, hoặc nhập mã, tên, loại và cấp của đơn vị mới.")
            )
        if Unit.objects.filter(code=new_unit["code"]).exists():
            raise ValidationError(_("Mã đơn vị này đã được dùng cho một đơn vị khác."))
    taken = reorganisation.planned_units.filter(
        **({"unit": unit} if unit else {"code": new_unit["code"], "unit__isnull": True})
    )
    if taken.exists():
        raise ValidationError(_("Đơn vị kế thừa này đã có trong đợt sắp xếp."))
    planned = PlannedUnit.objects.create(
        reorganisation=reorganisation,
        unit=unit,
        **({} if unit else {k: new_unit.get(k) or v for k, v in _NEW_UNIT_DEFAULTS.items()}),
    )
    for share, units in ((Share.WHOLE, wholes), (Share.PART, parts)):
        for predecessor in units:
            PlannedSource.objects.create(planned=planned, predecessor=predecessor, share=share)
    _touched(reorganisation)
    record(
        actor=actor,
        action="org.reorganisation.add_successor",
        instance=reorganisation,
        after={
            "successor": planned.key,
            "whole": [u.code for u in wholes],
            "part": [u.code for u in parts],
        },
    )
    return planned


_NEW_UNIT_DEFAULTS = {"code": "", "name": "", "kind": "", "level": None, "parent": None}


@transaction.atomic
def remove_successor(*, actor, reorganisation: Reorganisation, planned: PlannedUnit) -> None:
    reorganisation = _editable(actor, reorganisation)
    key = planned.key
    planned.delete()
    _touched(reorganisation)
    record(
        actor=actor,
        action="org.reorganisation.remove_successor",
        instance=reorganisation,
        before={"successor": key},
    )


@transaction.atomic
def set_dissolved(*, actor, reorganisation: Reorganisation, units) -> Reorganisation:
    """The units that end on the day without a successor of their own (a district)."""
    reorganisation = _editable(actor, reorganisation)
    _require_in_council_tree(reorganisation, units)
    before = sorted(reorganisation.dissolved.values_list("code", flat=True))
    reorganisation.dissolved.set(units)
    record(
        actor=actor,
        action="org.reorganisation.set_dissolved",
        instance=reorganisation,
        before={"dissolved": before},
        after={"dissolved": sorted(u.code for u in units)},
    )
    return _touched(reorganisation)


def _check_move(plan: ReorganisationPlan, person: Person, planned: PlannedUnit) -> str | None:
    home = next((u for u in split_units(plan) if person.pk in plan.people_of.get(u, {})), None)
    if home is None:
        return _("“%(name)s” không thuộc đơn vị nào bị chia tách hay giải thể trong đợt này.") % {
            "name": person
        }
    if planned.key not in allowed_targets(plan, home):
        return _("“%(target)s” không phải đơn vị kế thừa của “%(unit)s”.") % {
            "target": planned.label,
            "unit": plan.units[home].name,
        }
    return None


@transaction.atomic
def assign_person(
    *, actor, reorganisation: Reorganisation, person: Person, planned: PlannedUnit
) -> PlannedMove:
    """One person of a split (or dissolved) unit goes to one successor."""
    reorganisation = _editable(actor, reorganisation)
    earlier = reorganisation.moves.filter(person=person).select_related("planned__unit").first()
    if earlier is not None:
        raise ValidationError(
            _("“%(name)s” đã được phân về “%(unit)s”; xóa dòng đó trước khi phân lại.")
            % {"name": person, "unit": earlier.planned.label}
        )
    reason = _check_move(plan_of(reorganisation), person, planned)
    if reason:
        raise ValidationError(reason)
    move = PlannedMove.objects.create(reorganisation=reorganisation, person=person, planned=planned)
    _touched(reorganisation)
    record(
        actor=actor,
        action="org.reorganisation.assign",
        instance=reorganisation,
        after={"person": person.code, "unit": planned.key},
    )
    return move


@transaction.atomic
def remove_move(*, actor, reorganisation: Reorganisation, move: PlannedMove) -> None:
    reorganisation = _editable(actor, reorganisation)
    before = {"person": move.person.code, "unit": move.planned.key}
    move.delete()
    _touched(reorganisation)
    record(
        actor=actor, action="org.reorganisation.unassign", instance=reorganisation, before=before
    )


class MovesImportRefused(ValidationError):
    """The list had bad rows; nothing was recorded. `errors` are the rows and reasons."""

    def __init__(self, errors):
        super().__init__(
            _("Tệp bị từ chối, chưa ghi dòng nào: %(count)d dòng có lỗi.") % {"count": len(errors)}
        )
        self.errors = errors


@transaction.atomic
def import_moves(
    *, actor, reorganisation: Reorganisation, filename: str, content: bytes
) -> list[PlannedMove]:
    """Every row of the list (person code → new unit code), or none when any row is bad."""
    reorganisation = _editable(actor, reorganisation)
    try:
        validate_upload(
            filename,
            content,
            allowed=SPREADSHEET,
            max_bytes=PEOPLE_FILE_MAX_BYTES,
            max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        )
        rows, errors = parse_moves_workbook(content)
    except UploadRejected as refused:
        raise MovesImportRefused([RowError(0, refused.message)]) from refused
    except WorkbookUnreadable as error:
        raise MovesImportRefused([RowError(0, str(error))]) from error
    plan = plan_of(reorganisation)
    planned = {p.key: p for p in reorganisation.planned_units.select_related("unit")}
    people = {p.code: p for p in Person.objects.filter(code__in=[code for _n, code, _u in rows])}
    already = {
        m.person_id: m.planned.label for m in reorganisation.moves.select_related("planned__unit")
    }
    seen: dict[str, int] = {}
    checked = []
    for number, person_code, unit_code in rows:
        person, target = people.get(person_code), planned.get(unit_code)
        if person_code in seen:
            errors.append(
                RowError(
                    number,
                    _("Mã cá nhân “%(code)s” trùng với dòng %(row)d.")
                    % {"code": person_code, "row": seen[person_code]},
                )
            )
            continue
        seen[person_code] = number
        if person is None:
            errors.append(
                RowError(number, _("Không có cá nhân mã “%(code)s”.") % {"code": person_code})
            )
        elif target is None:
            errors.append(
                RowError(
                    number,
                    _("“%(code)s” không phải đơn vị kế thừa của đợt sắp xếp này.")
                    % {"code": unit_code},
                )
            )
        elif person.pk in already:
            errors.append(
                RowError(
                    number,
                    _("“%(name)s” đã được phân về “%(unit)s”.")
                    % {"name": person, "unit": already[person.pk]},
                )
            )
        elif reason := _check_move(plan, person, target):
            errors.append(RowError(number, reason))
        else:
            checked.append((person, target))
    if errors:
        raise MovesImportRefused(sorted(errors, key=lambda e: e.row))
    moves = PlannedMove.objects.bulk_create(
        PlannedMove(reorganisation=reorganisation, person=person, planned=target)
        for person, target in checked
    )
    _touched(reorganisation)
    record(
        actor=actor,
        action="org.reorganisation.import_moves",
        instance=reorganisation,
        after={"rows": len(moves), "file": filename[:200]},
    )
    return moves


@transaction.atomic
def cancel_reorganisation(actor, reorganisation: Reorganisation, *, note: str, expected_version):
    return transition(
        REORGANISATIONS,
        actor,
        reorganisation,
        "cancel",
        note=note,
        expected_version=expected_version,
    )


@transaction.atomic
def apply_reorganisation(
    actor, reorganisation: Reorganisation, *, expected_version, note: str = ""
) -> Reorganisation:
    """End, create, link and move everything at once, or refuse with every reason."""
    # The transition locks the row and checks state, version and permission first; any
    # refusal below rolls it back with the rest.
    reorganisation = transition(
        REORGANISATIONS,
        actor,
        reorganisation,
        "apply",
        note=note,
        expected_version=expected_version,
    )
    plan = plan_of(reorganisation)
    problems = reorganisation_problems(plan)
    if problems:
        raise ValidationError(problems)
    day = reorganisation.effective_on
    planned = list(reorganisation.planned_units.select_related("unit").prefetch_related("sources"))
    successors: dict[int, Unit] = {}
    for item in planned:
        if item.unit_id is None:
            unit = Unit(
                code=item.code,
                name=item.name,
                kind=item.kind,
                level_id=item.level_id,
                parent_id=item.parent_id,
                valid_from=day,
            )
            save_and_record(actor=actor, instance=unit, action="org.unit.create")
            item.unit = unit
            item.save(update_fields=["unit"])
        successors[item.pk] = item.unit
    by_key = {item.key: successors[item.pk] for item in planned}
    units = Unit.objects.in_bulk(ended_units(plan))
    moved: dict[int, list[int]] = {}
    for item in planned:
        successor = successors[item.pk]
        for source in item.sources.all():
            predecessor = units[source.predecessor_id]
            reshaping.link(predecessor, successor, day, source.share, reorganisation=reorganisation)
            if source.share == Share.WHOLE:
                moved[predecessor.pk] = _move_whole(predecessor, successor, day)
    for move in reorganisation.moves.select_related("person"):
        moved.setdefault(move.person.unit_id, []).append(move.person_id)
        reshaping.move_person(move.person, by_key[move.planned.key], day)
    for predecessor in units.values():
        before = snapshot(predecessor)
        whole = [
            i
            for i in planned
            for s in i.sources.all()
            if s.predecessor_id == predecessor.pk and s.share == Share.WHOLE
        ]
        reshaping.end_unit(predecessor, day, merged_into=successors[whole[0].pk] if whole else None)
        record(
            actor=actor,
            action="org.unit.end",
            instance=predecessor,
            before=before,
            after={**snapshot(predecessor), "moved_people": moved.get(predecessor.pk, [])},
            note=str(reorganisation)[:500],
        )
    return reorganisation


def _move_whole(predecessor: Unit, successor: Unit, day: datetime.date) -> list[int]:
    """A whole unit's people, accounts and sub-units go to its successor."""
    people = list(Person.objects.filter(unit=predecessor))
    for person in people:
        reshaping.move_person(person, successor, day)
    User.objects.filter(unit=predecessor).update(unit=successor)
    for child in predecessor.children.filter(valid_to__isnull=True):
        child.parent = successor
        child.save()
    return [person.pk for person in people]
