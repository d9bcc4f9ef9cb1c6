"""Upload a plan document, preview what was read, resolve unit names, confirm."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.documents.structure import REVIEW_FLAG_LABELS
from vinhdanh.plans import importing, services
from vinhdanh.plans.forms import ConfirmImportForm, PlanUploadForm
from vinhdanh.plans.models import PlanImport
from vinhdanh.plans.resolution import unmatched
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service

FLAG_LABELS = {
    **{str(flag): label for flag, label in REVIEW_FLAG_LABELS.items()},
    importing.UNIT_UNMATCHED: gettext_lazy("Có tên đơn vị chưa khớp danh mục, giữ nguyên dạng chữ"),
    importing.REMOVED_FROM_DOCUMENT: gettext_lazy(
        "Không còn trong văn bản mới nhưng đã có báo cáo"
    ),
}


DEADLINE_KIND_LABELS = {
    "date": gettext_lazy("theo ngày"),
    "month": gettext_lazy("theo tháng"),
    "quarter": gettext_lazy("theo quý, nửa năm hoặc cả năm"),
    "ongoing": gettext_lazy("thường xuyên"),
    "higher_level": gettext_lazy("theo kế hoạch, hướng dẫn của cấp trên"),
    "unparsed": gettext_lazy("chưa hiểu được"),
}


def _dmy(value: str | None) -> str:
    return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def _posted(request) -> tuple:
    """A POST binds its form even when empty (so an empty post shows what is missing)."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    require(request.user, "plans.import_plan")
    form = PlanUploadForm(*_posted(request))
    if request.method == "POST":
        draft = run_service(form, lambda: _preview(request.user, form.cleaned_data["file"]))
        if draft is not None:
            return redirect("plans:import_preview", draft.pk)
    status = 400 if form.errors else 200
    return render(request, "plans/import_upload.html", {"form": form}, status=status)


def _preview(actor, upload):
    return services.preview_import(actor=actor, filename=upload.name, content=upload.read())


def _draft(request, pk: int) -> PlanImport:
    require(request.user, "plans.import_plan")
    return get_object_or_404(PlanImport, pk=pk, created_by=request.user)


@private_file_view
def import_file(request, pk: int):
    """The uploaded plan document itself, for the one who uploaded it."""
    if not allows(request.user, "plans.import_plan"):
        raise Http404(_("Không tìm thấy."))
    draft = get_object_or_404(PlanImport, pk=pk, created_by=request.user)
    return serve_private(request, draft.file, download_name=draft.original_name)


def _confirm_form(request, draft: PlanImport, data=None) -> ConfirmImportForm:
    names = draft.parsed["names"]
    # Only the units of the council the importer acts for (a draft is its uploader's own).
    units = importing.council_units(importing.council_for(request.user)).only("pk", "name")
    return ConfirmImportForm(data, names=names, pending=unmatched(names), units=units)


def _group_units(council, names: dict) -> int:
    """How many lines each group task will get (the units directly under the council)."""
    if council is None or not any(item["kind"] == "group" for item in names.values()):
        return 0
    return importing.council_units(council).filter(parent_id=council.unit_id).count()


def _preview_context(draft: PlanImport, form: ConfirmImportForm, council=None) -> dict:
    parsed = draft.parsed
    names = parsed["names"]
    sections: dict[str, list[dict]] = {}
    for task in parsed["tasks"]:
        task = dict(
            task,
            flag_labels=[FLAG_LABELS.get(f, f) for f in task["flags"]],
            deadline_kind=DEADLINE_KIND_LABELS.get(task["deadline"]["kind"], ""),
            deadline_day=_dmy(task["deadline"]["date"]),
        )
        sections.setdefault(task["section"], []).append(task)
    return {
        "draft": draft,
        "form": form,
        "parsed": parsed,
        "plan_date": _dmy(parsed.get("date")),
        "sections": list(sections.items()),
        "matched": [(n, i) for n, i in names.items() if i["kind"] == "unit"],
        "groups": [(n, i) for n, i in names.items() if i["kind"] in ("group", "directing_body")],
        "existing": importing.existing_plan(parsed),
        "flagged": sum(1 for t in parsed["tasks"] if t["flags"]),
        "group_units": _group_units(council, names),
    }


@login_required
def preview(request, pk: int):
    draft = _draft(request, pk)
    if draft.plan_id:
        return redirect("plans:plan_detail", draft.plan_id)
    council = importing.council_for(request.user)
    context = _preview_context(draft, _confirm_form(request, draft), council)
    return render(request, "plans/import_preview.html", context)


@login_required
@require_POST
def confirm(request, pk: int):
    draft = _draft(request, pk)
    form = _confirm_form(request, draft, request.POST)
    plan = run_service(
        form,
        lambda: services.confirm_import(
            actor=request.user,
            draft=draft,
            choices=form.choices(),
            update=form.cleaned_data["update"],
        ),
    )
    if plan is None:
        context = _preview_context(draft, form, importing.council_for(request.user))
        return render(request, "plans/import_preview.html", context, status=400)
    messages.success(
        request,
        _("Đã lưu kế hoạch số %(number)s với %(count)s nhiệm vụ.")
        % {"number": plan.number, "count": plan.tasks.count()},
    )
    return redirect("plans:plan_detail", plan.pk)
