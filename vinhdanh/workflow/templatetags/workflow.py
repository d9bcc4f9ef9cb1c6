"""Templates ask the same permission registry and transition table as the services.

{% load workflow %}
{% allows "awards.decide_nomination" nomination as may_decide %}
{% available_actions NOMINATIONS nomination as actions %}
"""

from django import template

from vinhdanh.workflow.permissions import allows as allows_permission

register = template.Library()


@register.simple_tag(takes_context=True)
def allows(context, name, obj=None):
    return allows_permission(context["request"].user, name, obj)


@register.simple_tag(takes_context=True)
def available_actions(context, workflow, obj):
    return workflow.available(context["request"].user, obj)
