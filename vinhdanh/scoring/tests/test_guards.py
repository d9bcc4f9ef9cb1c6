"""Locking or finalising a cluster's results with units unscored or covenants unsigned needs
a written reason, kept on the sheet's history; the buttons ask for confirmation first."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from vinhdanh.org.models import Cluster
from vinhdanh.scoring import services
from vinhdanh.scoring.models import (
    CovenantSignature,
    CriteriaSheet,
    Scorecard,
    ScorecardState,
    SheetState,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(demo):
    return CriteriaSheet.objects.get(cluster=Cluster.objects.get(year=2021, code="cum-1"))


def _leave_gaps(sheet):
    """One unit's card back to draft, another unit's signature of the covenant gone."""
    card = Scorecard.objects.filter(sheet=sheet).order_by("unit__code").first()
    Scorecard.objects.filter(pk=card.pk).update(state=ScorecardState.DRAFT)
    signature = CovenantSignature.objects.filter(covenant__cluster=sheet.cluster).first()
    if signature is None:
        return card.unit, None
    unsigned = signature.unit
    signature.delete()
    return card.unit, unsigned


def test_closing_gaps_name_the_units(sheet):
    unscored, unsigned = _leave_gaps(sheet)
    gaps = services.closing_gaps(sheet)
    assert f"Chưa gửi kết quả chấm điểm: {unscored.name}" in gaps[0]
    assert unsigned is not None, "the demo's cluster has signed its covenant"
    assert unsigned.name in gaps[1] and gaps[1].startswith("Chưa ký giao ước:")


@pytest.mark.parametrize("act", [services.lock_sheet, services.finalise_sheet])
def test_closing_with_gaps_needs_a_reason_kept_in_the_history(sheet, demo_user, act):
    office = demo_user("thuongtruc")
    _leave_gaps(sheet)
    with pytest.raises(ValidationError) as refused:
        act(office, sheet, reason="  ")
    assert "Cần ghi rõ lý do khi khóa hoặc chốt kết quả" in refused.value.message_dict["note"][0]
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == SheetState.OPEN
    closed = act(office, sheet, reason="Đơn vị vắng do sáp nhập, Hội đồng đã đồng ý.")
    assert closed.state in (SheetState.LOCKED, SheetState.FINALISED)
    step = closed.transitions.latest("pk")
    assert step.note == "Đơn vị vắng do sáp nhập, Hội đồng đã đồng ý."


def test_a_role_that_may_not_lock_is_refused_before_the_gaps(sheet, demo_user):
    _leave_gaps(sheet)
    with pytest.raises(PermissionDenied):
        services.lock_sheet(demo_user("canbo.hoangliet"), sheet)


def test_the_page_lists_the_gaps_and_asks_before_locking(client, sheet, demo_user):
    unscored, _unsigned = _leave_gaps(sheet)
    client.force_login(demo_user("thuongtruc"))
    url = reverse("scoring:cluster_year", args=[sheet.cluster_id])
    page = client.get(url).content.decode()
    assert 'data-testid="closing-gaps"' in page and unscored.name in page
    lock_button = page.split('value="lock"')[1].split(">")[0]
    assert "data-confirm=" in lock_button
    refused = client.post(
        reverse("scoring:sheet_lock", args=[sheet.cluster_id]),
        {"action": "lock", "version": sheet.version, "note": ""},
    )
    assert "Cần ghi rõ lý do khi khóa" in refused.content.decode()
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == SheetState.OPEN
    client.post(
        reverse("scoring:sheet_lock", args=[sheet.cluster_id]),
        {"action": "lock", "version": sheet.version, "note": "Hội đồng đồng ý khóa sớm."},
    )
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == SheetState.LOCKED
