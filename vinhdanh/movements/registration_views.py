from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.feedback import refusal_messages, run_action
from vinhdanh.movements import registration_import, registrations, selectors
from vinhdanh.movements.forms import ImportForm, ReturnForm
from vinhdanh.movements.models import Movement, Registration, RegistrationState
from vinhdanh.movements.titles import COLLECTIVE, INDIVIDUAL, REGISTRABLE_TITLES
from vinhdanh.org.models import Person


@login_required
def registration_list(request):
    items = selectors.registrations_for(request.user)
    state = request.GET.get("state")
    if state in RegistrationState.values:
        items = items.filter(state=state)
    return render(
        request,
        "movements/registration_list.html",
        {
            "registrations": items,
            "states": RegistrationState.choices,
            "state": state,
            "is_office": access.role_of(request.user) in registrations.DECIDERS,
            "years": sorted(set(items.values_list("movement__year", flat=True)), reverse=True),
        },
    )


@login_required
@require_POST
def registration_start(request, pk: int):
    movement = access.get_visible_or_404(request.user, Movement.objects, pk=pk)
    try:
        registration = registrations.start_registration(request.user, movement, request.user.unit)
    except (ValidationError, PermissionDenied) as error:
        for text in refusal_messages(error):
            messages.error(request, text)
        return redirect("movements:movement_detail", pk)
    return redirect("movements:registration_detail", registration.pk)


def _entries_from_post(post) -> list[tuple[int | None, str]]:
    entries = [(None, title) for title in post.getlist("unit_title")]
    for value in post.getlist("person_title"):
        person_id, _sep, title = value.partition(":")
        if person_id.isdigit():
            entries.append((int(person_id), title))
    return entries


@login_required
def registration_detail(request, pk: int):
    registration = access.get_visible_or_404(
        request.user, Registration.objects.select_related("movement", "unit"), pk=pk
    )
    if request.method == "POST":
        version = request.POST.get("version", "")
        try:
            registrations.save_registration(
                request.user,
                registration,
                entries=_entries_from_post(request.POST),
                commitment=request.POST.get("commitment", ""),
                expected_version=int(version) if version.isdigit() else None,
            )
        except (ValidationError, PermissionDenied) as error:
            for text in refusal_messages(error):
                messages.error(request, text)
        else:
            messages.success(request, _("Đã lưu bản đăng ký."))
            if request.POST.get("then") == "submit":
                run_action(
                    request,
                    lambda: registrations.submit_registration(request.user, registration),
                    _("Đã gửi bản đăng ký tới cơ quan thường trực."),
                )
        return redirect("movements:registration_detail", pk)
    chosen = set(registration.entries.values_list("person_id", "title"))
    people = Person.objects.filter(unit__path__startswith=registration.unit.path)
    context = {
        "registration": registration,
        "entries": registration.entries.select_related("person"),
        "editable": registration.state in registrations.EDITABLE_STATES
        and access.can(request.user, access.CHANGE, registration),
        "is_office": access.role_of(request.user) in registrations.DECIDERS,
        "unit_titles": [
            (code, name, (None, code) in chosen)
            for code, name, kind in REGISTRABLE_TITLES
            if kind == COLLECTIVE
        ],
        "person_titles": [
            (code, name) for code, name, kind in REGISTRABLE_TITLES if kind == INDIVIDUAL
        ],
        "people": people,
        "chosen": {f"{p}:{t}" for p, t in chosen if p},
        "return_form": ReturnForm(),
        "import_form": ImportForm(),
    }
    return render(request, "movements/registration_detail.html", context)


def _registration(request, pk):
    return access.get_visible_or_404(request.user, Registration.objects, pk=pk)


@login_required
@require_POST
def registration_submit(request, pk: int):
    registration = _registration(request, pk)
    run_action(
        request,
        lambda: registrations.submit_registration(request.user, registration),
        _("Đã gửi bản đăng ký tới cơ quan thường trực."),
    )
    return redirect("movements:registration_detail", pk)


@login_required
@require_POST
def registration_return(request, pk: int):
    registration = _registration(request, pk)
    run_action(
        request,
        lambda: registrations.return_registration(
            request.user, registration, reason=request.POST.get("reason", "")
        ),
        _("Đã trả lại bản đăng ký để đơn vị bổ sung."),
    )
    return redirect("movements:registration_detail", pk)


@login_required
@require_POST
def registration_approve(request, pk: int):
    registration = _registration(request, pk)
    run_action(
        request,
        lambda: registrations.approve_registration(request.user, registration),
        _("Đã duyệt bản đăng ký."),
    )
    return redirect("movements:registration_detail", pk)


@login_required
@require_POST
def registration_import_view(request, pk: int):
    registration = _registration(request, pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", [_("Vui lòng chọn tệp Excel (.xlsx).")]):
            messages.error(request, error)
    else:
        upload = form.cleaned_data["file"]
        run_action(
            request,
            lambda: registrations.import_registration(
                request.user, registration, filename=upload.name, content=upload.read()
            ),
            _("Đã nhập danh sách đăng ký từ tệp."),
        )
    return redirect("movements:registration_detail", pk)


@login_required
def registration_template(request):
    return download(registration_import.template(), "mau-dang-ky-danh-hieu.xlsx", XLSX)
