"""Business actions of inspections: one function per action, each in a transaction.

The steps of plans, visits and follow-up items are actions of inspections.workflows,
applied by the workflow engine (history row, audit entry, optimistic lock). Findings are
saved for the whole checklist at once, all or none: a finding without its evidence refuses
the sheet and keeps every earlier answer as it was.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts.councils import acting_council
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import validate_upload
from vinhdanh.inspections import permissions
from vinhdanh.inspections.models import (
    ChecklistItem,
    Finding,
    FollowUp,
    FollowUpState,
    InspectionPlan,
    PlanState,
    Result,
    Team,
    Visit,
    VisitState,
)
from vinhdanh.inspections.workflows import FINDINGS_OPEN, FOLLOW_UPS, PLANS, VISITS
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import require

# The checklist a new plan starts from; the council edits it to its own criteria.
DEFAULT_CHECKLIST = (
    "Ban hành kế hoạch công tác thi đua, khen thưởng năm của đơn vị",
    "Phát động, triển khai các phong trào thi đua thường xuyên, theo đợt, chuyên đề",
    "Đăng ký thi đua, ký kết giao ước thi đua",
    "Kiện toàn Hội đồng Thi đua - Khen thưởng, Hội đồng sáng kiến của đơn vị",
    "Bình xét, đề nghị khen thưởng đúng quy trình; hồ sơ khen thưởng lưu trữ đầy đủ",
    "Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến",
    "Cập nhật hồ sơ, số liệu xếp loại, khen thưởng, sáng kiến của đơn vị",
    "Thực hiện chế độ thông tin, báo cáo sơ kết, tổng kết đúng hạn",
)


def checklist_lines(text: str) -> list[str]:
    """The checklist typed one item per line, numbers and bullets dropped."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("-•+*").strip()
        head, _dot, rest = line.partition(".")
        if head.isdigit() and rest:
            line = rest.strip()
        if line:
            lines.append(line[:500])
    return lines


def _plan_snapshot(plan: InspectionPlan) -> dict:
    data = snapshot(plan)
    data["items"] = list(plan.items.values_list("text", flat=True))
    return data


@transaction.atomic
def create_plan(actor, *, checklist=DEFAULT_CHECKLIST, council=None, **fields) -> InspectionPlan:
    require(actor, permissions.CREATE_PLAN)
    council = council or acting_council(actor)
    if council is None:
        raise ValidationError(_("Tài khoản chưa gắn với hội đồng nào, không lập được kế hoạch."))
    plan = InspectionPlan(council=council, created_by=actor, **fields)
    plan.full_clean()
    plan.save()
    _set_checklist(plan, checklist)
    record(actor=actor, action="inspections.plan.create", instance=plan, after=_plan_snapshot(plan))
    return plan


def _set_checklist(plan: InspectionPlan, checklist) -> None:
    lines = [line.strip() for line in checklist if line.strip()]
    if not lines:
        raise ValidationError({"checklist": _("Kế hoạch cần ít nhất một nội dung kiểm tra.")})
    if len(set(lines)) != len(lines):
        raise ValidationError({"checklist": _("Có nội dung kiểm tra bị trùng.")})
    kept = {item.text: item for item in plan.items.all()}
    if any(text not in lines for text, item in kept.items() if item.findings.exists()):
        raise ValidationError({"checklist": _("Không bỏ được nội dung đã có kết quả kiểm tra.")})
    plan.items.exclude(text__in=lines).delete()
    # Positions are rewritten through a temporary offset: (plan, position) is unique.
    for item in plan.items.all():
        item.position += 1000
        item.save(update_fields=["position"])
    for position, text in enumerate(lines, start=1):
        item = kept.get(text) or ChecklistItem(plan=plan, text=text)
        item.position = position
        item.save()


@transaction.atomic
def update_plan(
    actor, plan: InspectionPlan, *, checklist=None, expected_version=None, **changes
) -> InspectionPlan:
    plan = lock(PLANS, plan, expected_version)
    require(actor, permissions.MANAGE_PLAN, plan)
    if plan.state == PlanState.CLOSED:
        raise ValidationError(_("Kế hoạch kiểm tra đã tổng kết, không sửa được nữa."))
    before = _plan_snapshot(plan)
    for field, value in changes.items():
        setattr(plan, field, value)
    plan.full_clean()
    plan = save_versioned(PLANS, plan, **changes)
    if checklist is not None:
        _set_checklist(plan, checklist)
    record(
        actor=actor,
        action="inspections.plan.update",
        instance=plan,
        before=before,
        after=_plan_snapshot(plan),
    )
    return plan


@transaction.atomic
def add_team(actor, plan: InspectionPlan, *, name: str, leader, members=()) -> Team:
    require(actor, permissions.MANAGE_PLAN, plan)
    if plan.state == PlanState.CLOSED:
        raise ValidationError(_("Kế hoạch kiểm tra đã tổng kết."))
    if not name.strip():
        raise ValidationError({"name": _("Vui lòng nhập tên đoàn kiểm tra.")})
    if plan.teams.filter(name=name.strip()).exists():
        raise ValidationError({"name": _("Đã có đoàn kiểm tra tên này.")})
    team = Team.objects.create(plan=plan, name=name.strip(), leader=leader)
    team.members.set([member for member in members if member.pk != leader.pk])
    record(
        actor=actor,
        action="inspections.team.add",
        instance=plan,
        after={"team": team.name, "leader": leader.pk, "members": [m.pk for m in members]},
    )
    return team


