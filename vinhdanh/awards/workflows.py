"""The awards workflows as data: which action moves a nomination or a decision where, and who.

Every state change goes through `vinhdanh.workflow.engine.transition` with one of these
tables; pages list `NOMINATIONS.available(user, nomination)`. The guards read the database
(the dossier's files, the public notice) and return a Vietnamese reason to refuse, or None.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.awards.models import DecisionState, State
from vinhdanh.workflow.table import Action, Workflow


def dossier_is_complete(nomination, actor) -> str | None:
    """Every required component has a file, and the achievements are written."""
    from vinhdanh.awards.selectors import missing_components

    missing = missing_components(nomination)
    if missing:
        return _("Hồ sơ còn thiếu thành phần bắt buộc: %s.") % "; ".join(missing)
    if not nomination.achievements.strip():
        return _("Cần nhập tóm tắt thành tích.")
    return None


def vote_may_open(nomination, actor) -> str | None:
    """The public notice is over, every objection is answered, and the council has members."""
    from vinhdanh.awards.services.review import council_of

    notice = nomination.notices.first()
    if notice is not None:
        if timezone.localdate() < notice.ends_on:
            return _("Chưa hết thời gian công khai (đến ngày %s).") % f"{notice.ends_on:%d/%m/%Y}"
        if notice.objections.filter(answer="").exists():
            return _("Còn ý kiến phản ánh chưa được trả lời.")
    if not council_of(actor).members.exists():
        return _("Hội đồng chưa có thành viên.")
    return None


def _action(name, sources, targets, permission, label, **options) -> Action:
    return Action(name, frozenset(sources), tuple(targets), permission, label, **options)


NOMINATIONS = Workflow(
    name="awards.nomination",
    states=State,
    noun=gettext_lazy("hồ sơ"),
    history=("awards.Transition", "nomination"),
    actions={
        action.name: action
        for action in [
            _action(
                "submit", [State.DRAFT], [State.SUBMITTED], "awards.submit_nomination",
                gettext_lazy("Gửi hồ sơ"), guard=dossier_is_complete,
            ),
            _action(
                "resubmit", [State.RETURNED], [State.SUBMITTED], "awards.resubmit_nomination",
                gettext_lazy("Gửi lại hồ sơ đã bổ sung"), guard=dossier_is_complete,
            ),
            _action(
                "return", [State.SUBMITTED], [State.RETURNED], "awards.return_nomination",
                gettext_lazy("Trả lại để bổ sung"), note_required=True,
            ),
            _action(
                "appraise", [State.SUBMITTED], [State.APPRAISED, State.REJECTED],
                "awards.appraise_nomination", gettext_lazy("Thẩm định"),
            ),
            _action(
                "announce", [State.APPRAISED], [State.ANNOUNCED], "awards.announce_nomination",
                gettext_lazy("Công khai lấy ý kiến"),
            ),
            # A dossier the council did not pass may be put to a later vote (a re-vote).
            _action(
                "open_vote", [State.ANNOUNCED, State.NOT_APPROVED], [State.VOTING],
                "awards.open_vote",
                gettext_lazy("Đưa ra Hội đồng bỏ phiếu"), guard=vote_may_open,
            ),
            _action(
                "close_vote", [State.VOTING], [State.VOTED, State.NOT_APPROVED],
                "awards.close_vote", gettext_lazy("Kết thúc bỏ phiếu"),
            ),
            _action(
                "decide", [State.VOTED], [State.DECIDED], "awards.decide_nomination",
                gettext_lazy("Ban hành quyết định"),
            ),
            # Offered only when the council may not confer the title itself (permissions.py);
            # a dossier the council above returned goes up again from where it came back.
            _action(
                "forward", [State.VOTED, State.RETURNED_FROM_ABOVE], [State.FORWARDED],
                "awards.forward_nomination", gettext_lazy("Trình cấp trên"),
            ),
            # The council above on a received dossier: back to the sender with its reasons.
            _action(
                "send_back", [State.SUBMITTED, State.APPRAISED, State.REJECTED, State.NOT_APPROVED],
                [State.SENT_BACK], "awards.send_back_nomination", gettext_lazy("Trả lại cấp dưới"),
                note_required=True,
            ),
            # What the council above did, written on the sender's original by the same step.
            _action(
                "returned_above", [State.FORWARDED], [State.RETURNED_FROM_ABOVE],
                "awards.report_to_sender", gettext_lazy("Cấp trên trả lại"), note_required=True,
            ),
            _action(
                "decided_above", [State.FORWARDED], [State.DECIDED], "awards.report_to_sender",
                gettext_lazy("Cấp trên quyết định"),
            ),
            # A body outside the instance decided: its reference is typed in.
            _action(
                "record_higher", [State.FORWARDED], [State.DECIDED],
                "awards.record_higher_decision", gettext_lazy("Ghi nhận quyết định cấp trên"),
            ),
            _action(
                "hand_over", [State.DECIDED], [State.HANDED_OVER], "awards.hand_over_award",
                gettext_lazy("Ghi nhận trao tặng"),
            ),
            # Revoked with its certificate or its whole decision, never as a step on its own.
            _action(
                "revoke", [State.DECIDED, State.HANDED_OVER], [State.REVOKED],
                "awards.revoke_award", gettext_lazy("Thu hồi"), note_required=True,
            ),
        ]
    },
)  # fmt: skip

DECISIONS = Workflow(
    name="awards.decision",
    states=DecisionState,
    noun=gettext_lazy("quyết định"),
    history=("awards.DecisionTransition", "decision"),
    actions={
        "revoke": _action(
            "revoke", [DecisionState.ISSUED], [DecisionState.REVOKED], "awards.revoke_decision",
            gettext_lazy("Thu hồi"), note_required=True,
        ),
    },
)  # fmt: skip

# Actions a page offers as a step of its own: revocation goes with a certificate or decision,
# and what the council above did reaches the sender's original with that council's own step.
FOLLOW_UP_ACTIONS = frozenset({"revoke", "returned_above", "decided_above"})
STEP_ACTIONS = [name for name in NOMINATIONS.actions if name not in FOLLOW_UP_ACTIONS]
