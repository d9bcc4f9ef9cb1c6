from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards import selectors, services, workflow
from vinhdanh.awards.documents_out import achievement_report_template
from vinhdanh.awards.dossier import dossier_zip
from vinhdanh.awards.eligibility import prefilled_checklist, verdict_for
from vinhdanh.awards.forms import AttachmentForm, NominationForm
from vinhdanh.awards.models import Attachment, Choice, Nomination, Objection, State, Title
from vinhdanh.awards.permissions import may_see_objection_contact
from vinhdanh.awards.services.review import council_of
from vinhdanh.awards.views.common import parse_date
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.feedback import show_refusal
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.org import selectors as org_selectors
from vinhdanh.org.models import CouncilMember, Person, Unit
from vinhdanh.records.screening import VERDICT_LABELS


@login_required
def title_list(request):
    titles = Title.objects.prefetch_related("award_bases", "title_components__component")
    return render(request, "awards/title_list.html", {"titles": titles})


@login_required
def nomination_list(request):
    state = request.GET.get("state", "")
    year = request.GET.get("year", "")
    nominations = selectors.nominations_for(
        request.user, state=state, year=int(year) if year.isdigit() else None
    )
    return render(
        request,
        "awards/nomination_list.html",
        {
            "nominations": nominations[:500],
            "states": State.choices,
            "state": state,
            "year": year,
            "can_propose": access.role_of(request.user) in workflow.PROPOSERS,
            "can_decide": access.role_of(request.user) in workflow.DECIDERS,
            "can_export": access.role_of(request.user) in (workflow.APPRAISERS | workflow.DECIDERS),
        },
    )


@login_required
def nomination_preview(request):
    """The rules' verdict on the choice being filled in, before anything is saved."""
    access.require_role(request.user, *workflow.PROPOSERS)
    form = NominationForm(
        request.GET,
        people=org_selectors.people_for(request.user),
        units=access.scope_queryset(request.user, Unit.objects.all()),
    )
    form.is_valid()
    data = form.cleaned_data
    subject = data.get("person") or data.get("collective")
    if subject is None or not data.get("title") or not data.get("basis") or not data.get("year"):
        return render(request, "awards/_verdict_preview.html", {"verdict": None})
    draft = Nomination(
        person=data.get("person"),
        collective=data.get("collective"),
        unit=subject.unit if data.get("person") else subject,
        title=data["title"],
        basis=data["basis"],
        year=data["year"],
    )
    context = {
        "verdict": verdict_for(draft),
        "subject_name": str(subject),
        "labels": VERDICT_LABELS,
    }
    return render(request, "awards/_verdict_preview.html", context)


@login_required
def nomination_verdict(request, pk: int):
    nomination = _visible(request, pk)
    context = {
        "verdict": verdict_for(nomination),
        "subject_name": nomination.subject_name,
        "labels": VERDICT_LABELS,
    }
    return render(request, "awards/_verdict_preview.html", context)


@login_required
@require_POST
def draft_from_proposals(request):
    year = request.POST.get("year", "")
    if not year.isdigit():
        messages.error(request, _("Chọn năm để lập hồ sơ từ kết quả suy tôn."))
        return redirect("awards:nomination_list")
    drafted = services.draft_nominations_from_proposals(request.user, year=int(year))
    messages.success(
        request,
        _("Đã lập %(count)d hồ sơ dự thảo từ kết quả suy tôn của các cụm năm %(year)s.")
        % {"count": len(drafted), "year": year},
    )
    return redirect(f"{reverse('awards:nomination_list')}?state=draft&year={year}")


@login_required
def nomination_create(request):
    access.require_role(request.user, *workflow.PROPOSERS)
    people = org_selectors.people_for(request.user)
    units = access.scope_queryset(
        request.user, org_selectors.units_for(request.user), access.CHANGE
    )
    form = NominationForm(
        request.POST or None,
        people=people,
        units=units,
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            nomination = services.create_nomination(request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages if hasattr(error, "messages") else str(error))
        else:
            messages.success(request, _("Đã tạo hồ sơ đề nghị."))
            return redirect("awards:nomination_detail", nomination.pk)
    return render(request, "awards/nomination_form.html", {"form": form})


@login_required
def nomination_edit(request, pk: int):
    # The form is for those who may change the nomination; others get "not found".
    nomination = access.get_visible_or_404(
        request.user,
        Nomination.objects.select_related("title", "basis", "person", "collective", "unit"),
        access.CHANGE,
        pk=pk,
    )
    initial = {
        "title": nomination.title,
        "basis": nomination.basis,
        "year": nomination.year,
        "event": nomination.event,
        "achievements": nomination.achievements,
    }
    form = NominationForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_nomination(
                request.user,
                nomination,
                expected_version=request.POST.get("version"),
                **form.cleaned_data,
            )
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages if hasattr(error, "messages") else str(error))
        else:
            messages.success(request, _("Đã lưu hồ sơ."))
            return redirect("awards:nomination_detail", pk)
    return render(request, "awards/nomination_form.html", {"form": form, "nomination": nomination})


