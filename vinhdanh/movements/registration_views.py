from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.paging import capped_page
from vinhdanh.movements import permissions, registration_import, registrations, selectors
from vinhdanh.movements.forms import (
    ImportForm,
    RegistrationActionForm,
    RegistrationForm,
    ReturnForm,
)
from vinhdanh.movements.models import Registration, RegistrationState
from vinhdanh.movements.workflows import REGISTRATIONS
from vinhdanh.org.models import Person
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service

SUBMITTED = gettext_lazy("Đã gửi bản đăng ký tới cơ quan thường trực.")


REGISTRATIONS_PER_PAGE = 50


@login_required
def registration_list(request):
    items = selectors.registrations_for(request.user)
    state = request.GET.get("state")
    if state in RegistrationState.values:
        items = items.filter(state=state)
    # A province's registrations over ten years run to tens of thousands: a page at a time,
    # and the years of the exports asked of the database, not gathered from every row.
    years = items.order_by("-movement__year").values_list("movement__year", flat=True)
    return render(
        request,
        "movements/registration_list.html",
        {
            "registrations": capped_page(
                items.order_by("-movement__year", "-movement_id", "unit__sort_key", "pk"),
                request,
                REGISTRATIONS_PER_PAGE,
            ),
            "page_query": f"state={state}" if state in RegistrationState.values else "",
            "states": RegistrationState.choices,
            "state": state,
            "may_consolidate": allows(request.user, permissions.CONSOLIDATE_REGISTRATIONS),
            "years": list(years.distinct()),
        },
    )


def _registration(request, pk: int) -> Registration:
    return access.get_visible_or_404(
        request.user, Registration.objects.select_related("movement", "unit"), pk=pk
    )


PEOPLE_PER_PAGE = 100


def _people_page(request, registration: Registration):
    people = Person.objects.filter(unit__path__startswith=registration.unit.path).order_by(
        "sort_key", "pk"
    )
    # Counted exactly: every person of the unit must be reachable (a unit's people, not a
    # province's: thousands at most).
    return Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))


def _list_form(request, registration: Registration, data=None) -> RegistrationForm:
    page = _people_page(request, registration)
    form = RegistrationForm(data, registration=registration, people=page.object_list)
    form.people_page = page
    return form


def _registration_page(request, registration: Registration, refused=None, **forms):
    """The registration's page; a refused POST passes its bound form (`refused`) whose errors
    the page shows above everything, and in place of the blank form of that action."""
    user = request.user
    editable = registrations.may_edit(user, registration)
    version = {"version": registration.version}
    context = {
        "registration": registration,
        "entries": registration.entries.select_related("person"),
        "editable": editable,
        "actions": {a.name: a for a in REGISTRATIONS.available(user, registration)},
        "list_form": _list_form(request, registration) if editable else None,
        "import_form": ImportForm(initial=version),
        "submit_form": RegistrationActionForm(initial=version),
        "approve_form": RegistrationActionForm(initial=version),
        "return_form": ReturnForm(initial=version),
        "refused": refused,
        **forms,
    }
    return render(request, "movements/registration_detail.html", context)


@login_required
def registration_detail(request, pk: int):
    registration = _registration(request, pk)
    if request.method != "POST":
        return _registration_page(request, registration)
    form = _list_form(request, registration, request.POST)
    saved = run_service(
        form,
        lambda: (
            registrations.save_and_submit_registration
            if form.submits
            else registrations.save_registration
        )(
            request.user,
            registration,
            entries=form.entries(),
            commitment=form.cleaned_data["commitment"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if saved is None:
        return _registration_page(request, registration, refused=form, list_form=form)
    messages.success(request, _("Đã lưu bản đăng ký."))
    if form.submits:
        messages.success(request, SUBMITTED)
    page = form.people_page.number
    target = reverse("movements:registration_detail", args=[pk])
    return redirect(f"{target}?page={page}" if page > 1 else target)


def _act(request, pk: int, form_class, form_name: str, service, success: str, **extra):
    """Run one workflow action of the registration's page from its form."""
    registration = _registration(request, pk)
    form = form_class(request.POST)
    done = run_service(
        form,
        lambda: service(
            request.user,
            registration,
            expected_version=form.cleaned_data["version"],
            **{key: form.cleaned_data[field] for key, field in extra.items()},
        ),
    )
    if done is None:
        return _registration_page(request, registration, refused=form, **{form_name: form})
    messages.success(request, success)
    return redirect("movements:registration_detail", pk)


@login_required
@require_POST
def registration_submit(request, pk: int):
    return _act(
        request,
        pk,
        RegistrationActionForm,
        "submit_form",
        registrations.submit_registration,
        SUBMITTED,
    )


@login_required
@require_POST
def registration_return(request, pk: int):
    return _act(
        request,
        pk,
        ReturnForm,
        "return_form",
        registrations.return_registration,
        _("Đã trả lại bản đăng ký để đơn vị bổ sung."),
        reason="note",
    )


@login_required
@require_POST
def registration_approve(request, pk: int):
    return _act(
        request,
        pk,
        RegistrationActionForm,
        "approve_form",
        registrations.approve_registration,
        _("Đã duyệt bản đăng ký."),
    )


@login_required
@require_POST
def registration_import_view(request, pk: int):
    registration = _registration(request, pk)
    form = ImportForm(request.POST, request.FILES)
    imported = run_service(
        form,
        lambda: registrations.import_registration(
            request.user,
            registration,
            filename=form.cleaned_data["file"].name,
            content=form.cleaned_data["file"].read(),
            expected_version=form.cleaned_data["version"],
        ),
    )
    if imported is None:
        return _registration_page(request, registration, refused=form, import_form=form)
    messages.success(request, _("Đã nhập danh sách đăng ký từ tệp."))
    return redirect("movements:registration_detail", pk)


@login_required
def registration_template(request):
    return download(registration_import.template(), "mau-dang-ky-danh-hieu.xlsx", XLSX)
