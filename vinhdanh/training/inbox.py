"""Training sessions in the user's inbox: invitations to answer, sessions to close."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.training import permissions
from vinhdanh.training.models import SessionState
from vinhdanh.training.selectors import open_invitations, sessions_for
from vinhdanh.workflow.permissions import allows


def _item(session) -> InboxItem:
    return InboxItem(
        session.title,
        reverse("training:session_detail", args=[session.pk]),
        timezone.localtime(session.starts_at).strftime("%d/%m/%Y %H:%M") + " · " + session.place,
    )


def inbox(user, year: int) -> list[InboxGroup]:
    found = [
        group(
            open_invitations(user).order_by("starts_at", "pk"),
            key="training.register",
            label=_("Lớp tập huấn chờ đơn vị đăng ký người dự"),
            url=reverse("training:session_list"),
            icon="bi-easel",
            item=_item,
            may=lambda session: allows(user, permissions.REGISTER_ATTENDEES, session),
        ),
        group(
            # Held but not yet written up: attendance, evaluations and the report wait.
            sessions_for(user).filter(state=SessionState.HELD).order_by("starts_at", "pk"),
            key="training.report",
            label=_("Lớp tập huấn đã tổ chức, chưa báo cáo kết quả"),
            url=reverse("training:session_list"),
            icon="bi-clipboard-check",
            item=_item,
            may=lambda session: allows(user, permissions.MANAGE_SESSION, session),
        ),
    ]
    return [g for g in found if g is not None]
