"""Nomination pages: the list, the dossier with its workflow steps, the votes and the exports.

Every write binds a form from `awards.forms` and runs its service through `run_service`;
a refusal renders the same page again with the reasons on that form.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards import paging, selectors, services
from vinhdanh.awards.documents_out import achievement_report_template
from vinhdanh.awards.dossier import dossier_zip
from vinhdanh.awards.eligibility import verdict_context
from vinhdanh.awards.forms import (
    CHOICES_SHOWN,
    STEP_FORMS,
    AttachmentForm,
    BallotForm,
    CertificateRevokeForm,
    DraftFromProposalsForm,
    NominationFilterForm,
    NominationForm,
    NominationSelectionForm,
    ObjectionAnswerForm,
)
from vinhdanh.awards.models import (
    AgendaItem,
    Attachment,
    Ballot,
    Choice,
    CouncilVote,
    Nomination,
    Objection,
    Revocation,
    State,
    Submission,
    Title,
)
from vinhdanh.awards.services.proposals import REGULAR_BASIS
from vinhdanh.awards.services.review import council_of
from vinhdanh.awards.views.common import REFUSED, FormsOnPage
from vinhdanh.awards.workflows import NOMINATIONS
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.core.text import fold
from vinhdanh.org import selectors as org_selectors
from vinhdanh.org.models import CouncilMember, Person, Unit
from vinhdanh.records.screening import VERDICT_LABELS
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service


@login_required
def title_list(request):
    titles = Title.objects.prefetch_related("award_bases", "title_components__component")
    return render(request, "awards/title_list.html", {"titles": titles})


def selectable_states(user) -> set[str]:
    """The states of passed dossiers to decide on, to export or to send up."""
    states = set()
    if allows(user, "awards.decide_nomination") or allows(user, "awards.export_dossier"):
        states.add(State.VOTED)
    if allows(user, "awards.export_dossier"):
        # Returned from above: supplemented, it goes up again from the list too.
        states |= {State.FORWARDED, State.RETURNED_FROM_ABOVE}
    return states


def selectable_nominations(user):
    """Passed dossiers to decide on, to export or to send up (the direct buttons)."""
    return selectors.nominations_for(user).filter(state__in=selectable_states(user)).order_by("pk")


def nomination_list_page(request, failed=None):
    """The list; `failed` is (key, form) of a POST from it that was refused."""
    user = request.user
    # The default year is the newest one holding dossiers of the chosen state.
    state = NominationFilterForm(request.GET).filters()["state"]
    query = paging.list_query(request, selectors.nominations_for(user, state=state))
    filters = NominationFilterForm(query)
    chosen = filters.filters()
    nominations = selectors.nominations_for(user, state=chosen["state"], year=chosen["year"])
    page = paging.keyset_page(nominations, query.get("after"))
    shown = [n.pk for n in page.rows]
    page_forms = FormsOnPage(failed)
    may = {
        "propose": allows(user, "awards.propose_nomination"),
        "decide": allows(user, "awards.decide_nomination"),
        "export": allows(user, "awards.export_dossier"),
        "draft": allows(user, "awards.draft_from_proposals"),
    }
    # Tick boxes for bulk work (views/bulk.py) and the export, on the dossiers that may take
    # one of the user's bulk actions.
    from vinhdanh.awards.bulk_forms import BulkPickForm
    from vinhdanh.awards.services.bulk import offered
    from vinhdanh.awards.views.bulk import bulk_selectable

    may["bulk"] = offered(user)
    selection = page_forms.get("selection", lambda: BulkPickForm(queryset=bulk_selectable(user)))
    # Tick boxes for the rows of this page only: a province has tens of thousands to offer.
    choices = selection.fields["nominations"]
    choices.queryset = choices.queryset.filter(pk__in=shown)
    may["tick"] = bool(may["bulk"]) or may["export"]
    boxes = selection.boxes() if may["tick"] else {}
    draft_form = page_forms.get(
        "draft", lambda: DraftFromProposalsForm(initial={"year": chosen["year"]})
    )
    context = {
        "rows": [(n, boxes.get(n.pk)) for n in page.rows],
        "links": paging.page_links(query, page),
        "count": paging.count_label(paging.capped_count(nominations)),
        "filters": filters,
        "may": may,
        "selection": selection,
        "draft_form": draft_form,
    }
    status = REFUSED if failed else 200
    return render(request, "awards/nomination_list.html", context, status=status)


@login_required
def nomination_list(request):
    return nomination_list_page(request)


def _assumed_basis(title):
    """The basis a preview reads while none is chosen: the regular one, else the title's first."""
    bases = list(title.award_bases.all())
    regular = [basis for basis in bases if basis.code == REGULAR_BASIS]
    return (regular or bases or [None])[0]


