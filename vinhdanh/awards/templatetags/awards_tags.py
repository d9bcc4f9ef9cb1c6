"""`{% load awards_tags %}{% awards_history person %}` shows a person's or unit's awards."""

from django import template

from vinhdanh.awards.selectors import awards_history as history_of

register = template.Library()


@register.inclusion_tag("awards/_history.html")
def awards_history(subject):
    return {"history": history_of(subject), "subject": subject}
