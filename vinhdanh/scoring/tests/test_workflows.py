"""The cluster year's workflows through the engine: sheets, scorecards, ballot rounds.

Each action from each of its sources, a refused source, a stale page, a refused role, the
history row and the audit entry; and the states the data migration derives from timestamps.
"""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps as live_apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import cluster_year, services
from vinhdanh.scoring.models import (
    BallotRound,
    CriteriaSheet,
    Score,
    Scorecard,
    ScorecardState,
    SheetState,
)
from vinhdanh.scoring.workflows import BALLOTS, SCORECARDS, SHEETS
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db
IN_2021 = datetime.datetime(2021, 12, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def cum1(demo):
    return Cluster.objects.get(year=2021, code="cum-1")


@pytest.fixture
def sheet(cum1):
    return CriteriaSheet.objects.get(cluster=cum1)


def _audit(action, obj):
    return AuditEntry.objects.filter(action=action, object_id=str(obj.pk))


def _card(cluster, code="phuong-hoang-liet", **changes):
    card = Scorecard.objects.get(sheet__cluster=cluster, unit__code=code)
    if changes:
        Scorecard.objects.filter(pk=card.pk).update(**changes)
        card.refresh_from_db()
    return card


# -- criteria sheets ------------------------------------------------------------------
def test_lock_moves_an_open_sheet_with_its_time_history_and_audit(sheet, demo_user):
    office = demo_user("thuongtruc")
    assert sheet.state == SheetState.OPEN
    locked = services.lock_sheet(office, sheet, expected_version=sheet.version)
    assert (locked.state, locked.version) == (SheetState.LOCKED, sheet.version + 1)
    assert locked.locked_at is not None and locked.finalised_at is None
    step = locked.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor) == (
        "lock",
        "open",
        "locked",
        office,
    )
    entry = _audit("scoring.sheet.lock", sheet).get()
    assert (entry.before["state"], entry.after["state"]) == ("open", "locked")


def test_a_locked_sheet_cannot_be_locked_again(sheet, demo_user):
    office = demo_user("thuongtruc")
    locked = services.lock_sheet(office, sheet)
    with pytest.raises(ValidationError, match="“Đã khóa”"):
        services.lock_sheet(office, locked)
    assert locked.transitions.count() == 1


@pytest.mark.parametrize("locked_first", [False, True])
def test_finalise_from_open_or_locked(sheet, demo_user, locked_first):
    office = demo_user("thuongtruc")
    if locked_first:
        sheet = services.lock_sheet(office, sheet)
    final = services.finalise_sheet(office, sheet)
    assert final.state == SheetState.FINALISED and final.finalised_at is not None
    assert final.transitions.last().from_state == ("locked" if locked_first else "open")
    assert _audit("scoring.sheet.finalise", sheet).count() == 1


def test_a_new_deadline_reopens_a_locked_sheet(sheet, demo_user):
    office = demo_user("thuongtruc")
    locked = services.lock_sheet(office, sheet)
    day = datetime.date(2022, 1, 15)
    reopened = services.set_deadline(office, locked, day, expected_version=locked.version)
    assert (reopened.state, reopened.deadline, reopened.locked_at) == (SheetState.OPEN, day, None)
    assert [t.action for t in reopened.transitions.all()] == ["lock", "deadline"]
    entry = _audit("scoring.sheet.deadline", sheet).get()
    assert entry.after["deadline"] == "2022-01-15"


def test_a_finalised_sheet_is_not_reopened_by_a_deadline(sheet, demo_user):
    office = demo_user("thuongtruc")
    final = services.finalise_sheet(office, sheet)
    with pytest.raises(ValidationError, match="“Đã chốt kết quả”"):
        services.set_deadline(office, final, datetime.date(2030, 1, 1))
    final.refresh_from_db()
    assert final.state == SheetState.FINALISED and final.deadline != datetime.date(2030, 1, 1)


def test_a_stale_sheet_page_loses(sheet, demo_user):
    office = demo_user("thuongtruc")
    seen = sheet.version
    services.lock_sheet(office, sheet, expected_version=seen)
    with pytest.raises(ConflictError):
        services.finalise_sheet(office, sheet, expected_version=seen)
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == SheetState.LOCKED


