"""The exemplar's workflow through its services: each action from its sources, refused
sources, a stale page, a refused role, the history rows and the audit entries; consent and
photos at publishing; the one step to an ad-hoc commendation."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards.models import Nomination
from vinhdanh.exemplars import services
from vinhdanh.exemplars.models import Exemplar, ExemplarPhoto, ExemplarState
from vinhdanh.exemplars.workflows import EXEMPLARS
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db
S = ExemplarState


def _steps(exemplar):
    return [(t.action, t.from_state, t.to_state) for t in exemplar.transitions.order_by("pk")]


def _audited(exemplar, action):
    return AuditEntry.objects.filter(
        action=f"exemplars.exemplar.{action}", object_id=str(exemplar.pk)
    ).count()


def test_the_whole_way_to_the_board(make, officer, office):
    exemplar = make()
    assert exemplar.state == S.DRAFT and exemplar.subject_name == exemplar.person.full_name
    exemplar = services.propose_exemplar(officer, exemplar)
    exemplar = services.verify_exemplar(office, exemplar)
    exemplar = services.publish_exemplar(office, exemplar)
    assert exemplar.state == S.PUBLISHED and exemplar.published_at is not None
    exemplar = services.withdraw_exemplar(office, exemplar, note="Người được nêu gương đề nghị.")
    assert exemplar.state == S.WITHDRAWN
    assert _steps(exemplar) == [
        ("propose", S.DRAFT, S.PROPOSED),
        ("verify", S.PROPOSED, S.VERIFIED),
        ("publish", S.VERIFIED, S.PUBLISHED),
        ("withdraw", S.PUBLISHED, S.WITHDRAWN),
    ]
    for action in ("create", "propose", "verify", "publish", "withdraw"):
        assert _audited(exemplar, action) == 1, action


def test_returned_then_proposed_again(make, officer, office):
    exemplar = services.propose_exemplar(officer, make())
    exemplar = services.return_exemplar(office, exemplar, note="Bổ sung thời gian, địa điểm.")
    assert exemplar.state == S.RETURNED and exemplar.return_reason == "Bổ sung thời gian, địa điểm."
    exemplar = services.update_exemplar(officer, exemplar, place="Chợ Hoàng Liệt")
    exemplar = services.propose_exemplar(officer, exemplar)
    assert exemplar.state == S.PROPOSED and exemplar.return_reason == ""
    assert exemplar.place == "Chợ Hoàng Liệt"


@pytest.mark.parametrize("source", [S.PROPOSED, S.VERIFIED])
def test_refused_from_proposed_or_verified(make, officer, office, source):
    exemplar = services.propose_exemplar(officer, make())
    if source == S.VERIFIED:
        exemplar = services.verify_exemplar(office, exemplar)
    exemplar = services.refuse_exemplar(office, exemplar, note="Không đúng sự thật.")
    assert exemplar.state == S.REFUSED and exemplar.return_reason == "Không đúng sự thật."


@pytest.mark.parametrize(
    ("action", "state"),
    [
        ("verify", S.DRAFT),
        ("publish", S.PROPOSED),
        ("withdraw", S.VERIFIED),
        ("propose", S.PROPOSED),
    ],
)
def test_a_step_from_a_state_the_table_does_not_name_is_refused(
    make, officer, office, action, state
):
    exemplar = make()
    if state != S.DRAFT:
        exemplar = services.propose_exemplar(officer, exemplar)
    if state == S.VERIFIED:
        exemplar = services.verify_exemplar(office, exemplar)
    actor = officer if action == "propose" else office
    with pytest.raises(ValidationError, match="Không thể"):
        services.STEPS[action](actor, exemplar, note="lý do")
    exemplar.refresh_from_db()
    assert exemplar.state == state


@pytest.mark.parametrize("action", ["return", "refuse", "withdraw"])
def test_a_reason_is_needed(make, officer, office, action):
    exemplar = services.propose_exemplar(officer, make())
    if action == "withdraw":
        exemplar = services.publish_exemplar(office, services.verify_exemplar(office, exemplar))
    with pytest.raises(ValidationError, match="lý do"):
        services.STEPS[action](office, exemplar, note="  ")


def test_a_stale_page_is_refused(make, officer, office):
    exemplar = make()
    seen = exemplar.version
    services.update_exemplar(officer, exemplar, place="Chỗ khác", expected_version=seen)
    with pytest.raises(ConflictError):
        services.propose_exemplar(officer, exemplar, expected_version=seen)
    assert Exemplar.objects.get(pk=exemplar.pk).state == S.DRAFT


def test_a_unit_cannot_verify_its_own_proposal(make, officer):
    exemplar = services.propose_exemplar(officer, make())
    with pytest.raises(PermissionDenied):
        services.verify_exemplar(officer, exemplar)
    assert [a.name for a in EXEMPLARS.available(officer, exemplar)] == []


def test_another_ward_cannot_propose_or_see(make, other_officer):
    exemplar = make()
    with pytest.raises(PermissionDenied):
        services.propose_exemplar(other_officer, exemplar)
    with pytest.raises(PermissionDenied):
        services.update_exemplar(other_officer, exemplar, place="x")


def test_no_story_is_refused(officer, ward):
    with pytest.raises(ValidationError) as refused:
        services.create_exemplar(
            officer, unit=ward, year=2021, category="nguoi_tot", subject_kind="person",
            subject_name="Trần Thị B", headline="Việc tốt", story="   ",
        )  # fmt: skip
    assert "kể lại việc tốt" in str(refused.value)


def test_no_name_and_no_link_is_refused(officer, ward):
    with pytest.raises(ValidationError, match="nhập tên"):
        services.create_exemplar(
            officer, unit=ward, year=2021, category="nguoi_tot", subject_kind="person",
            subject_name="", headline="Việc tốt", story="Đã làm một việc tốt.",
        )  # fmt: skip


def test_a_person_of_another_ward_is_refused(officer, ward):
    from vinhdanh.org.models import Person

    stranger = Person.objects.filter(unit__code="phuong-dinh-cong").first()
    with pytest.raises(ValidationError, match="không thuộc đơn vị đề xuất"):
        services.create_exemplar(
            officer, unit=ward, year=2021, category="nguoi_tot", subject_kind="person",
            subject_name="", person=stranger, headline="Việc tốt", story="Đã làm việc tốt.",
        )  # fmt: skip


def test_a_future_date_is_refused(make):
    with pytest.raises(ValidationError, match="tương lai"):
        make(happened_on=datetime.date.today() + datetime.timedelta(days=3))


def test_photos_all_or_none(make, png):
    before = (Exemplar.objects.count(), ExemplarPhoto.objects.count())
    with pytest.raises(ValidationError) as refused:
        make(photos=[("anh-1.png", png), ("bao-cao.pdf", b"%PDF-1.4 test")])
    assert "bao-cao.pdf" in str(refused.value) and "Chưa lưu tệp nào" in str(refused.value)
    assert (Exemplar.objects.count(), ExemplarPhoto.objects.count()) == before


def test_a_text_file_named_as_a_photo_is_refused(make, officer, png):
    exemplar = make(photos=[("anh.png", png)])
    with pytest.raises(ValidationError, match="không khớp"):
        services.attach_photos(officer, exemplar, files=[("anh-2.png", b"day khong phai anh")])
    assert exemplar.photos.count() == 1


def test_a_photo_without_consent_is_refused_at_publish(make, officer, office, png):
    exemplar = services.verify_exemplar(
        office, services.propose_exemplar(officer, make(photos=[("anh.png", png)]))
    )
    with pytest.raises(ValidationError, match="chưa ghi nhận sự đồng ý"):
        services.publish_exemplar(office, exemplar)
    assert Exemplar.objects.get(pk=exemplar.pk).state == S.VERIFIED
    exemplar = services.record_consent(
        office, exemplar, given=True, consent_by="Chính người được nêu gương",
        consent_on=datetime.date(2021, 6, 1), consent_method="written",
    )  # fmt: skip
    exemplar = services.publish_exemplar(office, exemplar)
    assert exemplar.state == S.PUBLISHED
    assert exemplar.consent_recorded_by == office


def test_consent_needs_who_when_how(make, officer):
    with pytest.raises(ValidationError) as refused:
        services.record_consent(officer, make(), given=True)
    assert set(refused.value.error_dict) == {"consent_by", "consent_on", "consent_method"}


def test_commendation_in_one_step_and_only_once(make, officer, office):
    exemplar = services.verify_exemplar(office, services.propose_exemplar(officer, make()))
    before = Nomination.objects.count()
    exemplar = services.commend_exemplar(office, exemplar, title_code="giay_khen")
    assert Nomination.objects.count() == before + 1
    nomination = exemplar.nomination
    assert nomination.state == "draft" and nomination.person == exemplar.person
    assert nomination.title.code == "giay_khen" and nomination.basis.code == "dot_xuat"
    assert (
        exemplar.story in nomination.achievements and exemplar.headline in nomination.achievements
    )
    assert _audited(exemplar, "commend") == 1
    with pytest.raises(ValidationError, match="đã được lập hồ sơ"):
        services.commend_exemplar(office, exemplar, title_code="bang_khen_tinh")
    assert Nomination.objects.count() == before + 1


def test_commendation_needs_a_verified_exemplar_and_the_office(make, officer, office):
    exemplar = services.propose_exemplar(officer, make())
    with pytest.raises(ValidationError, match="đã được xác minh"):
        services.commend_exemplar(office, exemplar, title_code="giay_khen")
    exemplar = services.verify_exemplar(office, exemplar)
    with pytest.raises(PermissionDenied):
        services.commend_exemplar(officer, exemplar, title_code="giay_khen")


def test_commendation_needs_a_person_in_the_registry(make, officer, office):
    exemplar = make(person=None, subject_name="Một người dân")
    exemplar = services.verify_exemplar(office, services.propose_exemplar(officer, exemplar))
    with pytest.raises(ValidationError, match="chưa gắn với một cá nhân"):
        services.commend_exemplar(office, exemplar, title_code="giay_khen")
    assert Exemplar.objects.get(pk=exemplar.pk).nomination_id is None
