from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.core.years import parse_year
from vinhdanh.org import selectors
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import Rating, ScreeningJob
from vinhdanh.records.screening import (
    VERDICT_LABELS,
    explain,
    job_rows,
    request_screening,
    screen_unit,
    screening_workbook,
    screens_inline,
)

# Rows of a background screening's result per page: about 2 KB of HTML each.
RESULT_PAGE_SIZE = 100


def _year(request, data=None) -> int:
    chosen = parse_year((data if data is not None else request.GET).get("year", ""))
    if chosen is not None:
        return chosen
    latest = Rating.objects.aggregate(latest=Max("year"))["latest"]
    return latest or timezone.localdate().year


def _unit(request):
    units = selectors.units_for(request.user)
    raw = request.GET.get("unit", "")
    if raw.isdigit():
        return units, access.get_visible_or_404(request.user, Unit.objects.all(), pk=int(raw))
    return units, request.user.unit or None


@login_required
def screening(request):
    units, unit = _unit(request)
    year = _year(request)
    inline = unit is not None and screens_inline(request.user, unit)
    titles, rows = screen_unit(request.user, unit, year) if inline else ([], [])
    if request.GET.get("format") == "xlsx" and inline:
        return _export(unit, year, titles, rows, acting_council(request.user))
    context = {
        "units": units,
        "unit": unit,
        "year": year,
        "inline": inline,
        "titles": titles,
        "rows": rows,
        "labels": VERDICT_LABELS,
        "jobs": _recent_jobs(request.user, unit, year) if unit and not inline else [],
    }
    return render(request, "records/screening.html", context)


def _recent_jobs(user, unit, year) -> list[ScreeningJob]:
    jobs = ScreeningJob.objects.filter(unit=unit, year=year, requested_by=user)
    return list(access.scope_queryset(user, jobs).select_related("unit")[:5])


@login_required
@require_POST
def screening_start(request):
    raw = request.POST.get("unit", "")
    if not raw.isdigit():
        raise Http404(_("Không tìm thấy đơn vị."))
    unit = access.get_visible_or_404(request.user, Unit.objects.all(), pk=int(raw))
    job = request_screening(request.user, unit, _year(request, request.POST))
    return redirect("records:screening_job", job.pk)


def _job(request, pk: int) -> ScreeningJob:
    return access.get_visible_or_404(
        request.user, ScreeningJob.objects.select_related("unit"), pk=pk
    )


@login_required
def screening_job(request, pk: int):
    job = _job(request, pk)
    template = "records/_screening_progress.html" if request.htmx else "records/screening_job.html"
    return render(request, template, {"job": job})


@login_required
def screening_result(request, pk: int):
    job = _job(request, pk)
    if job.status != ScreeningJob.Status.DONE:
        return redirect("records:screening_job", job.pk)
    raw = request.GET.get("after", "")
    after = int(raw) if raw.isdigit() else -1
    rows = job_rows(job, after, RESULT_PAGE_SIZE + 1)
    context = {
        "job": job,
        "titles": job.titles,
        "rows": rows[:RESULT_PAGE_SIZE],
        "next_after": rows[RESULT_PAGE_SIZE - 1].position if len(rows) > RESULT_PAGE_SIZE else None,
        "first": after + 2,
        "last": after + 1 + len(rows[:RESULT_PAGE_SIZE]),
        "labels": VERDICT_LABELS,
    }
    return render(request, "records/screening_result.html", context)


@private_file_view
def screening_export(request, pk: int):
    job = _job(request, pk)
    if job.status != ScreeningJob.Status.DONE or not job.export:
        raise Http404(_("Lượt rà soát chưa xong."))
    return serve_private(
        request, job.export, download_name=f"ra-soat-{job.unit.code}-{job.year}.xlsx"
    )


@login_required
def screening_detail(request, person_pk: int, title_id: str):
    person = access.get_visible_or_404(request.user, Person.objects.all(), pk=person_pk)
    try:
        verdict = explain(person, title_id, _year(request))
    except (KeyError, LookupError) as error:
        raise Http404(_("Không có danh hiệu này trong danh mục.")) from error
    return render(
        request,
        "records/_verdict.html",
        {"subject_name": person.full_name, "verdict": verdict, "labels": VERDICT_LABELS},
    )


def _export(unit, year, titles, rows, council) -> HttpResponse:
    content = screening_workbook(unit, year, titles, rows, council)
    return download(content, f"ra-soat-{unit.code}-{year}.xlsx", XLSX)
