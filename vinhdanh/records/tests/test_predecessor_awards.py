"""A successor's page shows its predecessors' titles; the province says whether they count."""

import datetime

import pytest
from django.urls import reverse

from tests.html_text import element_text
from vinhdanh.org.merging import merge_units
from vinhdanh.org.models import Person, Unit, UnitSuccession
from vinhdanh.records.history import history_rows, predecessors_of
from vinhdanh.records.models import PastAward
from vinhdanh.rules.provincial import province_of, set_rule_setting

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)


@pytest.fixture
def merged(demo_user):
    """Thịnh Liệt merged into Hoàng Liệt in 2025, with a title of 2024."""
    target = Unit.objects.get(code="phuong-hoang-liet")
    absorbed = Unit.objects.get(code="phuong-thinh-liet")
    PastAward.objects.create(
        unit=absorbed, year=2024, title_code="tap_the_lao_dong_tien_tien", decision_ref="12/QĐ-UBND"
    )
    merge_units(
        actor=demo_user("thuongtruc"), sources=[absorbed], target=target, effective_on=REFORM
    )
    return target, absorbed


def test_predecessors_are_followed_through_every_generation(merged):
    target, absorbed = merged
    older = Unit.objects.create(
        code="phuong-cu", name="Phường Cũ", kind="ward", level=absorbed.level,
        parent=absorbed.parent, valid_to=datetime.date(2008, 1, 1),
    )  # fmt: skip
    UnitSuccession.objects.create(
        predecessor=older, successor=absorbed, effective_on=datetime.date(2008, 1, 1), share="part"
    )
    assert predecessors_of([target.pk]) == {target.pk: [absorbed.pk, older.pk]}


def test_the_rules_see_predecessors_titles_only_when_asked(merged):
    target, _absorbed = merged
    own = history_rows([target.pk], 2015, 2025, field="unit")[target.pk]["awards"]
    inherited = history_rows([target.pk], 2015, 2025, field="unit", with_predecessors=True)
    assert (2024, "tap_the_lao_dong_tien_tien") not in own
    assert (2024, "tap_the_lao_dong_tien_tien") in inherited[target.pk]["awards"]


def test_the_successor_page_shows_the_predecessors_titles_and_whether_they_count(
    client, demo_user, merged
):
    target, absorbed = merged
    office = demo_user("thuongtruc")
    client.force_login(office)
    url = reverse("org:unit_detail", args=[target.pk])
    page = element_text(client.get(url).content.decode(), testid="predecessor-awards")
    assert absorbed.name in page and "Tập thể lao động tiên tiến" in page and "12/QĐ-UBND" in page
    assert "chỉ được hiển thị để tham khảo, không được tính" in page
    lineage = element_text(client.get(url).content.decode(), testid="predecessors")
    assert f"{absorbed.name} (toàn bộ, 01/07/2025)" in lineage
    set_rule_setting(
        actor=office,
        province=province_of(target),
        name="successor_counts_predecessor_titles",
        text="true",
    )
    page = element_text(client.get(url).content.decode(), testid="predecessor-awards")
    assert "được tính khi xét thi đua, khen thưởng cho đơn vị này" in page
    successors = element_text(
        client.get(reverse("org:unit_detail", args=[absorbed.pk])).content.decode(),
        testid="successors",
    )
    assert target.name in successors


def test_a_persons_page_shows_their_dated_units(client, demo_user, merged):
    target, absorbed = merged
    person = Person.objects.filter(unit_history__unit=absorbed).first()
    client.force_login(demo_user("thuongtruc"))
    page = element_text(
        client.get(reverse("org:person_detail", args=[person.pk])).content.decode(),
        testid="unit-history",
    )
    assert f"{absorbed.name} Chưa rõ 01/07/2025" in page
    assert f"{target.name} 01/07/2025 Hiện nay" in page
