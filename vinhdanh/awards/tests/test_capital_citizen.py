"""Công dân Thủ đô ưu tú (Hà Nội, QĐ 71/2025/QĐ-UBND) through the nomination workflow and the
rules engine, from law.md §13.1 mục 7 and V11: at most 10 a year city-wide, nobody disciplined
at khiển trách or above, at least 90% of the council's members, public notice before the vote."""

import datetime
from decimal import Decimal

import pytest

from vinhdanh.awards.checks import vote_passes
from vinhdanh.awards.eligibility import judgement_for
from vinhdanh.awards.models import AwardBasis, Nomination, State, Title
from vinhdanh.awards.quota import province_year_count
from vinhdanh.awards.services.counting import threshold_for
from vinhdanh.awards.workflows import NOMINATIONS
from vinhdanh.org.models import Council, Person
from vinhdanh.records.models import DisciplineRecord, PastAward
from vinhdanh.workflow.table import ActionRefused

pytestmark = pytest.mark.django_db
YEAR = 2026
CODE = "cong_dan_thu_do_uu_tu"


@pytest.fixture
def title():
    return Title.objects.get(code=CODE)


@pytest.fixture
def people():
    return list(Person.objects.filter(unit__code__startswith="phuong-").order_by("pk")[:30])


def _nominate(title, person, state=State.SUBMITTED, **extra) -> Nomination:
    return Nomination.objects.create(
        unit=person.unit,
        person=person,
        title=title,
        basis=AwardBasis.objects.get(code="thuong_xuyen"),
        year=YEAR,
        achievements="Công dân tiêu biểu của Thủ đô.",
        state=state,
        **extra,
    )


def _check(nomination, rule):
    verdict = judgement_for(nomination).verdict
    return next(c for c in verdict.checks if c.rule == rule), verdict


def test_the_tenth_of_the_year_passes_the_eleventh_is_refused(title, people):
    for person in people[:9]:
        _nominate(title, person)
    tenth = _nominate(title, people[9], state=State.DRAFT)
    check, _ = _check(tenth, "toi_da_moi_nam")
    assert check.passed is True and "10" in check.message
    _nominate(title, people[10])  # the tenth live dossier of the year
    eleventh = _nominate(title, people[11], state=State.DRAFT)
    check, verdict = _check(eleventh, "toi_da_moi_nam")
    assert check.passed is False and "vượt giới hạn 10" in check.message
    assert "71/2025/QĐ-UBND" in check.basis
    assert verdict.verdict == "ineligible"


def test_what_counts_towards_the_ten(title, people):
    """Decided and pending dossiers count, each once (a copy sent up is its original's);
    refused, revoked, drafts and other years do not; awards recorded outside Vinh Danh for
    the year do."""
    original = _nominate(title, people[0], state=State.FORWARDED)
    copy = _nominate(title, people[0], state=State.SUBMITTED, forwarded_from=original)
    _nominate(title, people[1], state=State.DECIDED)
    _nominate(title, people[2], state=State.NOT_APPROVED)
    _nominate(title, people[3], state=State.REJECTED)
    _nominate(title, people[4], state=State.REVOKED)
    _nominate(title, people[5], state=State.DRAFT)
    Nomination.objects.create(
        unit=people[6].unit, person=people[6], title=title, basis=original.basis,
        year=YEAR - 1, achievements="Năm trước.", state=State.DECIDED,
    )  # fmt: skip
    PastAward.objects.create(person=people[7], year=YEAR, title_code=CODE)
    judged = _nominate(title, people[8], state=State.DRAFT)
    # the original (with its copy), the decided one, the recorded award, and this one
    assert province_year_count(judged) == 4
    # The copy at the city and its original count as one dossier, whichever is judged.
    assert province_year_count(copy) == 3
    assert province_year_count(original) == 3


def test_a_person_disciplined_at_khien_trach_is_refused(title, people):
    person = people[0]
    DisciplineRecord.objects.create(
        person=person,
        year=YEAR,
        form="khien_trach",
        decision_date=datetime.date(YEAR, 3, 1),
    )
    check, verdict = _check(
        _nominate(title, person, state=State.DRAFT), "khong_bi_ky_luat_tu_khien_trach"
    )
    assert check.passed is False and verdict.verdict == "ineligible"
    clean, _ = _check(
        _nominate(title, people[1], state=State.DRAFT), "khong_bi_ky_luat_tu_khien_trach"
    )
    assert clean.passed is True


def test_the_council_needs_ninety_percent_of_its_members(title):
    council = Council.objects.get(unit__code="hoang-mai")  # a council of Hà Nội
    threshold, strictly_above, note = threshold_for(title, council)
    assert threshold == Decimal("0.900") and strictly_above is False
    assert "tổng số thành viên" in note
    assert vote_passes(89, 100, threshold) is False
    assert vote_passes(90, 100, threshold) is True
    assert vote_passes(26, 29, threshold) is False  # 89.7%
    assert vote_passes(27, 29, threshold) is True  # 93.1%


def test_no_vote_before_the_public_notice():
    with pytest.raises(ActionRefused):
        NOMINATIONS.check("open_vote", State.APPRAISED)
    assert NOMINATIONS.check("open_vote", State.ANNOUNCED)[1] == State.VOTING


def test_the_city_confers_it(title):
    assert [row["level"] for row in title.conferred_by] == ["province"]
    assert "Ủy ban nhân dân thành phố Hà Nội" in title.conferred_by[0]["conferrer"]


def test_another_title_has_no_city_wide_count(people):
    giay_khen = Title.objects.get(code="giay_khen")
    assert province_year_count(_nominate(giay_khen, people[0], state=State.DRAFT)) is None


def test_the_catalogue_version_2026_12_2_is_loaded(title):
    """Migration 0011 brings the title to the catalogue's version: who proposes it, the cap
    over the city, the notice before the vote."""
    from vinhdanh.awards.catalogue_loader import read_catalogue

    data = read_catalogue()
    entry = next(t for t in data["titles"] if t["id"] == CODE)
    assert data["version"] == "2026.12.2" and entry["proposed_by"] == ["commune", "department"]
    assert title.catalogue_version == "2026.12.2"
    assert title.criteria == entry["criteria"]
    assert any("trước khi Hội đồng bỏ phiếu" in line for line in title.criteria)