@login_required
def nomination_preview(request):
    """The rules' verdict on the choice being filled in, before anything is saved."""
    require(request.user, "awards.propose_nomination")
    form = NominationForm(
        request.GET,
        people=org_selectors.people_for(request.user),
        units=access.scope_queryset(request.user, Unit.objects.all()),
    )
    form.is_valid()
    data = form.cleaned_data
    subject = data.get("person") or data.get("collective")
    # Subject, title and year are enough: the summary and the basis may come later (an
    # unchosen basis is read as the regular one, and the preview says so).
    if subject is None or not data.get("title") or not data.get("year"):
        return render(request, "awards/_verdict_preview.html", {"verdict": None})
    basis = data.get("basis") or _assumed_basis(data["title"])
    if basis is None:
        return render(request, "awards/_verdict_preview.html", {"verdict": None})
    draft = Nomination(
        person=data.get("person"),
        collective=data.get("collective"),
        unit=subject.unit if data.get("person") else subject,
        title=data["title"],
        basis=basis,
        year=data["year"],
    )
    context = {
        **verdict_context(draft),
        "subject_name": str(subject),
        "labels": VERDICT_LABELS,
        "assumed_basis": None if data.get("basis") else basis,
    }
    return render(request, "awards/_verdict_preview.html", context)


@login_required
def nomination_verdict(request, pk: int):
    nomination = _visible(request, pk)
    context = {
        **verdict_context(nomination),
        "subject_name": nomination.subject_name,
        "labels": VERDICT_LABELS,
    }
    return render(request, "awards/_verdict_preview.html", context)


@login_required
@require_POST
def draft_from_proposals(request):
    require(request.user, "awards.draft_from_proposals")
    form = DraftFromProposalsForm(request.POST)
    drafted = run_service(
        form,
        lambda: services.draft_nominations_from_proposals(
            request.user, year=form.cleaned_data["year"]
        ),
    )
    if drafted is None:
        return nomination_list_page(request, ("draft", form))
    year = form.cleaned_data["year"]
    messages.success(
        request,
        _("Đã lập %(count)d hồ sơ dự thảo từ kết quả suy tôn của các cụm năm %(year)s.")
        % {"count": len(drafted), "year": year},
    )
    return redirect(f"{reverse('awards:nomination_list')}?state=draft&year={year}")


def nomination_subjects(user, query: str = ""):
    """Whom the user may propose: people of their scope, and units they may change."""
    people = org_selectors.people_for(user, query)
    units = access.scope_queryset(user, org_selectors.units_for(user, query), access.CHANGE)
    return people, units


def _choices(request, kind: str):
    """The chooser's matches: at most CHOICES_SHOWN of the user's scope, accents ignored."""
    require(request.user, "awards.propose_nomination")
    query = request.GET.get("q", "").strip()
    matches = []
    if fold(query).strip():
        people, units = nomination_subjects(request.user, query)
        matches = list((people if kind == "person" else units)[: CHOICES_SHOWN + 1])
    context = {
        "choices": matches[:CHOICES_SHOWN],
        "more": len(matches) > CHOICES_SHOWN,
        "query": query,
    }
    return render(request, "awards/_choices.html", context)


@login_required
def person_choices(request):
    return _choices(request, "person")


@login_required
def unit_choices(request):
    return _choices(request, "unit")


