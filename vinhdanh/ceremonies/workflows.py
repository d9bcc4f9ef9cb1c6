"""The workflow of a ceremony, as data (see workflow.table).

draft (prepared: honourees drawn and ordered, programme written) → invited → held (after its
time; who came is recorded) → reported; a draft or invited ceremony can be cancelled with a
reason.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.ceremonies import permissions
from vinhdanh.ceremonies.models import CeremonyState
from vinhdanh.workflow.table import Action, Workflow

DRAFT, INVITED, HELD = CeremonyState.DRAFT, CeremonyState.INVITED, CeremonyState.HELD


def _ready_to_invite(ceremony, actor) -> str | None:
    if not ceremony.invited_units.exists() and not ceremony.guest_list():
        return _("Chọn đơn vị được mời hoặc ghi khách mời trước khi gửi giấy mời.")
    if not ceremony.programme_items():
        return _("Viết chương trình hội nghị trước khi gửi giấy mời.")
    return None


def _started(ceremony, actor) -> str | None:
    if ceremony.held_at > timezone.now():
        return _("Chưa đến giờ tổ chức (%(at)s).") % {
            "at": timezone.localtime(ceremony.held_at).strftime("%d/%m/%Y %H:%M")
        }
    return None


def _written_up(ceremony, actor) -> str | None:
    if ceremony.honourees.filter(received__isnull=True).exists():
        return _("Ghi đã nhận hay vắng cho từng người, tập thể được trao trước khi báo cáo.")
    if not ceremony.report.strip():
        return _("Ghi kết quả tổ chức trước khi báo cáo.")
    return None


CEREMONIES = Workflow(
    name="ceremonies.ceremony",
    states=CeremonyState,
    noun=gettext_lazy("hội nghị"),
    history=("ceremonies.CeremonyTransition", "ceremony"),
    actions={
        "invite": Action(
            "invite", frozenset({DRAFT}), (INVITED,), permissions.MANAGE_CEREMONY,
            gettext_lazy("Gửi giấy mời"), guard=_ready_to_invite,
        ),
        "hold": Action(
            "hold", frozenset({INVITED}), (HELD,), permissions.MANAGE_CEREMONY,
            gettext_lazy("Xác nhận đã tổ chức"), guard=_started,
        ),
        "report": Action(
            "report", frozenset({HELD}), (CeremonyState.REPORTED,), permissions.MANAGE_CEREMONY,
            gettext_lazy("Báo cáo kết quả"), guard=_written_up,
        ),
        "cancel": Action(
            "cancel", frozenset({DRAFT, INVITED}), (CeremonyState.CANCELLED,),
            permissions.MANAGE_CEREMONY, gettext_lazy("Hủy"), note_required=True,
        ),
    },
)  # fmt: skip

PREPARING = frozenset({DRAFT, INVITED})
