"""Pages where units keep their people's records: ratings, initiatives, discipline.

Lists are scoped and paged; every add, change, delete and import runs a service
(records/services.py), which checks again who may record for whom and audits it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from vinhdanh.accounts import access
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.paging import capped_page
from vinhdanh.core.text import fold
from vinhdanh.org.models import Person, Unit
from vinhdanh.records import services
from vinhdanh.records.forms import FORMS, ApplyImportForm, RecordsImportForm
from vinhdanh.records.importing import SHEETS, template_workbook
from vinhdanh.records.models import RECORD_KINDS, Rating, RecordImport
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service

KIND_TITLES = {
    "ratings": gettext_lazy("Xếp loại hằng năm"),
    "initiatives": gettext_lazy("Sáng kiến được công nhận"),
    "discipline": gettext_lazy("Kỷ luật"),
}
TEMPLATE_NAMES = {
    "ratings": "mau-xep-loai.xlsx",
    "initiatives": "mau-sang-kien.xlsx",
    "discipline": "mau-ky-luat.xlsx",
}


def _kind(kind: str) -> str:
    if kind not in RECORD_KINDS:
        raise Http404(_("Không có loại hồ sơ này."))
    return kind


def _require_keeper(user) -> None:
    if not allows(user, "records.keep_records"):
        raise PermissionDenied(_("Bạn không có quyền cập nhật hồ sơ."))


def _posted(request) -> tuple:
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _int(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


def _filtered(request, kind: str):
    """The kind's rows the user sees, filtered by year, unit (with its sub-units) or person."""
    model = RECORD_KINDS[kind]
    rows = access.scope_queryset(request.user, model.objects.select_related("person__unit", "unit"))
    filters = {"year": "", "unit": None, "person": None, "q": request.GET.get("q", "").strip()}
    year = _int(request.GET.get("year", ""))
    if year:
        rows, filters["year"] = rows.filter(year=year), year
    unit_pk = _int(request.GET.get("unit", ""))
    if unit_pk:
        unit = access.get_visible_or_404(request.user, Unit.objects.all(), pk=unit_pk)
        rows = rows.filter(
            Q(person__unit__path__startswith=unit.path) | Q(unit__path__startswith=unit.path)
        )
        filters["unit"] = unit
    person_pk = _int(request.GET.get("person", ""))
    if person_pk:
        person = access.get_visible_or_404(request.user, Person.objects.all(), pk=person_pk)
        rows, filters["person"] = rows.filter(person=person), person
    if filters["q"]:
        # A name typed with or without its accents (the people's folded search text), or a code.
        name = Q()
        for word in fold(filters["q"]).split():
            name &= Q(person__search_text__contains=f" {word}")
        rows = rows.filter(name | Q(person__code=filters["q"]))
    if filters["unit"] or filters["person"] or filters["q"]:
        return rows.order_by("-year", "person__full_name", "unit__name", "pk"), filters
    # The whole scope (a province: millions of ratings): the newest entered first, from the
    # (year, id) index, instead of sorting a year's 300,000 rows by name for a page of 25.
    return rows.order_by("-year", "-pk"), filters


@login_required
def record_list(request, kind: str):
    kind = _kind(kind)
    rows, filters = _filtered(request, kind)
    page = capped_page(rows, request)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("q", None)
    context = {
        "kind": kind,
        "title": KIND_TITLES[kind],
        "titles": KIND_TITLES,
        "page": page,
        "filters": filters,
        "units": access.scope_queryset(request.user, Unit.objects.all()).only("pk", "name"),
        "can_keep": allows(request.user, "records.keep_records"),
        "query": filters["q"],
        "extra": query.urlencode(),
    }
    return render(request, "records/record_list.html", context)


def _form(request, kind: str, instance=None):
    user = request.user
    people = access.scope_queryset(user, Person.objects.all(), access.CHANGE)
    units = access.scope_queryset(user, Unit.objects.all(), access.CHANGE)
    form_class = FORMS[kind]
    initial = form_class.initial_for(instance) if instance is not None else {}
    if instance is None:
        person_pk = _int(request.GET.get("person", ""))
        person = people.filter(pk=person_pk).first() if person_pk else None
        if person is not None:
            initial["person_code"] = person.code
        unit_pk = _int(request.GET.get("unit", ""))
        if unit_pk and units.filter(pk=unit_pk).exists():
            initial["unit"] = unit_pk
        initial.setdefault("year", _int(request.GET.get("year", "")) or None)
    return form_class(*_posted(request)[:1], initial=initial, people=people, units=units)