@login_required
def nomination_create(request):
    require(request.user, "awards.propose_nomination")
    people, units = nomination_subjects(request.user)
    form = NominationForm(
        request.POST or None,
        people=people,
        units=units,
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST":
        nomination = run_service(
            form, lambda: services.create_nomination(request.user, **form.changes())
        )
        if nomination is not None:
            messages.success(request, _("Đã tạo hồ sơ đề nghị."))
            return redirect("awards:nomination_detail", nomination.pk)
    status = REFUSED if form.is_bound else 200
    return render(request, "awards/nomination_form.html", {"form": form}, status=status)


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
        "version": nomination.version,
        "title": nomination.title,
        "basis": nomination.basis,
        "year": nomination.year,
        "event": nomination.event,
        "achievements": nomination.achievements,
    }
    form = NominationForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST":
        updated = run_service(
            form,
            lambda: services.update_nomination(
                request.user,
                nomination,
                expected_version=form.cleaned_data["version"],
                **form.changes(),
            ),
        )
        if updated is not None:
            messages.success(request, _("Đã lưu hồ sơ."))
            return redirect("awards:nomination_detail", pk)
    status = REFUSED if form.is_bound else 200
    context = {"form": form, "nomination": nomination}
    return render(request, "awards/nomination_form.html", context, status=status)


@login_required
def vote_list(request):
    """Open votes, with the member's own ballot, for council members and the chairman."""
    member = CouncilMember.objects.filter(user=request.user).first()
    # Each nomination's latest vote, with only this member's ballot in it: two queries in all.
    ballots = Ballot.objects.filter(member=member) if member else Ballot.objects.none()
    votes = CouncilVote.objects.order_by("-pk").prefetch_related(
        Prefetch("ballots", queryset=ballots, to_attr="mine")
    )
    nominations = selectors.nominations_for(request.user, state=State.VOTING).prefetch_related(
        Prefetch("votes", queryset=votes, to_attr="latest_votes")
    )
    # One page at a time, after the last row shown: the prefetches read this page's rows only.
    page = paging.keyset_page(nominations, request.GET.get("after"))
    rows = []
    for nomination in page.rows:
        vote = nomination.latest_votes[0] if nomination.latest_votes else None
        mine = vote.mine[0] if vote and vote.mine else None
        rows.append({"nomination": nomination, "vote": vote, "mine": mine})
    context = {
        "rows": rows,
        "member": member,
        "links": paging.page_links(request.GET, page),
        "count": paging.count_label(paging.capped_count(nominations)),
    }
    return render(request, "awards/vote_list.html", context)


@login_required
@require_POST
def dossier_export(request):
    """The dossier of several passed nominations, to forward to the higher level."""
    require(request.user, "awards.export_dossier")
    form = NominationSelectionForm(request.POST, queryset=selectable_nominations(request.user))
    content = run_service(
        form,
        lambda: dossier_zip(council_of(request.user), form.cleaned_data["nominations"]),
    )
    if content is None:
        return nomination_list_page(request, ("selection", form))
    return download(content, "ho-so-trinh-cap-tren.zip", "application/zip")


def _visible(request, pk) -> Nomination:
    return access.get_visible_or_404(
        request.user,
        Nomination.objects.select_related("title", "basis", "person", "collective", "unit"),
        pk=pk,
    )


def _paper_ballots(user, vote, page_forms) -> list[tuple]:
    """Each member of the council, the ballot recorded for them, and the form to record one."""
    recorded = dict(vote.ballots.values_list("member_id", "choice"))
    members = council_of(user).members.select_related("person").order_by("pk")
    return [
        (
            member,
            recorded.get(member.pk),
            page_forms.get(
                ("ballot", member.pk),
                lambda member=member: BallotForm(
                    vote=vote, initial={"member": member.pk}, auto_id=False
                ),
            ),
        )
        for member in members
    ]


def _travel(user, nomination) -> dict:
    """Where a dossier that travels is: for the sender's original and for the copy above."""
    if nomination.received_in_id:
        received = Submission.objects.select_related("from_council").get(
            pk=nomination.received_in_id
        )
        return {"received": received, "letter_visible": access.can(user, access.VIEW, received)}
    if not nomination.submission_id:
        return {}
    sent = Submission.objects.select_related("to_council").get(pk=nomination.submission_id)
    above = nomination.copies_above.filter(received_in=sent).order_by("-pk").first()
    returned = ""
    if nomination.state == State.RETURNED_FROM_ABOVE:
        last = nomination.transitions.filter(action="returned_above").order_by("-pk").first()
        returned = last.note if last else ""
    return {
        "sent": sent,
        "above": above,
        "returned_reason": returned,
        "letter_visible": access.can(user, access.VIEW, sent),
    }


