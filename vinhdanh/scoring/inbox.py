"""The cluster work of the chosen year in the user's inbox: score cards to fill in or to
review, ballot rounds to vote in or to count."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.accounts import access
from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.scoring.models import (
    BallotCast,
    BallotRound,
    BallotState,
    Scorecard,
    ScorecardState,
    SheetState,
)
from vinhdanh.workflow.permissions import allows


def _cards(user, year: int):
    cards = Scorecard.objects.filter(
        sheet__cluster__year=year, sheet__state=SheetState.OPEN
    ).select_related("unit", "sheet__cluster")
    return access.scope_queryset(user, cards).order_by("sheet__deadline", "pk")


def _card_item(today):
    def item(card) -> InboxItem:
        deadline = card.sheet.deadline
        note = _("Hạn %(day)s") % {"day": f"{deadline:%d/%m/%Y}"} if deadline else ""
        return InboxItem(
            f"{card.unit.name} – {card.sheet.cluster.name}",
            reverse("scoring:scorecard", args=[card.pk]),
            note,
            late=bool(deadline and deadline < today),
        )

    return item


def _round_item(now):
    def item(round_) -> InboxItem:
        return InboxItem(
            f"{round_.title} – {round_.cluster.name}",
            reverse("scoring:cluster_year", args=[round_.cluster_id]),
            _("Đóng bỏ phiếu %(when)s")
            % {"when": f"{timezone.localtime(round_.closes_at):%H:%M %d/%m/%Y}"},
            late=round_.closes_at < now,
        )

    return item


def inbox(user, year: int) -> list[InboxGroup]:
    today, now = timezone.localdate(), timezone.now()
    found = []
    if user.unit_id:
        found.append(
            group(
                _cards(user, year).filter(unit_id=user.unit_id, state=ScorecardState.DRAFT),
                key="scoring.scorecard.fill",
                label=gettext_lazy("Bảng điểm cần tự chấm và gửi"),
                url=reverse("org:cluster_list"),
                icon="bi-ui-checks-grid",
                item=_card_item(today),
                may=lambda card: allows(user, "scoring.submit_scorecard", card),
            )
        )
    if user.unit_id:
        found.append(
            group(
                _cards(user, year).filter(
                    sheet__cluster__head_id=user.unit_id, state=ScorecardState.SUBMITTED
                ),
                key="scoring.scorecard.review",
                label=gettext_lazy("Bảng điểm chờ cụm trưởng thẩm định"),
                url=reverse("org:cluster_list"),
                icon="bi-clipboard-check",
                item=_card_item(today),
                may=lambda card: allows(user, "scoring.review_scorecard", card),
            )
        )
    rounds = access.scope_queryset(
        user, BallotRound.objects.filter(cluster__year=year, state=BallotState.OPEN)
    ).select_related("cluster")
    if user.unit_id:
        found.append(
            group(
                rounds.filter(cluster__members=user.unit_id, closes_at__gte=now)
                .exclude(
                    Exists(BallotCast.objects.filter(round=OuterRef("pk"), voter_unit=user.unit_id))
                )
                .order_by("closes_at", "pk"),
                key="scoring.ballot.cast",
                label=gettext_lazy("Đợt bỏ phiếu suy tôn chờ đơn vị bỏ phiếu"),
                url=reverse("org:cluster_list"),
                icon="bi-box-arrow-in-down",
                item=_round_item(now),
                may=lambda round_: allows(user, "scoring.cast_ballot", round_),
            )
        )
    if allows(user, "scoring.count_ballot"):
        found.append(
            group(
                rounds.order_by("closes_at", "pk"),
                key="scoring.ballot.count",
                label=gettext_lazy("Đợt bỏ phiếu suy tôn đang mở, chờ kiểm phiếu"),
                url=reverse("org:cluster_list"),
                icon="bi-box-seam",
                item=_round_item(now),
            )
        )
    return [g for g in found if g is not None]
