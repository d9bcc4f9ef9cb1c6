"""Importing a plan document: preview first, then confirm, in one transaction.

The web page and the `import_plan` command share `save_parsed_plan`, so a plan saved
from either place is the same plan.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.uploads import PLAN_MAX_UNCOMPRESSED, validate_upload
from vinhdanh.documents.errors import PlanReadError
from vinhdanh.documents.matching import UnitCandidate
from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.structure import to_json_dict
from vinhdanh.org.models import Council, Unit
from vinhdanh.plans import resolution
from vinhdanh.plans.models import Plan, PlanImport, Task

UNREADABLE_PLAN = "Không đọc được nội dung kế hoạch: tệp có cấu trúc bất thường."
PLAN_FILE_KINDS = frozenset({"docx", "xlsx", "txt"})
UNIT_UNMATCHED = "unit_unmatched"
REMOVED_FROM_DOCUMENT = "removed_from_document"
IMPORTERS = (*access.ORGANISATION_WIDE_EDITORS,)


def unit_candidates() -> list[UnitCandidate]:
    return [
        UnitCandidate(pk, name, (short,) if short else ())
        for pk, name, short in Unit.objects.filter(is_active=True).values_list(
            "pk", "name", "short_name"
        )
    ]


def parse_plan_bytes(data: bytes, filename: str) -> dict:
    """The plan as JSON-ready data with every unit name resolved; ValidationError if unreadable."""
    try:
        parsed = to_json_dict(read_plan(data, filename))
    except PlanReadError as error:
        raise ValidationError(error.message) from error
    except (ValueError, KeyError, IndexError, TypeError, RecursionError) as error:
        # The reader's own checks give precise messages; an unforeseen shape still
        # gets a Vietnamese refusal rather than an error page.
        raise ValidationError(UNREADABLE_PLAN) from error
    if not parsed.get("number") or not parsed.get("year"):
        raise ValidationError(_("Không đọc được số hiệu hoặc năm của kế hoạch ở phần đầu văn bản."))
    parsed["names"] = resolution.resolve_names(resolution.names_in(parsed), unit_candidates())
    return parsed


def existing_plan(parsed: dict) -> Plan | None:
    return Plan.objects.filter(number=parsed["number"], year=parsed["year"]).first()


@transaction.atomic
def preview_import(*, actor, filename: str, content: bytes) -> PlanImport:
    """Read an uploaded plan and keep it for the preview; nothing of the plan is saved yet."""
    access.require_role(actor, *IMPORTERS)
    validate_upload(
        filename, content, allowed=PLAN_FILE_KINDS, max_uncompressed=PLAN_MAX_UNCOMPRESSED
    )
    parsed = parse_plan_bytes(content, filename)
    draft = PlanImport(original_name=filename[:255], parsed=parsed, created_by=actor)
    draft.file.save(filename, ContentFile(content), save=False)
    draft.save()
    return draft


@transaction.atomic
def confirm_import(
    *, actor, draft: PlanImport, choices: dict[str, str], update: bool = False
) -> Plan:
    """Save the previewed plan once the staff has decided every unmatched unit name."""
    access.require_role(actor, *IMPORTERS)
    if draft.created_by_id != actor.pk:
        raise ValidationError(_("Bản xem trước này không phải của bạn."))
    if draft.plan_id:
        raise ValidationError(_("Bản xem trước này đã được xác nhận."))
    try:
        unit_of_name = resolution.apply_choices(draft.parsed["names"], choices)
    except KeyError as error:
        names = "; ".join(error.args[0])
        raise ValidationError(
            _("Còn tên đơn vị chưa được xử lý (chọn đơn vị hoặc giữ nguyên dạng chữ): %(names)s")
            % {"names": names}
        ) from None
    plan = save_parsed_plan(
        actor=actor, parsed=draft.parsed, unit_of_name=unit_of_name, update=update
    )
    draft.plan = plan
    draft.save(update_fields=["plan"])
    return plan


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _council_for(actor) -> Council | None:
    if actor is not None and getattr(actor, "council_id", None):
        return actor.council
    return Council.objects.order_by("pk").first()


def _unit_plan_deadline(parsed: dict) -> tuple[dt.date | None, str]:
    for item in parsed.get("body_deadlines", []):
        if "kế hoạch" in item.get("context", "").lower():
            return _date(item["date"]), item["context"][:500]
    items = parsed.get("body_deadlines", [])
    return (_date(items[0]["date"]), items[0]["context"][:500]) if items else (None, "")


def _split(names: list[str], unit_of_name: dict[str, int | None]) -> tuple[list[int], list[str]]:
    ids, texts = [], []
    for name in names:
        unit_id = unit_of_name.get(name)
        if unit_id is None:
            texts.append(name)
        elif unit_id not in ids:
            ids.append(unit_id)
    return ids, texts


def _task_fields(item: dict, unit_of_name, names: dict) -> tuple[dict, list[int], list[int]]:
    lead_ids, lead_texts = _split(item["lead_units"], unit_of_name)
    coord_ids, coord_texts = _split(item["coordinating_units"], unit_of_name)
    flags = list(item.get("flags", []))
    kept_unknown = any(
        names.get(name, {}).get("kind") == "unknown" for name in [*lead_texts, *coord_texts]
    )
    if kept_unknown:
        flags.append(UNIT_UNMATCHED)
    deadline = item["deadline"]
    fields = {
        "position": item["position"],
        "number": item["number"][:20],
        "section": item["section"][:120],
        "content": item["content"],
        "directing": item["directing"][:255],
        "lead_names": item["lead_units"],
        "coordinating_names": item["coordinating_units"],
        "lead_groups": lead_texts,
        "coordinating_groups": coord_texts,
        "deadline_kind": deadline["kind"],
        "deadline_date": _date(deadline["date"]),
        "deadline_text": deadline["text"][:255],
        "deadline_period": deadline.get("period", "")[:4],
        "note": item.get("note", ""),
        "flags": flags,
    }
    return fields, lead_ids, coord_ids


def save_parsed_plan(
    *,
    actor,
    parsed: dict,
    unit_of_name: dict[str, int | None],
    update: bool = False,
    audit: bool = True,
) -> Plan:
    """Create the plan and its tasks, or update the plan of the same number and year.

    Callers check permissions (the web service) or run as the operator (the command);
    only the demo loader, which writes no history for any of its data, passes audit=False.
    """
    with transaction.atomic():
        plan = (
            Plan.objects.select_for_update()
            .filter(number=parsed["number"], year=parsed["year"])
            .first()
        )
        if plan is not None and not update:
            raise ValidationError(
                _(
                    "Kế hoạch số %(number)s năm %(year)s đã có trong hệ thống. "
                    "Chọn “Cập nhật kế hoạch đã có” nếu muốn cập nhật."
                )
                % {"number": parsed["number"], "year": parsed["year"]}
            )
        before = snapshot(plan)
        deadline, deadline_text = _unit_plan_deadline(parsed)
        header = {
            "date": _date(parsed.get("date")),
            "place": (parsed.get("place") or "")[:120],
            "title": (parsed.get("title") or "")[:500] or _("(không rõ trích yếu)"),
            "issuer": (parsed.get("issuer") or "")[:255],
            "source_format": (parsed.get("format") or "")[:10],
            "unit_plan_deadline": deadline,
            "unit_plan_deadline_text": deadline_text,
        }
        if plan is None:
            plan = Plan(
                number=parsed["number"],
                year=parsed["year"],
                council=_council_for(actor),
                imported_by=actor if getattr(actor, "pk", None) else None,
            )
        for key, value in header.items():
            setattr(plan, key, value)
        plan.full_clean()
        plan.save()
        _save_tasks(plan, parsed, unit_of_name)
        action = "plans.plan.update" if before else "plans.plan.import"
        if audit:
            record(
                actor=actor,
                action=action,
                instance=plan,
                before=before,
                after=snapshot(plan),
                note=_("%(count)s nhiệm vụ") % {"count": len(parsed["tasks"])},
            )
        return plan


def _save_tasks(plan: Plan, parsed: dict, unit_of_name) -> None:
    existing = {(task.section, task.number, task.position): task for task in plan.tasks.all()}
    by_key = {(task.section, task.number): task for task in existing.values()}
    kept: set[int] = set()
    names = parsed.get("names", {})
    for item in parsed["tasks"]:
        fields, lead_ids, coord_ids = _task_fields(item, unit_of_name, names)
        task = existing.get((fields["section"], fields["number"], fields["position"]))
        task = task or by_key.get((fields["section"], fields["number"]))
        if task is None or task.pk in kept:
            task = Task(plan=plan)
        for key, value in fields.items():
            setattr(task, key, value)
        task.full_clean(exclude=["plan"])
        task.save()
        task.lead_units.set(lead_ids)
        task.coordinating_units.set(coord_ids)
        kept.add(task.pk)
    # Tasks gone from the new version go too, unless units already reported on them.
    for task in plan.tasks.exclude(pk__in=kept):
        if task.reports.exists():
            if REMOVED_FROM_DOCUMENT not in task.flags:
                task.flags = [*task.flags, REMOVED_FROM_DOCUMENT]
                task.save(update_fields=["flags"])
        else:
            task.delete()
