"""The workflows of inspections, as data (see workflow.table).

A plan: draft → issued (teams, checklist and schedule set) → closed (every visit's minutes
signed, the year's summary written). A visit: scheduled → conducted (a finding for every
checklist item) → signed (the minutes signed off by the team's leader and the unit's
representative); a conducted visit can go back to scheduled, with a reason, to correct it
before signing. A follow-up item: open → done (the unit reports what it did) → open again
(the office finds it not put right, with a reason).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.inspections import permissions
from vinhdanh.inspections.models import FollowUpState, PlanState, VisitState
from vinhdanh.workflow.table import Action, Workflow


def _ready_to_issue(plan, actor) -> str | None:
    if not plan.items.exists():
        return _("Kế hoạch chưa có nội dung kiểm tra nào.")
    if not plan.visits.exists():
        return _("Kế hoạch chưa có lịch kiểm tra đơn vị nào.")
    return None


def _ready_to_close(plan, actor) -> str | None:
    unsigned = plan.visits.exclude(state=VisitState.SIGNED).count()
    if unsigned:
        return _("Còn %(n)d đơn vị chưa ký biên bản kiểm tra.") % {"n": unsigned}
    if not plan.summary.strip():
        return _("Viết phần tổng kết trước khi kết thúc kế hoạch kiểm tra.")
    return None


def _every_item_found(visit, actor) -> str | None:
    if visit.plan.state != PlanState.ISSUED:
        return _("Kế hoạch kiểm tra chưa ban hành hoặc đã kết thúc.")
    missing = visit.plan.items.exclude(findings__visit=visit).count()
    if missing:
        return _("Còn %(n)d nội dung kiểm tra chưa ghi kết quả.") % {"n": missing}
    if not visit.conclusion.strip():
        return _("Ghi kết luận của đoàn trước khi hoàn thành kiểm tra.")
    return None


def _representative_named(visit, actor) -> str | None:
    if not visit.unit_representative.strip():
        return _("Ghi họ tên, chức vụ người đại diện đơn vị ký biên bản.")
    return None


def _result_written(follow_up, actor) -> str | None:
    if not follow_up.result.strip():
        return _("Ghi kết quả khắc phục trước khi báo cáo hoàn thành.")
    return None


PLANS = Workflow(
    name="inspections.plan",
    states=PlanState,
    noun=gettext_lazy("kế hoạch kiểm tra"),
    history=("inspections.PlanTransition", "plan"),
    actions={
        "issue": Action(
            "issue",
            frozenset({PlanState.DRAFT}),
            (PlanState.ISSUED,),
            permissions.MANAGE_PLAN,
            gettext_lazy("Ban hành kế hoạch"),
            guard=_ready_to_issue,
        ),
        "close": Action(
            "close",
            frozenset({PlanState.ISSUED}),
            (PlanState.CLOSED,),
            permissions.MANAGE_PLAN,
            gettext_lazy("Tổng kết"),
            guard=_ready_to_close,
        ),
    },
)

VISITS = Workflow(
    name="inspections.visit",
    states=VisitState,
    noun=gettext_lazy("lịch kiểm tra"),
    history=("inspections.VisitTransition", "visit"),
    actions={
        "conduct": Action(
            "conduct",
            frozenset({VisitState.SCHEDULED}),
            (VisitState.CONDUCTED,),
            permissions.RECORD_FINDINGS,
            gettext_lazy("Hoàn thành kiểm tra"),
            guard=_every_item_found,
        ),
        "sign": Action(
            "sign",
            frozenset({VisitState.CONDUCTED}),
            (VisitState.SIGNED,),
            permissions.SIGN_MINUTES,
            gettext_lazy("Ký biên bản"),
            guard=_representative_named,
        ),
        "reopen": Action(
            "reopen",
            frozenset({VisitState.CONDUCTED}),
            (VisitState.SCHEDULED,),
            permissions.RECORD_FINDINGS,
            gettext_lazy("Sửa lại kết quả"),
            note_required=True,
        ),
    },
)

FOLLOW_UPS = Workflow(
    name="inspections.follow_up",
    states=FollowUpState,
    noun=gettext_lazy("việc khắc phục"),
    history=("inspections.FollowUpTransition", "follow_up"),
    actions={
        "complete": Action(
            "complete",
            frozenset({FollowUpState.OPEN}),
            (FollowUpState.DONE,),
            permissions.REPORT_FOLLOW_UP,
            gettext_lazy("Báo cáo đã khắc phục"),
            guard=_result_written,
        ),
        "reopen": Action(
            "reopen",
            frozenset({FollowUpState.DONE}),
            (FollowUpState.OPEN,),
            permissions.REOPEN_FOLLOW_UP,
            gettext_lazy("Yêu cầu tiếp tục khắc phục"),
            note_required=True,
        ),
    },
)

# Findings are written while the visit is scheduled (before "conduct" freezes them).
FINDINGS_OPEN = frozenset({VisitState.SCHEDULED})
