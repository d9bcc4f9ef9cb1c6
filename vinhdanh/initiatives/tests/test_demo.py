"""The demo's initiatives: every state, both scopes, and the verdicts they change."""

import pytest

from vinhdanh.initiatives.models import Initiative, InitiativeState
from vinhdanh.records.models import Initiative as RecordedInitiative
from vinhdanh.records.screening import explain

pytestmark = pytest.mark.django_db


def test_the_demo_has_initiatives_at_every_state(demo):
    states = set(Initiative.objects.values_list("state", flat=True))
    assert states >= {
        InitiativeState.DRAFT,
        InitiativeState.SUBMITTED,
        InitiativeState.UNDER_REVIEW,
        InitiativeState.RETURNED,
        InitiativeState.RECOGNISED,
        InitiativeState.NOT_RECOGNISED,
        InitiativeState.RECOGNISED_UP,
    }
    assert not Initiative.objects.filter(council__unit__code="ha-noi").exists()


def test_the_city_recognition_makes_its_author_eligible_for_cstd_thanh_pho(demo):
    original = Initiative.objects.get(state=InitiativeState.RECOGNISED_UP)
    # 2021: the city's council works outside Vinh Danh; its decision was recorded by hand.
    assert not Initiative.objects.filter(forwarded_from=original).exists()
    assert "5120/QĐ-UBND" in original.transitions.get(action="recognised_above").note
    author = original.authors.get()
    assert (author.record.scope, author.record.decision_number) == ("tinh", "5120/QĐ-UBND")
    assert author.record.recognised_by == "Ủy ban nhân dân thành phố Hà Nội"
    verdict = explain(author.person, "chien_si_thi_dua_tinh", original.year)
    assert verdict.eligible, [c.message for c in verdict.checks if c.passed is not True]
    author.record.delete()
    assert not explain(author.person, "chien_si_thi_dua_tinh", original.year).eligible


def test_the_base_recognition_makes_its_author_eligible_for_cstd_co_so(demo):
    first = Initiative.objects.get(name__startswith="Số hóa hồ sơ một cửa")
    lead = first.authors.order_by("-share").first()
    assert lead.record.scope == "co_so" and lead.record.decision_number == "215/QĐ-UBND"
    assert explain(lead.person, "chien_si_thi_dua_co_so", 2021).eligible
    RecordedInitiative.objects.filter(pk=lead.record_id).delete()
    assert not explain(lead.person, "chien_si_thi_dua_co_so", 2021).eligible