@pytest.mark.parametrize("username", ["cumtruong", "canbo.hoangliet", "chutich", "uyvien"])
def test_only_the_office_locks_finalises_or_reschedules(sheet, demo_user, username):
    user = demo_user(username)
    for attempt in (
        lambda: services.lock_sheet(user, sheet),
        lambda: services.finalise_sheet(user, sheet),
        lambda: services.set_deadline(user, sheet, datetime.date(2030, 1, 1)),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    sheet.refresh_from_db()
    assert (sheet.state, sheet.version, sheet.transitions.count()) == ("open", 0, 0)


def test_the_sheet_table_offers_the_office_what_the_state_allows(sheet, demo_user):
    office, head = demo_user("thuongtruc"), demo_user("cumtruong")
    assert [a.name for a in SHEETS.available(office, sheet)] == ["deadline", "lock", "finalise"]
    assert SHEETS.available(head, sheet) == []
    final = services.finalise_sheet(office, sheet)
    assert SHEETS.available(office, final) == []


# -- scorecards -----------------------------------------------------------------------
@time_machine.travel(IN_2021, tick=False)
def test_the_unit_sends_a_complete_draft(cum1, demo_user):
    officer = demo_user("canbo.hoangliet")
    card = _card(cum1, state=ScorecardState.DRAFT, submitted_at=None, reviewed_at=None)
    sent = services.submit_scorecard(officer, card, expected_version=card.version)
    assert (sent.state, sent.submitted_at) == (ScorecardState.SUBMITTED, timezone.now())
    step = sent.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor) == (
        "submit",
        "draft",
        "submitted",
        officer,
    )
    assert _audit("scoring.scorecard.submit", card).get().after["state"] == "submitted"


@time_machine.travel(IN_2021, tick=False)
def test_a_sent_card_is_not_sent_again(cum1, demo_user):
    officer = demo_user("canbo.hoangliet")
    for state in (ScorecardState.SUBMITTED, ScorecardState.REVIEWED):
        card = _card(cum1, state=state)
        with pytest.raises(ValidationError, match="Không thể “gửi kết quả tự chấm”"):
            services.submit_scorecard(officer, card)
    assert not card.transitions.exists()


@time_machine.travel(IN_2021, tick=False)
def test_a_draft_with_unscored_criteria_is_not_sent(cum1, demo_user):
    card = _card(cum1, state=ScorecardState.DRAFT)
    Score.objects.filter(scorecard=card, criterion__code="1.3").update(self_points=None)
    with pytest.raises(ValidationError, match=r"Chưa tự chấm các tiêu chí: 1\.3\."):
        services.submit_scorecard(demo_user("canbo.hoangliet"), card)
    assert Scorecard.objects.get(pk=card.pk).state == ScorecardState.DRAFT


def test_a_draft_is_not_sent_after_the_deadline(cum1, demo_user):
    card = _card(cum1, state=ScorecardState.DRAFT)
    with pytest.raises(ValidationError, match="đã khóa"):
        services.submit_scorecard(demo_user("canbo.hoangliet"), card)


@time_machine.travel(IN_2021, tick=False)
def test_a_stale_card_page_loses(cum1, demo_user):
    officer = demo_user("canbo.hoangliet")
    card = _card(cum1, state=ScorecardState.DRAFT)
    seen = card.version
    services.submit_scorecard(officer, card, expected_version=seen)
    # A second tab, opened before the card was sent, sends again: a conflict, not a resend.
    with pytest.raises(ConflictError):
        services.submit_scorecard(officer, card, expected_version=seen)
    assert Scorecard.objects.get(pk=card.pk).transitions.count() == 1


@time_machine.travel(IN_2021, tick=False)
@pytest.mark.parametrize("username", ["canbo.dinhcong", "cumtruong", "thuongtruc", "uyvien"])
def test_only_the_cards_own_unit_sends_it(cum1, demo_user, username):
    card = _card(cum1, state=ScorecardState.DRAFT)
    with pytest.raises(PermissionDenied):
        services.submit_scorecard(demo_user(username), card)
    assert not card.transitions.exists()


def _review(head, card, points="5", reason="Còn vi phạm văn hóa công sở"):
    score = Score.objects.get(scorecard=card, criterion__code="1.3")
    return services.save_scores(
        head,
        card,
        stage=services.REVIEW,
        versions={score.criterion_id: score.version},
        changes={score.criterion_id: (points, reason)},
    )


@time_machine.travel(IN_2021, tick=False)
@pytest.mark.parametrize("source", [ScorecardState.SUBMITTED, ScorecardState.REVIEWED])
def test_the_heads_review_save_is_a_step(cum1, demo_user, source):
    head = demo_user("cumtruong")
    card = _card(cum1, state=source, reviewed_at=None)
    assert _review(head, card) == 1
    card.refresh_from_db()
    assert (card.state, card.reviewed_at) == (ScorecardState.REVIEWED, timezone.now())
    step = card.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor) == (
        "review",
        source,
        "reviewed",
        head,
    )
    assert _audit("scoring.scorecard.review", card).count() == 1


