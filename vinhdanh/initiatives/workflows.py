"""The initiative's workflow, as data (see workflow.table).

draft → submitted (by the unit) → under_review (the council's office) → recognised or
not_recognised; submitted or under_review → returned (with a reason) → submitted again.
A recognised one may be proposed up: recognised → proposed_up, and the higher council's
received copy runs the same table; its decision reaches the original (recognised_up, or back
to recognised with the reason).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.initiatives import permissions
from vinhdanh.initiatives.models import CouncilLevel, InitiativeState
from vinhdanh.initiatives.rules import vote_passes
from vinhdanh.workflow.table import Action, Workflow

S = InitiativeState
EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})


def _has_evidence_and_effect(initiative, actor) -> str | None:
    if not (initiative.effect or "").strip():
        return _("Sáng kiến chưa nêu hiệu quả đạt được, chưa gửi được.")
    if not initiative.evidence.exists():
        return _("Sáng kiến chưa có tệp minh chứng, chưa gửi được.")
    if not initiative.authors.exists():
        return _("Sáng kiến chưa có tác giả, chưa gửi được.")
    return None


def _vote_passed(initiative, actor) -> str | None:
    if initiative.votes_for is None or not initiative.members_present:
        return _("Hội đồng chưa họp và biểu quyết, chưa công nhận được.")
    if not vote_passes(initiative.members_present, initiative.votes_for):
        return _(
            "Số phiếu đồng ý (%(agree)d/%(present)d thành viên dự) chưa đạt ngưỡng công nhận."
        ) % {"agree": initiative.votes_for, "present": initiative.members_present}
    return None


def _not_a_copy(initiative, actor) -> str | None:
    if initiative.is_copy:
        return _("Hồ sơ do cấp dưới đề nghị: không trả lại, hãy ghi lý do không công nhận.")
    return None


def _may_go_up(initiative, actor) -> str | None:
    if initiative.council.level != CouncilLevel.BASE:
        return _("Sáng kiến đã được công nhận ở cấp tỉnh, thành phố.")
    return None


INITIATIVES = Workflow(
    name="initiatives.initiative",
    states=InitiativeState,
    noun=gettext_lazy("hồ sơ sáng kiến"),
    history=("initiatives.InitiativeTransition", "initiative"),
    actions={
        "submit": Action(
            "submit",
            EDITABLE_STATES,
            (S.SUBMITTED,),
            permissions.SUBMIT_INITIATIVE,
            gettext_lazy("Gửi Hội đồng sáng kiến"),
            guard=_has_evidence_and_effect,
        ),
        "start_review": Action(
            "start_review",
            frozenset({S.SUBMITTED}),
            (S.UNDER_REVIEW,),
            permissions.REVIEW_INITIATIVE,
            gettext_lazy("Đưa ra Hội đồng xét"),
        ),
        "return": Action(
            "return",
            frozenset({S.SUBMITTED, S.UNDER_REVIEW}),
            (S.RETURNED,),
            permissions.REVIEW_INITIATIVE,
            gettext_lazy("Trả lại để bổ sung"),
            guard=_not_a_copy,
            note_required=True,
        ),
        "recognise": Action(
            "recognise",
            frozenset({S.UNDER_REVIEW}),
            (S.RECOGNISED,),
            permissions.REVIEW_INITIATIVE,
            gettext_lazy("Công nhận"),
            guard=_vote_passed,
        ),
        "reject": Action(
            "reject",
            frozenset({S.UNDER_REVIEW}),
            (S.NOT_RECOGNISED,),
            permissions.REVIEW_INITIATIVE,
            gettext_lazy("Không công nhận"),
            note_required=True,
        ),
        "propose_up": Action(
            "propose_up",
            frozenset({S.RECOGNISED}),
            (S.PROPOSED_UP,),
            permissions.PROPOSE_UP,
            gettext_lazy("Đề nghị công nhận cấp thành phố"),
            guard=_may_go_up,
        ),
        "recognised_above": Action(
            "recognised_above",
            frozenset({S.PROPOSED_UP}),
            (S.RECOGNISED_UP,),
            permissions.RECEIVE_RESULT,
            gettext_lazy("Cấp trên công nhận"),
        ),
        "refused_above": Action(
            "refused_above",
            frozenset({S.PROPOSED_UP}),
            (S.RECOGNISED,),
            permissions.RECEIVE_RESULT,
            gettext_lazy("Cấp trên không công nhận"),
            note_required=True,
        ),
    },
)
# What the pages offer as buttons (the last two are the higher council's decision arriving).
PAGE_ACTIONS = ("submit", "start_review", "return", "recognise", "reject", "propose_up")
