"""The nomination workflow as data: which action moves which state where, and who acts.

Pure: services look actions up here, pages ask which buttons to show.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.awards.models.nomination import State

ADMIN, OFFICE, MEMBER, LEADER = "admin", "standing_office", "council_member", "leader"
UNIT_OFFICER, CLUSTER_HEAD = "unit_officer", "cluster_head"
PROPOSERS = frozenset({ADMIN, OFFICE, UNIT_OFFICER, CLUSTER_HEAD})
APPRAISERS = frozenset({ADMIN, OFFICE})
DECIDERS = frozenset({ADMIN, LEADER})


@dataclass(frozen=True)
class Step:
    sources: frozenset[str]
    roles: frozenset[str]
    label: object  # a lazy translation


STEPS: dict[str, Step] = {
    "submit": Step(frozenset({State.DRAFT}), PROPOSERS, gettext_lazy("Gửi hồ sơ")),
    "resubmit": Step(
        frozenset({State.RETURNED}), PROPOSERS, gettext_lazy("Gửi lại hồ sơ đã bổ sung")
    ),
    "return": Step(frozenset({State.SUBMITTED}), APPRAISERS, gettext_lazy("Trả lại để bổ sung")),
    "appraise": Step(frozenset({State.SUBMITTED}), APPRAISERS, gettext_lazy("Thẩm định")),
    "announce": Step(
        frozenset({State.APPRAISED}), APPRAISERS, gettext_lazy("Công khai lấy ý kiến")
    ),
    "open_vote": Step(
        frozenset({State.ANNOUNCED}), APPRAISERS, gettext_lazy("Đưa ra Hội đồng bỏ phiếu")
    ),
    "close_vote": Step(frozenset({State.VOTING}), APPRAISERS, gettext_lazy("Kết thúc bỏ phiếu")),
    "decide": Step(frozenset({State.VOTED}), DECIDERS, gettext_lazy("Ban hành quyết định")),
    "forward": Step(
        frozenset({State.VOTED}), APPRAISERS | DECIDERS, gettext_lazy("Trình cấp trên")
    ),
    "record_higher": Step(
        frozenset({State.FORWARDED}), APPRAISERS, gettext_lazy("Ghi nhận quyết định cấp trên")
    ),
    "hand_over": Step(frozenset({State.DECIDED}), APPRAISERS, gettext_lazy("Ghi nhận trao tặng")),
    "revoke": Step(
        frozenset({State.DECIDED, State.HANDED_OVER}), DECIDERS, gettext_lazy("Thu hồi")
    ),
}


class StepRefused(ValueError):
    """The step does not apply to the nomination's state; the message is Vietnamese."""


def check_step(action: str, state: str) -> Step:
    step = STEPS[action]
    if state not in step.sources:
        raise StepRefused(
            _("Không thể “%(step)s” khi hồ sơ đang ở trạng thái “%(state)s”.")
            % {"step": str(step.label).lower(), "state": State(state).label}
        )
    return step


def available_steps(state: str, role: str | None) -> list[str]:
    return [
        action
        for action, step in STEPS.items()
        if state in step.sources and role is not None and role in step.roles
    ]


def missing_components(required: list[tuple[str, str]], provided: set[str]) -> list[str]:
    """Names of required components (code, name) that have no attachment yet."""
    return [name for code, name in required if code not in provided]


def vote_passes(agree: int, members: int, threshold, *, strictly_above: bool = False) -> bool:
    """Agree votes as a share of the whole council reach (or exceed) the threshold."""
    if members <= 0:
        return False
    needed = round(float(threshold) * 1000) * members
    return agree * 1000 > needed if strictly_above else agree * 1000 >= needed
