"""`{% load meetings_tags %}{% meeting_panel nomination %}`: the meetings a dossier was put to,
and (for the standing office) a form to put it to one of the council's coming meetings."""

from django import template

from vinhdanh.awards.forms_meetings import AgendaAddForm
from vinhdanh.awards.services.meetings import AGENDA_STATES, PENDING_MEETING_STATES
from vinhdanh.workflow.permissions import allows

register = template.Library()


@register.inclusion_tag("awards/_meeting_panel.html", takes_context=True)
def meeting_panel(context, nomination):
    from vinhdanh.awards.views.meetings import pending_meetings

    user = context["request"].user
    if not allows(user, "awards.view_meetings"):
        return {"shown": False}
    items = list(
        nomination.agenda_items.select_related("meeting", "vote").order_by("-meeting__held_on")
    )
    form = None
    if (
        nomination.state in AGENDA_STATES
        and not any(i.meeting.state in PENDING_MEETING_STATES for i in items)
        and allows(user, "awards.open_vote", nomination)
    ):
        meetings = pending_meetings(user)
        if meetings.exists():
            form = AgendaAddForm(meetings=meetings, auto_id="id_tm_%s")
    return {
        "shown": bool(items or form),
        "items": items,
        "form": form,
        "nomination": nomination,
        "csrf_token": context.get("csrf_token"),
    }