@transaction.atomic
def schedule_visit(actor, plan: InspectionPlan, *, unit, team, scheduled_on, place="") -> Visit:
    require(actor, permissions.MANAGE_PLAN, plan)
    if plan.state == PlanState.CLOSED:
        raise ValidationError(_("Kế hoạch kiểm tra đã tổng kết."))
    if team.plan_id != plan.pk:
        raise ValidationError({"team": _("Đoàn kiểm tra không thuộc kế hoạch này.")})
    if not unit.path.startswith(plan.council.unit.path) or unit.pk == plan.council.unit_id:
        raise ValidationError({"unit": _("Đơn vị không thuộc phạm vi của hội đồng.")})
    if plan.visits.filter(unit=unit).exists():
        raise ValidationError({"unit": _("Đơn vị %(unit)s đã có lịch kiểm tra.") % {"unit": unit}})
    visit = Visit(plan=plan, unit=unit, team=team, scheduled_on=scheduled_on, place=place)
    return save_and_record(actor=actor, instance=visit, action="inspections.visit.schedule")


@dataclass
class FindingInput:
    """One row of the findings sheet as the team typed it."""

    item: ChecklistItem
    result: str
    note: str = ""
    evidence: str = ""
    evidence_upload: tuple[str, bytes] | None = None  # (file name, content)


def finding_refusals(rows: list[FindingInput], kept: dict[int, Finding]) -> dict[int, str]:
    """Why each row cannot be saved, by item id (empty: every row is acceptable).

    A finding other than "not applicable" needs its evidence: what was seen, or a file (one
    kept from before counts)."""
    refusals = {}
    for row in rows:
        if row.result not in Result.values:
            refusals[row.item.pk] = _("Chọn kết quả cho nội dung này.")
            continue
        has_file = row.evidence_upload is not None or bool(
            kept.get(row.item.pk) and kept[row.item.pk].evidence_file
        )
        if row.result != Result.NOT_APPLICABLE and not (row.evidence.strip() or has_file):
            refusals[row.item.pk] = _(
                "Ghi minh chứng (văn bản, hồ sơ đã xem) hoặc đính kèm tệp minh chứng."
            )
        elif row.result in (Result.PARTLY, Result.NOT_MET) and not row.note.strip():
            refusals[row.item.pk] = _("Ghi nhận xét: nội dung chưa đạt ở điểm nào.")
    return refusals


class FindingsRefused(ValidationError):
    """The sheet refused, with the reason of each row (`by_item`)."""

    def __init__(self, by_item: dict[int, str]):
        super().__init__(_("Chưa lưu: %(n)d nội dung cần bổ sung.") % {"n": len(by_item)})
        self.by_item = by_item


@transaction.atomic
def record_findings(actor, visit: Visit, rows: list[FindingInput]) -> list[Finding]:
    """The team's findings for the rows given, all or none."""
    visit = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("plan", "team")
        .get(pk=visit.pk)
    )
    require(actor, permissions.RECORD_FINDINGS, visit)
    if visit.plan.state != PlanState.ISSUED:
        raise ValidationError(_("Kế hoạch kiểm tra chưa ban hành hoặc đã kết thúc."))
    if visit.state not in FINDINGS_OPEN:
        raise ValidationError(_("Đã hoàn thành kiểm tra đơn vị này; mở lại để sửa kết quả."))
    if any(row.item.plan_id != visit.plan_id for row in rows):
        raise ValidationError(_("Nội dung kiểm tra không thuộc kế hoạch này."))
    kept = {f.item_id: f for f in visit.findings.all()}
    refusals = finding_refusals(rows, kept)
    if refusals:
        raise FindingsRefused(refusals)
    saved = []
    for row in rows:
        if row.evidence_upload is not None:
            validate_upload(*row.evidence_upload)
        finding = kept.get(row.item.pk) or Finding(visit=visit, item=row.item)
        finding.result = row.result
        finding.note = row.note.strip()
        finding.evidence = row.evidence.strip()
        finding.recorded_by = actor
        if row.evidence_upload is not None:
            name, content = row.evidence_upload
            finding.evidence_name = name[:255]
            finding.evidence_file.save(name, ContentFile(content), save=False)
        finding.full_clean()
        finding.save()
        saved.append(finding)
    record(
        actor=actor,
        action="inspections.findings.record",
        instance=visit,
        after={str(f.item_id): f.result for f in saved},
    )
    return saved


@transaction.atomic
def conduct_visit(actor, visit: Visit, *, conclusion: str = "", expected_version=None) -> Visit:
    if conclusion.strip():
        visit = lock(VISITS, visit, expected_version)
        require(actor, permissions.RECORD_FINDINGS, visit)
        visit = save_versioned(VISITS, visit, conclusion=conclusion.strip())
        expected_version = visit.version
    return transition(VISITS, actor, visit, "conduct", expected_version=expected_version)