@time_machine.travel(IN_2021, tick=False)
def test_the_head_does_not_review_a_card_its_unit_has_not_sent(cum1, demo_user):
    """Fixed: the head could adjust a unit's points before the unit had sent them, and the
    card then read "reviewed" though nothing had been submitted."""
    card = _card(cum1, state=ScorecardState.DRAFT, submitted_at=None, reviewed_at=None)
    before = list(Score.objects.filter(scorecard=card).values_list("review_points", "version"))
    with pytest.raises(ValidationError, match="“Đang tự chấm”"):
        _review(demo_user("cumtruong"), card)
    assert list(Score.objects.filter(scorecard=card).values_list("review_points", "version")) == (
        before
    )
    card.refresh_from_db()
    assert (card.state, card.reviewed_at, card.transitions.count()) == ("draft", None, 0)


def test_the_head_does_not_review_after_the_deadline(cum1, demo_user):
    card = _card(cum1, state=ScorecardState.SUBMITTED)
    with pytest.raises(ValidationError, match="đã khóa"):
        _review(demo_user("cumtruong"), card)
    assert Scorecard.objects.get(pk=card.pk).state == ScorecardState.SUBMITTED


@time_machine.travel(IN_2021, tick=False)
def test_the_unit_still_corrects_its_own_points_after_sending(cum1, demo_user):
    card = _card(cum1, state=ScorecardState.SUBMITTED)
    score = Score.objects.get(scorecard=card, criterion__code="1.3")
    services.save_scores(
        demo_user("canbo.hoangliet"),
        card,
        stage=services.SELF,
        versions={score.criterion_id: score.version},
        changes={score.criterion_id: ("11", "")},
    )
    assert Score.objects.get(pk=score.pk).self_points == 11
    assert Scorecard.objects.get(pk=card.pk).state == ScorecardState.SUBMITTED


def test_the_card_table_offers_each_stage_its_own_action(cum1, demo_user):
    draft = _card(cum1, state=ScorecardState.DRAFT)
    assert [a.name for a in SCORECARDS.available(demo_user("canbo.hoangliet"), draft)] == ["submit"]
    assert SCORECARDS.available(demo_user("cumtruong"), draft) == []
    sent = _card(cum1, state=ScorecardState.SUBMITTED)
    assert [a.name for a in SCORECARDS.available(demo_user("cumtruong"), sent)] == ["review"]
    assert SCORECARDS.available(demo_user("canbo.dinhcong"), sent) == []


# -- the stages, through named predicates -----------------------------------------------
@pytest.mark.parametrize(
    ("username", "unit_code", "stage"),
    [
        ("thuongtruc", "phuong-hoang-liet", services.FINAL),
        ("admin", "phuong-hoang-liet", services.FINAL),
        ("cumtruong", "phuong-hoang-liet", services.REVIEW),
        # The head's own unit scores itself like every member.
        ("cumtruong", "phuong-dai-kim", services.SELF),
        ("canbo.hoangliet", "phuong-hoang-liet", services.SELF),
        ("canbo.dinhcong", "phuong-hoang-liet", None),
        ("uyvien", "phuong-hoang-liet", None),
        ("chutich", "phuong-hoang-liet", None),
    ],
)
def test_stage_for_each_role(cum1, demo_user, username, unit_code, stage):
    assert services.stage_for(demo_user(username), _card(cum1, unit_code)) == stage


def test_a_head_of_another_cluster_reviews_nothing_here(cum1, demo_user):
    other = Cluster.objects.get(year=2021, code="cum-2")
    head = User.objects.create(username="cumtruong.2", role="cluster_head", unit=other.head)
    assert services.stage_for(head, _card(cum1)) is None


# -- ballot rounds --------------------------------------------------------------------
@pytest.fixture
def ballot(cum1, demo_user):
    start = timezone.make_aware(datetime.datetime(2021, 12, 16, 8, 0))
    return cluster_year.open_ballot(
        demo_user("thuongtruc"),
        cum1,
        title="Suy tôn",
        opens_at=start,
        closes_at=start + datetime.timedelta(hours=8),
        seats=1,
    )


def _after_closing(ballot):
    return time_machine.travel(ballot.closes_at + datetime.timedelta(minutes=1), tick=False)


