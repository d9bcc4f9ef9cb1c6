"""The 2025 reform merged wards: people, sub-units and accounts move; history stays put."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.merging import merge_units
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import PastAward

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)


@pytest.fixture
def wards():
    return Unit.objects.get(code="phuong-hoang-liet"), Unit.objects.get(code="phuong-thinh-liet")


def test_people_children_and_accounts_move_and_the_absorbed_unit_keeps_its_history(
    demo_user, wards
):
    target, absorbed = wards
    people = set(Person.objects.filter(unit=absorbed).values_list("pk", flat=True))
    child = Unit.objects.create(
        code="to-1",
        name="Tổ dân phố 1",
        kind="small_collective",
        level=absorbed.level,
        parent=absorbed,
    )
    award = PastAward.objects.create(
        unit=absorbed, year=2024, title_code="tap_the_lao_dong_tien_tien"
    )
    officer = User.objects.create_user(
        "canbo.thinhliet", password="x-Strong-pass-1", role="unit_officer", unit=absorbed
    )
    merge_units(
        actor=demo_user("thuongtruc"), sources=[absorbed], target=target, effective_on=REFORM
    )
    absorbed.refresh_from_db()
    child.refresh_from_db()
    assert (absorbed.is_active, absorbed.merged_into, absorbed.merged_on) == (False, target, REFORM)
    assert set(Person.objects.filter(unit=target).values_list("pk", flat=True)) >= people
    assert child.parent == target and child.path.startswith(target.path)
    officer.refresh_from_db()
    assert officer.unit == target
    award.refresh_from_db()
    assert award.unit == absorbed
    entry = AuditEntry.objects.get(action="org.unit.merge", object_id=str(absorbed.pk))
    assert set(entry.after["moved_people"]) == people


@pytest.mark.parametrize("case", ["itself", "into_its_child", "already_merged", "nothing"])
def test_impossible_merges_are_refused_in_vietnamese_and_change_nothing(demo_user, wards, case):
    target, absorbed = wards
    office = demo_user("thuongtruc")
    district = Unit.objects.get(code="hoang-mai")
    if case == "already_merged":
        merge_units(actor=office, sources=[absorbed], target=target, effective_on=REFORM)
    sources, into = {
        "itself": ([target], target),
        "into_its_child": ([district], target),
        "already_merged": ([absorbed], target),
        "nothing": ([], target),
    }[case]
    before = Person.objects.filter(unit=target).count()
    with pytest.raises(ValidationError):
        merge_units(actor=office, sources=sources, target=into, effective_on=REFORM)
    assert Person.objects.filter(unit=target).count() == before
    district.refresh_from_db()
    assert district.is_active


def test_only_the_office_merges_units(demo_user, wards, client):
    target, absorbed = wards
    with pytest.raises(PermissionDenied):
        merge_units(
            actor=demo_user("canbo.hoangliet"),
            sources=[absorbed],
            target=target,
            effective_on=REFORM,
        )
    client.force_login(demo_user("thuongtruc"))
    response = client.post(
        reverse("org:unit_merge", args=[target.pk]),
        {"sources": [absorbed.pk], "effective_on": "2025-07-01"},
        follow=True,
    )
    assert "Đã sáp nhập 1 đơn vị" in response.content.decode()
    absorbed.refresh_from_db()
    assert absorbed.merged_into == target


@pytest.mark.parametrize(
    ("with_source", "day", "message"),
    [
        (True, "2025-13-01", "Nhập ngày sáp nhập hợp lệ."),
        (False, "2025-07-01", "Chọn ít nhất một đơn vị được sáp nhập."),
    ],
)
def test_the_merge_form_says_what_is_wrong_and_merges_nothing(
    demo_user, wards, client, with_source, day, message
):
    target, absorbed = wards
    client.force_login(demo_user("thuongtruc"))
    data = {"effective_on": day, "sources": [absorbed.pk] if with_source else []}
    response = client.post(reverse("org:unit_merge", args=[target.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    absorbed.refresh_from_db()
    assert absorbed.is_active and absorbed.merged_into is None


def test_the_merge_form_is_only_offered_to_the_office(demo_user, wards, client):
    target, _absorbed = wards
    client.force_login(demo_user("chutich"))
    page = client.get(reverse("org:unit_detail", args=[target.pk])).content.decode()
    assert 'data-testid="merge-form"' not in page
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("org:unit_detail", args=[target.pk])).content.decode()
    assert 'data-testid="merge-form"' in page
