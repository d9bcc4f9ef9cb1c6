"""A council whose unit has ended decides no more; a successor counts its predecessors'
titles only where the province says so."""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.html_text import element_text
from vinhdanh.awards import services
from vinhdanh.awards.eligibility import _history
from vinhdanh.awards.models import Decision, State
from vinhdanh.awards.tests.helpers import new_draft, to_voted
from vinhdanh.org.models import Council, Unit, UnitSuccession
from vinhdanh.records.models import PastAward
from vinhdanh.rules.engine import make_config
from vinhdanh.workflow.permissions import allows

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)


@time_machine.travel(datetime.datetime(2025, 6, 30, 9, 0), tick=False)
def test_a_council_whose_unit_ended_cannot_decide_after_its_end_date(demo_user):
    """On 30/06/2025 the district still acts, but not for a decision dated after its end."""
    leader = demo_user("chutich")
    council = Council.objects.get(unit__code="hoang-mai")
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


def test_after_its_end_a_councils_accounts_read_its_records_and_change_nothing(client, demo_user):
    """From 01/07/2025 a district's chairman and office act for nothing: every action is
    refused with the end date, the buttons are gone, the records stay readable."""
    voted = to_voted(demo_user, new_draft(demo_user))
    detail = reverse("awards:nomination_detail", args=[voted.pk])
    client.force_login(demo_user("chutich"))
    before_the_end = client.get(detail).content.decode()
    assert 'data-testid="step-decide"' in before_the_end
    assert 'data-testid="seat-ended"' not in before_the_end
    Unit.objects.filter(code="hoang-mai").update(valid_to=REFORM)
    leader, office = demo_user("chutich"), demo_user("thuongtruc")
    with pytest.raises(PermissionDenied) as refused:
        services.issue_decision(leader, [voted], signed_on=REFORM - datetime.timedelta(days=1))
    assert str(refused.value) == (
        "“Ủy ban nhân dân quận Hoàng Mai” đã chấm dứt hoạt động từ ngày 01/07/2025, không thể "
        f"thực hiện cho ngày {timezone.localdate():%d/%m/%Y}. Tài khoản này chỉ còn xem được hồ "
        "sơ đã lưu."
    )
    voted.refresh_from_db()
    assert voted.state == State.VOTED and voted.decision_id is None
    assert not allows(office, "awards.create_nomination")
    assert allows(office, "awards.export_dossier", voted)  # reading and exporting stay
    page = client.get(detail)
    assert page.status_code == 200
    assert 'data-testid="step-decide"' not in page.content.decode()
    assert voted.person.full_name in page.content.decode()
    notice = element_text(page.content.decode(), testid="seat-ended")
    assert "đã chấm dứt hoạt động từ ngày 01/07/2025" in notice


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
