"""The person's recognised initiatives, for org's person page (org sits below this app)."""

from django import template

from vinhdanh.initiatives.selectors import recognised_for_person

register = template.Library()


@register.inclusion_tag("initiatives/_person_initiatives.html", takes_context=True)
def person_initiatives_panel(context, *, person):
    request = context.get("request")
    user = getattr(request, "user", None)
    rows = list(recognised_for_person(user, person)[:20]) if user else []
    return {"initiatives": rows}
