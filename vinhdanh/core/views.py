from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from vinhdanh.accounts.models import Role
from vinhdanh.core.dashboard import dashboard_for
from vinhdanh.org import selectors


def home(request):
    if not request.user.is_authenticated:
        # The public's door: what citizens may see without an account.
        return render(request, "core/public_home.html")
    context = dashboard_for(request.user)
    return render(request, f"core/home_{context['role']}.html", context)


@login_required
def search(request):
    query = request.GET.get("q", "").strip()
    units = selectors.units_for(request.user, query)[:20] if query else []
    people = (
        Paginator(selectors.people_for(request.user, query), 25).get_page(request.GET.get("page"))
        if query
        else None
    )
    return render(
        request,
        "core/search.html",
        {"query": query, "units": units, "people": people, "Role": Role},
    )


def verify_lookup(request):
    """A typed verification code leads to the certificate's public page."""
    # People may paste the whole address printed under the QR code, or just the code.
    token = request.GET.get("token", "").strip().rstrip("/").rsplit("/", 1)[-1] or "-"
    return redirect("awards:verify", token=token)
