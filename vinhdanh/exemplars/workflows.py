"""The exemplar's workflow, as data (see workflow.table).

draft → proposed (by the unit) → verified (by the standing office) → published on the honour
board → withdrawn (taken down, with a reason); proposed → returned (with a reason) → proposed
again; proposed or verified → refused (with a reason). The unit edits only a draft or a
returned exemplar.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.exemplars import permissions
from vinhdanh.exemplars.models import ExemplarState as S
from vinhdanh.workflow.table import Action, Workflow

EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})


def _has_story(exemplar, actor) -> str | None:
    if not (exemplar.story or "").strip():
        return _("Chưa có nội dung việc tốt, thành tích của gương: chưa đề xuất được.")
    return None


def publish_problem(exemplar) -> str | None:
    """Why the exemplar cannot go on the honour board, or None."""
    if exemplar.photos.exists() and not exemplar.consent_given:
        return _(
            "Gương có ảnh nhưng chưa ghi nhận sự đồng ý công bố tên và ảnh của người được nêu "
            "gương: ghi nhận sự đồng ý (ai, ngày nào, hình thức) hoặc gỡ ảnh trước khi công bố."
        )
    return None


def _may_publish(exemplar, actor) -> str | None:
    return publish_problem(exemplar)


EXEMPLARS = Workflow(
    name="exemplars.exemplar",
    states=S,
    noun=gettext_lazy("gương điển hình"),
    history=("exemplars.ExemplarTransition", "exemplar"),
    actions={
        "propose": Action(
            "propose",
            EDITABLE_STATES,
            (S.PROPOSED,),
            permissions.PROPOSE_EXEMPLAR,
            gettext_lazy("Gửi đề xuất"),
            guard=_has_story,
        ),
        "verify": Action(
            "verify",
            frozenset({S.PROPOSED}),
            (S.VERIFIED,),
            permissions.REVIEW_EXEMPLAR,
            gettext_lazy("Xác minh"),
        ),
        "return": Action(
            "return",
            frozenset({S.PROPOSED}),
            (S.RETURNED,),
            permissions.REVIEW_EXEMPLAR,
            gettext_lazy("Trả lại để bổ sung"),
            note_required=True,
        ),
        "refuse": Action(
            "refuse",
            frozenset({S.PROPOSED, S.VERIFIED}),
            (S.REFUSED,),
            permissions.REVIEW_EXEMPLAR,
            gettext_lazy("Không công nhận"),
            note_required=True,
        ),
        "publish": Action(
            "publish",
            frozenset({S.VERIFIED}),
            (S.PUBLISHED,),
            permissions.PUBLISH_EXEMPLAR,
            gettext_lazy("Công bố lên bảng vàng"),
            guard=_may_publish,
        ),
        "withdraw": Action(
            "withdraw",
            frozenset({S.PUBLISHED}),
            (S.WITHDRAWN,),
            permissions.PUBLISH_EXEMPLAR,
            gettext_lazy("Gỡ khỏi bảng vàng"),
            note_required=True,
        ),
    },
)