def test_counting_a_closed_round_is_a_step(ballot, demo_user):
    office = demo_user("thuongtruc")
    with time_machine.travel(ballot.opens_at + datetime.timedelta(minutes=5)):
        cluster_year.cast_ballot(demo_user("canbo.hoangliet"), ballot, [])
    with _after_closing(ballot):
        counted = cluster_year.count_ballot(office, ballot, expected_version=ballot.version)
    assert (counted.state, counted.result) == ("counted", [])
    assert counted.counted_at == ballot.closes_at + datetime.timedelta(minutes=1)
    step = counted.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor) == (
        "count",
        "open",
        "counted",
        office,
    )
    entry = _audit("scoring.ballot.count", ballot).get()
    assert entry.note == "1 phiếu" and entry.after["state"] == "counted"


def test_a_counted_round_is_not_counted_again(ballot, demo_user):
    office = demo_user("thuongtruc")
    with _after_closing(ballot):
        counted = cluster_year.count_ballot(office, ballot)
        with pytest.raises(ValidationError, match="“Đã kiểm phiếu”"):
            cluster_year.count_ballot(office, counted)
    assert counted.transitions.count() == 1


def test_a_round_is_not_counted_before_it_closes(ballot, demo_user):
    during = time_machine.travel(ballot.opens_at + datetime.timedelta(hours=1))
    with during, pytest.raises(ValidationError, match="Chưa hết thời gian"):
        cluster_year.count_ballot(demo_user("thuongtruc"), ballot)
    assert BallotRound.objects.get(pk=ballot.pk).state == "open"


def test_a_stale_ballot_page_loses(ballot, demo_user):
    office = demo_user("thuongtruc")
    seen = ballot.version
    with _after_closing(ballot):
        cluster_year.count_ballot(office, ballot, expected_version=seen)
        # The same page posted again (a second tab): refused as stale, counted once.
        with pytest.raises(ConflictError):
            cluster_year.count_ballot(office, ballot, expected_version=seen)
    assert BallotRound.objects.get(pk=ballot.pk).transitions.count() == 1


@pytest.mark.parametrize("username", ["cumtruong", "canbo.hoangliet", "chutich"])
def test_only_the_office_counts(ballot, demo_user, username):
    with _after_closing(ballot), pytest.raises(PermissionDenied):
        cluster_year.count_ballot(demo_user(username), ballot)
    assert not ballot.transitions.exists()


def test_titles_are_proposed_only_from_a_counted_round(ballot, demo_user):
    with pytest.raises(ValidationError, match="Cần kiểm phiếu"):
        cluster_year.propose_titles(demo_user("thuongtruc"), ballot)
    assert [a.name for a in BALLOTS.available(demo_user("thuongtruc"), ballot)] == ["count"]


def test_replaced_proposals_are_audited_as_one_entry(demo, demo_user):
    cum2 = Cluster.objects.get(year=2021, code="cum-2")
    ballot = BallotRound.objects.get(cluster=cum2)
    before = list(cum2.proposals.values_list("unit_id", flat=True))
    cluster_year.propose_titles(demo_user("thuongtruc"), ballot)
    entry = AuditEntry.objects.get(action="scoring.proposal.replace", object_id=str(cum2.pk))
    assert [p["unit"] for p in entry.before["proposals"]] == before


# -- the data migration -----------------------------------------------------------------
def test_the_migration_derives_states_from_the_timestamps(cum1):
    migration = importlib.import_module("vinhdanh.scoring.migrations.0005_states_from_timestamps")
    now = timezone.now()
    sheet = CriteriaSheet.objects.get(cluster=cum1)
    cards = list(Scorecard.objects.filter(sheet=sheet).order_by("pk")[:4])
    stamps = [(None, None), (now, None), (now, now), (None, now)]
    for card, (submitted, reviewed) in zip(cards, stamps, strict=True):
        Scorecard.objects.filter(pk=card.pk).update(
            state="draft", submitted_at=submitted, reviewed_at=reviewed
        )
    CriteriaSheet.objects.filter(pk=sheet.pk).update(state="open", locked_at=now)
    BallotRound.objects.update(state="open")
    migration.states_from_timestamps(live_apps, None)
    assert [Scorecard.objects.get(pk=c.pk).state for c in cards] == [
        "draft",
        "submitted",
        "reviewed",
        "reviewed",
    ]
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == "locked"
    CriteriaSheet.objects.filter(pk=sheet.pk).update(finalised_at=now)
    migration.states_from_timestamps(live_apps, None)
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == "finalised"
    # The demo's counted round has its counting time; an uncounted one stays open.
    assert {(r.counted_at is not None, r.state) for r in BallotRound.objects.all()} == {
        (True, "counted")
    }
