from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.downloads import DOCX, XLSX, download
from vinhdanh.core.feedback import refusal_messages, run_action
from vinhdanh.core.files import private_file_view, safe_extension, serve_private
from vinhdanh.movements import documents, selectors, services
from vinhdanh.movements.forms import DocumentForm, MovementForm
from vinhdanh.movements.models import Movement, MovementDocument, MovementStatus
from vinhdanh.org.models import Unit
from vinhdanh.org.selectors import units_for


@login_required
def movement_list(request):
    year = request.GET.get("year")
    movements = selectors.movements_for(
        request.user, int(year) if year and year.isdigit() else None
    )
    can_create = access.role_of(request.user) in (
        access.ORGANISATION_WIDE_EDITORS | access.UNIT_SCOPED_EDITORS
    )
    context = {
        "movements": movements.prefetch_related("target_units"),
        "notices": selectors.unread_notices(request.user),
        "can_create": can_create,
    }
    return render(request, "movements/movement_list.html", context)


@login_required
def movement_detail(request, pk: int):
    movement = access.get_visible_or_404(
        request.user, Movement.objects.select_related("launched_by", "parent"), pk=pk
    )
    services.mark_notices_read(request.user, movement)
    can_change = access.can(request.user, access.CHANGE, movement)
    own_registration = None
    if request.user.unit_id:
        own_registration = movement.registrations.filter(unit_id=request.user.unit_id).first()
    context = {
        "movement": movement,
        "can_change": can_change,
        "is_office": access.role_of(request.user) in access.ORGANISATION_WIDE_EDITORS,
        "targets": movement.target_units.all(),
        "documents": movement.documents.all(),
        "cascades": selectors.movements_for(request.user).filter(parent=movement),
        "is_target": bool(
            request.user.unit_id and movement.target_units.filter(pk=request.user.unit_id).exists()
        ),
        "own_registration": own_registration,
        "document_form": DocumentForm(),
    }
    if context["is_office"]:
        context["overview"] = selectors.registration_overview(movement)
    return render(request, "movements/movement_detail.html", context)


def _movement_form(request, movement=None, parent=None):
    units = units_for(request.user)
    parents = selectors.movements_for(request.user).exclude(status=MovementStatus.DRAFT)
    initial = {}
    if parent is not None:
        initial = {
            "parent": parent,
            "year": parent.year,
            "kind": parent.kind,
            "starts_on": parent.starts_on,
            "ends_on": parent.ends_on,
            "launched_by": request.user.unit,
        }
    return MovementForm(
        request.POST or None, instance=movement, units=units, parents=parents, initial=initial
    )


@login_required
def movement_edit(request, pk: int | None = None):
    movement = None
    if pk is not None:
        movement = access.get_visible_or_404(request.user, Movement.objects, access.CHANGE, pk=pk)
    parent = None
    if request.GET.get("parent"):
        parent = access.get_visible_or_404(request.user, Movement.objects, pk=request.GET["parent"])
    form = _movement_form(request, movement, parent)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if movement is None:
                movement = services.create_movement(request.user, **data)
            else:
                services.update_movement(request.user, movement, **data)
        except (ValidationError, PermissionDenied) as error:
            for text in refusal_messages(error):
                form.add_error(None, text)
        else:
            messages.success(request, _("Đã lưu phong trào."))
            return redirect("movements:movement_detail", movement.pk)
    return render(request, "movements/movement_form.html", {"form": form, "movement": movement})


@login_required
@require_POST
def movement_launch(request, pk: int):
    movement = access.get_visible_or_404(request.user, Movement.objects, pk=pk)
    run_action(
        request,
        lambda: services.launch_movement(request.user, movement),
        _("Đã phát động phong trào và gửi tới các đơn vị tham gia."),
    )
    return redirect("movements:movement_detail", pk)


@login_required
@require_POST
def movement_attach(request, pk: int):
    movement = access.get_visible_or_404(request.user, Movement.objects, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        run_action(
            request,
            lambda: services.attach_document(
                request.user,
                movement,
                title=form.cleaned_data["title"],
                filename=upload.name,
                content=upload.read(),
            ),
            _("Đã đính kèm tài liệu."),
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("movements:movement_detail", pk)


@private_file_view
def document_file(request, pk: int, document_id: int):
    movement = access.get_visible_or_404(request.user, Movement.objects, pk=pk)
    document = MovementDocument.objects.filter(pk=document_id, movement=movement).first()
    if document is None:
        raise Http404(_("Không tìm thấy."))
    name = document.title.replace("/", "-").replace("\\", "-")
    return serve_private(
        request, document.file, download_name=f"{name}{safe_extension(document.file.name)}"
    )


@login_required
def launch_docx(request, pk: int):
    movement = access.get_visible_or_404(
        request.user, Movement.objects.select_related("launched_by", "parent"), pk=pk
    )
    name = f"ke-hoach-phat-dong-{slugify(movement.name)[:50] or movement.pk}.docx"
    return download(documents.launch_document(movement), name, DOCX)


@login_required
def registrations_export(request, pk: int, fmt: str):
    access.require_role(request.user, *access.ORGANISATION_WIDE_EDITORS)
    movement = access.get_visible_or_404(request.user, Movement.objects, pk=pk)
    if fmt == "xlsx":
        return download(
            documents.registration_workbook(movement), f"dang-ky-{movement.pk}.xlsx", XLSX
        )
    return download(documents.registration_document(movement), f"dang-ky-{movement.pk}.docx", DOCX)


@login_required
def registrations_year_export(request, year: int, fmt: str):
    """The whole organisation's registrations of a year, for the standing office."""
    access.require_role(request.user, *access.ORGANISATION_WIDE_EDITORS)
    council = request.user.council
    issuer = council.unit if council else Unit.objects.filter(parent__isnull=True).first()
    if fmt == "xlsx":
        return download(documents.year_workbook(year, issuer), f"dang-ky-{year}.xlsx", XLSX)
    return download(documents.year_document(year, issuer), f"dang-ky-{year}.docx", DOCX)
