"""Pages of reorganisations (the 2025 reform recorded as it happened), for the standing office."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vinhdanh.accounts import access
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.org import reorganising
from vinhdanh.org.dating import reorganisation_problems, split_units
from vinhdanh.org.forms import (
    AssignForm,
    DissolvedForm,
    MovesImportForm,
    RemoveRowForm,
    ReorganisationForm,
    SuccessorForm,
)
from vinhdanh.org.models import Person, PlannedMove, PlannedUnit, Reorganisation, Unit
from vinhdanh.org.people_import import moves_template_workbook
from vinhdanh.org.workflows import DRAFT, REORGANISATIONS
from vinhdanh.workflow.forms import ActionForm
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service


def _require_office(request) -> None:
    if not allows(request.user, "org.manage_reorganisations"):
        raise PermissionDenied(_("Chỉ cơ quan thường trực được ghi nhận việc sắp xếp đơn vị."))


def _reorganisation(request, pk: int) -> Reorganisation:
    # Forbidden looks missing, as everywhere else.
    if not allows(request.user, "org.manage_reorganisations"):
        raise Http404
    return access.get_visible_or_404(request.user, Reorganisation.objects.all(), pk=pk)


@login_required
def reorganisation_list(request):
    _require_office(request)
    reorganisations = access.scope_queryset(
        request.user,
        Reorganisation.objects.select_related("created_by").prefetch_related(
            "planned_units__unit", "dissolved"
        ),
    )
    return render(request, "org/reorganisation_list.html", {"reorganisations": reorganisations})


@login_required
@require_http_methods(["GET", "POST"])
def reorganisation_create(request):
    _require_office(request)
    form = ReorganisationForm(request.POST or None)
    if request.method == "POST":
        created = run_service(
            form,
            lambda: reorganising.create_reorganisation(actor=request.user, **form.cleaned_data),
        )
        if created is not None:
            messages.success(request, _("Đã tạo đợt sắp xếp “%(name)s”.") % {"name": created})
            return redirect("org:reorganisation_detail", pk=created.pk)
    status = 400 if form.errors else 200
    return render(request, "org/reorganisation_form.html", {"form": form}, status=status)


def _live_units(reorganisation: Reorganisation):
    """The live units the recording council governs (any unit for the instance's own)."""
    units = Unit.objects.filter(valid_to__isnull=True).select_related("level")
    if reorganisation.council_id is not None:
        units = units.filter(path__startswith=reorganisation.council.unit.path)
    return units


def _forms(reorganisation: Reorganisation, bound: dict) -> dict:
    plan = reorganising.plan_of(reorganisation)
    planned = reorganisation.planned_units.select_related("unit")
    people = Person.objects.filter(unit_id__in=split_units(plan)).select_related("unit")
    return {
        "plan": plan,
        "successor_form": bound.get("successor")
        or SuccessorForm(units=_live_units(reorganisation)),
        "dissolved_form": bound.get("dissolved")
        or DissolvedForm(
            units=_live_units(reorganisation),
            initial={"units": list(reorganisation.dissolved.all())},
        ),
        "assign_form": bound.get("assign") or AssignForm(people=people, planned=planned),
        "import_form": bound.get("import") or MovesImportForm(),
        "apply_form": bound.get("apply")
        or ActionForm(initial={"version": reorganisation.version}, prefix="apply"),
        "cancel_form": bound.get("cancel")
        or ActionForm(
            initial={"version": reorganisation.version},
            action=REORGANISATIONS.action("cancel"),
            prefix="cancel",
        ),
        "people": people,
    }


def _detail(request, reorganisation: Reorganisation, bound=None, status: int = 200, rows=()):
    bound = bound or {}
    context = {
        "reorganisation": reorganisation,
        "import_errors": rows,
        "remove_form": bound.get("remove"),
    }
    planned = list(
        reorganisation.planned_units.select_related("unit", "level", "parent").prefetch_related(
            "sources__predecessor"
        )
    )
    context["planned"] = planned
    context["moves"] = reorganisation.moves.select_related("person__unit", "planned__unit")
    context["transitions"] = reorganisation.transitions.select_related("actor")
    context["dissolved"] = reorganisation.dissolved.all()
    context["successions"] = reorganisation.successions.select_related("predecessor", "successor")
    if reorganisation.state == DRAFT:
        context.update(_forms(reorganisation, bound))
        context["problems"] = reorganisation_problems(context["plan"])
        moved = {move.person_id: move for move in context["moves"]}
        context["unassigned"] = [p for p in context["people"] if p.pk not in moved]
    return render(request, "org/reorganisation_detail.html", context, status=status)


@login_required
def reorganisation_detail(request, pk: int):
    return _detail(request, _reorganisation(request, pk))


def _done(request, reorganisation, text):
    messages.success(request, text)
    return redirect("org:reorganisation_detail", pk=reorganisation.pk)


@login_required
@require_POST
def reorganisation_add_successor(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    form = SuccessorForm(request.POST, units=_live_units(reorganisation))

    def add():
        data = form.cleaned_data
        return reorganising.add_successor(
            actor=request.user,
            reorganisation=reorganisation,
            unit=data["unit"],
            wholes=data["wholes"],
            parts=data["parts"],
            **(
                {}
                if data["unit"]
                else {k: data[k] for k in ("code", "name", "kind", "level", "parent")}
            ),
        )

    added = run_service(form, add)
    if added is None:
        return _detail(request, reorganisation, {"successor": form}, status=400)
    return _done(request, reorganisation, _("Đã thêm đơn vị kế thừa “%(name)s”.") % {"name": added})


@login_required
@require_POST
def reorganisation_remove_successor(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    form = RemoveRowForm(request.POST)

    def remove():
        planned = get_object_or_404(
            PlannedUnit, pk=form.cleaned_data["row"], reorganisation=reorganisation
        )
        reorganising.remove_successor(
            actor=request.user, reorganisation=reorganisation, planned=planned
        )
        return planned

    if run_service(form, remove) is None:
        return _detail(request, reorganisation, {"remove": form}, status=400)
    return _done(request, reorganisation, _("Đã xóa đơn vị kế thừa."))


@login_required
@require_POST
def reorganisation_dissolved(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    form = DissolvedForm(request.POST, units=_live_units(reorganisation))
    saved = run_service(
        form,
        lambda: reorganising.set_dissolved(
            actor=request.user,
            reorganisation=reorganisation,
            units=list(form.cleaned_data["units"]),
        ),
    )
    if saved is None:
        return _detail(request, reorganisation, {"dissolved": form}, status=400)
    return _done(request, reorganisation, _("Đã lưu danh sách đơn vị giải thể."))


@login_required
@require_POST
def reorganisation_assign(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    plan = reorganising.plan_of(reorganisation)
    form = AssignForm(
        request.POST,
        people=Person.objects.filter(unit_id__in=split_units(plan)),
        planned=reorganisation.planned_units.all(),
    )
    move = run_service(
        form,
        lambda: reorganising.assign_person(
            actor=request.user, reorganisation=reorganisation, **form.cleaned_data
        ),
    )
    if move is None:
        return _detail(request, reorganisation, {"assign": form}, status=400)
    return _done(
        request,
        reorganisation,
        _("Đã phân “%(name)s” về “%(unit)s”.") % {"name": move.person, "unit": move.planned},
    )


@login_required
@require_POST
def reorganisation_unassign(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    form = RemoveRowForm(request.POST)

    def remove():
        move = get_object_or_404(
            PlannedMove, pk=form.cleaned_data["row"], reorganisation=reorganisation
        )
        reorganising.remove_move(actor=request.user, reorganisation=reorganisation, move=move)
        return move

    if run_service(form, remove) is None:
        return _detail(request, reorganisation, {"remove": form}, status=400)
    return _done(request, reorganisation, _("Đã xóa dòng phân công."))


@login_required
@require_POST
def reorganisation_import(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    form = MovesImportForm(request.POST, request.FILES)
    rows: list = []

    def import_rows():
        upload = form.cleaned_data["file"]
        try:
            return reorganising.import_moves(
                actor=request.user,
                reorganisation=reorganisation,
                filename=upload.name,
                content=upload.read(),
            )
        except reorganising.MovesImportRefused as refused:
            rows.extend(refused.errors)
            raise

    moves = run_service(form, import_rows)
    if moves is None:
        return _detail(request, reorganisation, {"import": form}, status=400, rows=rows)
    return _done(
        request, reorganisation, _("Đã phân %(count)d cá nhân từ tệp.") % {"count": len(moves)}
    )


@login_required
def reorganisation_moves_template(request):
    _require_office(request)
    return download(moves_template_workbook(), "mau-phan-ca-nhan-ve-don-vi-moi.xlsx", XLSX)


@login_required
@require_POST
def reorganisation_apply(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    form = ActionForm(request.POST, prefix="apply")
    applied = run_service(
        form,
        lambda: reorganising.apply_reorganisation(
            request.user,
            reorganisation,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        ),
    )
    if applied is None:
        return _detail(request, reorganisation, {"apply": form}, status=400)
    return _done(
        request, reorganisation, _("Đã áp dụng đợt sắp xếp “%(name)s”.") % {"name": applied}
    )


@login_required
@require_POST
def reorganisation_cancel(request, pk: int):
    reorganisation = _reorganisation(request, pk)
    form = ActionForm(request.POST, action=REORGANISATIONS.action("cancel"), prefix="cancel")
    cancelled = run_service(
        form,
        lambda: reorganising.cancel_reorganisation(
            request.user,
            reorganisation,
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if cancelled is None:
        return _detail(request, reorganisation, {"cancel": form}, status=400)
    return _done(request, reorganisation, _("Đã hủy đợt sắp xếp."))