@login_required
def vote_list(request):
    """Open votes, with the member's own ballot, for council members and the chairman."""
    member = CouncilMember.objects.filter(user=request.user).first()
    nominations = selectors.nominations_for(request.user, state=State.VOTING)
    rows = []
    for nomination in nominations:
        vote = nomination.votes.first()
        mine = vote.ballots.filter(member=member).first() if vote and member else None
        rows.append({"nomination": nomination, "vote": vote, "mine": mine})
    return render(request, "awards/vote_list.html", {"rows": rows, "member": member})


@login_required
@require_POST
def dossier_export(request):
    """The dossier of several passed nominations, to forward to the higher level."""
    access.require_role(request.user, *workflow.APPRAISERS, *workflow.DECIDERS)
    ids = [int(i) for i in request.POST.getlist("nominations") if i.isdigit()]
    nominations = selectors.nominations_for(request.user).filter(
        pk__in=ids, state__in=[State.VOTED, State.FORWARDED]
    )
    if not nominations:
        messages.error(request, _("Chọn ít nhất một hồ sơ đã được Hội đồng thông qua."))
        return redirect("awards:nomination_list")
    content = dossier_zip(council_of(request.user), nominations.order_by("pk"))
    return download(content, "ho-so-trinh-cap-tren.zip", "application/zip")


def _visible(request, pk) -> Nomination:
    return access.get_visible_or_404(
        request.user,
        Nomination.objects.select_related("title", "basis", "person", "collective", "unit"),
        pk=pk,
    )


def _paper_ballots(user, vote) -> list[tuple]:
    recorded = dict(vote.ballots.values_list("member_id", "choice"))
    members = council_of(user).members.select_related("person").order_by("pk")
    return [(member, recorded.get(member.pk)) for member in members]


@login_required
def nomination_detail(request, pk: int):
    nomination = _visible(request, pk)
    role = access.role_of(request.user)
    steps = workflow.available_steps(nomination.state, role)
    if steps and not access.can(request.user, access.VIEW, nomination):
        steps = []
    if {"submit", "resubmit"} & set(steps) and not access.can(
        request.user, access.CHANGE, nomination
    ):
        steps = [s for s in steps if s not in ("submit", "resubmit")]
    components = [
        (row.component, row.required, row.condition)
        for row in nomination.title.title_components.select_related("component")
        if not row.component.generated
    ]
    vote = nomination.votes.first()
    member = CouncilMember.objects.filter(user=request.user).first()
    context = {
        "nomination": nomination,
        "steps": steps,
        "can_edit": nomination.state in (State.DRAFT, State.RETURNED)
        and role in workflow.PROPOSERS
        and access.can(request.user, access.CHANGE, nomination),
        "missing": selectors.missing_components(nomination),
        "attachment_form": AttachmentForm(),
        "components": components,
        "checklist": prefilled_checklist(nomination) if "appraise" in steps else None,
        "notice": nomination.notices.first(),
        "sees_objection_contact": may_see_objection_contact(request.user),
        "vote": vote,
        "ballots": vote.ballots.select_related("member__person") if vote else [],
        "my_ballot": vote.ballots.filter(member=member).first() if vote and member else None,
        "is_member": member is not None,
        "council_members": _paper_ballots(request.user, vote)
        if vote and vote.is_open and "close_vote" in steps
        else [],
        "choices": Choice.choices,
        "today": timezone.localdate(),
        "transitions": nomination.transitions.select_related("actor"),
        "appraisals": nomination.appraisals.all(),
        "certificate": getattr(nomination, "certificate", None),
        "can_revoke": role in workflow.DECIDERS,
    }
    return render(request, "awards/nomination_detail.html", context)


@login_required
@require_POST
def attachment_upload(request, pk: int):
    nomination = _visible(request, pk)
    upload = request.FILES.get("file")
    component = nomination.title.components.filter(code=request.POST.get("component")).first()
    try:
        if upload is None or component is None:
            raise ValidationError(_("Chọn thành phần hồ sơ và tệp cần tải lên."))
        if upload.size > services.nominations.MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("Tệp quá lớn: tối đa 20 MB."))
        services.add_attachment(
            request.user,
            nomination,
            component=component,
            filename=upload.name,
            content=upload.read(),
        )
        messages.success(request, _("Đã tải lên “%s”.") % upload.name)
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
    return redirect("awards:nomination_detail", pk)


@private_file_view
def attachment_download(request, pk: int, attachment_id: int):
    nomination = _visible(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, nomination=nomination)
    return serve_private(request, attachment.file, download_name=attachment.original_name)


@login_required
def report_template(request, pk: int):
    nomination = _visible(request, pk)
    return download(achievement_report_template(nomination), f"bao-cao-thanh-tich-{pk}.docx", DOCX)


