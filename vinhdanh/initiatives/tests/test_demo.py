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


def test_the_city_recognition_makes_its_author_eligible_for_cstd_thanh_pho(demo):
    copy = Initiative.objects.get(forwarded_from__isnull=False)
    assert copy.state == InitiativeState.RECOGNISED
    assert copy.forwarded_from.state == InitiativeState.RECOGNISED_UP
    author = copy.authors.get()
    # One record per author, at the widest scope recognised, linked from both author rows.
    assert author.record.scope == "tinh"
    assert copy.forwarded_from.authors.get().record_id == author.record_id
    verdict = explain(author.person, "chien_si_thi_dua_tinh", copy.year)
    assert verdict.eligible, [c.message for c in verdict.checks if c.passed is not True]
    author.record.delete()
    assert not explain(author.person, "chien_si_thi_dua_tinh", copy.year).eligible


def test_the_base_recognition_makes_its_author_eligible_for_cstd_co_so(demo):
    first = Initiative.objects.get(name__startswith="Số hóa hồ sơ một cửa")
    lead = first.authors.order_by("-share").first()
    assert lead.record.scope == "co_so" and lead.record.decision_number == "215/QĐ-UBND"
    assert explain(lead.person, "chien_si_thi_dua_co_so", 2021).eligible
    RecordedInitiative.objects.filter(pk=lead.record_id).delete()
    assert not explain(lead.person, "chien_si_thi_dua_co_so", 2021).eligible
