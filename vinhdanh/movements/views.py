from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core.downloads import DOCX, XLSX, download
from vinhdanh.core.files import private_file_view, safe_extension, serve_private
from vinhdanh.movements import documents, permissions, registrations, selectors, services
from vinhdanh.movements.forms import DocumentForm, LaunchForm, MovementForm, StartRegistrationForm
from vinhdanh.movements.models import Movement, MovementDocument, MovementStatus
from vinhdanh.movements.workflows import MOVEMENTS
from vinhdanh.org.selectors import units_for
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service

# A province's movement goes to a thousand units and its office launches hundreds a year:
# the pages list them a page at a time and count the rest.
MOVEMENTS_PER_PAGE = 50
OVERVIEW_PER_PAGE = 50
TARGETS_SHOWN = 30


@login_required
def movement_list(request):
    year = request.GET.get("year")
    year = int(year) if year and year.isdigit() else None
    movements = selectors.movements_for(request.user, year)
    context = {
        "movements": Paginator(movements, MOVEMENTS_PER_PAGE).get_page(request.GET.get("page")),
        "page_query": f"year={year}" if year else "",
        "notices": selectors.unread_notices(request.user),
        "can_create": allows(request.user, permissions.CREATE_MOVEMENT),
    }
    return render(request, "movements/movement_list.html", context)


def _visible_movement(request, pk: int) -> Movement:
    return access.get_visible_or_404(
        request.user, Movement.objects.select_related("launched_by", "parent"), pk=pk
    )


def _movement_page(request, movement: Movement, refused=None, **forms):
    """The movement's page; a refused POST passes its bound form (`refused`) whose errors the
    page shows above everything, and in place of the blank form of that action."""
    user = request.user
    targets = movement.target_units.all()
    own_registration = None
    if user.unit_id:
        own_registration = movement.registrations.filter(unit_id=user.unit_id).first()
    context = {
        "movement": movement,
        "actions": {action.name: action for action in MOVEMENTS.available(user, movement)},
        "may_change": allows(user, permissions.CHANGE_MOVEMENT, movement),
        "may_cascade": allows(user, permissions.CASCADE_MOVEMENT, movement),
        "may_register": allows(user, permissions.START_REGISTRATION, movement),
        "may_consolidate": allows(user, permissions.CONSOLIDATE_REGISTRATIONS),
        "targets": list(targets[:TARGETS_SHOWN]),
        "target_count": targets.count(),
        "documents": movement.documents.all(),
        "cascades": selectors.movements_for(user).filter(parent=movement),
        "is_target": bool(user.unit_id) and targets.filter(pk=user.unit_id).exists(),
        "own_registration": own_registration,
        "launch_form": LaunchForm(initial={"version": movement.version}),
        "document_form": DocumentForm(),
        "start_form": StartRegistrationForm(),
        "refused": refused,
        **forms,
    }
    if context["may_consolidate"]:
        page = Paginator(targets, OVERVIEW_PER_PAGE).get_page(request.GET.get("page"))
        context["overview_page"] = page
        context["overview"] = selectors.registration_overview(movement, page.object_list)
        context["registration_totals"] = selectors.registration_totals(movement)
    return render(request, "movements/movement_detail.html", context)


@login_required
def movement_detail(request, pk: int):
    movement = _visible_movement(request, pk)
    services.mark_notices_read(request.user, movement)
    return _movement_page(request, movement)


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
    if pk is None:
        # The new-movement form is only for whoever may create one (403 for the others).
        require(request.user, permissions.CREATE_MOVEMENT)
    else:
        movement = access.get_visible_or_404(request.user, Movement.objects, access.CHANGE, pk=pk)
    parent = None
    if request.GET.get("parent"):
        parent = access.get_visible_or_404(request.user, Movement.objects, pk=request.GET["parent"])
    form = _movement_form(request, movement, parent)
    if request.method == "POST":
        if movement is None:
            saved = run_service(
                form, lambda: services.create_movement(request.user, **form.fields_to_save())
            )
        else:
            saved = run_service(
                form,
                lambda: services.update_movement(
                    request.user,
                    movement,
                    expected_version=form.cleaned_data["version"],
                    **form.fields_to_save(),
                ),
            )
        if saved is not None:
            messages.success(request, _("Đã lưu phong trào."))
            return redirect("movements:movement_detail", saved.pk)
    return render(request, "movements/movement_form.html", {"form": form, "movement": movement})


@login_required
@require_POST
def movement_launch(request, pk: int):
    movement = _visible_movement(request, pk)
    form = LaunchForm(request.POST, action=MOVEMENTS.action("launch"))
    launched = run_service(
        form,
        lambda: services.launch_movement(
            request.user, movement, expected_version=form.cleaned_data["version"]
        ),
    )
    if launched is None:
        return _movement_page(request, movement, refused=form, launch_form=form)
    messages.success(request, _("Đã phát động phong trào và gửi tới các đơn vị tham gia."))
    return redirect("movements:movement_detail", pk)


@login_required
@require_POST
def movement_attach(request, pk: int):
    movement = _visible_movement(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    attached = run_service(
        form,
        lambda: services.attach_document(
            request.user,
            movement,
            title=form.cleaned_data["title"],
            filename=form.cleaned_data["file"].name,
            content=form.cleaned_data["file"].read(),
        ),
    )
    if attached is None:
        return _movement_page(request, movement, refused=form, document_form=form)
    messages.success(request, _("Đã đính kèm tài liệu."))
    return redirect("movements:movement_detail", pk)


@login_required
@require_POST
def registration_start(request, pk: int):
    movement = _visible_movement(request, pk)
    form = StartRegistrationForm(request.POST)
    registration = run_service(
        form,
        lambda: registrations.start_registration(request.user, movement, request.user.unit),
    )
    if registration is None:
        return _movement_page(request, movement, refused=form, start_form=form)
    return redirect("movements:registration_detail", registration.pk)


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
    require(request.user, permissions.CONSOLIDATE_REGISTRATIONS)
    movement = access.get_visible_or_404(request.user, Movement.objects, pk=pk)
    if fmt == "xlsx":
        return download(
            documents.registration_workbook(movement), f"dang-ky-{movement.pk}.xlsx", XLSX
        )
    return download(documents.registration_document(movement), f"dang-ky-{movement.pk}.docx", DOCX)


@login_required
def registrations_year_export(request, year: int, fmt: str):
    """The whole organisation's registrations of a year, for the standing office."""
    require(request.user, permissions.CONSOLIDATE_REGISTRATIONS)
    council = acting_council(request.user)
    if council is None:
        raise PermissionDenied(_("Tài khoản chưa làm việc cho hội đồng nào."))
    issuer = council.unit
    if fmt == "xlsx":
        return download(documents.year_workbook(year, issuer), f"dang-ky-{year}.xlsx", XLSX)
    return download(documents.year_document(year, issuer), f"dang-ky-{year}.docx", DOCX)