def _run_step(request, nomination, action):
    post = request.POST
    version = post.get("version")
    if action == "submit":
        services.submit_nomination(request.user, nomination, expected_version=version)
    elif action == "resubmit":
        services.resubmit_nomination(
            request.user, nomination, expected_version=version, note=post.get("note", "")
        )
    elif action == "return":
        services.return_nomination(
            request.user, nomination, reasons=post.get("reasons", ""), expected_version=version
        )
    elif action == "appraise":
        confirmed = {}
        for key, value in post.items():
            if key.startswith("check_") and value in ("1", "0"):
                confirmed[key[6:]] = value == "1"
        services.appraise_nomination(
            request.user,
            nomination,
            passed=post.get("passed") == "1",
            reasons=post.get("reasons", ""),
            confirmed=confirmed,
            expected_version=version,
        )
    elif action == "announce":
        starts, ends = parse_date(post.get("starts_on")), parse_date(post.get("ends_on"))
        if starts is None or ends is None:
            raise ValidationError(_("Cần nhập ngày bắt đầu và kết thúc công khai."))
        services.announce_nomination(
            request.user,
            nomination,
            starts_on=starts,
            ends_on=ends,
            where=post.get("where", ""),
            expected_version=version,
        )
    elif action == "open_vote":
        services.open_vote(request.user, nomination, expected_version=version)
    elif action == "close_vote":
        services.close_vote(request.user, nomination.votes.first(), expected_version=version)
    elif action == "decide":
        services.issue_decision(
            request.user, [nomination], expected_versions={nomination.pk: int(version or 0)}
        )
    elif action == "forward":
        services.forward_to_higher_level(
            request.user, nomination, note=post.get("note", ""), expected_version=version
        )
    elif action == "record_higher":
        signed = parse_date(post.get("signed_on"))
        if signed is None:
            raise ValidationError(_("Cần nhập ngày ký quyết định."))
        services.record_higher_decision(
            request.user,
            nomination,
            issuer_name=post.get("issuer_name", ""),
            reference=post.get("reference", ""),
            signed_on=signed,
            expected_version=version,
        )
    elif action == "hand_over":
        day = parse_date(post.get("on"))
        if day is None:
            raise ValidationError(_("Cần nhập ngày trao tặng."))
        services.hand_over(request.user, nomination, on=day, expected_version=version)
    else:
        raise Http404


@login_required
@require_POST
def nomination_step(request, pk: int, action: str):
    nomination = _visible(request, pk)
    if action not in workflow.STEPS or action == "revoke":
        raise Http404
    try:
        _run_step(request, nomination, action)
        messages.success(request, _("Đã thực hiện: %s.") % workflow.STEPS[action].label)
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
    return redirect("awards:nomination_detail", pk)


@login_required
@require_POST
def ballot_cast(request, pk: int):
    nomination = _visible(request, pk)
    vote = nomination.votes.first()
    try:
        if vote is None:
            raise ValidationError(_("Hồ sơ chưa được đưa ra bỏ phiếu."))
        member_id = request.POST.get("member")
        if member_id:
            member = get_object_or_404(CouncilMember, pk=member_id)
            services.record_ballot(
                request.user, vote, member=member, choice=request.POST.get("choice", "")
            )
        else:
            services.cast_ballot(request.user, vote, choice=request.POST.get("choice", ""))
        messages.success(request, _("Đã ghi nhận phiếu."))
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
    return redirect("awards:nomination_detail", pk)


@login_required
@require_POST
def objection_answer(request, pk: int, objection_id: int):
    nomination = _visible(request, pk)
    objection = get_object_or_404(Objection, pk=objection_id, notice__nomination=nomination)
    try:
        services.answer_objection(request.user, objection, answer=request.POST.get("answer", ""))
        messages.success(request, _("Đã trả lời ý kiến."))
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
    return redirect("awards:nomination_detail", pk)


@login_required
def dossier_download(request, pk: int):
    nomination = _visible(request, pk)
    access.require_role(request.user, *workflow.APPRAISERS, *workflow.DECIDERS)
    if nomination.state not in (State.VOTED, State.FORWARDED, State.DECIDED):
        messages.error(request, _("Chỉ xuất hồ sơ đã được Hội đồng thông qua."))
        return redirect("awards:nomination_detail", pk)
    content = dossier_zip(council_of(request.user), [nomination])
    return download(content, f"ho-so-{pk}.zip", "application/zip")


@login_required
def person_history(request, pk: int):
    person = access.get_visible_or_404(request.user, Person.objects.all(), pk=pk)
    return render(
        request,
        "awards/history_page.html",
        {"subject": person, "history": selectors.awards_history(person)},
    )


@login_required
def unit_history(request, pk: int):
    unit = access.get_visible_or_404(request.user, Unit.objects.all(), pk=pk)
    return render(
        request,
        "awards/history_page.html",
        {"subject": unit, "history": selectors.awards_history(unit)},
    )
