"""A council whose unit has ended decides no more; a successor counts its predecessors'
titles only where the province says so."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from vinhdanh.awards import services
from vinhdanh.awards.eligibility import _history
from vinhdanh.awards.models import Decision
from vinhdanh.awards.tests.helpers import new_draft, to_voted
from vinhdanh.org.models import Council, Unit, UnitSuccession
from vinhdanh.records.models import PastAward
from vinhdanh.rules.engine import make_config

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)


def test_a_council_whose_unit_ended_cannot_decide_after_its_end_date(demo_user):
    leader = demo_user("chutich")
    council = Council.objects.order_by("pk").first()
    Unit.objects.filter(pk=council.unit_id).update(valid_to=REFORM)
    voted = to_voted(demo_user, new_draft(demo_user))
    before = Decision.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(leader, [voted], signed_on=datetime.date(2025, 8, 1))
    assert refused.value.messages == [
        f"“{council.unit.name}” đã chấm dứt hoạt động từ ngày 01/07/2025, không thể thực hiện "
        "cho ngày 01/08/2025."
    ]
    assert Decision.objects.count() == before
    voted.refresh_from_db()
    assert voted.decision_id is None
    decision = services.issue_decision(leader, [voted], signed_on=datetime.date(2025, 6, 30))
    assert decision.signed_on == datetime.date(2025, 6, 30)


def test_a_successor_counts_predecessors_titles_only_when_the_province_says_so(demo):
    successor = Unit.objects.get(code="phuong-hoang-liet")
    predecessor = Unit.objects.get(code="phuong-thinh-liet")
    UnitSuccession.objects.create(
        predecessor=predecessor, successor=successor, effective_on=REFORM, share="whole"
    )
    PastAward.objects.create(unit=predecessor, year=2024, title_code="tap_the_lao_dong_xuat_sac")
    nomination = SimpleNamespace(
        person_id=None, collective_id=successor.pk, year=2025, state="draft",
        title=SimpleNamespace(code="co_thi_dua_tinh"),
    )  # fmt: skip

    def held(config):
        return {tuple(award[:2]) for award in _history(nomination, config).awards}

    assert (2024, "tap_the_lao_dong_xuat_sac") not in held(make_config())
    counted = make_config({"successor_counts_predecessor_titles": True})
    assert (2024, "tap_the_lao_dong_xuat_sac") in held(counted)
