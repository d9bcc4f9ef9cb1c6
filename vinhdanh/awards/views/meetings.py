"""Council meeting pages: the list, creating one, the meeting with its agenda, attendance,
counts and online votes, its steps, and the minutes.

Every write binds a form from `forms_meetings` and runs its service through `run_service`;
a refusal renders the meeting again with the reasons on that form.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.awards.forms_meetings import (
    MEETING_STEP_FORMS,
    AgendaAddForm,
    AttendanceForm,
    CountForm,
    MeetingForm,
    OnlineBallotForm,
    RemoveForm,
)
from vinhdanh.awards.meeting_rules import members_needed
from vinhdanh.awards.minutes import minutes_docx
from vinhdanh.awards.models import (
    AgendaItem,
    AttendanceStatus,
    Ballot,
    Choice,
    Meeting,
    MeetingState,
    Nomination,
)
from vinhdanh.awards.services import counting
from vinhdanh.awards.services import meetings as services
from vinhdanh.awards.views.common import REFUSED, FormsOnPage
from vinhdanh.awards.workflows_meetings import MEETINGS, VOTING_ATTENDANCE
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.paging import capped_page
from vinhdanh.org.models import CouncilMember
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service

PAGE_SIZE = 25
AGENDA_CHOICES = 300


def _meetings(user):
    return access.scope_queryset(user, Meeting.objects.all(), access.VIEW)


def _visible(request, pk) -> Meeting:
    require(request.user, "awards.view_meetings")
    return access.get_visible_or_404(
        request.user, Meeting.objects.select_related("council__unit", "chair__person"), pk=pk
    )


def agenda_candidates(user):
    """Dossiers the user's council may put to a meeting now, not on a pending one already."""
    pending = AgendaItem.objects.filter(meeting__state__in=services.PENDING_MEETING_STATES)
    return (
        access.scope_queryset(
            user, Nomination.objects.filter(state__in=services.AGENDA_STATES), access.VIEW
        )
        .exclude(pk__in=pending.values("nomination_id"))
        .select_related("title", "person", "collective")
        .order_by("-year", "-pk")
    )


def pending_meetings(user):
    council = acting_council(user)
    meetings = _meetings(user).filter(state__in=services.PENDING_MEETING_STATES)
    if council is not None:
        meetings = meetings.filter(council=council)
    return meetings.order_by("held_on", "pk")


@login_required
def meeting_list(request, failed=None):
    require(request.user, "awards.view_meetings")
    meetings = (
        _meetings(request.user)
        .select_related("council", "chair__person")
        .annotate(item_count=Count("items"))
        .order_by("-held_on", "-pk")
    )
    page = capped_page(meetings, request, PAGE_SIZE)
    form = None
    if allows(request.user, "awards.create_meeting"):
        council = acting_council(request.user)
        form = failed or MeetingForm(council=council)
    context = {"page": page, "meetings": page.object_list, "form": form}
    return render(request, "awards/meeting_list.html", context, status=REFUSED if failed else 200)


@login_required
def meeting_create(request):
    require(request.user, "awards.create_meeting")
    council = acting_council(request.user)
    if request.method != "POST":
        return render(request, "awards/meeting_form.html", {"form": MeetingForm(council=council)})
    form = MeetingForm(request.POST, council=council)
    meeting = run_service(form, lambda: services.create_meeting(request.user, **form.cleaned_data))
    if meeting is None:
        return render(request, "awards/meeting_form.html", {"form": form}, status=REFUSED)
    messages.success(request, _("Đã tạo phiên họp “%s”.") % meeting.title)
    return redirect("awards:meeting_detail", meeting.pk)


