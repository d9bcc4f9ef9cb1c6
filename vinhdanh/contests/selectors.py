"""Reading contests within the user's scope."""

from django.db.models import Count, Q

from vinhdanh.accounts import access
from vinhdanh.contests.models import Contest, ContestState, Entry, Sheet, SheetState


def contests_for(user):
    return (
        access.scope_queryset(user, Contest.objects.all())
        .select_related("council", "unit")
        .annotate(entry_count=Count("entries", distinct=True))
        .order_by("-year", "-pk")
    )


def sheets_waiting_for(user):
    """The judge's own sheets waiting for a score, in rounds that are open."""
    return (
        Sheet.objects.filter(judge_id=user.pk, state=SheetState.ASSIGNED, round__state="open")
        .select_related("round__contest", "entry")
        .order_by("round__contest_id", "entry__anon_code", "pk")
    )


def my_sheets(user):
    return (
        Sheet.objects.filter(judge_id=user.pk)
        .select_related("round__contest", "entry")
        .annotate(scored=Count("scores"))
        .order_by("-round__contest__year", "round__contest_id", "round__number", "entry__anon_code")
    )


def entries_of(contest: Contest):
    return contest.entries.select_related("author_unit").order_by("anon_code")


def public_contests():
    return (
        Contest.objects.filter(state__in=[ContestState.OPEN, ContestState.JUDGING,
                                          ContestState.DECIDED])
        .select_related("unit")
        .order_by("-year", "-pk")
    )  # fmt: skip


def winners(contest: Contest):
    return (
        Entry.objects.filter(contest=contest, state="awarded")
        .select_related("author_unit")
        .order_by("final_rank", "anon_code")
    )


def sheet_counts(round_):
    return round_.sheets.aggregate(
        total=Count("pk", filter=~Q(state=SheetState.REPLACED)),
        submitted=Count("pk", filter=Q(state=SheetState.SUBMITTED)),
        conflict=Count("pk", filter=Q(state=SheetState.CONFLICT)),
    )


def contests_carrying_out(user, task) -> list:
    """The plans.carried_out provider: the contests that carry out `task` (the seed's task 22,
    "Tổ chức tốt Cuộc thi viết …")."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from vinhdanh.plans.carried_out import CarriedOut

    return [
        CarriedOut(
            _("Cuộc thi viết"),
            contest.title,
            reverse("contests:contest_detail", args=[contest.pk]),
            _("%(n)d bài dự thi") % {"n": contest.entry_count}
            + " · "
            + contest.get_state_display(),
        )
        for contest in contests_for(user).filter(task=task)
    ]
