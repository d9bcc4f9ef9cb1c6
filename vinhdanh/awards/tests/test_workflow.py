import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards import services
from vinhdanh.awards.guards import earliest_notice_end
from vinhdanh.awards.models import DossierComponent, Nomination, State, Title
from vinhdanh.awards.services import ConflictError
from vinhdanh.awards.tests.helpers import attach_all, new_draft, to_voted
from vinhdanh.org.models import Person


def test_catalogue_is_loaded_from_the_rules_data(demo):
    giay_khen = Title.objects.get(code="giay_khen")
    assert giay_khen.kind == "commendation_form"
    assert {"person", "collective"} <= set(giay_khen.subjects)
    codes = set(
        giay_khen.title_components.filter(required=True).values_list("component__code", flat=True)
    )
    assert {"bao_cao_thanh_tich", "bien_ban_binh_xet"} <= codes
    assert "Luật Thi đua, khen thưởng 2003" in giay_khen.basis_on(
        __import__("datetime").date(2021, 6, 1)
    )
    assert "Điều 75" in giay_khen.basis_on(__import__("datetime").date(2025, 6, 1))
    assert Title.objects.get(code="chien_si_thi_dua_co_so").vote_threshold is not None


def test_submission_names_the_missing_components(demo_user):
    nomination = new_draft(demo_user)
    with pytest.raises(ValidationError) as error:
        services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    assert "Báo cáo thành tích" in " ".join(error.value.messages)
    nomination.refresh_from_db()
    assert nomination.state == State.DRAFT


def test_unit_officer_cannot_propose_for_another_ward(demo_user):
    officer = demo_user("canbo.hoangliet")
    stranger = Person.objects.get(
        pk=Person.objects.filter(unit__code="phuong-dinh-cong").first().pk
    )
    title = Title.objects.get(code="giay_khen")
    with pytest.raises(PermissionDenied):
        services.create_nomination(
            officer,
            person=stranger,
            title=title,
            basis=title.award_bases.first(),
            year=2021,
            achievements="x",
        )


def test_only_the_office_appraises_and_only_the_chairman_decides(demo_user):
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    with pytest.raises(PermissionDenied):
        services.return_nomination(demo_user("canbo.hoangliet"), nomination, reasons="x")
    voted = to_voted(demo_user, new_draft(demo_user))
    with pytest.raises(PermissionDenied):
        services.issue_decision(demo_user("thuongtruc"), [voted])


def test_return_and_resubmit_with_reasons_and_audit(demo_user):
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    with pytest.raises(ValidationError):
        services.return_nomination(demo_user("thuongtruc"), nomination, reasons="  ")
    services.return_nomination(demo_user("thuongtruc"), nomination, reasons="Thiếu chữ ký")
    nomination.refresh_from_db()
    assert nomination.state == State.RETURNED
    services.resubmit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    assert nomination.state == State.SUBMITTED
    actions = list(nomination.transitions.values_list("action", flat=True))
    assert actions == ["submit", "return", "resubmit"]
    assert AuditEntry.objects.filter(
        action="awards.nomination.return", object_id=str(nomination.pk)
    ).exists()


def test_two_actors_on_one_nomination_exactly_one_wins(demo_user):
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    seen_version = nomination.version  # both pages were loaded at this version
    services.return_nomination(
        demo_user("thuongtruc"), nomination, reasons="Bổ sung", expected_version=seen_version
    )
    with pytest.raises(ConflictError) as error:
        services.appraise_nomination(
            demo_user("admin"), nomination, passed=True, expected_version=seen_version
        )
    assert "người khác thay đổi" in error.value.messages[0]
    nomination.refresh_from_db()
    assert nomination.state == State.RETURNED
    assert nomination.appraisals.count() == 0


def test_a_failed_step_leaves_the_nomination_as_it_was(demo_user):
    nomination = new_draft(demo_user)
    before = (nomination.state, nomination.version)
    with pytest.raises(ValidationError):
        services.appraise_nomination(demo_user("thuongtruc"), nomination, passed=True)
    nomination.refresh_from_db()
    assert (nomination.state, nomination.version) == before
    assert nomination.transitions.count() == 0


