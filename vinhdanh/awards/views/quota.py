from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from vinhdanh.accounts import access
from vinhdanh.accounts.models import Role
from vinhdanh.awards import workflow
from vinhdanh.awards.quota import quota_use


@login_required
def quota_page(request):
    access.require_role(request.user, *workflow.APPRAISERS, *workflow.DECIDERS, Role.COUNCIL_MEMBER)
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() and 1945 <= int(raw) <= 2100 else timezone.localdate().year
    return render(
        request, "awards/quota.html", {"year": year, "rows": quota_use(request.user, year)}
    )
