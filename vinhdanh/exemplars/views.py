"""Pages of exemplars: the list, the form, the exemplar's page with its steps, its files, the
year's report, and the public honour board (bảng vàng) with its consented photos."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.files import private_file_view, safe_extension, serve_private
from vinhdanh.exemplars import permissions, report, selectors, services
from vinhdanh.exemplars.forms import (
    BoardYearForm,
    CommendForm,
    ConsentForm,
    EvidenceForm,
    ExemplarForm,
    PhotosForm,
    StepForm,
)
from vinhdanh.exemplars.models import Exemplar, ExemplarEvidence, ExemplarPhoto, ExemplarState
from vinhdanh.exemplars.workflows import EDITABLE_STATES, EXEMPLARS
from vinhdanh.org.models import Council
from vinhdanh.org.selectors import people_for, units_for
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service

PER_PAGE = 30
BOARD_PER_PAGE = 12


def _year(value) -> int | None:
    form = BoardYearForm({"year": value})
    return form.cleaned_data["year"] if form.is_valid() else None


@login_required
def exemplar_list(request):
    year = _year(request.GET.get("year"))
    state = request.GET.get("state")
    state = state if state in ExemplarState.values else None
    rows = selectors.exemplars_for(request.user, year=year, state=state)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    extra = "&".join(part for part in (f"year={year}" if year else "", f"state={state}"
                                       if state else "") if part)  # fmt: skip
    council = acting_council(request.user)
    context = {
        "page": page,
        "year": year,
        "state": state,
        "states": ExemplarState.choices,
        "extra": extra,
        "can_create": allows(request.user, permissions.CREATE_EXEMPLAR),
        "can_report": allows(request.user, permissions.EXEMPLAR_REPORT),
        "report_year": year or timezone.localdate().year,
        "council": council,
    }
    return render(request, "exemplars/exemplar_list.html", context)


def _form(request, exemplar=None):
    units = units_for(request.user)
    people = people_for(request.user)
    if exemplar is None:
        initial = {
            "unit": request.user.unit_id,
            "year": timezone.localdate().year,
            "category": "nguoi_tot",
            "subject_kind": "person",
        }
        return ExemplarForm(
            request.POST or None, request.FILES or None, units=units, people=people,
            initial=initial,
        )  # fmt: skip
    initial = {field: getattr(exemplar, field) for field in services.EDITABLE_FIELDS}
    initial["version"] = exemplar.version
    return ExemplarForm(
        request.POST or None, units=units, people=people, editing=True, initial=initial
    )


@login_required
def exemplar_create(request):
    require(request.user, permissions.CREATE_EXEMPLAR)
    form = _form(request)
    if request.method == "POST":
        saved = run_service(
            form,
            lambda: services.create_exemplar(
                request.user,
                unit=form.cleaned_data["unit"],
                photos=form.files_of(form.cleaned_data.get("photos")),
                evidence=form.files_of(form.cleaned_data.get("evidence")),
                **form.fields_to_save(),
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã lưu gương điển hình (dự thảo)."))
            return redirect("exemplars:exemplar_detail", saved.pk)
    return render(request, "exemplars/exemplar_form.html", {"form": form, "exemplar": None})


@login_required
def exemplar_edit(request, pk: int):
    exemplar = access.get_visible_or_404(request.user, Exemplar.objects, access.CHANGE, pk=pk)
    if exemplar.state not in EDITABLE_STATES:
        messages.info(request, _("Gương không còn ở trạng thái sửa được."))
        return redirect("exemplars:exemplar_detail", exemplar.pk)
    form = _form(request, exemplar)
    if request.method == "POST":
        saved = run_service(
            form,
            lambda: services.update_exemplar(
                request.user,
                exemplar,
                expected_version=form.cleaned_data["version"],
                **form.fields_to_save(),
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã lưu gương điển hình."))
            return redirect("exemplars:exemplar_detail", saved.pk)
    return render(request, "exemplars/exemplar_form.html", {"form": form, "exemplar": exemplar})


def _visible(request, pk: int) -> Exemplar:
    return access.get_visible_or_404(
        request.user,
        Exemplar.objects.select_related(
            "unit", "council__unit", "person", "collective", "nomination__title",
            "consent_recorded_by",
        ),
        pk=pk,
    )  # fmt: skip


def _page(request, exemplar: Exemplar, refused=None, **forms):
    user = request.user
    actions = {a.name: a for a in EXEMPLARS.available(user, exemplar)}
    step_forms = {
        name: forms.get(f"{name}_form")
        or StepForm(initial={"version": exemplar.version}, action=action, auto_id=f"{name}-%s")
        for name, action in actions.items()
    }
    may_change = allows(user, permissions.CHANGE_EXEMPLAR, exemplar)
    may_review = allows(user, permissions.REVIEW_EXEMPLAR, exemplar)
    editable = exemplar.state in EDITABLE_STATES and may_change
    files_open = editable or (
        may_review and exemplar.state in (ExemplarState.PROPOSED, ExemplarState.VERIFIED)
    )
    may_commend = (
        allows(user, permissions.COMMEND_EXEMPLAR, exemplar)
        and not exemplar.nomination_id
        and exemplar.state in (ExemplarState.VERIFIED, ExemplarState.PUBLISHED)
    )
    context = {
        "exemplar": exemplar,
        "actions": actions,
        "steps": [(actions[name], form) for name, form in step_forms.items()],
        "editable": editable,
        "files_open": files_open,
        "may_consent": (may_change and exemplar.state in EDITABLE_STATES)
        or (may_review and exemplar.state not in (ExemplarState.REFUSED,)),
        "may_commend": may_commend,
        "photos": list(exemplar.photos.all()),
        "evidence": list(exemplar.evidence.all()),
        "history": [
            (
                t,
                EXEMPLARS.actions[t.action].label if t.action in EXEMPLARS.actions else t.action,
                EXEMPLARS.state_label(t.to_state),
            )
            for t in exemplar.transitions.select_related("actor").order_by("pk")
        ],
        "photos_form": forms.get("photos_form") or PhotosForm(),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "consent_form": forms.get("consent_form")
        or ConsentForm(
            initial={
                "version": exemplar.version,
                "given": "1" if exemplar.consent_given else "0",
                "consent_by": exemplar.consent_by,
                "consent_on": exemplar.consent_on,
                "consent_method": exemplar.consent_method,
            }
        ),
        "commend_form": forms.get("commend_form")
        or CommendForm(initial={"version": exemplar.version}),
        "publish_problem": None,
        "refused": refused,
    }
    if "publish" in actions:
        from vinhdanh.exemplars.workflows import publish_problem

        context["publish_problem"] = publish_problem(exemplar)
    return render(request, "exemplars/exemplar_detail.html", context)


@login_required
def exemplar_detail(request, pk: int):
    return _page(request, _visible(request, pk))


@login_required
@require_POST
def exemplar_step(request, pk: int, action: str):
    exemplar = _visible(request, pk)
    service = services.STEPS.get(action)
    if service is None:
        raise Http404(_("Không tìm thấy."))
    form = StepForm(request.POST, action=EXEMPLARS.actions[action], auto_id=f"{action}-%s")
    done = run_service(
        form,
        lambda: service(
            request.user,
            exemplar,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data.get("note") or "",
        ),
    )
    if done is None:
        return _page(request, exemplar, refused=form, **{f"{action}_form": form})
    messages.success(
        request,
        _("Đã thực hiện “%(step)s”.") % {"step": EXEMPLARS.actions[action].label},
    )
    return redirect("exemplars:exemplar_detail", exemplar.pk)


@login_required
@require_POST
def exemplar_photos(request, pk: int):
    exemplar = _visible(request, pk)
    form = PhotosForm(request.POST, request.FILES)
    done = run_service(
        form,
        lambda: services.attach_photos(
            request.user, exemplar, files=ExemplarForm.files_of(form.cleaned_data["photos"])
        ),
    )
    if done is None:
        return _page(request, exemplar, refused=form, photos_form=form)
    messages.success(request, _("Đã thêm %(count)d ảnh.") % {"count": len(done)})
    return redirect("exemplars:exemplar_detail", exemplar.pk)


@login_required
@require_POST
def exemplar_evidence(request, pk: int):
    exemplar = _visible(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    done = run_service(
        form,
        lambda: services.attach_evidence(
            request.user, exemplar, files=ExemplarForm.files_of(form.cleaned_data["evidence"])
        ),
    )
    if done is None:
        return _page(request, exemplar, refused=form, evidence_form=form)
    messages.success(request, _("Đã thêm %(count)d tệp minh chứng.") % {"count": len(done)})
    return redirect("exemplars:exemplar_detail", exemplar.pk)


@login_required
@require_POST
def photo_remove(request, pk: int, photo_id: int):
    exemplar = _visible(request, pk)
    photo = get_object_or_404(ExemplarPhoto, pk=photo_id, exemplar=exemplar)
    form = StepForm(request.POST)
    if run_service(form, lambda: services.remove_photo(request.user, photo) or True) is None:
        return _page(request, exemplar, refused=form)
    messages.success(request, _("Đã gỡ ảnh."))
    return redirect("exemplars:exemplar_detail", exemplar.pk)


@login_required
@require_POST
def exemplar_consent(request, pk: int):
    exemplar = _visible(request, pk)
    form = ConsentForm(request.POST)
    done = run_service(
        form,
        lambda: services.record_consent(
            request.user,
            exemplar,
            given=form.cleaned_data["given"],
            consent_by=form.cleaned_data["consent_by"],
            consent_on=form.cleaned_data["consent_on"],
            consent_method=form.cleaned_data["consent_method"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if done is None:
        return _page(request, exemplar, refused=form, consent_form=form)
    messages.success(request, _("Đã ghi nhận."))
    return redirect("exemplars:exemplar_detail", exemplar.pk)


@login_required
@require_POST
def exemplar_commend(request, pk: int):
    exemplar = _visible(request, pk)
    form = CommendForm(request.POST)
    done = run_service(
        form,
        lambda: services.commend_exemplar(
            request.user,
            exemplar,
            title_code=form.cleaned_data["title"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if done is None:
        return _page(request, exemplar, refused=form, commend_form=form)
    messages.success(request, _("Đã lập hồ sơ đề nghị khen thưởng đột xuất (dự thảo)."))
    return redirect("awards:nomination_detail", done.nomination_id)


@private_file_view
def photo_file(request, pk: int, photo_id: int):
    exemplar = access.get_visible_or_404(request.user, Exemplar.objects, pk=pk)
    photo = ExemplarPhoto.objects.filter(pk=photo_id, exemplar=exemplar).first()
    if photo is None:
        raise Http404(_("Không tìm thấy."))
    return serve_private(
        request,
        photo.file,
        download_name=f"anh-{photo.pk}{safe_extension(photo.file.name)}",
    )


@private_file_view
def evidence_file(request, pk: int, item_id: int):
    exemplar = access.get_visible_or_404(request.user, Exemplar.objects, pk=pk)
    item = ExemplarEvidence.objects.filter(pk=item_id, exemplar=exemplar).first()
    if item is None:
        raise Http404(_("Không tìm thấy."))
    name = item.original_name.replace("/", "-").replace("\\", "-")
    return serve_private(request, item.file, download_name=name)


@login_required
def report_docx(request, year: int):
    require(request.user, permissions.EXEMPLAR_REPORT)
    council = acting_council(request.user)
    if council is None or _year(year) is None:
        raise Http404(_("Không tìm thấy."))
    content = report.summary_document(request.user, council, year)
    return download(content, f"bao-cao-nguoi-tot-viec-tot-{year}.docx", DOCX)


# -- the public honour board ------------------------------------------------------------


def board_index(request):
    councils = selectors.board_councils()
    return render(request, "exemplars/board_index.html", {"councils": councils})


def board(request, council_id: int):
    council = get_object_or_404(Council.objects.select_related("unit"), pk=council_id)
    years = selectors.board_years(council)
    if not years:
        raise Http404(_("Hội đồng này chưa công bố gương điển hình nào."))
    year = _year(request.GET.get("year")) or years[0]
    rows = selectors.board(council, year)
    page = Paginator(rows, BOARD_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "council": council,
        "year": year,
        "years": years,
        "page": page,
        "extra": f"year={year}",
    }
    return render(request, "exemplars/board.html", context)


def board_photo(request, pk: int):
    """A photo of the honour board: served only for a published exemplar whose person
    consented; every other photo, and every other file, is "not found"."""
    photo = selectors.public_photo(pk)
    if photo is None:
        raise Http404(_("Không tìm thấy."))
    response = serve_private(
        request,
        photo.file,
        download_name=f"anh-{photo.pk}{safe_extension(photo.file.name)}",
        as_attachment=False,
    )
    # Consent may be withdrawn at any time: no cache keeps the photo.
    response["Cache-Control"] = "no-store"
    return response
