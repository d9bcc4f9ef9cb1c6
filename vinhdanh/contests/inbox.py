"""Contests in the user's inbox: sheets waiting for the judge's score; rounds whose sheets are
all in, waiting for the office to close them; entries waiting to be screened."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts import access
from vinhdanh.contests import permissions
from vinhdanh.contests.models import Entry, EntryState, Round, RoundState, SheetState
from vinhdanh.contests.selectors import sheets_waiting_for
from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.workflow.permissions import allows


def inbox(user, year: int) -> list[InboxGroup]:
    found = [
        group(
            sheets_waiting_for(user),
            key="contests.sheet.submit",
            label=_("Bài dự thi chờ chấm"),
            url=reverse("contests:my_sheets"),
            icon="bi-clipboard-check",
            item=lambda sheet: InboxItem(
                f"{sheet.entry.anon_code} – {sheet.round.contest.title}",
                reverse("contests:sheet_detail", args=[sheet.pk]),
                sheet.round.get_kind_display(),
            ),
        )
    ]
    if allows(user, permissions.CREATE_CONTEST):
        rounds = (
            access.scope_queryset(user, Round.objects.filter(state=RoundState.OPEN), access.CHANGE)
            .annotate(waiting=Count("sheets", filter=Q(sheets__state__in=[
                SheetState.ASSIGNED, SheetState.CONFLICT])))
            .filter(waiting=0)
            .select_related("contest")
            .order_by("pk")
        )  # fmt: skip
        found.append(
            group(
                rounds,
                key="contests.round.close",
                label=_("Vòng chấm đã đủ phiếu, chờ tổng hợp"),
                url=reverse("contests:contest_list"),
                icon="bi-trophy",
                item=lambda round_: InboxItem(
                    f"{round_.get_kind_display()} – {round_.contest.title}",
                    reverse("contests:round_detail", args=[round_.pk]),
                    "",
                ),
            )
        )
        conflicts = (
            access.scope_queryset(
                user,
                Round.objects.filter(state=RoundState.OPEN, sheets__state=SheetState.CONFLICT),
                access.CHANGE,
            )
            .select_related("contest")
            .distinct()
            .order_by("pk")
        )
        found.append(
            group(
                conflicts,
                key="contests.sheet.replace",
                label=_("Giám khảo báo xung đột lợi ích, cần thay"),
                url=reverse("contests:contest_list"),
                icon="bi-person-x",
                item=lambda round_: InboxItem(
                    f"{round_.get_kind_display()} – {round_.contest.title}",
                    reverse("contests:round_detail", args=[round_.pk]),
                    "",
                ),
            )
        )
        entries = (
            access.scope_queryset(
                user, Entry.objects.filter(state=EntryState.SUBMITTED), access.CHANGE
            )
            .select_related("contest")
            .order_by("pk")
        )
        found.append(
            group(
                entries,
                key="contests.entry.accept",
                label=_("Bài dự thi chờ kiểm tra thể lệ"),
                url=reverse("contests:contest_list"),
                icon="bi-inbox",
                item=lambda entry: InboxItem(
                    f"{entry.anon_code} – {entry.title}",
                    reverse("contests:entry_detail", args=[entry.pk]),
                    entry.contest.title,
                ),
            )
        )
    return [g for g in found if g is not None]
