"""Training sessions through their services: the workflow, registration limits, attendance."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Person
from vinhdanh.training import services
from vinhdanh.training.models import Attendee, Evaluation, SessionState, SessionTransition
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db


def _people(unit, count):
    return list(Person.objects.filter(unit=unit).order_by("pk")[:count])


def test_announcing_sends_the_invitations_and_records_the_step(make_session, demo_user):
    session = make_session()
    session = services.announce_session(demo_user("thuongtruc"), session)
    session.refresh_from_db()
    assert session.state == SessionState.ANNOUNCED
    step = SessionTransition.objects.get(session=session)
    assert (step.action, step.from_state, step.to_state) == ("announce", "draft", "announced")
    assert AuditEntry.objects.filter(action="training.session.announce").count() == 1


def test_a_session_without_invited_units_cannot_be_announced(make_session, demo_user):
    session = make_session(invited_units=[])
    with pytest.raises(ValidationError, match="ít nhất một đơn vị"):
        services.announce_session(demo_user("thuongtruc"), session)
    session.refresh_from_db()
    assert session.state == SessionState.DRAFT


def test_a_unit_officer_cannot_announce(make_session, demo_user):
    session = make_session()
    with pytest.raises((PermissionDenied, ValidationError)):
        services.announce_session(demo_user("canbo.hoangliet"), session)


def test_a_stale_page_is_refused(make_session, demo_user):
    session = make_session()
    stale = session.version
    services.update_session(demo_user("thuongtruc"), session, place="Phòng họp số 2")
    with pytest.raises(ConflictError):
        services.announce_session(demo_user("thuongtruc"), session, expected_version=stale)


def test_an_end_before_the_start_is_refused_and_nothing_saved(make_session):
    start = timezone.now() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as refused:
        make_session(title="Lớp sai giờ", starts_at=start, ends_at=start, year=start.year)
    assert "Giờ kết thúc phải sau giờ bắt đầu" in str(refused.value)
    from vinhdanh.training.models import TrainingSession

    assert not TrainingSession.objects.filter(title="Lớp sai giờ").exists()


def test_an_invited_unit_registers_its_people(make_session, demo_user, wards):
    session = make_session()
    session = services.announce_session(demo_user("thuongtruc"), session)
    ward = wards["phuong-hoang-liet"]
    made = services.register_attendees(
        demo_user("canbo.hoangliet"), session, unit=ward, people=_people(ward, 2)
    )
    assert [a.unit for a in made] == [ward, ward]
    assert session.attendees.count() == 2


def test_registration_over_capacity_is_refused_whole(make_session, demo_user, wards):
    session = make_session(capacity=3)
    session = services.announce_session(demo_user("thuongtruc"), session)
    office = demo_user("thuongtruc")
    first, second = wards["phuong-hoang-liet"], wards["phuong-dinh-cong"]
    services.register_attendees(office, session, unit=first, people=_people(first, 2))
    with pytest.raises(ValidationError, match="còn 1 chỗ"):
        services.register_attendees(office, session, unit=second, people=_people(second, 2))
    # All or nothing: neither of the two was put on the list.
    assert not Attendee.objects.filter(session=session, unit=second).exists()


def test_the_per_unit_limit_is_kept(make_session, demo_user, wards):
    session = make_session(capacity=10, per_unit_limit=2)
    session = services.announce_session(demo_user("thuongtruc"), session)
    ward = wards["phuong-hoang-liet"]
    with pytest.raises(ValidationError, match="tối đa 2 người"):
        services.register_attendees(
            demo_user("canbo.hoangliet"), session, unit=ward, people=_people(ward, 3)
        )


def test_a_unit_not_invited_cannot_register(make_session, demo_user, wards):
    session = make_session()
    session = services.announce_session(demo_user("thuongtruc"), session)
    ward = wards["phuong-dai-kim"]
    with pytest.raises(ValidationError, match="không được mời"):
        services.register_attendees(
            demo_user("thuongtruc"), session, unit=ward, people=_people(ward, 1)
        )


def test_a_person_of_another_unit_cannot_be_registered(make_session, demo_user, wards):
    session = make_session()
    session = services.announce_session(demo_user("thuongtruc"), session)
    other = _people(wards["phuong-dinh-cong"], 1)
    with pytest.raises(ValidationError, match="không thuộc đơn vị"):
        services.register_attendees(
            demo_user("thuongtruc"), session, unit=wards["phuong-hoang-liet"], people=other
        )


def test_registering_after_the_deadline_is_refused(make_session, demo_user, wards):
    session = make_session(registration_deadline=timezone.localdate())
    session = services.announce_session(demo_user("thuongtruc"), session)
    ward = wards["phuong-hoang-liet"]
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with (
        time_machine.travel(tomorrow),
        pytest.raises(ValidationError, match="hết hạn đăng ký"),
    ):
        services.register_attendees(
            demo_user("canbo.hoangliet"), session, unit=ward, people=_people(ward, 1)
        )


def test_a_draft_takes_no_registration(make_session, demo_user, wards):
    session = make_session()
    ward = wards["phuong-hoang-liet"]
    with pytest.raises((ValidationError, PermissionDenied)):
        services.register_attendees(
            demo_user("thuongtruc"), session, unit=ward, people=_people(ward, 1)
        )


def _held(make_session, demo_user, wards):
    office = demo_user("thuongtruc")
    session = make_session()
    session = services.announce_session(office, session)
    ward = wards["phuong-hoang-liet"]
    attendees = services.register_attendees(office, session, unit=ward, people=_people(ward, 3))
    with time_machine.travel(session.starts_at + datetime.timedelta(minutes=5)):
        services.hold_session(office, session)
    session.refresh_from_db()
    return session, attendees


def test_a_session_is_held_only_once_it_has_started(make_session, demo_user):
    session = make_session()
    session = services.announce_session(demo_user("thuongtruc"), session)
    with pytest.raises(ValidationError, match="chưa bắt đầu"):
        services.hold_session(demo_user("thuongtruc"), session)


def test_attendance_marks_everyone_present_or_absent(make_session, demo_user, wards):
    session, attendees = _held(make_session, demo_user, wards)
    services.record_attendance(demo_user("thuongtruc"), session, present_ids=[attendees[0].pk])
    marks = dict(Attendee.objects.filter(session=session).values_list("pk", "attended"))
    assert marks == {attendees[0].pk: True, attendees[1].pk: False, attendees[2].pk: False}


def test_an_absent_person_has_no_evaluation(make_session, demo_user, wards):
    session, attendees = _held(make_session, demo_user, wards)
    services.record_attendance(demo_user("thuongtruc"), session, present_ids=[attendees[0].pk])
    absent = Attendee.objects.get(pk=attendees[1].pk)
    with pytest.raises(ValidationError, match="vắng mặt"):
        services.save_evaluation(
            demo_user("canbo.hoangliet"), absent, content=5, usefulness=5, organisation=5
        )
    present = Attendee.objects.get(pk=attendees[0].pk)
    services.save_evaluation(
        demo_user("canbo.hoangliet"), present, content=4, usefulness=5, organisation=3
    )
    assert Evaluation.objects.get(attendee=present).organisation == 3


def test_a_score_above_five_is_refused(make_session, demo_user, wards):
    session, attendees = _held(make_session, demo_user, wards)
    services.record_attendance(demo_user("thuongtruc"), session, present_ids=[attendees[0].pk])
    present = Attendee.objects.get(pk=attendees[0].pk)
    with pytest.raises(ValidationError):
        services.save_evaluation(
            demo_user("thuongtruc"), present, content=6, usefulness=5, organisation=5
        )
    assert not Evaluation.objects.filter(attendee=present).exists()


def test_reporting_needs_attendance_of_everyone_and_a_summary(make_session, demo_user, wards):
    office = demo_user("thuongtruc")
    session, attendees = _held(make_session, demo_user, wards)
    with pytest.raises(ValidationError, match="chưa điểm danh"):
        services.report_session(office, session, result_summary="Tốt.")
    services.record_attendance(office, session, present_ids=[a.pk for a in attendees])
    session.refresh_from_db()
    with pytest.raises(ValidationError, match="Ghi kết quả"):
        services.report_session(office, session)
    services.report_session(office, session, result_summary="Lớp học đạt yêu cầu.")
    session.refresh_from_db()
    assert session.state == SessionState.REPORTED
    assert session.result_summary == "Lớp học đạt yêu cầu."


def test_cancelling_needs_a_reason(make_session, demo_user):
    session = make_session()
    with pytest.raises(ValidationError, match="lý do"):
        services.cancel_session(demo_user("thuongtruc"), session, note="  ")
    services.cancel_session(demo_user("thuongtruc"), session, note="Trùng lịch họp HĐND.")
    session.refresh_from_db()
    assert session.state == SessionState.CANCELLED
