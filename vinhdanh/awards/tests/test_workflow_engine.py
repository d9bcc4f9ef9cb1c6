"""The NOMINATIONS and DECISIONS workflows through the services: every action from each of its
sources to each of its targets, refused sources, stale pages, refused roles, history, audit."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards import services
from vinhdanh.awards.guards import earliest_notice_end
from vinhdanh.awards.models import Choice, Decision, DecisionState, Nomination, State
from vinhdanh.awards.services import ConflictError
from vinhdanh.awards.tests.helpers import attach_all, new_draft
from vinhdanh.awards.tests.test_upward import UPWARD_MOVES
from vinhdanh.awards.workflows import DECISIONS, NOMINATIONS

pytestmark = pytest.mark.django_db
# After the demo's own decision of 20/12/2021: a register's dates follow its numbers.
DAY = datetime.date(2021, 12, 21)
TODAY = datetime.date.today()
# The demo's district council has no council above it in the instance: it sends to the city.
CITY = "Ủy ban nhân dân thành phố Hà Nội"


def _in(state: str) -> Nomination:
    """A demo nomination of ward Hoàng Liệt or Định Công in `state`."""
    return Nomination.objects.filter(state=state).order_by("pk").first()


def _submit(user, nomination):
    return services.submit_nomination(user("canbo.hoangliet"), nomination)


def _draft_ready(user):
    nomination = new_draft(user)
    attach_all(user, nomination)
    return nomination


def _officer_of(user, nomination):
    """The officer of the ward that owns the nomination."""
    return user(
        "canbo.hoangliet" if nomination.unit.code == "phuong-hoang-liet" else "canbo.dinhcong"
    )


def _close(user, nomination, agree):
    vote = nomination.votes.first()
    office = user("thuongtruc")
    # Every member votes: closing with members who have not is the chairman's, with a reason.
    for member in vote.council.members.all():
        choice = Choice.AGREE if agree else Choice.DISAGREE
        services.record_ballot(office, vote, member=member, choice=choice)
    services.close_vote(office, vote)


# (action, source, target, actor, how to get a nomination in `source`, how to act)
CASES = [
    ("submit", State.DRAFT, State.SUBMITTED, "canbo.hoangliet", _draft_ready,
     lambda u, n: services.submit_nomination(u("canbo.hoangliet"), n)),
    ("resubmit", State.RETURNED, State.SUBMITTED, None, None,
     lambda u, n: services.resubmit_nomination(_officer_of(u, n), n, note="Đã bổ sung")),
    ("return", State.SUBMITTED, State.RETURNED, "thuongtruc", None,
     lambda u, n: services.return_nomination(u("thuongtruc"), n, reasons="Thiếu chữ ký")),
    ("appraise", State.SUBMITTED, State.APPRAISED, "thuongtruc", None,
     lambda u, n: services.appraise_nomination(
         u("thuongtruc"), n, passed=True,
         confirmed={"muc_hoan_thanh_nhiem_vu": True, "tieu_chuan_cua_tinh": True})),
    ("appraise", State.SUBMITTED, State.REJECTED, "thuongtruc", None,
     lambda u, n: services.appraise_nomination(
         u("thuongtruc"), n, passed=False, reasons="Chưa đủ")),
    ("announce", State.APPRAISED, State.ANNOUNCED, "thuongtruc", None,
     lambda u, n: services.announce_nomination(
         u("thuongtruc"), n, starts_on=TODAY, ends_on=earliest_notice_end(TODAY))),
    ("open_vote", State.ANNOUNCED, State.VOTING, "thuongtruc", None,
     lambda u, n: services.open_vote(u("thuongtruc"), n)),
    # A dossier the council did not pass is put to a later vote.
    ("open_vote", State.NOT_APPROVED, State.VOTING, "thuongtruc", None,
     lambda u, n: services.open_vote(u("thuongtruc"), n)),
    ("close_vote", State.VOTING, State.VOTED, "thuongtruc", None,
     lambda u, n: _close(u, n, agree=True)),
    ("close_vote", State.VOTING, State.NOT_APPROVED, "thuongtruc", None,
     lambda u, n: _close(u, n, agree=False)),
    ("decide", State.VOTED, State.DECIDED, "chutich", None,
     lambda u, n: services.issue_decision(u("chutich"), [n], signed_on=DAY)),
    ("forward", State.VOTED, State.FORWARDED, "chutich", None,
     lambda u, n: services.forward_to_higher_level(
         u("chutich"), n, note="Trình Thành phố", external_body=CITY)),
    ("record_higher", State.FORWARDED, State.DECIDED, "thuongtruc", None,
     lambda u, n: services.record_higher_decision(
         u("thuongtruc"), n, issuer_name="UBND Thành phố", reference="12/QĐ-UBND",
         signed_on=DAY)),
    ("hand_over", State.DECIDED, State.HANDED_OVER, "thuongtruc", None,
     lambda u, n: services.hand_over(u("thuongtruc"), n, on=DAY)),
    ("revoke", State.DECIDED, State.REVOKED, "chutich", None,
     lambda u, n: services.revoke_certificate(u("chutich"), n.certificate, reason="Sai")),
    ("revoke", State.HANDED_OVER, State.REVOKED, "chutich", None,
     lambda u, n: services.revoke_certificate(u("chutich"), n.certificate, reason="Sai")),
]  # fmt: skip


def test_the_cases_below_cover_every_move_of_the_table():
    table = {
        (action.name, source, target)
        for action in NOMINATIONS.actions.values()
        for source in action.sources
        for target in action.targets
    }
    # The moves between two councils need a council above: test_upward.py makes them.
    assert {(a, s, t) for a, s, t, *_ in CASES} == table - UPWARD_MOVES


@pytest.mark.parametrize(
    ("action", "source", "target", "actor", "make", "act"),
    CASES,
    ids=[f"{a}:{s}->{t}" for a, s, t, *_ in CASES],
)
def test_each_action_moves_from_its_source_with_history_and_audit(
    demo_user, action, source, target, actor, make, act
):
    nomination = make(demo_user) if make else _in(source)
    assert nomination.state == source
    version = nomination.version
    act(demo_user, nomination)
    nomination.refresh_from_db()
    assert (nomination.state, nomination.version) == (target, version + 1)
    step = nomination.transitions.filter(action=action).latest("pk")
    assert (step.from_state, step.to_state) == (source, target)
    if actor:
        assert step.actor.username == actor
    entry = AuditEntry.objects.filter(
        action=f"awards.nomination.{action}", object_id=str(nomination.pk)
    ).latest("pk")
    assert (entry.before["state"], entry.after["state"]) == (source, target)


@pytest.mark.parametrize(
    ("source", "act"),
    [
        (State.DRAFT, lambda u, n: services.announce_nomination(
            u("thuongtruc"), n, starts_on=TODAY, ends_on=earliest_notice_end(TODAY))),
        (State.SUBMITTED, lambda u, n: services.issue_decision(u("chutich"), [n])),
        (State.VOTED, lambda u, n: services.hand_over(u("thuongtruc"), n, on=DAY)),
        (State.REJECTED, lambda u, n: services.open_vote(u("thuongtruc"), n)),
        (State.FORWARDED, lambda u, n: services.forward_to_higher_level(u("thuongtruc"), n)),
    ],
)  # fmt: skip
def test_an_action_from_a_state_the_table_does_not_name_is_refused(demo_user, source, act):
    nomination = _in(source)
    before = (nomination.state, nomination.version, nomination.transitions.count())
    with pytest.raises(ValidationError) as refusal:
        act(demo_user, nomination)
    assert any(
        "Không thể" in message or "chưa được Hội đồng thông qua" in message
        for message in refusal.value.messages
    )
    nomination.refresh_from_db()
    assert (nomination.state, nomination.version, nomination.transitions.count()) == before


def test_submitting_an_incomplete_dossier_is_refused_by_the_guard(demo_user):
    nomination = new_draft(demo_user)
    with pytest.raises(ValidationError) as refusal:
        _submit(demo_user, nomination)
    assert refusal.value.messages[0].startswith("Hồ sơ còn thiếu thành phần bắt buộc")
    assert Nomination.objects.get(pk=nomination.pk).state == State.DRAFT


def test_the_vote_does_not_open_while_the_notice_runs(demo_user):
    nomination = _in(State.ANNOUNCED)
    notice = nomination.notices.first()
    notice.ends_on = datetime.date.today() + datetime.timedelta(days=3)
    notice.save()
    with pytest.raises(ValidationError) as refusal:
        services.open_vote(demo_user("thuongtruc"), nomination)
    assert "Chưa hết thời gian công khai" in refusal.value.messages[0]
    assert not nomination.votes.exists()


@pytest.mark.parametrize(
    ("username", "act", "source"),
    [
        ("uyvien", lambda u, n: services.return_nomination(u, n, reasons="x"), State.SUBMITTED),
        ("canbo.hoangliet", lambda u, n: services.open_vote(u, n), State.ANNOUNCED),
        ("thuongtruc", lambda u, n: services.issue_decision(u, [n]), State.VOTED),
        ("chutich", lambda u, n: services.hand_over(u, n, on=DAY), State.DECIDED),
        ("uyvien", lambda u, n: services.forward_to_higher_level(u, n), State.VOTED),
        ("thuongtruc", lambda u, n: services.revoke_certificate(u, n.certificate, reason="x"),
         State.DECIDED),
    ],
)  # fmt: skip
def test_a_role_the_permission_does_not_name_is_refused(demo_user, username, act, source):
    nomination = _in(source)
    with pytest.raises(PermissionDenied):
        act(demo_user(username), nomination)
    nomination.refresh_from_db()
    assert nomination.state == source


def test_another_wards_officer_cannot_submit(demo_user):
    nomination = _draft_ready(demo_user)
    with pytest.raises(PermissionDenied):
        services.submit_nomination(demo_user("canbo.dinhcong"), nomination)
    assert Nomination.objects.get(pk=nomination.pk).state == State.DRAFT


def test_a_stale_page_loses_and_nothing_is_written(demo_user):
    nomination = _in(State.VOTED)
    seen = nomination.version
    services.forward_to_higher_level(
        demo_user("thuongtruc"), nomination, expected_version=seen, external_body=CITY
    )
    with pytest.raises(ConflictError) as conflict:
        services.issue_decision(
            demo_user("chutich"),
            [nomination],
            signed_on=DAY,
            expected_versions={nomination.pk: seen},
        )
    assert "Hồ sơ vừa được người khác thay đổi" in conflict.value.messages[0]
    nomination.refresh_from_db()
    assert (nomination.state, nomination.decision) == (State.FORWARDED, None)


@pytest.mark.parametrize(
    ("username", "state", "offered"),
    [
        ("thuongtruc", State.SUBMITTED, {"return", "appraise"}),
        ("uyvien", State.SUBMITTED, set()),
        ("chutich", State.VOTED, {"decide", "forward"}),
        ("thuongtruc", State.VOTED, {"forward"}),
        ("thuongtruc", State.DECIDED, {"hand_over"}),
        ("chutich", State.DECIDED, {"revoke"}),
        ("cumtruong", State.VOTED, set()),
    ],
)
def test_pages_are_offered_what_the_permissions_allow(demo_user, username, state, offered):
    nomination = _in(state)
    names = {a.name for a in NOMINATIONS.available(demo_user(username), nomination)}
    assert names == offered


def test_a_unit_is_offered_its_own_drafts_steps_and_not_another_units(demo_user):
    nomination = new_draft(demo_user)
    assert [a.name for a in NOMINATIONS.available(demo_user("canbo.hoangliet"), nomination)] == [
        "submit"
    ]
    assert NOMINATIONS.available(demo_user("canbo.dinhcong"), nomination) == []


# The decision's own workflow.


def _issued(demo_user) -> Decision:
    from vinhdanh.awards.tests.helpers import to_voted

    return services.issue_decision(
        demo_user("chutich"), [to_voted(demo_user, new_draft(demo_user))], signed_on=DAY
    )


def test_revoking_a_decision_moves_it_and_its_awards_with_history_and_audit(demo_user):
    decision = _issued(demo_user)
    nomination = decision.nominations.get()
    revoked = services.revoke_decision(
        demo_user("chutich"), decision, reason="Sai đối tượng", expected_version=decision.version
    )
    assert (revoked.state, revoked.version, revoked.revoke_reason) == (
        DecisionState.REVOKED, decision.version + 1, "Sai đối tượng",
    )  # fmt: skip
    assert revoked.revoked_at is not None and revoked.is_revoked
    step = revoked.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor.username, step.note) == (
        "revoke", "issued", "revoked", "chutich", "Sai đối tượng",
    )  # fmt: skip
    entry = AuditEntry.objects.get(action="awards.decision.revoke", object_id=str(decision.pk))
    assert (entry.before["state"], entry.after["state"]) == ("issued", "revoked")
    assert AuditEntry.objects.get(
        action="awards.decision.revoke_certificates", object_id=str(decision.pk)
    ).after == {"certificates_revoked": 1}
    nomination.refresh_from_db()
    assert nomination.state == State.REVOKED
    assert nomination.transitions.latest("pk").action == "revoke"


def test_a_revoked_decision_cannot_be_revoked_again(demo_user):
    decision = services.revoke_decision(demo_user("chutich"), _issued(demo_user), reason="Sai")
    with pytest.raises(ValidationError) as refusal:
        services.revoke_decision(demo_user("chutich"), decision, reason="Lần nữa")
    assert "Đã thu hồi" in refusal.value.messages[0]
    assert decision.transitions.count() == 1


def test_revoking_a_decision_from_a_stale_page_or_by_the_office_is_refused(demo_user):
    decision = _issued(demo_user)
    with pytest.raises(PermissionDenied):
        services.revoke_decision(demo_user("thuongtruc"), decision, reason="Sai")
    with pytest.raises(ConflictError):
        services.revoke_decision(
            demo_user("chutich"), decision, reason="Sai", expected_version=decision.version - 1
        )
    decision.refresh_from_db()
    assert (decision.state, decision.transitions.count()) == (DecisionState.ISSUED, 0)
    assert [a.name for a in DECISIONS.available(demo_user("chutich"), decision)] == ["revoke"]
    assert DECISIONS.available(demo_user("thuongtruc"), decision) == []


def test_the_data_migration_derives_the_state_from_revoked_at(demo):
    migration = importlib.import_module(
        "vinhdanh.awards.migrations.0005_decision_state_from_revoked_at"
    )
    revoked = Decision.objects.order_by("pk").first()
    Decision.objects.filter(pk=revoked.pk).update(revoked_at=datetime.datetime.now(datetime.UTC))
    Decision.objects.update(state="")  # as the column stood right after it was added
    migration.state_from_revoked_at(apps, None)
    states = dict(Decision.objects.values_list("pk", "state"))
    assert states.pop(revoked.pk) == "revoked"
    assert set(states.values()) <= {"issued"}


def test_issuing_a_decision_audits_each_certificate_it_makes(demo_user):
    decision = _issued(demo_user)
    certificate = decision.certificates.get()
    entry = AuditEntry.objects.get(action="awards.certificate.issue", object_id=str(certificate.pk))
    assert entry.after["decision"] == decision.pk and entry.actor.username == "chutich"


def test_the_batch_entry_names_the_nominations_put_in_it(demo_user):
    officer = demo_user("canbo.hoangliet")
    drafts = [new_draft(demo_user), new_draft(demo_user)]
    batch = services.create_batch(
        officer, unit=officer.unit, year=2021, name="Đợt", nominations=drafts
    )
    entry = AuditEntry.objects.get(action="awards.batch.create", object_id=str(batch.pk))
    assert entry.after["nominations"] == sorted(n.pk for n in drafts)
    assert set(batch.nominations.values_list("pk", flat=True)) == {n.pk for n in drafts}