def nomination_page(request, nomination, failed=None):
    """The dossier and what the user may do with it; `failed` is a refused POST's form."""
    user = request.user
    page_forms = FormsOnPage(failed)
    steps = [
        (
            action,
            page_forms.get(("step", action.name), lambda a=action: _step_form(a, nomination, user)),
        )
        for action in NOMINATIONS.available(user, nomination)
        if action.name in STEP_FORMS
    ]
    editable = nomination.is_editable
    notice = nomination.notices.first()
    may_answer = allows(user, "awards.answer_objection", nomination)
    objections = [
        (
            objection,
            page_forms.get(
                ("answer", objection.pk),
                lambda o=objection: ObjectionAnswerForm(auto_id=f"id_o{o.pk}_%s"),
            )
            if may_answer and not objection.answer
            else None,
        )
        for objection in (notice.objections.all() if notice else [])
    ]
    vote = nomination.votes.first()
    member = CouncilMember.objects.filter(user=user).first()
    cast_form = None
    # A vote held at a council meeting is cast and recorded on the meeting's page.
    at_meeting = vote is not None and AgendaItem.objects.filter(vote=vote).exists()
    if vote and vote.is_open and not at_meeting and allows(user, "awards.cast_ballot", vote):
        cast_form = page_forms.get(("ballot", None), lambda: BallotForm(vote=vote, auto_id=False))
    paper = (
        _paper_ballots(user, vote, page_forms)
        if vote
        and vote.is_open
        and not at_meeting
        and allows(user, "awards.record_ballot", nomination)
        else []
    )
    certificate = getattr(nomination, "certificate", None)
    revoke_form = None
    if (
        certificate
        and not certificate.is_revoked
        and allows(user, "awards.revoke_certificate", certificate)
    ):
        revoke_form = page_forms.get(
            "revoke", lambda: CertificateRevokeForm(certificate=certificate)
        )
    attachment_form = None
    if editable and allows(user, "awards.add_attachment", nomination):
        attachment_form = page_forms.get("upload", lambda: AttachmentForm(nomination=nomination))
    context = {
        "nomination": nomination,
        "steps": steps,
        "can_edit": editable and allows(user, "awards.edit_nomination", nomination),
        "may_export": allows(user, "awards.export_dossier", nomination),
        "attachments": nomination.attachments.select_related("component"),
        "missing": selectors.missing_components(nomination),
        "attachment_form": attachment_form,
        "notice": notice,
        "objections": objections,
        "sees_objection_contact": allows(user, "awards.see_objection_contact"),
        "vote": vote,
        "ballots": vote.ballots.select_related("member__person") if vote else [],
        "my_ballot": vote.ballots.filter(member=member).first() if vote and member else None,
        "cast_form": cast_form,
        "council_members": paper,
        "choices": Choice.choices,
        "transitions": nomination.transitions.select_related("actor"),
        "appraisals": nomination.appraisals.all(),
        "certificate": certificate,
        # The revocation decisions of this award (of it alone, or of its whole decision).
        "revocations": (
            Revocation.objects.filter(certificates=certificate).order_by("pk")
            if certificate is not None and certificate.is_revoked
            else []
        ),
        "revoke_form": revoke_form,
        "travel": _travel(user, nomination),
        # A refused form the page no longer shows (the state moved on): its reasons on top.
        "stray": page_forms.stray,
    }
    status = REFUSED if failed else 200
    return render(request, "awards/nomination_detail.html", context, status=status)


def _step_form(action, nomination, user):
    return STEP_FORMS[action.name](nomination=nomination, user=user)


@login_required
def nomination_detail(request, pk: int):
    return nomination_page(request, _visible(request, pk))


@login_required
@require_POST
def attachment_upload(request, pk: int):
    nomination = _visible(request, pk)
    form = AttachmentForm(request.POST, request.FILES, nomination=nomination)

    def upload():
        upload = form.cleaned_data["file"]
        return services.add_attachment(
            request.user,
            nomination,
            component=form.cleaned_data["component"],
            filename=upload.name,
            content=upload.read(),
        )

    attachment = run_service(form, upload)
    if attachment is None:
        return nomination_page(request, _visible(request, pk), ("upload", form))
    messages.success(request, _("Đã tải lên “%s”.") % attachment.original_name)
    return redirect("awards:nomination_detail", pk)