def _item_rows(user, meeting, attendance, page_forms, member):
    may_count = meeting.state == MeetingState.OPEN and allows(
        user, "awards.manage_meeting", meeting
    )
    may_vote = (
        meeting.state == MeetingState.OPEN
        and member is not None
        and attendance.get(member.pk) in VOTING_ATTENDANCE
    )
    items = list(
        meeting.items.select_related(
            "vote", "nomination__title", "nomination__person", "nomination__collective"
        ).order_by("pk")
    )
    # Every item's ballots in one query.
    ballots: dict[int, dict[int, str]] = {}
    for vote_id, member_id, choice in Ballot.objects.filter(
        vote_id__in=[i.vote_id for i in items if i.vote_id]
    ).values_list("vote_id", "member_id", "choice"):
        ballots.setdefault(vote_id, {})[member_id] = choice
    rows = []
    for item in items:
        item_ballots = ballots.get(item.vote_id, {})
        vote = item.vote
        is_open = vote is not None and vote.is_open
        tally = counting.tally(item, attendance, item_ballots) if vote else None
        totals = counting.totals(vote, item_ballots, item) if vote else None
        rows.append(
            {
                "item": item,
                "vote": vote,
                "tally": tally,
                "totals": totals,
                "needed": members_needed(vote.members_count, vote.threshold) if vote else None,
                "online": len(item_ballots),
                "mine": item_ballots.get(member.pk) if member else None,
                "count_form": page_forms.get(
                    ("count", item.pk),
                    lambda item=item: CountForm(
                        initial={name: getattr(item, name) for name in services.COUNT_FIELDS},
                        auto_id=f"id_c{item.pk}_%s",
                    ),
                )
                if may_count and is_open
                else None,
                "ballot_form": page_forms.get(
                    ("ballot", item.pk),
                    lambda item=item: OnlineBallotForm(auto_id=f"id_b{item.pk}_%s"),
                )
                if may_vote and is_open
                else None,
            }
        )
    return rows


def meeting_page(request, meeting, failed=None):
    user = request.user
    page_forms = FormsOnPage(failed)
    members = list(
        CouncilMember.objects.filter(council_id=meeting.council_id)
        .select_related("person")
        .order_by("pk")
    )
    attendance = counting.attendance_of(meeting)
    member = next((m for m in members if m.user_id == user.pk), None)
    manages = allows(user, "awards.manage_meeting", meeting)
    attendance_form = None
    if manages and meeting.state != MeetingState.CLOSED:
        attendance_form = page_forms.get(
            "attendance",
            lambda: AttendanceForm(meeting=meeting, members=members, current=attendance),
        )
    agenda_form = None
    if manages and meeting.state != MeetingState.CLOSED:
        agenda_form = page_forms.get(
            "agenda",
            lambda: AgendaAddForm(nominations=agenda_candidates(user)[:AGENDA_CHOICES]),
        )
    steps = [
        (
            action,
            page_forms.get(
                ("step", action.name),
                lambda a=action: MEETING_STEP_FORMS[a.name](meeting=meeting),
            ),
        )
        for action in MEETINGS.available(user, meeting)
    ]
    present = sum(1 for s in attendance.values() if s == AttendanceStatus.PRESENT)
    share, quorum_note = counting.quorum_share(meeting.council)
    context = {
        "meeting": meeting,
        "rows": _item_rows(user, meeting, attendance, page_forms, member),
        "attendance": [(m, attendance.get(m.pk, AttendanceStatus.ABSENT)) for m in members],
        "status_labels": dict(AttendanceStatus.choices),
        "attendance_form": attendance_form,
        "agenda_form": agenda_form,
        "steps": steps,
        "present": present,
        "members_count": len(members),
        "quorum_needed": members_needed(len(members), meeting.quorum or share),
        "quorum_note": meeting.quorum_note or quorum_note,
        "may_remove": manages and meeting.state == MeetingState.DRAFT,
        "choices": Choice.choices,
        "may_confirm": allows(user, "awards.confirm_incomplete_count", meeting),
        "transitions": meeting.transitions.select_related("actor"),
        "stray": page_forms.stray,
    }
    status = REFUSED if failed else 200
    return render(request, "awards/meeting_detail.html", context, status=status)


@login_required
def meeting_detail(request, pk: int):
    return meeting_page(request, _visible(request, pk))


def _done(request, meeting, text):
    messages.success(request, text)
    return redirect("awards:meeting_detail", meeting.pk)


