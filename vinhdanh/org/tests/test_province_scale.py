"""People and units at province scale: the folded search column, its index, capped pages."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from vinhdanh.core.paging import CappedPaginator, capped_page
from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.org import services
from vinhdanh.org.models import Person, Unit
from vinhdanh.org.selectors import people_for, units_for
from vinhdanh.org.tests.test_query_budgets import grow_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


@pytest.fixture
def ward(demo):
    return Unit.objects.get(code="phuong-hoang-liet")


def test_the_folded_column_follows_every_save_and_matches_accent_free_input(office, ward):
    person = services.create_person(
        actor=office, code="lan-1", full_name="Nguyễn Thị Lan", unit=ward, gender="female"
    )
    assert Person.objects.get(pk=person.pk).search_text == " nguyen thi lan | lan-1 "
    assert [p.pk for p in people_for(office, "nguyen thi lan")] == [person.pk]

    services.update_person(actor=office, person=person, full_name="Đặng Thị Lan Hương")
    assert Person.objects.get(pk=person.pk).search_text == " dang thi lan huong | lan-1 "
    assert not people_for(office, "nguyen thi lan").filter(pk=person.pk).exists()
    assert person.pk in [p.pk for p in people_for(office, "dang thi lan")]

    unit = Unit.objects.get(code="phong-noi-vu")
    unit.name = "Phòng Nội vụ và Lao động"
    unit.save()
    assert units_for(office, "noi vu lao dong").get().pk == unit.pk


@pytest.mark.postgres
def test_postgresql_serves_the_search_from_trigram_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexdef FROM pg_indexes WHERE indexname IN "
            "('org_person_search_text_trgm', 'org_unit_search_text_trgm') ORDER BY tablename"
        )
        rows = cursor.fetchall()
    assert [table for table, _definition in rows] == ["org_person", "org_unit"]
    assert all("USING gin (search_text gin_trgm_ops)" in definition for _t, definition in rows)


def test_a_capped_page_counts_at_most_its_cap(ward):
    grow_people(ward, "Phạm Văn Đếm")(30)
    people = Person.objects.filter(full_name__startswith="Phạm Văn Đếm").order_by("pk")
    paginator = CappedPaginator(people, 10, cap=25)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (25, True, 3)
    assert len(paginator.page(3).object_list) == 5
    under = CappedPaginator(people, 10, cap=100)
    assert (under.count, under.capped, under.num_pages) == (30, False, 3)
    # A page past the cap is the last page the cap allows, not an error.
    request = RequestFactory().get("/", {"page": "9"})
    assert capped_page(people, request, 10, cap=25).number == 3


def test_the_people_list_says_more_than_the_cap_instead_of_counting_all(
    client, office, ward, settings
):
    grow_people(ward, "Phạm Văn Đếm")(30)
    client.force_login(office)
    settings.LIST_COUNT_CAP = 20
    html = client.get(reverse("org:person_list"), {"q": "pham van dem"}).content.decode()
    assert "Hơn 20 cá nhân" in html
    settings.LIST_COUNT_CAP = 1000
    html = client.get(reverse("org:person_list"), {"q": "pham van dem"}).content.decode()
    count = html.split('data-testid="people-count">')[1].split("</span>")[0]
    assert count.split() == [str(people_for(office, "pham van dem").count()), "cá", "nhân"]


def test_the_global_search_costs_as_many_queries_with_more_matches(client, demo_user, ward):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("home:search") + "?q=tran+van+thu"
    html = assert_flat(client, url, grow_people(ward, "Trần Văn Thử")).content.decode()
    assert html.count("Trần Văn Thử") == 25  # one page of the capped list