@private_file_view
def attachment_download(request, pk: int, attachment_id: int):
    nomination = _visible(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, nomination=nomination)
    return serve_private(request, attachment.file, download_name=attachment.original_name)


@login_required
def report_template(request, pk: int):
    """The achievement report in the decree's form; `?kind=yearly|thematic|ad_hoc` picks the
    form (by default the one of the dossier's award basis)."""
    nomination = _visible(request, pk)
    kind = request.GET.get("kind") or None
    content = achievement_report_template(nomination, kind=kind)
    return download(content, f"bao-cao-thanh-tich-{pk}.docx", DOCX)


def _close_vote(actor, nomination, **arguments):
    vote = nomination.votes.first()
    if vote is None:
        raise ValidationError(_("Hồ sơ chưa được đưa ra bỏ phiếu."))
    return services.close_vote(actor, vote, **arguments)


def _decide(actor, nomination, *, expected_version, signed_on):
    return services.issue_decision(
        actor,
        [nomination],
        signed_on=signed_on,
        expected_versions={nomination.pk: expected_version},
    )


# The service behind each step's form: (actor, nomination, **form.arguments()).
STEP_SERVICES = {
    "submit": services.submit_nomination,
    "resubmit": services.resubmit_nomination,
    "return": services.return_nomination,
    "appraise": services.appraise_nomination,
    "announce": services.announce_nomination,
    "open_vote": services.open_vote,
    "close_vote": _close_vote,
    "decide": _decide,
    "forward": services.forward_to_higher_level,
    "send_back": services.send_back,
    "record_higher": services.record_higher_decision,
    "hand_over": services.hand_over,
}


@login_required
@require_POST
def nomination_step(request, pk: int, action: str):
    nomination = _visible(request, pk)
    if action not in STEP_FORMS:
        raise Http404
    form = STEP_FORMS[action](request.POST, nomination=nomination, user=request.user)
    service = STEP_SERVICES[action]
    done = run_service(form, lambda: service(request.user, nomination, **form.arguments()))
    if done is None:
        return nomination_page(request, _visible(request, pk), (("step", action), form))
    messages.success(request, _("Đã thực hiện: %s.") % form.action.label)
    return redirect("awards:nomination_detail", pk)


@login_required
@require_POST
def ballot_cast(request, pk: int):
    nomination = _visible(request, pk)
    vote = nomination.votes.first()
    form = BallotForm(request.POST, vote=vote, auto_id=False)

    def cast():
        if vote is None:
            raise ValidationError(_("Hồ sơ chưa được đưa ra bỏ phiếu."))
        choice, member = form.cleaned_data["choice"], form.cleaned_data["member"]
        if member is not None:
            return services.record_ballot(request.user, vote, member=member, choice=choice)
        return services.cast_ballot(request.user, vote, choice=choice)

    if run_service(form, cast) is None:
        member = getattr(form, "cleaned_data", {}).get("member")
        key = ("ballot", member.pk if member else None)
        return nomination_page(request, _visible(request, pk), (key, form))
    messages.success(request, _("Đã ghi nhận phiếu."))
    return redirect("awards:nomination_detail", pk)


@login_required
@require_POST
def objection_answer(request, pk: int, objection_id: int):
    nomination = _visible(request, pk)
    objection = get_object_or_404(Objection, pk=objection_id, notice__nomination=nomination)
    form = ObjectionAnswerForm(request.POST, auto_id=f"id_o{objection.pk}_%s")
    answered = run_service(
        form,
        lambda: services.answer_objection(
            request.user, objection, answer=form.cleaned_data["answer"]
        ),
    )
    if answered is None:
        return nomination_page(request, _visible(request, pk), (("answer", objection.pk), form))
    messages.success(request, _("Đã trả lời ý kiến."))
    return redirect("awards:nomination_detail", pk)


@login_required
def dossier_download(request, pk: int):
    nomination = _visible(request, pk)
    require(request.user, "awards.export_dossier", nomination)
    if not nomination.is_exportable:
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
