"""Pages of ceremonies: thin, every change through ceremonies.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.awards.printing import certificate_fields
from vinhdanh.ceremonies import documents, permissions, selectors, services
from vinhdanh.ceremonies.forms import (
    AttendanceForm,
    CancelForm,
    CeremonyForm,
    DrawForm,
    HoldForm,
    InviteForm,
    MoveForm,
    ReceptionForm,
    ReportForm,
)
from vinhdanh.ceremonies.models import Ceremony, CeremonyState, Honouree
from vinhdanh.ceremonies.workflows import CEREMONIES, PREPARING
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.years import parse_year
from vinhdanh.documents.certificates import render_certificates
from vinhdanh.org.models import Unit
from vinhdanh.org.selectors import units_for
from vinhdanh.plans.models import Task
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import labelled_history, run_service

PER_PAGE = 30
STEPS = {
    "invite": (InviteForm, services.invite, _("Đã gửi giấy mời.")),
    "hold": (HoldForm, services.hold, _("Đã ghi nhận hội nghị đã tổ chức.")),
    "report": (ReportForm, services.report, _("Đã báo cáo kết quả tổ chức.")),
    "cancel": (CancelForm, services.cancel, _("Đã hủy.")),
}


@login_required
def ceremony_list(request):
    year = parse_year(request.GET.get("year"))
    ceremonies = selectors.ceremonies_for(request.user, year).order_by("-held_at", "-pk")
    receptions = selectors.receptions_for(request.user).order_by("-held_on", "-pk")
    return render(
        request,
        "ceremonies/ceremony_list.html",
        {
            "ceremonies": Paginator(ceremonies, PER_PAGE).get_page(request.GET.get("page")),
            "receptions": list(receptions[:20]),
            "year": year,
            "page_query": f"year={year}" if year else "",
            "can_create": allows(request.user, permissions.CREATE_CEREMONY),
            "can_record_reception": allows(request.user, permissions.RECORD_RECEPTION),
        },
    )


def _visible(request, pk: int, action=access.VIEW) -> Ceremony:
    return access.get_visible_or_404(
        request.user,
        Ceremony.objects.select_related("council", "council__unit", "plan_task"),
        action,
        pk=pk,
    )


def _page(request, ceremony: Ceremony, *, refused=None, status=200, **forms):
    user = request.user
    honourees = list(selectors.honourees_of(ceremony))
    actions = {a.name: a for a in CEREMONIES.available(user, ceremony)}
    steps = {
        name: forms.pop(f"{name}_form", None)
        or form_class(initial={"version": ceremony.version}, action=CEREMONIES.action(name))
        for name, (form_class, _service, _done) in STEPS.items()
    }
    may_manage = allows(user, permissions.MANAGE_CEREMONY, ceremony)
    attendance = {a.unit_id: a.present for a in ceremony.attendance.all()}
    invited = list(ceremony.invited_units.order_by("sort_key"))
    context = {
        "ceremony": ceremony,
        "actions": actions,
        "steps": steps,
        "buttons": [
            (name, actions[name].label, steps[name])
            for name in ("invite", "hold")
            if name in actions
        ],
        "may_manage": may_manage,
        "preparing": ceremony.state in PREPARING,
        "honourees": honourees,
        "invited": [(unit, attendance.get(unit.pk)) for unit in invited],
        "record_attendance": may_manage and ceremony.state == CeremonyState.HELD,
        "draw_form": DrawForm(),
        "history": labelled_history(CEREMONIES, ceremony),
        "refused": refused,
    }
    return render(request, "ceremonies/ceremony_detail.html", context, status=status)


@login_required
def ceremony_detail(request, pk: int):
    return _page(request, _visible(request, pk))


@login_required
def ceremony_edit(request, pk: int | None = None):
    ceremony = None
    if pk is None:
        require(request.user, permissions.CREATE_CEREMONY)
        council = acting_council(request.user)
    else:
        ceremony = _visible(request, pk, access.CHANGE)
        council = ceremony.council
    units = Unit.objects.none()
    tasks = Task.objects.none()
    if council is not None:
        units = (
            Unit.objects.filter(path__startswith=council.unit.path, valid_to__isnull=True)
            .exclude(pk=council.unit_id)
            .order_by("path")
        )
        tasks = (
            access.scope_queryset(request.user, Task.objects.select_related("plan"))
            .filter(plan__council=council)
            .order_by("-plan__year", "position")
        )
    form = CeremonyForm(request.POST or None, instance=ceremony, units=units, tasks=tasks)
    if request.method == "POST":

        def save():
            data = dict(form.cleaned_data)
            version = data.pop("version", None)
            invited = data.pop("invited_units")
            if ceremony is None:
                return services.create_ceremony(request.user, invited_units=invited, **data)
            return services.update_ceremony(
                request.user, ceremony, invited_units=invited, expected_version=version, **data
            )

        saved = run_service(form, save)
        if saved is not None:
            messages.success(request, _("Đã lưu."))
            return redirect("ceremonies:ceremony_detail", saved.pk)
    return render(
        request,
        "ceremonies/ceremony_form.html",
        {"form": form, "ceremony": ceremony},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def ceremony_step(request, pk: int, action: str):
    if action not in STEPS:
        raise Http404(_("Không tìm thấy."))
    ceremony = _visible(request, pk)
    form_class, service, done = STEPS[action]
    form = form_class(request.POST, action=CEREMONIES.action(action))

    def apply():
        extra = {}
        if action == "report":
            extra["report"] = form.cleaned_data["report"]
        if action == "cancel":
            extra["note"] = form.cleaned_data["note"]
        return service(
            request.user, ceremony, expected_version=form.cleaned_data["version"], **extra
        )

    if run_service(form, apply) is None:
        return _page(request, ceremony, refused=form, status=400, **{f"{action}_form": form})
    messages.success(request, done)
    return redirect("ceremonies:ceremony_detail", pk)


@login_required
@require_POST
def draw(request, pk: int):
    ceremony = _visible(request, pk)
    form = DrawForm(request.POST)
    added = run_service(form, lambda: services.draw_honourees(request.user, ceremony))
    if added is None:
        return _page(request, ceremony, refused=form, status=400)
    messages.success(request, _("Đã thêm %(n)d người, tập thể được khen.") % {"n": added})
    return redirect("ceremonies:ceremony_detail", pk)


@login_required
@require_POST
def move(request, honouree_id: int):
    honouree = Honouree.objects.select_related("ceremony").filter(pk=honouree_id).first()
    if honouree is None:
        raise Http404(_("Không tìm thấy."))
    ceremony = _visible(request, honouree.ceremony_id)
    form = MoveForm(request.POST)
    if (
        run_service(
            form,
            lambda: services.move_honouree(request.user, honouree, step=form.cleaned_data["step"]),
        )
        is None
    ):
        return _page(request, ceremony, refused=form, status=400)
    return redirect("ceremonies:ceremony_detail", ceremony.pk)


@login_required
@require_POST
def attendance(request, pk: int):
    ceremony = _visible(request, pk)
    form = AttendanceForm(
        request.POST, units=ceremony.invited_units.all(), honourees=ceremony.honourees.all()
    )
    saved = run_service(
        form,
        lambda: services.record_attendance(
            request.user,
            ceremony,
            present_units=form.cleaned_data["present_units"],
            received=form.cleaned_data["received"],
        ),
    )
    if saved is None:
        return _page(request, ceremony, refused=form, status=400)
    messages.success(request, _("Đã lưu danh sách có mặt."))
    return redirect("ceremonies:ceremony_detail", pk)


@login_required
def programme_docx(request, pk: int):
    ceremony = _visible(request, pk)
    return download(documents.programme_document(ceremony), "chuong-trinh.docx", DOCX)


@login_required
def script_docx(request, pk: int):
    ceremony = _visible(request, pk)
    return download(
        documents.script_document(ceremony, list(selectors.honourees_of(ceremony))),
        "kich-ban.docx",
        DOCX,
    )


@login_required
def certificates_pdf(request, pk: int):
    """The certificates to print, in the order they are presented."""
    ceremony = _visible(request, pk)
    require(request.user, permissions.MANAGE_CEREMONY, ceremony)
    honourees = list(
        selectors.honourees_of(ceremony).select_related(
            "certificate__nomination__title",
            "certificate__nomination__person__unit",
            "certificate__nomination__collective__parent",
            "certificate__decision__issuer",
        )
    )
    if not honourees:
        raise Http404(_("Chưa có danh sách trao tặng."))
    base = request.build_absolute_uri("/").rstrip("/")
    content = render_certificates(
        [certificate_fields(h.certificate, base) for h in honourees],
        title=ceremony.title,
    )
    return download(content, "bang-giay-khen-theo-thu-tu-trao.pdf", "application/pdf")


@login_required
def reception_new(request):
    require(request.user, permissions.RECORD_RECEPTION)
    form = ReceptionForm(
        request.POST or None,
        certificates=selectors.certificates_to_receive(request.user),
        units=units_for(request.user),
    )
    if request.method == "POST":

        def save():
            data = dict(form.cleaned_data)
            return services.record_reception(
                request.user, certificate=data.pop("certificate"), unit=data.pop("unit"), **data
            )

        if run_service(form, save) is not None:
            messages.success(request, _("Đã ghi nhận lễ đón nhận."))
            return redirect("ceremonies:ceremony_list")
    return render(
        request,
        "ceremonies/reception_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
