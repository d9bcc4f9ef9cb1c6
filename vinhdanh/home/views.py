from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from vinhdanh.accounts.models import Role, User
from vinhdanh.core.paging import capped_page
from vinhdanh.home.audit_scope import audit_entries_for
from vinhdanh.home.dashboard import dashboard_for
from vinhdanh.org import selectors
from vinhdanh.workflow.permissions import require


def index(request):
    if not request.user.is_authenticated:
        # The public's door: what citizens may see without an account.
        return render(request, "home/public_home.html")
    context = dashboard_for(request.user)
    return render(request, f"home/home_{context['role']}.html", context)


@login_required
def search(request):
    query = request.GET.get("q", "").strip()
    units = selectors.units_for(request.user, query)[:20] if query else []
    people = capped_page(selectors.people_for(request.user, query), request) if query else None
    return render(
        request,
        "home/search.html",
        {"query": query, "units": units, "people": people, "Role": Role},
    )


@login_required
def audit_log(request):
    """The audit log, for the roles that change the whole organisation."""
    require(request.user, "home.view_audit_log")
    visible = audit_entries_for(request.user)
    entries = visible
    filters = {
        "object_type": request.GET.get("object_type", "").strip(),
        "object_id": request.GET.get("object_id", "").strip(),
        "actor": request.GET.get("actor", "").strip(),
    }
    if filters["object_type"]:
        entries = entries.filter(object_type=filters["object_type"])
    if filters["object_id"]:
        entries = entries.filter(object_id=filters["object_id"])
    if filters["actor"].isdigit():
        entries = entries.filter(actor_id=int(filters["actor"]))
    context = {
        "entries": Paginator(entries, 50).get_page(request.GET.get("page")),
        "filters": filters,
        "object_types": visible.order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct(),
        "actors": User.objects.filter(pk__in=visible.values("actor")).order_by("username"),
    }
    return render(request, "home/audit_log.html", context)
