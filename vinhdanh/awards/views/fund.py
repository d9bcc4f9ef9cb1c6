"""The council's emulation and commendation fund: the year's ledger, its plan, its .xlsx."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts.councils import acting_council
from vinhdanh.awards.forms import FundPlanForm
from vinhdanh.awards.fund_xlsx import ledger_xlsx
from vinhdanh.awards.services.fund import fund_ledger, set_fund_plan
from vinhdanh.awards.views.common import REFUSED
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.years import YEAR_MAX, YEAR_MIN
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service


def _council(request):
    """The user's own council: the fund is shown to its council side only (else 404)."""
    council = acting_council(request.user)
    if council is None or not allows(request.user, "awards.view_fund", council):
        raise Http404(_("Không tìm thấy."))
    return council


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    return min(max(year, YEAR_MIN), YEAR_MAX)


def fund_page(request, council, year, form=None, status=200):
    ledger = fund_ledger(council, year)
    may_plan = allows(request.user, "awards.manage_fund", council)
    if may_plan and form is None:
        form = FundPlanForm(
            initial={
                "year": year,
                "planned": f"{ledger.planned:,}".replace(",", ".") if ledger.plan else "",
                "note": ledger.plan.note if ledger.plan else "",
            }
        )
    context = {
        "council": council,
        "year": year,
        "ledger": ledger,
        "form": form if may_plan else None,
        "years": [year - 1, year, year + 1],
    }
    return render(request, "awards/fund.html", context, status=status)


@login_required
def fund_ledger_view(request):
    council = _council(request)
    return fund_page(request, council, _year(request))


@login_required
@require_POST
def fund_plan(request):
    council = _council(request)
    require(request.user, "awards.manage_fund", council)
    form = FundPlanForm(request.POST)
    plan = run_service(form, lambda: set_fund_plan(request.user, council, **form.arguments()))
    if plan is None:
        year = getattr(form, "cleaned_data", {}).get("year") or _year(request)
        return fund_page(request, council, year, form, status=REFUSED)
    messages.success(request, _("Đã lưu quỹ thi đua, khen thưởng năm %s.") % plan.year)
    return redirect(f"{reverse('awards:fund_ledger')}?year={plan.year}")


@login_required
def fund_export(request):
    council = _council(request)
    year = _year(request)
    return download(ledger_xlsx(fund_ledger(council, year)), f"quy-tdkt-{year}.xlsx", XLSX)
