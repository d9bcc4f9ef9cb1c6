from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.documents.admin_xlsx import list_workbook
from vinhdanh.documents.layout import Letterhead
from vinhdanh.org import selectors
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import Rating
from vinhdanh.records.screening import VERDICT_LABELS, explain, screen_unit


def _year(request) -> int:
    raw = request.GET.get("year", "")
    if raw.isdigit() and 1945 <= int(raw) <= 2100:
        return int(raw)
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
    titles, rows = screen_unit(request.user, unit, year) if unit else ([], [])
    if request.GET.get("format") == "xlsx" and unit:
        return _export(unit, year, titles, rows, acting_council(request.user))
    context = {
        "units": units,
        "unit": unit,
        "year": year,
        "titles": titles,
        "rows": rows,
        "labels": VERDICT_LABELS,
    }
    return render(request, "records/screening.html", context)


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
    letterhead = Letterhead(
        parent_body=council.unit.name if council else unit.name,
        issuer=council.name if council else unit.name,
        place="",
    )
    content = list_workbook(
        letterhead,
        title=_("Kết quả rà soát điều kiện khen thưởng năm %(year)s — %(unit)s")
        % {"year": year, "unit": unit.name},
        date=timezone.localdate(),
        headers=[_("STT"), _("Họ và tên"), _("Đơn vị"), *[name for _, name in titles]],
        rows=[
            [
                index,
                row.person.full_name,
                row.person.unit.name,
                *[str(VERDICT_LABELS.get(row.verdicts.get(tid), "—")) for tid, _ in titles],
            ]
            for index, row in enumerate(rows, start=1)
        ],
        sheet_title=_("Rà soát"),
    )
    return download(content, f"ra-soat-{unit.code}-{year}.xlsx", XLSX)
