"""What each role sees first after signing in."""

import datetime

from django.utils import timezone

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.models import Role
from vinhdanh.core.cards import cards_for
from vinhdanh.home import audit_page
from vinhdanh.home.audit_scope import audit_entries_for
from vinhdanh.home.inbox import inbox_for
from vinhdanh.org import selectors
from vinhdanh.workflow.permissions import allows


def _current_year() -> int:
    return timezone.localdate().year


def _latest_cluster_year(user) -> int | None:
    years = selectors.clusters_for(user).values_list("year", flat=True).order_by("-year")
    return years.first()


def dashboard_for(user, year: int | None = None) -> dict:
    # The home page's template is the role's own (core/home_<role>.html).
    role = access.role_of(user) or Role.UNIT_OFFICER
    # The working year chosen (home/views.py keeps it in the session), else the latest's.
    year = year or _latest_cluster_year(user) or _current_year()
    context = {
        "role": role,
        "work_cards": cards_for(user),
        "today": datetime.date.today(),
        "unit_count": selectors.units_for(user).count(),
        "people_count": selectors.people_for(user).count(),
        "clusters": selectors.clusters_for(user, year),
        "cluster_year": year,
        "council": acting_council(user),
        "inbox": inbox_for(user, year),
    }
    if allows(user, "home.view_audit_log"):
        recent = list(audit_entries_for(user)[:8])
        audit_page.described(recent)
        context["recent_changes"] = recent
    if allows(user, "home.see_followed_clusters"):
        context["followed_clusters"] = context["clusters"].filter(followers__user=user)
    if user.unit_id:
        # The clusters the unit heads this year, not every cluster it is a member of.
        context["headed_clusters"] = context["clusters"].filter(head_id=user.unit_id)
        context["own_unit"] = user.unit
        context["own_people"] = selectors.people_for(user, unit=user.unit)[:10]
        context["own_sub_units"] = user.unit.children.all()
    return context