def test_vote_records_the_threshold_and_fails_below_it(demo_user):
    nomination = new_draft(demo_user)
    voted = to_voted(demo_user, nomination)
    vote = voted.votes.first()
    assert voted.state == State.VOTED
    assert vote.agree == vote.members_count and vote.passed
    assert vote.threshold_note


def test_council_member_casts_their_own_ballot_and_others_cannot(demo_user):
    from vinhdanh.awards.models import Choice

    voting = Nomination.objects.filter(state=State.VOTING).first()
    vote = voting.votes.first()
    ballot = services.cast_ballot(demo_user("uyvien"), vote, choice=Choice.AGREE)
    assert ballot.member.user.username == "uyvien"
    with pytest.raises(PermissionDenied):
        services.cast_ballot(demo_user("canbo.hoangliet"), vote, choice=Choice.AGREE)


def test_objections_must_be_answered_before_the_vote(demo_user):
    import datetime

    office = demo_user("thuongtruc")
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    services.appraise_nomination(
        office,
        nomination,
        passed=True,
        confirmed={"muc_hoan_thanh_nhiem_vu": True, "tieu_chuan_cua_tinh": True},
    )
    nomination.refresh_from_db()
    today = datetime.date.today()
    notice = services.announce_nomination(
        office, nomination, starts_on=today, ends_on=earliest_notice_end(today)
    )
    objection = services.file_objection(notice, filed_by="Nguyễn Văn A", content="Chưa xứng đáng")
    notice.ends_on = today  # the notice is over at the end of today
    notice.save()
    nomination.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.open_vote(office, nomination)
    assert "chưa được trả lời" in error.value.messages[0]
    services.answer_objection(office, objection, answer="Đã xác minh, thành tích đúng.")
    services.open_vote(office, nomination)
    nomination.refresh_from_db()
    assert nomination.state == State.VOTING


def test_attachment_must_belong_to_the_title(demo_user):
    nomination = new_draft(demo_user)
    foreign = DossierComponent.objects.get(code="xac_nhan_pham_vi_toan_quoc")
    with pytest.raises(ValidationError):
        services.add_attachment(
            demo_user("canbo.hoangliet"),
            nomination,
            component=foreign,
            filename="a.pdf",
            content=b"%PDF-1.4\n%%EOF",
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_steps_on_one_nomination_let_exactly_one_win():
    import threading

    from django.db import connection

    from vinhdanh.accounts.models import User

    # The demo is there: the flush that ends a committing test puts it back (conftest.py).
    nomination = Nomination.objects.filter(state=State.SUBMITTED).first()
    version = nomination.version
    office, admin = User.objects.get(username="thuongtruc"), User.objects.get(username="admin")
    barrier = threading.Barrier(2)
    outcomes = []

    def act(actor, step):
        try:
            barrier.wait()
            step(actor)
            outcomes.append("won")
        except ConflictError:
            outcomes.append("conflict")
        finally:
            connection.close()

    steps = [
        (
            office,
            lambda a: services.return_nomination(
                a, nomination, reasons="Bổ sung", expected_version=version
            ),
        ),
        (
            admin,
            lambda a: services.appraise_nomination(
                a, nomination, passed=False, reasons="Không đạt", expected_version=version
            ),
        ),
    ]
    threads = [threading.Thread(target=act, args=pair) for pair in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "won"]
    nomination.refresh_from_db()
    assert nomination.version == version + 1
    assert nomination.transitions.filter(action__in=["return", "appraise"]).count() == 1


def test_a_collective_is_nominated_by_its_own_unit(demo_user):
    officer = demo_user("canbo.hoangliet")
    title = Title.objects.get(code="tap_the_lao_dong_tien_tien")
    nomination = services.create_nomination(
        officer,
        collective=officer.unit,
        title=title,
        basis=title.award_bases.get(code="thuong_xuyen"),
        year=2021,
        achievements="Tập thể hoàn thành tốt nhiệm vụ.",
    )
    assert nomination.subject_kind == "collective" and nomination.unit == officer.unit
    person_only = Title.objects.get(code="lao_dong_tien_tien")
    with pytest.raises(ValidationError) as error:
        services.create_nomination(
            officer,
            collective=officer.unit,
            title=person_only,
            basis=person_only.award_bases.first(),
            year=2021,
            achievements="x",
        )
    assert "không dành cho tập thể" in " ".join(error.value.messages)
