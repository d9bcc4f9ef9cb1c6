from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from vinhdanh.awards.forms import QuotaYearForm
from vinhdanh.awards.quota import quota_use
from vinhdanh.workflow.permissions import require


@login_required
def quota_page(request):
    require(request.user, "awards.view_quota")
    year = QuotaYearForm(request.GET).year_or_this_year()
    context = {
        "year": year,
        "form": QuotaYearForm(initial={"year": year}),
        "rows": quota_use(request.user, year),
    }
    return render(request, "awards/quota.html", context)
