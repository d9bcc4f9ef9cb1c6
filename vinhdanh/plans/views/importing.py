"""Upload a plan document, preview what was read, resolve unit names, confirm."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from vinhdanh.accounts import access
from vinhdanh.core.feedback import refusal_text
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.documents.structure import REVIEW_FLAG_LABELS
from vinhdanh.org.models import Unit
from vinhdanh.plans import importing
from vinhdanh.plans.models import PlanImport
from vinhdanh.plans.resolution import KEEP_AS_TEXT, unmatched

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


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    access.require_role(request.user, *importing.IMPORTERS)
    error = None
    if request.method == "POST":
        upload_file = request.FILES.get("file")
        if upload_file is None:
            error = _("Hãy chọn tệp kế hoạch (.docx, .xlsx hoặc .txt).")
        else:
            try:
                draft = importing.preview_import(
                    actor=request.user, filename=upload_file.name, content=upload_file.read()
                )
                return redirect("plans:import_preview", draft.pk)
            except (ValidationError, PermissionDenied) as exc:
                error = refusal_text(exc)
    return render(
        request, "plans/import_upload.html", {"error": error}, status=400 if error else 200
    )


def _draft(request, pk: int) -> PlanImport:
    access.require_role(request.user, *importing.IMPORTERS)
    return get_object_or_404(PlanImport, pk=pk, created_by=request.user)


@private_file_view
def import_file(request, pk: int):
    """The uploaded plan document itself, for the one who uploaded it."""
    if access.role_of(request.user) not in importing.IMPORTERS:
        raise Http404(_("Không tìm thấy."))
    draft = get_object_or_404(PlanImport, pk=pk, created_by=request.user)
    return serve_private(request, draft.file, download_name=draft.original_name)


def _preview_context(draft: PlanImport, error: str | None = None, choices=None) -> dict:
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
    pending = [
        {
            "name": name,
            "suggestions": names[name]["suggestions"],
            "chosen": (choices or {}).get(name, ""),
        }
        for name in unmatched(names)
    ]
    return {
        "draft": draft,
        "parsed": parsed,
        "plan_date": _dmy(parsed.get("date")),
        "sections": list(sections.items()),
        "pending": pending,
        "matched": [(n, i) for n, i in names.items() if i["kind"] == "unit"],
        "groups": [(n, i) for n, i in names.items() if i["kind"] in ("group", "directing_body")],
        "units": Unit.objects.filter(is_active=True).only("pk", "name"),
        "existing": importing.existing_plan(parsed),
        "flagged": sum(1 for t in parsed["tasks"] if t["flags"]),
        "keep_as_text": KEEP_AS_TEXT,
        "error": error,
    }


@login_required
def preview(request, pk: int):
    draft = _draft(request, pk)
    if draft.plan_id:
        return redirect("plans:plan_detail", draft.plan_id)
    return render(request, "plans/import_preview.html", _preview_context(draft))


@login_required
@require_POST
def confirm(request, pk: int):
    draft = _draft(request, pk)
    names = unmatched(draft.parsed["names"])
    choices = {name: request.POST.get(f"name-{index}", "") for index, name in enumerate(names)}
    try:
        plan = importing.confirm_import(
            actor=request.user,
            draft=draft,
            choices=choices,
            update=request.POST.get("update") == "1",
        )
    except (ValidationError, PermissionDenied) as exc:
        context = _preview_context(draft, refusal_text(exc), choices)
        return render(request, "plans/import_preview.html", context, status=400)
    messages.success(
        request,
        _("Đã lưu kế hoạch số %(number)s với %(count)s nhiệm vụ.")
        % {"number": plan.number, "count": plan.tasks.count()},
    )
    return redirect("plans:plan_detail", plan.pk)
