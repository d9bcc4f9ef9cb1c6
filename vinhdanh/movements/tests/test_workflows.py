"""The two workflows of the app through their services: each action from its sources, a refused
source, a stale page, a refused role, the history row and the audit entry."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.movements import registrations, services
from vinhdanh.movements.demo import MAIN
from vinhdanh.movements.models import (
    Movement,
    MovementNotice,
    MovementStatus,
    Registration,
    RegistrationState,
)
from vinhdanh.movements.workflows import MOVEMENTS, REGISTRATIONS
from vinhdanh.org.models import Person, Unit
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(demo_user):
    return demo_user("canbo.hoangliet")


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


@pytest.fixture
def filled(officer):
    """Hoàng Liệt's registration for the district's movement, with one title, not sent."""
    main = Movement.objects.get(name=MAIN)
    registration = registrations.start_registration(officer, main, officer.unit)
    return registrations.save_registration(
        officer, registration, entries=[(None, "tap_the_lao_dong_xuat_sac")]
    )


def _steps(obj):
    return [(t.action, t.from_state, t.to_state) for t in obj.transitions.all()]


# Registrations


def test_submit_from_draft_records_the_step_and_its_audit_entry(filled, officer):
    sent = registrations.submit_registration(officer, filled, expected_version=filled.version)
    assert sent.state == RegistrationState.SUBMITTED
    assert sent.submitted_at is not None
    assert sent.version == filled.version + 1
    step = sent.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor) == (
        "submit",
        "draft",
        "submitted",
        officer,
    )
    entry = AuditEntry.objects.filter(action="movements.registration.submit").latest("pk")
    assert entry.object_id == str(sent.pk)
    assert (entry.before["state"], entry.after["state"]) == ("draft", "submitted")


def test_return_keeps_the_reason_and_the_unit_sends_again(filled, officer, office):
    sent = registrations.submit_registration(officer, filled)
    returned = registrations.return_registration(office, sent, reason="  Thiếu cá nhân. ")
    assert (returned.state, returned.return_reason) == ("returned", "Thiếu cá nhân.")
    assert (returned.decided_by, returned.decided_at is not None) == (office, True)
    assert returned.transitions.last().note == "Thiếu cá nhân."
    audit = AuditEntry.objects.filter(action="movements.registration.return").latest("pk")
    assert audit.note == "Thiếu cá nhân."
    # Back at the unit: it edits and sends again, which clears the reason shown to it.
    edited = registrations.save_registration(
        officer, returned, entries=[(None, "giay_khen")], expected_version=returned.version
    )
    again = registrations.submit_registration(officer, edited)
    assert (again.state, again.return_reason) == ("submitted", "")
    assert _steps(again) == [
        ("submit", "draft", "submitted"),
        ("return", "submitted", "returned"),
        ("submit", "returned", "submitted"),
    ]


def test_approve_from_submitted(filled, officer, office):
    approved = registrations.approve_registration(
        office, registrations.submit_registration(officer, filled)
    )
    assert (approved.state, approved.decided_by) == ("approved", office)
    assert _steps(approved)[-1] == ("approve", "submitted", "approved")
    assert AuditEntry.objects.filter(
        action="movements.registration.approve", object_id=str(approved.pk)
    ).exists()


def test_a_draft_cannot_be_approved_or_returned(filled, office):
    with pytest.raises(ValidationError, match="trạng thái “Chưa gửi”"):
        registrations.approve_registration(office, filled)
    with pytest.raises(ValidationError, match="trạng thái “Chưa gửi”"):
        registrations.return_registration(office, filled, reason="Sai")
    assert Registration.objects.get(pk=filled.pk).state == "draft"
    assert not filled.transitions.exists()


def test_an_approved_registration_is_not_sent_again(filled, officer, office):
    approved = registrations.approve_registration(
        office, registrations.submit_registration(officer, filled)
    )
    with pytest.raises(ValidationError, match="trạng thái “Đã duyệt”"):
        registrations.submit_registration(officer, approved)


def test_a_stale_page_cannot_decide(filled, officer, office):
    sent = registrations.submit_registration(officer, filled)
    with pytest.raises(ConflictError):
        registrations.approve_registration(office, sent, expected_version=filled.version)
    stored = Registration.objects.get(pk=sent.pk)
    assert (stored.state, stored.version, stored.transitions.count()) == (
        "submitted",
        sent.version,
        1,
    )


@pytest.mark.parametrize("username", ["canbo.hoangliet", "chutich", "uyvien", "cumtruong"])
def test_only_the_standing_office_decides(filled, officer, demo_user, username):
    sent = registrations.submit_registration(officer, filled)
    with pytest.raises(PermissionDenied):
        registrations.approve_registration(demo_user(username), sent)
    with pytest.raises(PermissionDenied):
        registrations.return_registration(demo_user(username), sent, reason="Sai")
    assert Registration.objects.get(pk=sent.pk).state == "submitted"


def test_another_unit_cannot_send_or_edit(filled, demo_user):
    other = demo_user("canbo.dinhcong")
    with pytest.raises(PermissionDenied):
        registrations.submit_registration(other, filled)
    with pytest.raises(PermissionDenied):
        registrations.save_registration(other, filled, entries=[])
    assert Registration.objects.get(pk=filled.pk).entries.count() == 1


def test_save_and_submit_is_all_or_nothing(filled, officer):
    with pytest.raises(ValidationError, match="chưa có danh hiệu"):
        registrations.save_and_submit_registration(
            officer, filled, entries=[], commitment="Mới", expected_version=filled.version
        )
    stored = Registration.objects.get(pk=filled.pk)
    assert (stored.state, stored.version, stored.entries.count()) == ("draft", filled.version, 1)
    person = Person.objects.filter(unit=officer.unit).first()
    sent = registrations.save_and_submit_registration(
        officer,
        filled,
        entries=[(person.pk, "lao_dong_tien_tien")],
        commitment="Cam kết",
        expected_version=filled.version,
    )
    assert (sent.state, sent.commitment) == ("submitted", "Cam kết")
    assert list(sent.entries.values_list("person_id", "title")) == [
        (person.pk, "lao_dong_tien_tien")
    ]


def test_saving_the_list_bumps_the_version_once_and_is_audited(filled, officer):
    saved = registrations.save_registration(
        officer, filled, entries=[(None, "giay_khen")], expected_version=filled.version
    )
    assert saved.version == filled.version + 1
    entry = AuditEntry.objects.filter(action="movements.registration.save").latest("pk")
    assert entry.before["entries"] == ["-:tap_the_lao_dong_xuat_sac"]
    assert entry.after["entries"] == ["-:giay_khen"]
    assert not saved.transitions.exists()  # an edit, not a step of the workflow


def test_a_council_member_cannot_start_a_registration(demo_user):
    main = Movement.objects.get(name=MAIN)
    with pytest.raises(PermissionDenied):
        registrations.start_registration(demo_user("uyvien"), main, demo_user("uyvien").unit)


def test_an_account_without_a_unit_is_told_why_it_cannot_register(demo_user):
    main = Movement.objects.get(name=MAIN)
    with pytest.raises(ValidationError, match="chưa gắn với đơn vị"):
        registrations.start_registration(demo_user("admin"), main, None)


def test_the_pages_offer_what_the_table_allows(filled, officer, office, demo_user):
    assert [a.name for a in REGISTRATIONS.available(officer, filled)] == ["submit"]
    assert REGISTRATIONS.available(office, filled)[0].name == "submit"
    sent = registrations.submit_registration(officer, filled)
    assert REGISTRATIONS.available(officer, sent) == []
    assert {a.name for a in REGISTRATIONS.available(office, sent)} == {"return", "approve"}
    assert REGISTRATIONS.available(demo_user("chutich"), sent) == []


# Movements


def _draft(actor, launched_by="hoang-mai", targets=("phuong-hoang-liet", "phuong-dinh-cong")):
    return services.create_movement(
        actor,
        name="Thi đua chào mừng Đại hội",
        kind="campaign",
        year=2021,
        starts_on=datetime.date(2021, 3, 1),
        ends_on=datetime.date(2021, 6, 30),
        launched_by=Unit.objects.get(code=launched_by),
        target_units=list(Unit.objects.filter(code__in=targets)),
    )


def test_launch_records_the_step_and_one_audit_entry_for_the_notices(office):
    movement = _draft(office)
    launched = services.launch_movement(office, movement, expected_version=movement.version)
    assert (launched.status, launched.version) == ("launched", movement.version + 1)
    assert launched.launched_at is not None
    step = launched.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor) == (
        "launch",
        "draft",
        "launched",
        office,
    )
    assert step.note == "Gửi tới 2 đơn vị"
    entries = AuditEntry.objects.filter(
        action="movements.movement.launch", object_id=str(movement.pk)
    )
    assert entries.count() == 1 and entries.get().note == "Gửi tới 2 đơn vị"
    assert MovementNotice.objects.filter(movement=movement).count() == 2


def test_close_from_launched_and_not_from_draft(office):
    movement = _draft(office)
    with pytest.raises(ValidationError, match="trạng thái “Dự thảo”"):
        services.close_movement(office, movement)
    closed = services.close_movement(office, services.launch_movement(office, movement))
    assert closed.status == MovementStatus.CLOSED
    assert _steps(closed) == [("launch", "draft", "launched"), ("close", "launched", "closed")]
    assert AuditEntry.objects.filter(
        action="movements.movement.close", object_id=str(movement.pk)
    ).exists()
    with pytest.raises(ValidationError, match="trạng thái “Đã tổng kết”"):
        services.launch_movement(office, closed)


def test_a_stale_page_cannot_launch_and_nothing_is_sent(office):
    movement = _draft(office)
    services.update_movement(office, movement, goals="Mục tiêu mới")
    with pytest.raises(ConflictError):
        services.launch_movement(office, movement, expected_version=movement.version)
    stored = Movement.objects.get(pk=movement.pk)
    assert stored.status == "draft"
    assert not MovementNotice.objects.filter(movement=movement).exists()
    assert not stored.transitions.exists()


def test_a_stale_edit_is_refused(office):
    movement = _draft(office)
    first = services.update_movement(
        office, movement, goals="Lần một", expected_version=movement.version
    )
    assert first.version == movement.version + 1
    with pytest.raises(ConflictError):
        services.update_movement(
            office, movement, goals="Lần hai", expected_version=movement.version
        )
    assert Movement.objects.get(pk=movement.pk).goals == "Lần một"


@pytest.mark.parametrize("username", ["chutich", "uyvien", "canbo.dinhcong"])
def test_who_may_not_change_a_movement_may_not_launch_or_close_it(office, demo_user, username):
    movement = _draft(office)
    with pytest.raises(PermissionDenied):
        services.launch_movement(demo_user(username), movement)
    launched = services.launch_movement(office, movement)
    with pytest.raises(PermissionDenied):
        services.close_movement(demo_user(username), launched)
    assert Movement.objects.get(pk=movement.pk).status == "launched"


def test_a_ward_launches_and_closes_its_own_movement(officer):
    movement = _draft(officer, launched_by="phuong-hoang-liet", targets=("phuong-hoang-liet",))
    assert [a.name for a in MOVEMENTS.available(officer, movement)] == ["launch"]
    launched = services.launch_movement(officer, movement)
    assert [a.name for a in MOVEMENTS.available(officer, launched)] == ["close"]
    assert services.close_movement(officer, launched).status == "closed"


@pytest.mark.parametrize("username", ["chutich", "uyvien"])
def test_the_leader_and_council_members_may_not_create_a_movement(demo_user, username):
    with pytest.raises(PermissionDenied):
        _draft(demo_user(username))


def test_a_ward_cannot_cascade_a_movement_it_was_not_sent(officer):
    foreign = Movement.objects.get(launched_by__code="phuong-dinh-cong")
    with pytest.raises(PermissionDenied):
        services.create_movement(
            officer,
            name="Cụ thể hóa phong trào của phường khác",
            kind="regular",
            year=2021,
            launched_by=officer.unit,
            parent=foreign,
            starts_on=datetime.date(2021, 3, 1),
            ends_on=datetime.date(2021, 6, 30),
            target_units=[officer.unit],
        )
    assert not Movement.objects.filter(parent=foreign, launched_by=officer.unit).exists()
