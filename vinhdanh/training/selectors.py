"""Reading training sessions and their attendees within the user's scope."""

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.plans.carried_out import CarriedOut
from vinhdanh.training.models import Attendee, SessionState, TrainingSession


def sessions_for(user, year: int | None = None) -> QuerySet:
    sessions = access.scope_queryset(
        user, TrainingSession.objects.select_related("council", "council__unit")
    ).annotate(
        registered=Count("attendees", distinct=True),
        present=Count("attendees", filter=Q(attendees__attended=True), distinct=True),
    )
    return sessions.filter(year=year) if year else sessions


def attendees_for(user, session: TrainingSession) -> QuerySet:
    """The session's list as the user may see it: the office all of it, a unit its own."""
    return access.scope_queryset(
        user,
        Attendee.objects.filter(session=session).select_related("unit", "person", "evaluation"),
    )


def open_invitations(user) -> QuerySet:
    """Announced sessions the user's unit is invited to and has sent nobody to yet."""
    if not user.unit_id:
        return TrainingSession.objects.none()
    return (
        access.scope_queryset(user, TrainingSession.objects.select_related("council"))
        .filter(state=SessionState.ANNOUNCED, starts_at__gt=timezone.now())
        .exclude(attendees__unit__path__startswith=user.unit.path)
    )


def sessions_carrying_out(user, task) -> list[CarriedOut]:
    """The plans.carried_out provider: the sessions that carry out `task`."""
    found = []
    for session in sessions_for(user).filter(plan_task=task).order_by("starts_at"):
        detail = timezone.localtime(session.starts_at).strftime("%d/%m/%Y")
        if session.state in (SessionState.HELD, SessionState.REPORTED):
            detail += " · " + _("%(n)d người dự") % {"n": session.present}
        else:
            detail += " · " + session.get_state_display()
        found.append(
            CarriedOut(
                _("Lớp tập huấn"),
                session.title,
                reverse("training:session_detail", args=[session.pk]),
                detail,
            )
        )
    return found
