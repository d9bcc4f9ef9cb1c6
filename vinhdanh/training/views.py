"""Pages of training sessions: thin, every change through training.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.files import private_file_view, safe_extension, serve_private
from vinhdanh.core.years import parse_year
from vinhdanh.org.models import Person, Unit
from vinhdanh.plans.models import Task
from vinhdanh.training import documents, permissions, selectors, services
from vinhdanh.training.forms import (
    AnnounceForm,
    AttendanceForm,
    CancelForm,
    EvaluationForm,
    HoldForm,
    MaterialForm,
    RegisterForm,
    ReportForm,
    SessionForm,
    WithdrawForm,
)
from vinhdanh.training.models import Attendee, SessionState, TrainingMaterial, TrainingSession
from vinhdanh.training.report import AttendeeFact, attendance_report
from vinhdanh.training.workflows import ATTENDANCE_OPEN, EDITABLE, REGISTRATION_OPEN, SESSIONS
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import labelled_history, run_service

SESSIONS_PER_PAGE = 30

# Each workflow button: its form and the service that applies it.
STEPS = {
    "announce": (AnnounceForm, services.announce_session, _("Đã gửi giấy mời tới các đơn vị.")),
    "hold": (HoldForm, services.hold_session, _("Đã ghi nhận lớp tập huấn đã tổ chức.")),
    "report": (ReportForm, services.report_session, _("Đã báo cáo kết quả lớp tập huấn.")),
    "cancel": (CancelForm, services.cancel_session, _("Đã hủy lớp tập huấn.")),
}


@login_required
def session_list(request):
    year = parse_year(request.GET.get("year"))
    sessions = selectors.sessions_for(request.user, year).order_by("-starts_at", "-pk")
    context = {
        "sessions": Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page")),
        "year": year,
        "page_query": f"year={year}" if year else "",
        "invitations": list(selectors.open_invitations(request.user)[:10]),
        "can_create": allows(request.user, permissions.CREATE_SESSION),
    }
    return render(request, "training/session_list.html", context)


def _visible(request, pk: int, action: str = access.VIEW) -> TrainingSession:
    return access.get_visible_or_404(
        request.user,
        TrainingSession.objects.select_related("council", "council__unit", "plan_task"),
        action,
        pk=pk,
    )


def _registering_units(user, session: TrainingSession):
    """The units the user may register people of: their own if invited, or for the office,
    every invited unit."""
    invited = session.invited_units.all()
    if user.unit_id and access.role_of(user) in access.UNIT_SCOPED_EDITORS:
        return Unit.objects.filter(pk=user.unit_id, pk__in=[u.pk for u in invited])
    return invited.order_by("sort_key")


def _people_to_register(user, session: TrainingSession, units):
    paths = [unit.path for unit in units]
    if not paths:
        return Person.objects.none()
    under = Q()
    for path in paths:
        under |= Q(unit__path__startswith=path)
    return (
        access.scope_queryset(user, Person.objects.select_related("unit"))
        .filter(under)
        .exclude(trainings_attended__session=session)
        .order_by("sort_key")
    )


def _report_of(session: TrainingSession, attendees) -> object:
    invited = list(session.invited_units.order_by("sort_key"))
    by_path = sorted(invited, key=lambda unit: len(unit.path), reverse=True)

    def parent_of(unit_id):
        unit = units.get(unit_id)
        if unit is None:
            return None
        return next((u.pk for u in by_path if unit.path.startswith(u.path)), None)

    units = {a.unit_id: a.unit for a in attendees}
    facts = []
    for attendee in attendees:
        evaluation = getattr(attendee, "evaluation", None)
        scores = (
            (evaluation.content, evaluation.usefulness, evaluation.organisation)
            if evaluation
            else None
        )
        facts.append(AttendeeFact(attendee.unit_id, attendee.attended, scores))
    return attendance_report([(u.pk, u.name) for u in invited], facts, parent_of)


def _page(request, session: TrainingSession, *, refused=None, status=200, **forms):
    user = request.user
    attendees = list(selectors.attendees_for(user, session))
    may_register = session.state in REGISTRATION_OPEN and allows(
        user, permissions.REGISTER_ATTENDEES, session
    )
    register_form = forms.pop("register_form", None)
    if may_register and register_form is None:
        units = _registering_units(user, session)
        register_form = RegisterForm(units=units, people=_people_to_register(user, session, units))
    may_record = session.state in ATTENDANCE_OPEN and allows(
        user, permissions.RECORD_ATTENDANCE, session
    )
    attendance_form = forms.pop("attendance_form", None)
    if may_record and attendance_form is None:
        attendance_form = AttendanceForm(
            attendees=selectors.attendees_for(user, session),
            initial={"present": [a.pk for a in attendees if a.attended]},
        )
    sees_report = allows(user, permissions.SEE_REPORT, session)
    actions = {action.name: action for action in SESSIONS.available(user, session)}
    step_forms = {
        name: forms.pop(f"{name}_form", None)
        or form_class(initial={"version": session.version}, action=SESSIONS.action(name))
        for name, (form_class, _service, _message) in STEPS.items()
    }
    context = {
        "session": session,
        "actions": actions,
        "step_forms": step_forms,
        # The plain buttons; reporting and cancelling ask for words, in their own cards.
        "buttons": [
            (name, actions[name].label, step_forms[name])
            for name in ("announce", "hold")
            if name in actions
        ],
        "may_manage": allows(user, permissions.MANAGE_SESSION, session),
        "editable": session.state in EDITABLE,
        "attendees": attendees,
        "register_form": register_form,
        "attendance_form": attendance_form,
        "evaluation_open": session.state in ATTENDANCE_OPEN,
        "material_form": forms.pop("material_form", None) or MaterialForm(),
        "materials": list(session.materials.all()),
        "invited": list(session.invited_units.order_by("sort_key")),
        "sees_report": sees_report,
        "report": _report_of(session, attendees) if sees_report else None,
        "history": labelled_history(SESSIONS, session),
        "refused": refused,
        "seats_left": max(session.capacity - session.attendees.count(), 0),
    }
    return render(request, "training/session_detail.html", context, status=status)


@login_required
def session_detail(request, pk: int):
    return _page(request, _visible(request, pk))


def _session_form(request, session=None):
    council = session.council if session else acting_council(request.user)
    units = Unit.objects.none()
    tasks = Task.objects.none()
    if council is not None:
        units = (
            access.scope_queryset(request.user, Unit.objects.all())
            .filter(path__startswith=council.unit.path, valid_to__isnull=True)
            .exclude(pk=council.unit_id)
            .order_by("path")
        )
        tasks = (
            access.scope_queryset(request.user, Task.objects.select_related("plan"))
            .filter(plan__council=council)
            .order_by("-plan__year", "position")
        )
    return SessionForm(request.POST or None, instance=session, units=units, tasks=tasks)


@login_required
def session_edit(request, pk: int | None = None):
    session = None
    if pk is None:
        require(request.user, permissions.CREATE_SESSION)
    else:
        session = _visible(request, pk, access.CHANGE)
        if session.state not in EDITABLE:
            messages.error(request, _("Lớp tập huấn đã tổ chức hoặc đã hủy, không sửa được nữa."))
            return redirect("training:session_detail", pk)
    form = _session_form(request, session)
    if request.method == "POST":

        def save():
            data = form.fields_to_save()
            units = data.pop("invited_units")
            if session is None:
                return services.create_session(request.user, invited_units=units, **data)
            return services.update_session(
                request.user,
                session,
                invited_units=units,
                expected_version=form.cleaned_data["version"],
                **data,
            )

        saved = run_service(form, save)
        if saved is not None:
            messages.success(request, _("Đã lưu lớp tập huấn."))
            return redirect("training:session_detail", saved.pk)
    return render(
        request,
        "training/session_form.html",
        {"form": form, "session": session},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def session_step(request, pk: int, action: str):
    if action not in STEPS:
        raise Http404(_("Không tìm thấy."))
    session = _visible(request, pk)
    form_class, service, done = STEPS[action]
    form = form_class(request.POST, action=SESSIONS.action(action))

    def apply():
        extra = {}
        if action == "cancel":
            extra["note"] = form.cleaned_data["note"]
        if action == "report":
            extra["result_summary"] = form.cleaned_data["result_summary"]
        return service(
            request.user, session, expected_version=form.cleaned_data["version"], **extra
        )

    if run_service(form, apply) is None:
        return _page(request, session, refused=form, status=400, **{f"{action}_form": form})
    messages.success(request, done)
    return redirect("training:session_detail", pk)


@login_required
@require_POST
def material_add(request, pk: int):
    session = _visible(request, pk)
    form = MaterialForm(request.POST, request.FILES)

    def add():
        upload = form.cleaned_data["file"]
        return services.add_material(
            request.user,
            session,
            name=form.cleaned_data["name"],
            filename=upload.name,
            content=upload.read(),
        )

    if run_service(form, add) is None:
        return _page(request, session, refused=form, status=400, material_form=form)
    messages.success(request, _("Đã thêm tài liệu."))
    return redirect("training:session_detail", pk)


@private_file_view
def material_file(request, pk: int, material_id: int):
    session = access.get_visible_or_404(request.user, TrainingSession.objects, pk=pk)
    material = TrainingMaterial.objects.filter(pk=material_id, session=session).first()
    if material is None:
        raise Http404(_("Không tìm thấy."))
    name = material.name.replace("/", "-").replace("\\", "-")
    return serve_private(
        request, material.file, download_name=f"{name}{safe_extension(material.file.name)}"
    )


@login_required
@require_POST
def register(request, pk: int):
    session = _visible(request, pk)
    units = _registering_units(request.user, session)
    form = RegisterForm(
        request.POST, units=units, people=_people_to_register(request.user, session, units)
    )
    registered = run_service(
        form,
        lambda: services.register_attendees(
            request.user,
            session,
            unit=form.cleaned_data["unit"],
            people=form.cleaned_data["people"],
        ),
    )
    if registered is None:
        return _page(request, session, refused=form, status=400, register_form=form)
    messages.success(request, _("Đã đăng ký %(n)d người.") % {"n": len(registered)})
    return redirect("training:session_detail", pk)


def _visible_attendee(request, attendee_id: int, action=access.VIEW) -> Attendee:
    return access.get_visible_or_404(
        request.user,
        Attendee.objects.select_related("session", "session__council", "person", "unit"),
        action,
        pk=attendee_id,
    )


@login_required
@require_POST
def withdraw(request, attendee_id: int):
    attendee = _visible_attendee(request, attendee_id)
    session_id = attendee.session_id
    form = WithdrawForm(request.POST)
    if run_service(form, lambda: services.withdraw_attendee(request.user, attendee)) is None:
        return _page(request, attendee.session, refused=form, status=400)
    messages.success(request, _("Đã rút tên %(person)s.") % {"person": attendee.person})
    return redirect("training:session_detail", session_id)


@login_required
@require_POST
def attendance(request, pk: int):
    session = _visible(request, pk)
    form = AttendanceForm(request.POST, attendees=selectors.attendees_for(request.user, session))
    saved = run_service(
        form,
        lambda: services.record_attendance(
            request.user, session, present_ids=[a.pk for a in form.cleaned_data["present"]]
        ),
    )
    if saved is None:
        return _page(request, session, refused=form, status=400, attendance_form=form)
    messages.success(request, _("Đã lưu điểm danh."))
    return redirect("training:session_detail", pk)


@login_required
def evaluation(request, attendee_id: int):
    attendee = _visible_attendee(request, attendee_id)
    current = getattr(attendee, "evaluation", None)
    form = EvaluationForm(request.POST or None, instance=current)
    if request.method == "POST":
        saved = run_service(
            form,
            lambda: services.save_evaluation(
                request.user,
                attendee,
                **{k: v for k, v in form.cleaned_data.items()},
            ),
        )
        if saved is not None:
            messages.success(
                request, _("Đã lưu phiếu đánh giá của %(p)s.") % {"p": attendee.person}
            )
            return redirect("training:session_detail", attendee.session_id)
    return render(
        request,
        "training/evaluation_form.html",
        {"form": form, "attendee": attendee, "session": attendee.session},
        status=400 if form.errors else 200,
    )


@login_required
def invitation_docx(request, pk: int):
    session = _visible(request, pk)
    name = f"giay-moi-{slugify(session.title)[:50] or session.pk}.docx"
    return download(documents.invitation_document(session), name, DOCX)


@login_required
def report_docx(request, pk: int):
    session = _visible(request, pk)
    require(request.user, permissions.SEE_REPORT, session)
    if session.state not in (SessionState.HELD, SessionState.REPORTED):
        raise Http404(_("Lớp tập huấn chưa tổ chức, chưa có báo cáo."))
    attendees = list(
        Attendee.objects.filter(session=session).select_related("unit", "person", "evaluation")
    )
    name = f"bao-cao-{slugify(session.title)[:50] or session.pk}.docx"
    return download(
        documents.report_document(session, _report_of(session, attendees), attendees), name, DOCX
    )