@transaction.atomic
def reopen_visit(actor, visit: Visit, *, note: str, expected_version=None) -> Visit:
    return transition(VISITS, actor, visit, "reopen", note=note, expected_version=expected_version)


@transaction.atomic
def sign_minutes(
    actor, visit: Visit, *, unit_representative: str = "", expected_version=None
) -> Visit:
    if unit_representative.strip():
        visit = lock(VISITS, visit, expected_version)
        require(actor, permissions.SIGN_MINUTES, visit)
        visit = save_versioned(VISITS, visit, unit_representative=unit_representative.strip())
        expected_version = visit.version
    return transition(
        VISITS, actor, visit, "sign", expected_version=expected_version, signed_at=timezone.now()
    )


@transaction.atomic
def add_follow_up(actor, visit: Visit, *, text: str, due_on, finding=None) -> FollowUp:
    require(actor, permissions.RECORD_FINDINGS, visit)
    if visit.state == VisitState.SIGNED:
        raise ValidationError(_("Biên bản đã ký, không thêm việc khắc phục được nữa."))
    if not text.strip():
        raise ValidationError({"text": _("Vui lòng ghi nội dung cần khắc phục.")})
    if due_on is None or due_on <= visit.scheduled_on:
        raise ValidationError({"due_on": _("Hạn khắc phục phải sau ngày kiểm tra.")})
    if finding is not None and finding.visit_id != visit.pk:
        raise ValidationError(_("Kết quả kiểm tra không thuộc lịch kiểm tra này."))
    follow_up = FollowUp(visit=visit, finding=finding, text=text.strip(), due_on=due_on)
    return save_and_record(actor=actor, instance=follow_up, action="inspections.follow_up.add")


@transaction.atomic
def complete_follow_up(actor, follow_up: FollowUp, *, result: str, expected_version=None):
    follow_up = lock(FOLLOW_UPS, follow_up, expected_version)
    require(actor, permissions.REPORT_FOLLOW_UP, follow_up)
    if result.strip() and follow_up.state == FollowUpState.OPEN:
        follow_up = save_versioned(FOLLOW_UPS, follow_up, result=result.strip())
    return transition(FOLLOW_UPS, actor, follow_up, "complete", closed_at=timezone.now())


@transaction.atomic
def reopen_follow_up(actor, follow_up: FollowUp, *, note: str, expected_version=None):
    return transition(
        FOLLOW_UPS,
        actor,
        follow_up,
        "reopen",
        note=note,
        expected_version=expected_version,
        closed_at=None,
    )


@transaction.atomic
def issue_plan(actor, plan: InspectionPlan, *, expected_version=None) -> InspectionPlan:
    return transition(PLANS, actor, plan, "issue", expected_version=expected_version)


@transaction.atomic
def close_plan(actor, plan: InspectionPlan, *, summary: str = "", expected_version=None):
    if summary.strip():
        plan = lock(PLANS, plan, expected_version)
        require(actor, permissions.MANAGE_PLAN, plan)
        plan = save_versioned(PLANS, plan, summary=summary.strip())
        expected_version = plan.version
    return transition(PLANS, actor, plan, "close", expected_version=expected_version)


REMIND_DAYS_BEFORE = 3


def send_follow_up_reminders(today: datetime.date | None = None) -> int:
    """E-mail the inspected unit's officers about open items due soon or overdue, once each.

    Not an audited action (a notification, like the plans' reminders); each item records the
    day its reminder went out, so a second run the same day sends nothing."""
    from django.core.mail import send_mail

    from vinhdanh.accounts.access import UNIT_SCOPED_EDITORS
    from vinhdanh.accounts.models import User

    today = today or timezone.localdate()
    sent = 0
    open_items = FollowUp.objects.filter(state=FollowUpState.OPEN).select_related(
        "visit__unit", "visit__plan"
    )
    soon = open_items.filter(
        reminded_before_on__isnull=True,
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
    )
    late = open_items.filter(reminded_late_on__isnull=True, due_on__lt=today)
    for items, field, subject in (
        (soon, "reminded_before_on", _("Sắp đến hạn khắc phục sau kiểm tra")),
        (late, "reminded_late_on", _("Quá hạn khắc phục sau kiểm tra")),
    ):
        for item in items:
            emails = list(
                User.objects.filter(
                    unit=item.visit.unit, role__in=UNIT_SCOPED_EDITORS, is_active=True
                )
                .exclude(email="")
                .values_list("email", flat=True)
            )
            if not emails:
                continue
            body = _("%(unit)s: “%(text)s” (kiểm tra theo %(plan)s), hạn %(due)s.") % {
                "unit": item.visit.unit,
                "text": item.text,
                "plan": item.visit.plan,
                "due": item.due_on.strftime("%d/%m/%Y"),
            }
            send_mail(str(subject), body, None, emails)
            FollowUp.objects.filter(pk=item.pk).update(**{field: today})
            sent += 1
    return sent
