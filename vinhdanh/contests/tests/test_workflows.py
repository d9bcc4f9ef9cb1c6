"""The contest's workflows through their services: each action from its sources, a refused
source, a stale page, a refused role; judging (own unit refused, maxima, locked sheets,
conflicts and replacements); the rounds' results and the decision."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from vinhdanh.audit.models import AuditEntry
from vinhdanh.contests import inbox, services
from vinhdanh.contests.models import (
    ContestState,
    EntryState,
    RoundState,
    SheetState,
)
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db


def _steps(obj):
    return [(t.action, t.from_state, t.to_state) for t in obj.transitions.all()]


def _judging(make_contest, enter, office, entries=4, **fields):
    contest = make_contest(**fields)
    made = [enter(contest) for _ in range(entries)]
    services.close_entries(office, contest)
    services.accept_waiting(office, contest)
    contest.refresh_from_db()
    return contest, made


def _score_all(round_, values):
    for sheet in round_.sheets.filter(state=SheetState.ASSIGNED).select_related("judge"):
        crit = list(round_.criteria.order_by("position"))
        points = values[sheet.entry_id]
        values_by_criterion = {c.pk: p for c, p in zip(crit, points, strict=True)}
        services.save_scores(sheet.judge, sheet, values_by_criterion)
        sheet.refresh_from_db()
        services.submit_sheet(sheet.judge, sheet)


def test_open_from_draft_and_its_history(office, make_contest):
    contest = make_contest()
    assert contest.state == ContestState.OPEN
    assert _steps(contest) == [("open", "draft", "open")]
    assert AuditEntry.objects.filter(action="contests.contest.open", object_id=str(contest.pk))


def test_open_is_refused_without_rounds(office):
    from vinhdanh.org.models import Council

    contest = services.create_contest(
        office, council=Council.objects.get(unit__code="hoang-mai"), year=2021, title="Trống",
        theme="x", opens_at="2021-01-01T00:00Z", closes_at="2021-02-01T00:00Z", length_max=10,
        formats=["text"], rules_text="x", prizes={"first": (1, 0)},
    )  # fmt: skip
    contest.refresh_from_db()
    with pytest.raises(ValidationError, match="Thêm ít nhất một vòng chấm"):
        services.open_contest(office, contest)


def test_a_refused_source_a_stale_version_and_a_refused_role(office, make_contest, demo_user):
    contest = make_contest()
    with pytest.raises(ValidationError, match="đang ở trạng thái"):
        services.open_contest(office, contest)
    with pytest.raises(ConflictError):
        services.close_entries(office, contest, expected_version=contest.version - 1)
    for name in ("uyvien", "canbo.dinhcong", "chutich"):
        with pytest.raises(PermissionDenied):
            services.close_entries(demo_user(name), contest)
    contest.refresh_from_db()
    assert contest.state == ContestState.OPEN


def test_reject_needs_a_reason_and_accept_only_from_submitted(office, make_contest, enter):
    contest = make_contest()
    entry = enter(contest)
    with pytest.raises(ValidationError, match="lý do"):
        services.reject_entry(office, entry, note="")
    rejected = services.reject_entry(office, entry, note="Không đúng chủ đề.")
    assert rejected.state == EntryState.REJECTED
    with pytest.raises(ValidationError, match="đang ở trạng thái"):
        services.accept_entry(office, rejected)


def test_round_robin_never_gives_a_judge_their_own_units_entry(
    office, make_contest, enter, dinh_cong
):
    contest = make_contest()
    for _ in range(3):
        enter(contest, author_unit=dinh_cong)
    enter(contest)
    services.close_entries(office, contest)
    services.accept_waiting(office, contest)
    first = contest.rounds.get(number=1)
    assert services.assign_round_robin(office, first) == 8
    own = first.sheets.filter(judge__username="canbo.dinhcong", entry__author_unit=dinh_cong)
    assert not own.exists()
    entry = contest.entries.filter(author_unit=dinh_cong).first()
    from vinhdanh.accounts.models import User

    with pytest.raises(ValidationError, match="không phân công chấm bài của chính đơn vị"):
        services.assign_judge(office, first, entry, User.objects.get(username="canbo.dinhcong"))


def test_scores_above_the_maximum_are_refused_and_submitted_sheets_locked(
    office, make_contest, enter
):
    contest, _ = _judging(make_contest, enter, office)
    first = contest.rounds.get(number=1)
    services.assign_round_robin(office, first)
    services.open_round(office, first)
    sheet = first.sheets.select_related("judge").first()
    content, form = first.criteria.order_by("position")
    with pytest.raises(ValidationError, match="vượt điểm tối đa 60"):
        services.save_scores(sheet.judge, sheet, {content.pk: "60.5", form.pk: "10"})
    assert not sheet.scores.exists()
    with pytest.raises(ValidationError, match="không phải là số"):
        services.save_scores(sheet.judge, sheet, {content.pk: "abc"})
    with pytest.raises(ValidationError, match="thiếu điểm tiêu chí"):
        services.submit_sheet(sheet.judge, sheet)
    services.save_scores(sheet.judge, sheet, {content.pk: "55", form.pk: "30,5"})
    sheet.refresh_from_db()
    assert {s.value for s in sheet.scores.all()} == {Decimal("55"), Decimal("30.5")}
    other = next(s for s in first.sheets.all() if s.judge_id != sheet.judge_id)
    with pytest.raises(PermissionDenied):
        services.submit_sheet(other.judge, sheet)
    services.submit_sheet(sheet.judge, sheet)
    sheet.refresh_from_db()
    assert sheet.state == SheetState.SUBMITTED and sheet.submitted_at
    with pytest.raises(ValidationError, match="không sửa được"):
        services.save_scores(sheet.judge, sheet, {content.pk: "10"})


def test_a_conflict_is_declared_with_a_reason_and_the_office_replaces_the_judge(
    office, make_contest, enter, demo_user
):
    contest, _ = _judging(make_contest, enter, office)
    first = contest.rounds.get(number=1)
    services.assign_round_robin(office, first)
    services.open_round(office, first)
    sheet = first.sheets.select_related("judge").first()
    with pytest.raises(ValidationError, match="lý do"):
        services.declare_conflict(sheet.judge, sheet, note=" ")
    sheet = services.declare_conflict(sheet.judge, sheet, note="Tác giả là người thân.")
    assert sheet.state == SheetState.CONFLICT and sheet.conflict_reason
    with pytest.raises(PermissionDenied):
        services.replace_judge(sheet.judge, sheet, demo_user("uyvien"))
    busy = set(first.sheets.filter(entry=sheet.entry).values_list("judge_id", flat=True))
    spare = next(j.user for j in contest.judges.all() if j.user_id not in busy)
    new = services.replace_judge(office, sheet, spare)
    sheet.refresh_from_db()
    assert sheet.state == SheetState.REPLACED
    assert new.judge == spare and new.state == SheetState.ASSIGNED


def test_two_rounds_to_the_decision(office, make_contest, enter):
    contest, entries = _judging(make_contest, enter, office, entries=4)
    first, final = contest.rounds.order_by("number")
    services.assign_round_robin(office, first)
    with pytest.raises(ValidationError, match="Vòng trước chưa tổng hợp"):
        services.open_round(office, final)
    first = services.open_round(office, first)
    with pytest.raises(ValidationError, match="phiếu chấm chưa nộp"):
        services.close_round(office, first)
    points = {e.pk: (50 - 5 * i, 30) for i, e in enumerate(entries)}
    _score_all(first, points)
    first.refresh_from_db()
    # Every sheet in: the office's inbox says the round waits to be closed.
    ready = {g.key: g for g in inbox.inbox(office, 2021)}["contests.round.close"]
    assert reverse("contests:round_detail", args=[first.pk]) in {i.url for i in ready.items}
    services.close_round(office, first)
    states = dict(contest.entries.values_list("pk", "state"))
    assert [states[e.pk] for e in entries] == ["finalist", "finalist", "eliminated", "eliminated"]
    first.refresh_from_db()
    # The closed round keeps its table, whatever step its entries have reached since.
    assert [row.result.total for row in services.round_results(first)] == [80, 75, 70, 65]
    services.assign_round_robin(office, final)
    final = services.open_round(office, final)
    # The final reverses the order of the two finalists.
    _score_all(final, {entries[0].pk: (40, 20), entries[1].pk: (58, 38)})
    final.refresh_from_db()
    services.close_round(office, final)
    contest.refresh_from_db()
    with pytest.raises(ValidationError, match="Ghi đủ"):
        services.decide(office, contest, number="", signed_on=None, signer="")
    decision = services.decide(
        office, contest, number="12/QĐ-HĐTĐKT", signed_on="2021-08-10", signer="Nguyễn Minh Tâm"
    )
    contest.refresh_from_db()
    assert contest.state == ContestState.DECIDED and decision.contest == contest
    won = dict(contest.entries.values_list("pk", "prize"))
    assert won[entries[1].pk] == "first" and won[entries[0].pk] == "second"
    assert won[entries[2].pk] == ""
    assert contest.entries.get(pk=entries[1].pk).final_rank == 1
    table, problem = services.final_table(contest)
    assert problem is None
    assert [(row.result.entry_id, row.prize) for row in table] == [
        (entries[1].pk, "first"),
        (entries[0].pk, "second"),
    ]
    final.refresh_from_db()
    assert final.state == RoundState.CLOSED


def test_decide_before_the_final_round_is_closed_is_refused(office, make_contest, enter):
    contest, _ = _judging(make_contest, enter, office)
    with pytest.raises(ValidationError, match="Vòng chấm cuối cùng chưa tổng hợp"):
        services.decide(office, contest, number="1/QĐ", signed_on="2021-08-10", signer="A")
    contest.refresh_from_db()
    assert contest.state == ContestState.JUDGING


def test_round_and_sheet_steps_refuse_other_roles_and_stale_pages(
    office, make_contest, enter, demo_user
):
    contest, _ = _judging(make_contest, enter, office)
    first = contest.rounds.get(number=1)
    services.assign_round_robin(office, first)
    for name in ("uyvien", "chutich", "canbo.dinhcong"):
        with pytest.raises(PermissionDenied):
            services.open_round(demo_user(name), first)
    with pytest.raises(ConflictError):
        services.open_round(office, first, expected_version=first.version + 3)
    first = services.open_round(office, first)
    sheet = first.sheets.select_related("judge").first()
    criterion = first.criteria.first()
    with pytest.raises(ConflictError):
        services.save_scores(sheet.judge, sheet, {criterion.pk: "5"}, expected_version=0)
    with pytest.raises(PermissionDenied):
        services.save_scores(office, sheet, {criterion.pk: "5"})
    assert not sheet.scores.exists()
    with pytest.raises(PermissionDenied):
        services.assign_round_robin(demo_user("uyvien"), contest.rounds.get(number=2))
