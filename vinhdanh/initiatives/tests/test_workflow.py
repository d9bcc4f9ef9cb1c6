"""Each action of the initiative's workflow from each source, refusals, stale pages, roles,
the council's scores and vote, the decision, the copy sent up and the records it writes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from vinhdanh.audit.models import AuditEntry
from vinhdanh.initiatives import services
from vinhdanh.initiatives.models import (
    Initiative,
    InitiativeEvidence,
    InitiativeState,
    InitiativeTransition,
)
from vinhdanh.initiatives.tests.conftest import EVIDENCE
from vinhdanh.org.models import Person
from vinhdanh.records.models import Initiative as RecordedInitiative
from vinhdanh.records.screening import explain
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db
S = InitiativeState


def _counts():
    return (
        Initiative.objects.count(),
        InitiativeEvidence.objects.count(),
        AuditEntry.objects.count(),
    )


def _messages(refusal) -> str:
    return " ".join(refusal.value.messages)


# -- filing: bad inputs are refused whole ------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"files": []}, "ít nhất một tệp minh chứng"),
        ({"effect": "  "}, "nêu hiệu quả đạt được"),
        (
            {"first_applied_on": datetime.date.today() + datetime.timedelta(days=3)},
            "không được sau ngày hôm nay",
        ),
        ({"files": [("a.exe", b"MZ\x90\x00rest")]}, "Chưa lưu tệp nào"),
    ],
)
def test_a_bad_filing_is_refused_and_nothing_is_saved(file_one, changes, message):
    before = _counts()
    with pytest.raises(ValidationError) as refusal:
        file_one(**changes)
    assert message in _messages(refusal)
    assert _counts() == before


def test_co_authors_shares_must_sum_to_one_hundred(file_one, ward_people):
    a, b, _ = ward_people()
    before = _counts()
    with pytest.raises(ValidationError) as refusal:
        file_one(authors=[services.AuthorShare(a, 60), services.AuthorShare(b, 30)])
    assert "bằng 100% (hiện là 90%)" in _messages(refusal)
    assert _counts() == before


def test_an_author_outside_the_units_scope_is_refused(file_one, ward_people):
    stranger = ward_people("phuong-dinh-cong")[0]
    a = ward_people()[0]
    with pytest.raises(ValidationError) as refusal:
        file_one(authors=[services.AuthorShare(a, 50), services.AuthorShare(stranger, 50)])
    assert f"Tác giả {stranger.full_name} không thuộc Phường Hoàng Liệt" in _messages(refusal)


def test_a_unit_files_only_for_itself(demo_user, district, ward_people):
    other = demo_user("canbo.dinhcong")
    with pytest.raises(PermissionDenied):
        services.file_initiative(
            other,
            unit=demo_user("canbo.hoangliet").unit,
            council=district,
            year=2021,
            kind="sang_kien",
            name="X",
            field="Y",
            problem="Z",
            content="W",
            effect="E",
            first_applied_on=datetime.date(2021, 1, 1),
            authors=[services.AuthorShare(ward_people()[0], 100)],
            files=EVIDENCE,
        )


def test_a_filing_keeps_its_authors_and_evidence(file_one):
    initiative = file_one()
    assert initiative.state == S.DRAFT
    assert sorted(initiative.authors.values_list("share", flat=True)) == [40, 60]
    assert initiative.evidence.get().name == "bao-cao.txt"
    assert AuditEntry.objects.filter(action="initiatives.initiative.create").exists()


# -- each action from each source ----------------------------------------------------------
@pytest.fixture
def users(demo_user):
    return {
        "officer": demo_user("canbo.hoangliet"),
        "office": demo_user("thuongtruc"),
        "member": demo_user("uyvien"),
        "admin": demo_user("admin"),
    }


def _under_review(file_one, users):
    initiative = services.submit(users["officer"], file_one())
    return services.start_review(users["office"], initiative)


def _voted(file_one, users, agree=None):
    initiative = _under_review(file_one, users)
    present = 5
    return services.record_vote(
        users["office"],
        initiative,
        meeting_on=datetime.date(2021, 11, 1),
        present=present,
        agree=present if agree is None else agree,
    )


def _recognise(actor, initiative, **extra):
    return services.recognise(
        actor,
        initiative,
        decision_number="300/QĐ-UBND",
        decision_date=extra.pop("decision_date", datetime.date(2021, 11, 5)),
        signer="Nguyễn Quang Hiếu",
        signer_title="Chủ tịch",
        **extra,
    )


def test_submit_from_draft_and_from_returned(file_one, users):
    initiative = services.submit(users["officer"], file_one())
    assert initiative.state == S.SUBMITTED
    initiative = services.return_initiative(users["office"], initiative, note="Bổ sung số liệu.")
    assert (initiative.state, initiative.reasons) == (S.RETURNED, "Bổ sung số liệu.")
    assert services.submit(users["officer"], initiative).state == S.SUBMITTED
    steps = list(
        InitiativeTransition.objects.filter(initiative=initiative).values_list(
            "action", "from_state", "to_state"
        )
    )
    assert steps == [
        ("submit", S.DRAFT, S.SUBMITTED),
        ("return", S.SUBMITTED, S.RETURNED),
        ("submit", S.RETURNED, S.SUBMITTED),
    ]


def test_return_from_under_review_needs_a_reason(file_one, users):
    initiative = _under_review(file_one, users)
    with pytest.raises(ValidationError, match="lý do"):
        services.return_initiative(users["office"], initiative, note="")
    assert services.return_initiative(
        users["office"], initiative, note="Thiếu xác nhận."
    ).state == (S.RETURNED)


def test_a_refused_source(file_one, users):
    draft = file_one()
    with pytest.raises(ValidationError, match="Dự thảo"):
        services.start_review(users["office"], draft)
    with pytest.raises(ValidationError):
        _recognise(users["office"], draft)


def test_a_stale_version_is_refused(file_one, users):
    initiative = services.submit(users["officer"], file_one())
    with pytest.raises(ConflictError):
        services.start_review(users["office"], initiative, expected_version=initiative.version - 1)


def test_refused_roles(file_one, users, demo_user):
    draft = file_one()
    with pytest.raises(PermissionDenied):
        services.submit(users["member"], draft)
    submitted = services.submit(users["officer"], draft)
    with pytest.raises(PermissionDenied):
        services.start_review(users["officer"], submitted)
    with pytest.raises(PermissionDenied):
        services.start_review(demo_user("canbo.dinhcong"), submitted)


def test_recognise_needs_a_vote_that_passes(file_one, users):
    initiative = _under_review(file_one, users)
    with pytest.raises(ValidationError, match="chưa họp và biểu quyết"):
        _recognise(users["office"], initiative)
    initiative = services.record_vote(
        users["office"], initiative, meeting_on=datetime.date(2021, 11, 1), present=6, agree=3
    )
    with pytest.raises(ValidationError, match="chưa đạt ngưỡng"):
        _recognise(users["office"], initiative)


def test_a_vote_that_does_not_add_up_is_refused(file_one, users):
    initiative = _under_review(file_one, users)
    with pytest.raises(ValidationError, match="vượt số thành viên hội đồng"):
        services.record_vote(
            users["office"], initiative, meeting_on=datetime.date(2021, 11, 1), present=40, agree=30
        )


def test_recognition_writes_each_authors_record_with_its_decision(file_one, users):
    initiative = _recognise(users["office"], _voted(file_one, users))
    assert initiative.state == S.RECOGNISED
    for author in initiative.authors.select_related("record"):
        record = author.record
        assert (record.person_id, record.year, record.scope) == (author.person_id, 2021, "co_so")
        assert record.decision_number == "300/QĐ-UBND"
        assert record.recognised_by == "Ủy ban nhân dân quận Hoàng Mai"


def test_a_decision_dated_in_the_future_is_refused(file_one, users):
    initiative = _voted(file_one, users)
    with pytest.raises(ValidationError, match="không được sau hôm nay"):
        _recognise(
            users["office"],
            initiative,
            decision_date=timezone.localdate() + datetime.timedelta(days=1),
        )


def test_reject_from_under_review_with_reasons(file_one, users):
    initiative = _under_review(file_one, users)
    with pytest.raises(ValidationError):
        services.reject(users["office"], initiative, note="")
    initiative = services.reject(users["office"], initiative, note="Không có tính mới.")
    assert (initiative.state, initiative.reasons) == (S.NOT_RECOGNISED, "Không có tính mới.")
    assert not RecordedInitiative.objects.filter(authorships__initiative=initiative).exists()


# -- scores ---------------------------------------------------------------------------------
def _points(council, **override):
    return {c["code"]: override.get(c["code"], c["maximum"] - 1) for c in council.criteria}


def test_a_member_scores_their_own_sheet(file_one, users, district):
    initiative = _under_review(file_one, users)
    seat = district.members.get(user=users["member"])
    services.score(users["member"], initiative, member=seat, points=_points(district))
    assert initiative.scores.filter(member=seat).count() == 4
    other = district.members.exclude(pk=seat.pk).exclude(user__isnull=False).first()
    with pytest.raises(PermissionDenied, match="chính mình"):
        services.score(users["member"], initiative, member=other, points=_points(district))


def test_a_score_above_the_maximum_is_refused_and_nothing_saved(file_one, users, district):
    initiative = _under_review(file_one, users)
    seat = district.members.first()
    with pytest.raises(ValidationError) as refusal:
        services.score(
            users["office"], initiative, member=seat, points=_points(district, tinh_moi=31)
        )
    assert "Điểm “Tính mới” tối đa là 30, không nhận 31." in _messages(refusal)
    assert not initiative.scores.exists()


def test_a_member_who_is_an_author_may_not_score(file_one, users, district):
    seat = district.members.select_related("person").first()
    office = users["office"]
    initiative = services.file_initiative(
        office,
        unit=seat.person.unit,
        council=district,
        year=2021,
        kind="sang_kien",
        name="Sáng kiến của một thành viên",
        field="Nội vụ",
        problem="P",
        content="C",
        effect="Hiệu quả rõ.",
        first_applied_on=datetime.date(2021, 2, 1),
        authors=[services.AuthorShare(seat.person, 100)],
        files=EVIDENCE,
    )
    initiative = services.start_review(office, services.submit(office, initiative))
    with pytest.raises(ValidationError, match="là tác giả của sáng kiến này"):
        services.score(office, initiative, member=seat, points=_points(district))


def test_scores_only_while_under_review(file_one, users, district):
    with pytest.raises(ValidationError, match="đang xét"):
        services.score(
            users["office"], file_one(), member=district.members.first(), points=_points(district)
        )


# -- going up ---------------------------------------------------------------------------
def _recognised(file_one, users):
    return _recognise(users["office"], _voted(file_one, users))


def test_propose_up_lands_a_copy_in_the_citys_council(file_one, users, city):
    original = services.propose_up(users["officer"], _recognised(file_one, users))
    assert original.state == S.PROPOSED_UP
    copy = Initiative.objects.get(forwarded_from=original)
    assert (copy.council, copy.state, copy.unit) == (city, S.SUBMITTED, original.unit)
    assert copy.evidence.count() == original.evidence.count() == 1
    assert copy.evidence.get().file.name != original.evidence.get().file.name
    with pytest.raises(ValidationError):
        services.propose_up(users["officer"], original)


def test_the_citys_recognition_reaches_the_original_and_widens_the_record(file_one, users, city):
    admin = users["admin"]
    original = services.propose_up(users["officer"], _recognised(file_one, users))
    copy = services.start_review(admin, Initiative.objects.get(forwarded_from=original))
    copy = services.record_vote(
        admin, copy, meeting_on=datetime.date(2021, 12, 1), present=4, agree=3
    )
    with pytest.raises(ValidationError, match="không trả lại"):
        services.return_initiative(admin, copy, note="Bổ sung")
    _recognise(admin, copy, decision_date=datetime.date(2021, 12, 5))
    original.refresh_from_db()
    assert original.state == S.RECOGNISED_UP
    records = RecordedInitiative.objects.filter(authorships__initiative=original).distinct()
    assert records.count() == 2  # one per author, not one per council
    assert set(records.values_list("scope", flat=True)) == {"tinh"}


def test_the_citys_refusal_sends_the_original_back_to_recognised(file_one, users, city):
    admin = users["admin"]
    original = services.propose_up(users["officer"], _recognised(file_one, users))
    copy = services.start_review(admin, Initiative.objects.get(forwarded_from=original))
    services.reject(admin, copy, note="Chưa có phạm vi ảnh hưởng cấp Thành phố.")
    original.refresh_from_db()
    assert original.state == S.RECOGNISED
    step = original.transitions.order_by("pk").last()
    assert (step.action, step.note) == ("refused_above", "Chưa có phạm vi ảnh hưởng cấp Thành phố.")


def test_a_unit_may_not_decide_for_the_city(file_one, users, city):
    original = services.propose_up(users["officer"], _recognised(file_one, users))
    copy = Initiative.objects.get(forwarded_from=original)
    with pytest.raises(PermissionDenied):
        services.start_review(users["officer"], copy)


# -- the verdict changes -----------------------------------------------------------------
def test_a_recognised_initiative_changes_the_cstd_co_so_verdict(demo_user, district, users):
    """Law 2022 Đ23: CSTĐCS needs LĐTT and (HTXSNV or an initiative recognised by the unit)."""
    from vinhdanh.initiatives.demo import HOANG_LIET, _fails_only

    person = next(
        p
        for p in Person.objects.filter(unit__code=HOANG_LIET).order_by("-code")
        if _fails_only(p, "chien_si_thi_dua_co_so", 2021, "sang_kien")
    )
    assert not explain(person, "chien_si_thi_dua_co_so", 2021).eligible
    office = users["office"]
    initiative = services.file_initiative(
        users["officer"],
        unit=users["officer"].unit,
        council=district,
        year=2021,
        kind="de_tai",
        name="Đề tài thử",
        field="Giáo dục",
        problem="P",
        content="C",
        effect="Hiệu quả rõ.",
        first_applied_on=datetime.date(2021, 2, 1),
        authors=[services.AuthorShare(person, 100)],
        files=EVIDENCE,
    )
    initiative = services.start_review(office, services.submit(users["officer"], initiative))
    initiative = services.record_vote(
        office, initiative, meeting_on=datetime.date(2021, 11, 1), present=3, agree=2
    )
    _recognise(office, initiative)
    verdict = explain(person, "chien_si_thi_dua_co_so", 2021)
    assert verdict.eligible
    assert [c.passed for c in verdict.checks if c.rule == "sang_kien"] == [True]


def test_a_paper_proposal_needs_its_letter_and_its_result_recorded_by_hand(file_one, users):
    recognised = _recognised(file_one, users)
    with pytest.raises(ValidationError, match="ghi rõ văn bản đề nghị"):
        services.propose_up(users["officer"], recognised)
    original = services.propose_up(users["officer"], recognised, note="Tờ trình số 9/TTr-UBND.")
    assert not Initiative.objects.filter(forwarded_from=original).exists()
    with pytest.raises(PermissionDenied):
        services.record_result_above(users["officer"], original, recognised=False, note="Không")
    with pytest.raises(ValidationError, match="cơ quan công nhận, số và ngày"):
        services.record_result_above(users["office"], original, recognised=True)
    original = services.record_result_above(
        users["office"],
        original,
        recognised=True,
        body="UBND thành phố Hà Nội",
        decision_number="77/QĐ-UBND",
        decision_date=datetime.date(2021, 12, 20),
    )
    assert original.state == S.RECOGNISED_UP
    assert set(
        RecordedInitiative.objects.filter(authorships__initiative=original).values_list(
            "scope", "decision_number", "recognised_by"
        )
    ) == {("tinh", "77/QĐ-UBND", "UBND thành phố Hà Nội")}


def test_a_paper_proposal_refused_goes_back_to_recognised(file_one, users):
    original = services.propose_up(users["officer"], _recognised(file_one, users), note="Tờ trình.")
    original = services.record_result_above(
        users["office"], original, recognised=False, note="Chưa đủ phạm vi ảnh hưởng."
    )
    assert original.state == S.RECOGNISED
    assert set(
        RecordedInitiative.objects.filter(authorships__initiative=original).values_list(
            "scope", flat=True
        )
    ) == {"co_so"}
