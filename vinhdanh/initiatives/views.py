"""The pages of initiatives and their councils: thin, each runs one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.core.years import chosen_year
from vinhdanh.initiatives import documents, permissions, selectors, services
from vinhdanh.initiatives.forms import (
    ACTION_FORMS,
    CouncilForm,
    EndMemberForm,
    FilterForm,
    InitiativeForm,
    MemberForm,
    RecogniseForm,
    ResultAboveForm,
    ScoreForm,
    VoteForm,
)
from vinhdanh.initiatives.models import (
    Initiative,
    InitiativeCouncil,
    InitiativeCouncilMember,
    InitiativeEvidence,
    InitiativeState,
)
from vinhdanh.initiatives.rules import criteria_of, legal_bases, vote_passes, vote_share
from vinhdanh.initiatives.workflows import INITIATIVES, PAGE_ACTIONS
from vinhdanh.org.selectors import people_for, units_for
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service

PER_PAGE = 25
PEOPLE_LISTED = 300


@login_required
def initiative_list(request):
    filters = FilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    unit = None
    if data.get("unit"):
        unit = units_for(request.user).filter(pk=data["unit"]).first()
    rows = selectors.initiatives_for(
        request.user,
        year=data.get("year"),
        state=data.get("state") or "",
        field=data.get("field") or "",
        unit=unit,
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "initiatives/initiative_list.html",
        {
            "page": page,
            "filters": filters,
            "states": InitiativeState.choices,
            "units": units_for(request.user).order_by("path")[:200],
            "page_query": query.urlencode(),
            "may_file": allows(request.user, permissions.FILE_INITIATIVE),
            "chosen_unit": unit,
        },
    )


def _people(user):
    return people_for(user).order_by("unit__path", "sort_key")[:PEOPLE_LISTED]


def _authors(data) -> list:
    return [services.AuthorShare(person, share) for person, share in data["authors"]]


def _filing_fields(data) -> dict:
    return {k: data[k] for k in services.TEXT_FIELDS}


@login_required
def initiative_create(request):
    require(request.user, permissions.FILE_INITIATIVE)
    units = units_for(request.user).order_by("path")
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        initial={
            "year": chosen_year(request, lambda: timezone.localdate().year),
            "unit": request.user.unit_id,
        },
    )
    if request.method == "POST":
        saved = run_service(
            form,
            lambda: services.file_initiative(
                request.user,
                unit=form.cleaned_data["unit"],
                year=form.cleaned_data["year"],
                first_applied_on=form.cleaned_data["first_applied_on"],
                authors=_authors(form.cleaned_data),
                files=[(f.name, f.read()) for f in form.cleaned_data.get("files") or []],
                **_filing_fields(form.cleaned_data),
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã lưu hồ sơ sáng kiến (dự thảo)."))
            return redirect("initiatives:initiative_detail", saved.pk)
    return render(
        request,
        "initiatives/initiative_form.html",
        {
            "form": form,
            "people": _people(request.user),
            "bases": legal_bases(),
        },
    )


def _visible(request, pk, action=access.VIEW) -> Initiative:
    return access.get_visible_or_404(
        request.user,
        Initiative.objects.select_related("unit", "council__unit", "forwarded_from__council"),
        action,
        pk=pk,
    )


@login_required
def initiative_edit(request, pk: int):
    initiative = _visible(request, pk, access.CHANGE)
    require(request.user, permissions.CHANGE_INITIATIVE, initiative)
    units = units_for(request.user).order_by("path")
    initial = {
        **{k: getattr(initiative, k) for k in services.TEXT_FIELDS},
        "unit": initiative.unit_id,
        "year": initiative.year,
        "first_applied_on": initiative.first_applied_on,
    }
    for n, author in enumerate(initiative.authors.select_related("person"), start=1):
        initial[f"author_{n}"], initial[f"share_{n}"] = author.person.code, author.share
    form = InitiativeForm(request.POST or None, request.FILES or None, units=units, initial=initial)
    if request.method == "POST":
        saved = run_service(
            form,
            lambda: services.update_initiative(
                request.user,
                initiative,
                expected_version=int(request.POST.get("version", -1)),
                year=form.cleaned_data["year"],
                first_applied_on=form.cleaned_data["first_applied_on"],
                authors=_authors(form.cleaned_data),
                files=[(f.name, f.read()) for f in form.cleaned_data.get("files") or []],
                **_filing_fields(form.cleaned_data),
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã lưu hồ sơ sáng kiến."))
            return redirect("initiatives:initiative_detail", saved.pk)
    return render(
        request,
        "initiatives/initiative_form.html",
        {
            "form": form,
            "initiative": initiative,
            "people": _people(request.user),
            "bases": legal_bases(),
        },
    )


def _scoring_members(user, initiative):
    today = timezone.localdate()
    members = [m for m in initiative.council.members.select_related("person") if m.in_force(today)]
    office = permissions.is_office_of_council(user, initiative) and access.role_of(user) in (
        access.ORGANISATION_WIDE_EDITORS
    )
    return members if office else [m for m in members if m.user_id == user.pk]


def _page(request, initiative, refused=None, **forms):
    user = request.user
    available = {
        a.name: a for a in INITIATIVES.available(user, initiative) if a.name in PAGE_ACTIONS
    }
    criteria = criteria_of(initiative.council.criteria)
    may_review = allows(user, permissions.REVIEW_INITIATIVE, initiative)
    may_score = initiative.state == InitiativeState.UNDER_REVIEW and allows(
        user, permissions.SCORE_INITIATIVE, initiative
    )
    version = {"version": initiative.version}
    action_forms = {
        name: ACTION_FORMS[name](initial=version, action=a, auto_id=f"{name}-%s")
        for name, a in available.items()
        if name in ACTION_FORMS
    }
    if isinstance(refused, tuple):
        action_forms[refused[0]] = refused[1]
        refused = refused[1]
    context = {
        "initiative": initiative,
        "authors": initiative.authors.select_related("person__unit", "record"),
        "evidence": initiative.evidence.all(),
        "history": [
            (t, INITIATIVES.state_label(t.to_state))
            for t in initiative.transitions.select_related("actor")
        ],
        "available": available,
        "action_forms": action_forms,
        "scores": selectors.score_table(initiative),
        "criteria": criteria,
        "may_review": may_review,
        "may_score": may_score,
        "may_edit": initiative.state in ("draft", "returned")
        and allows(user, permissions.CHANGE_INITIATIVE, initiative),
        "score_form": forms.get("score_form")
        or ScoreForm(
            criteria=criteria, members=_scoring_members(user, initiative), auto_id="score-%s"
        ),
        "vote_form": forms.get("vote_form") or VoteForm(initial=version, auto_id="vote-%s"),
        "recognise_form": forms.get("recognise_form")
        or RecogniseForm(
            initial={**version, "decision_date": timezone.localdate()}, auto_id="recognise-%s"
        ),
        "vote_passed": initiative.members_present
        and vote_passes(initiative.members_present, initiative.votes_for or 0),
        "vote_share_percent": int(vote_share() * 100),
        "copy_above": Initiative.objects.filter(forwarded_from=initiative)
        .select_related("council")
        .first(),
        "result_form": forms.get("result_form")
        or ResultAboveForm(initial=version, auto_id="result-%s"),
        "may_record_result": initiative.state == InitiativeState.PROPOSED_UP
        and may_review
        and not Initiative.objects.filter(forwarded_from=initiative).exists(),
        "may_see_original": initiative.forwarded_from_id
        and access.can(user, access.VIEW, initiative.forwarded_from),
        "bases": legal_bases(),
        "refused": refused,
    }
    return render(request, "initiatives/initiative_detail.html", context)


@login_required
def initiative_detail(request, pk: int):
    return _page(request, _visible(request, pk))


SERVICES = {
    "submit": services.submit,
    "start_review": services.start_review,
    "return": services.return_initiative,
    "reject": services.reject,
    "propose_up": services.propose_up,
}
DONE = {
    "submit": _("Đã gửi sáng kiến tới Hội đồng sáng kiến."),
    "start_review": _("Đã đưa sáng kiến ra Hội đồng xét."),
    "return": _("Đã trả lại hồ sơ sáng kiến để bổ sung."),
    "reject": _("Đã ghi nhận Hội đồng không công nhận sáng kiến."),
    "propose_up": _("Đã gửi đề nghị công nhận sáng kiến lên Hội đồng sáng kiến cấp thành phố."),
}


@login_required
@require_POST
def initiative_action(request, pk: int, action: str):
    if action not in SERVICES:
        raise Http404(_("Không tìm thấy."))
    initiative = _visible(request, pk)
    form = ACTION_FORMS[action](request.POST, action=INITIATIVES.actions[action])
    done = run_service(
        form,
        lambda: SERVICES[action](
            request.user,
            initiative,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        ),
    )
    if done is None:
        return _page(request, initiative, refused=(action, form))
    messages.success(request, DONE[action])
    return redirect("initiatives:initiative_detail", pk)


@login_required
@require_POST
def initiative_score(request, pk: int):
    initiative = _visible(request, pk)
    criteria = criteria_of(initiative.council.criteria)
    members = _scoring_members(request.user, initiative)
    form = ScoreForm(request.POST, criteria=criteria, members=members, auto_id="score-%s")

    def save():
        member = InitiativeCouncilMember.objects.select_related("person").get(
            pk=form.cleaned_data["member"], council=initiative.council
        )
        return services.score(request.user, initiative, member=member, points=form.points())

    if run_service(form, save) is None:
        return _page(request, initiative, refused=form, score_form=form)
    messages.success(request, _("Đã lưu phiếu chấm điểm."))
    return redirect("initiatives:initiative_detail", pk)


@login_required
@require_POST
def initiative_vote(request, pk: int):
    initiative = _visible(request, pk)
    form = VoteForm(request.POST, auto_id="vote-%s")
    done = run_service(
        form,
        lambda: services.record_vote(
            request.user,
            initiative,
            expected_version=form.cleaned_data["version"],
            meeting_on=form.cleaned_data["meeting_on"],
            present=form.cleaned_data["present"],
            agree=form.cleaned_data["agree"],
        ),
    )
    if done is None:
        return _page(request, initiative, refused=form, vote_form=form)
    messages.success(request, _("Đã ghi kết quả biểu quyết của Hội đồng."))
    return redirect("initiatives:initiative_detail", pk)


@login_required
@require_POST
def initiative_recognise(request, pk: int):
    initiative = _visible(request, pk)
    form = RecogniseForm(
        request.POST, action=INITIATIVES.actions["recognise"], auto_id="recognise-%s"
    )
    done = run_service(
        form,
        lambda: services.recognise(
            request.user,
            initiative,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
            decision_number=form.cleaned_data["decision_number"],
            decision_date=form.cleaned_data["decision_date"],
            signer=form.cleaned_data["signer"],
            signer_title=form.cleaned_data["signer_title"],
            valid_until=form.cleaned_data["valid_until"],
        ),
    )
    if done is None:
        return _page(request, initiative, refused=form, recognise_form=form)
    messages.success(
        request, _("Đã công nhận sáng kiến; hồ sơ thành tích của tác giả đã cập nhật.")
    )
    return redirect("initiatives:initiative_detail", pk)


@login_required
@require_POST
def initiative_result_above(request, pk: int):
    initiative = _visible(request, pk)
    form = ResultAboveForm(request.POST, auto_id="result-%s")
    done = run_service(
        form,
        lambda: services.record_result_above(
            request.user,
            initiative,
            expected_version=form.cleaned_data["version"],
            recognised=form.cleaned_data["recognised"],
            body=form.cleaned_data["body"],
            decision_number=form.cleaned_data["decision_number"],
            decision_date=form.cleaned_data["decision_date"],
            note=form.cleaned_data["note"],
        ),
    )
    if done is None:
        return _page(request, initiative, refused=form, result_form=form)
    messages.success(request, _("Đã ghi kết quả xét của cấp thành phố."))
    return redirect("initiatives:initiative_detail", pk)


@private_file_view
def evidence_file(request, pk: int, evidence_id: int):
    initiative = _visible(request, pk)
    evidence = InitiativeEvidence.objects.filter(pk=evidence_id, initiative=initiative).first()
    if evidence is None:
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, evidence.file, download_name=evidence.name)


@login_required
def decision_docx(request, pk: int):
    initiative = _visible(request, pk)
    require(request.user, permissions.VIEW_DECISION, initiative)
    if not initiative.decision_number or initiative.state not in (
        InitiativeState.RECOGNISED,
        InitiativeState.PROPOSED_UP,
        InitiativeState.RECOGNISED_UP,
    ):
        raise Http404(_("Sáng kiến chưa có quyết định công nhận."))
    return download(
        documents.decision_document(initiative),
        f"quyet-dinh-cong-nhan-sang-kien-{initiative.pk}.docx",
        DOCX,
    )


# -- councils ---------------------------------------------------------------------------------
@login_required
def council_list(request):
    councils = selectors.councils_for(request.user)
    form = None
    if allows(request.user, permissions.KEEP_COUNCIL):
        form = CouncilForm(
            request.POST or None,
            units=units_for(
                request.user,
            ).order_by("path"),
        )
    if request.method == "POST":
        if form is None:
            require(request.user, permissions.KEEP_COUNCIL)
        saved = run_service(
            form,
            lambda: services.create_council(
                request.user,
                unit=form.cleaned_data["unit"],
                level=form.cleaned_data["level"],
                name=form.cleaned_data["name"],
                established_by=form.cleaned_data["established_by"],
                valid_from=form.cleaned_data["valid_from"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã lập Hội đồng sáng kiến."))
            return redirect("initiatives:council_detail", saved.pk)
    return render(
        request,
        "initiatives/council_list.html",
        {
            "councils": Paginator(councils, PER_PAGE).get_page(request.GET.get("page")),
            "form": form,
            "bases": legal_bases(),
        },
    )


def _council_page(request, council, member_form=None, end_form=None, refused=None):
    return render(
        request,
        "initiatives/council_detail.html",
        {
            "council": council,
            "members": selectors.members_of(council),
            "criteria": criteria_of(council.criteria),
            "may_keep": allows(request.user, permissions.KEEP_COUNCIL, council),
            "member_form": member_form or MemberForm(),
            "end_form": end_form or EndMemberForm(),
            "people": _people(request.user),
            "today": timezone.localdate(),
            "refused": refused,
            "vote_share_percent": int(vote_share() * 100),
            "waiting": selectors.initiatives_for(request.user).filter(
                council=council, state__in=("submitted", "under_review")
            )[:20],
        },
    )


def _visible_council(request, pk):
    return access.get_visible_or_404(
        request.user, InitiativeCouncil.objects.select_related("unit"), pk=pk
    )


@login_required
def council_detail(request, pk: int):
    return _council_page(request, _visible_council(request, pk))


@login_required
@require_POST
def council_add_member(request, pk: int):
    council = _visible_council(request, pk)
    form = MemberForm(request.POST)
    done = run_service(
        form,
        lambda: services.add_member(
            request.user,
            council,
            person=form.cleaned_data["person_code"],
            role=form.cleaned_data["role"],
            user=form.cleaned_data["username"],
            valid_from=form.cleaned_data["valid_from"],
            valid_to=form.cleaned_data["valid_to"],
        ),
    )
    if done is None:
        return _council_page(request, council, member_form=form, refused=form)
    messages.success(request, _("Đã thêm thành viên Hội đồng sáng kiến."))
    return redirect("initiatives:council_detail", pk)


@login_required
@require_POST
def council_end_member(request, pk: int, member_id: int):
    council = _visible_council(request, pk)
    member = council.members.filter(pk=member_id).first()
    if member is None:
        raise Http404(_("Không tìm thấy."))
    form = EndMemberForm(request.POST)
    done = run_service(
        form, lambda: services.end_member(request.user, member, on=form.cleaned_data["valid_to"])
    )
    if done is None:
        return _council_page(request, council, end_form=form, refused=form)
    messages.success(request, _("Đã ghi ngày thôi tham gia Hội đồng."))
    return redirect("initiatives:council_detail", pk)
