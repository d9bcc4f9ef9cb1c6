from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.workflow.permissions import require


@login_required
def entry_list(request):
    require(request.user, "audit.view_log")
    entries = AuditEntry.objects.select_related("actor")
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
        "object_types": AuditEntry.objects.order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct(),
        "actors": User.objects.filter(pk__in=AuditEntry.objects.values("actor")).order_by(
            "username"
        ),
    }
    return render(request, "audit/entry_list.html", context)