def _back(kind: str, instance) -> tuple:
    return ("records:record_list", kind)


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request, kind: str, pk: int | None = None):
    kind = _kind(kind)
    instance = None
    if pk is not None:
        # Another unit's record is not found (404) before anything else is asked.
        instance = access.get_visible_or_404(
            request.user,
            RECORD_KINDS[kind].objects.select_related("person", "unit"),
            access.CHANGE,
            pk=pk,
        )
    _require_keeper(request.user)
    form = _form(request, kind, instance)
    if request.method == "POST":
        saved = run_service(
            form,
            lambda: services.save_record(
                actor=request.user, kind=kind, instance=instance, **form.service_fields()
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã lưu: %(record)s.") % {"record": saved})
            return redirect(*_back(kind, saved))
    subject = instance.subject if instance is not None else None
    code = form.initial.get("person_code")
    if subject is None and code:
        subject = form.people.filter(code=code).first()
    context = {
        "kind": kind,
        "title": KIND_TITLES[kind],
        "form": form,
        "instance": instance,
        "subject": subject,
    }
    return render(request, "records/record_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def record_delete(request, kind: str, pk: int):
    kind = _kind(kind)
    instance = access.get_visible_or_404(
        request.user,
        RECORD_KINDS[kind].objects.select_related("person", "unit"),
        access.CHANGE,
        pk=pk,
    )
    _require_keeper(request.user)
    form = ApplyImportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        run_service(form, lambda: services.delete_record(actor=request.user, instance=instance))
        if not form.errors:
            messages.success(request, _("Đã xóa: %(record)s.") % {"record": instance})
            return redirect("records:record_list", kind)
    context = {"kind": kind, "title": KIND_TITLES[kind], "instance": instance, "form": form}
    return render(request, "records/record_delete.html", context)


@login_required
def record_template(request, kind: str):
    kind = _kind(kind)
    return download(template_workbook(kind), TEMPLATE_NAMES[kind], XLSX)


@login_required
@require_http_methods(["GET", "POST"])
def record_import(request, kind: str):
    kind = _kind(kind)
    _require_keeper(request.user)
    form = RecordsImportForm(*_posted(request))
    errors: list = []

    def preview():
        upload = form.cleaned_data["file"]
        try:
            return services.preview_records_import(
                actor=request.user, kind=kind, filename=upload.name, content=upload.read()
            )
        except services.RecordsImportRefused as refused:
            errors.extend(refused.errors)
            raise

    if request.method == "POST":
        draft = run_service(form, preview)
        if draft is not None:
            return redirect("records:record_import_preview", draft.pk)
    context = {
        "kind": kind,
        "title": KIND_TITLES[kind],
        "form": form,
        "errors": errors,
        "columns": SHEETS[kind].columns,
    }
    return render(
        request, "records/record_import.html", context, status=400 if form.errors else 200
    )


def _draft(request, pk: int) -> RecordImport:
    # A preview is its uploader's own: nobody else's id leads anywhere.
    return get_object_or_404(RecordImport, pk=pk, created_by=request.user)


PREVIEW_ROWS = 500


def _shown(value) -> str:
    """A previewed cell as the office types it: days as dd/mm/yyyy."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:]}/{value[5:7]}/{value[:4]}"
    return "" if value is None else str(value)


def _preview_context(request, draft: RecordImport, form) -> dict:
    sheet = SHEETS[draft.kind]
    columns = list(sheet.columns)
    labels = {c.key: {ch.value: ch.label for ch in c.choices} for c in columns if c.choices}
    updates = 0
    if draft.kind == "ratings":
        codes = {r["person_code"] for r in draft.rows if r["person_code"]}
        existing = set(
            Rating.objects.filter(person__code__in=codes).values_list("person__code", "year")
        )
        updates = sum(1 for r in draft.rows if (r["person_code"], r["year"]) in existing)
    shown = draft.rows[:PREVIEW_ROWS]
    # The subject's name beside its code, so the office sees who each row is about.
    people = dict(
        Person.objects.filter(
            code__in={r["person_code"] for r in shown if r["person_code"]}
        ).values_list("code", "full_name")
    )
    units = dict(
        Unit.objects.filter(code__in={r["unit_code"] for r in shown if r["unit_code"]}).values_list(
            "code", "name"
        )
    )
    rows = [
        [row["row"], people.get(row["person_code"]) or units.get(row["unit_code"], "")]
        + [_shown(labels.get(c.key, {}).get(row.get(c.key), row.get(c.key))) for c in columns]
        for row in shown
    ]
    return {
        "kind": draft.kind,
        "title": KIND_TITLES[draft.kind],
        "draft": draft,
        "columns": columns,
        "rows": rows,
        "more": max(len(draft.rows) - PREVIEW_ROWS, 0),
        "updates": updates,
        "form": form,
    }


@login_required
def record_import_preview(request, pk: int):
    draft = _draft(request, pk)
    if draft.applied_at is not None:
        return redirect("records:record_list", draft.kind)
    return render(
        request,
        "records/record_import_preview.html",
        _preview_context(request, draft, ApplyImportForm()),
    )


@login_required
@require_POST
def record_import_apply(request, pk: int):
    draft = _draft(request, pk)
    form = ApplyImportForm(request.POST)
    count = run_service(
        form, lambda: services.apply_records_import(actor=request.user, draft=draft)
    )
    if count is None:
        context = _preview_context(request, draft, form)
        return render(request, "records/record_import_preview.html", context, status=400)
    messages.success(request, _("Đã nhập %(count)d dòng.") % {"count": count})
    return redirect("records:record_list", draft.kind)