@login_required
@require_POST
def meeting_agenda(request, pk: int):
    meeting = _visible(request, pk)
    form = AgendaAddForm(request.POST, nominations=agenda_candidates(request.user))
    item = run_service(
        form,
        lambda: services.add_to_agenda(request.user, meeting, form.cleaned_data["nomination"]),
    )
    if item is None:
        return meeting_page(request, _visible(request, pk), ("agenda", form))
    return _done(request, meeting, _("Đã đưa hồ sơ vào chương trình phiên họp."))


@login_required
@require_POST
def meeting_agenda_remove(request, pk: int, item_id: int):
    meeting = _visible(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_id, meeting=meeting)
    form = RemoveForm(request.POST)
    if run_service(form, lambda: services.remove_from_agenda(request.user, item) or True) is None:
        return meeting_page(request, _visible(request, pk), ("remove", form))
    return _done(request, meeting, _("Đã bỏ hồ sơ khỏi chương trình phiên họp."))


@login_required
@require_POST
def nomination_to_meeting(request, pk: int):
    """From the dossier's page: put it to one of the council's coming meetings."""
    nomination = access.get_visible_or_404(request.user, Nomination.objects.all(), pk=pk)
    form = AgendaAddForm(request.POST, meetings=pending_meetings(request.user))
    item = run_service(
        form,
        lambda: services.add_to_agenda(request.user, form.cleaned_data["meeting"], nomination),
    )
    if item is None:
        messages.error(request, " ".join(str(e) for e in form.errors.values()) or _("Lỗi."))
        return redirect("awards:nomination_detail", pk)
    messages.success(request, _("Đã đưa hồ sơ vào phiên họp “%s”.") % item.meeting.title)
    return redirect("awards:nomination_detail", pk)


@login_required
@require_POST
def meeting_attendance(request, pk: int):
    meeting = _visible(request, pk)
    members = (
        CouncilMember.objects.filter(council_id=meeting.council_id)
        .select_related("person")
        .order_by("pk")
    )
    form = AttendanceForm(
        request.POST, meeting=meeting, members=members, current=counting.attendance_of(meeting)
    )
    done = run_service(
        form, lambda: services.set_attendance(request.user, meeting, form.statuses())
    )
    if done is None:
        return meeting_page(request, _visible(request, pk), ("attendance", form))
    return _done(request, meeting, _("Đã cập nhật danh sách tham dự."))


@login_required
@require_POST
def meeting_count(request, pk: int, item_id: int):
    meeting = _visible(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_id, meeting=meeting)
    form = CountForm(request.POST, auto_id=f"id_c{item.pk}_%s")
    done = run_service(form, lambda: services.record_count(request.user, item, **form.counts()))
    if done is None:
        return meeting_page(request, _visible(request, pk), (("count", item.pk), form))
    return _done(request, meeting, _("Đã ghi nhận kết quả kiểm phiếu."))


@login_required
@require_POST
def meeting_ballot(request, pk: int, item_id: int):
    meeting = _visible(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_id, meeting=meeting)
    form = OnlineBallotForm(request.POST, auto_id=f"id_b{item.pk}_%s")
    done = run_service(
        form, lambda: services.vote_online(request.user, item, choice=form.cleaned_data["choice"])
    )
    if done is None:
        return meeting_page(request, _visible(request, pk), (("ballot", item.pk), form))
    return _done(request, meeting, _("Đã ghi nhận phiếu của bạn."))


STEP_SERVICES = {"open": services.open_meeting, "close": services.close_meeting}


@login_required
@require_POST
def meeting_step(request, pk: int, action: str):
    meeting = _visible(request, pk)
    if action not in MEETING_STEP_FORMS:
        raise Http404
    form = MEETING_STEP_FORMS[action](request.POST, meeting=meeting)
    service = STEP_SERVICES[action]
    done = run_service(form, lambda: service(request.user, meeting, **form.arguments()))
    if done is None:
        return meeting_page(request, _visible(request, pk), (("step", action), form))
    return _done(request, meeting, _("Đã thực hiện: %s.") % form.action.label)


@login_required
def meeting_minutes(request, pk: int):
    meeting = _visible(request, pk)
    return download(minutes_docx(meeting), f"bien-ban-hop-hoi-dong-{meeting.pk}.docx", DOCX)
