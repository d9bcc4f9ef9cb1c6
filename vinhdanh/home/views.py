from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.models import Role, User
from vinhdanh.core.paging import capped_page
from vinhdanh.core.years import chosen_year
from vinhdanh.home import audit_page
from vinhdanh.home.audit_scope import audit_entries_for
from vinhdanh.home.dashboard import dashboard_for
from vinhdanh.org import selectors
from vinhdanh.org.models import Unit
from vinhdanh.workflow.permissions import require


def index(request):
    if not request.user.is_authenticated:
        # The public's door: what citizens may see without an account.
        return render(request, "home/public_home.html")
    year = chosen_year(request, lambda: None)
    context = dashboard_for(request.user, year)
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
    """The audit log in sentences, for the roles that change the whole organisation."""
    require(request.user, "home.view_audit_log")
    visible = audit_entries_for(request.user)
    actors = User.objects.filter(pk__in=visible.values("actor"))
    # The units offered are those of the people in the log; each one counts its sub-units.
    units = list(
        access.scope_queryset(request.user, Unit.objects.all())
        .filter(pk__in=actors.values("unit"))
        .order_by("sort_key")
    )
    entries, filters, errors = audit_page.filtered(
        visible, request.GET, {unit.pk: unit for unit in units}
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    audit_page.described(page)
    messages_for = {
        "since": _(
            "Ngày “từ ngày” không đọc được: viết theo dạng ngày/tháng/năm, ví dụ 01/12/2026."
        ),
        "until": _(
            "Ngày “đến ngày” không đọc được: viết theo dạng ngày/tháng/năm, ví dụ 31/12/2026."
        ),
        "order": _("“Từ ngày” phải trước hoặc bằng “đến ngày”."),
    }
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "entries": page,
        "filters": filters,
        "filter_errors": [messages_for[error] for error in errors],
        "extra_query": query.urlencode(),
        "actions": audit_page.action_choices(
            visible.order_by("action").values_list("action", flat=True).distinct()
        ),
        "units": units,
        "actors": actors.order_by("last_name", "first_name", "username"),
    }
    return render(request, "home/audit_log.html", context)
