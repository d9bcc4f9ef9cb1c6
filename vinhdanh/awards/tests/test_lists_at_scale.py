"""The awards lists at province scale: keyset pages, capped counts, the default year, and the
nomination form's search choosers (scope, accents, forged ids)."""

import re

import pytest
from django.urls import reverse

from vinhdanh.awards import paging, selectors
from vinhdanh.awards.models import Nomination, State, Title
from vinhdanh.awards.tests.test_query_budgets import _nominations, _open_votes
from vinhdanh.core.tests.query_budget import assert_flat, queries
from vinhdanh.org.models import Person, Unit

HOANG_LIET = "phuong-hoang-liet"
DINH_CONG = "phuong-dinh-cong"
ROW_LINK = re.compile(r'href="/awards/(\d+)/"')


# Pure parts: cursors and counts.


def test_a_cursor_round_trips_and_a_malformed_one_means_the_first_page():
    assert paging.decode_cursor(paging.encode_cursor(2026, 51)) == (2026, 51)
    for text in (None, "", "2026", "x-1", "2026-", "-5", "2026-5; drop", "2026--5"):
        assert paging.decode_cursor(text) is None


def test_a_count_above_the_cap_says_more_than_the_cap():
    assert paging.count_label(37) == "37"
    assert paging.count_label(1000) == "1.000"
    assert paging.count_label(1001) == "hơn 1.000"
    assert paging.count_label(6, cap=5) == "hơn 5"


# Keyset pages.


def _walk(queryset, size):
    """Every row of `queryset`, page after page by cursor."""
    seen, cursor = [], None
    while True:
        page = paging.keyset_page(queryset, cursor, size)
        seen += [row.pk for row in page.rows]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


@pytest.mark.django_db
def test_keyset_pages_skip_and_repeat_nothing_among_rows_of_the_same_year(demo):
    # 23 rows of one year (ties on the year) and 9 of the year before, in pages of 5.
    made = _nominations(23, State.DRAFT, year=2040) + _nominations(9, State.DRAFT, year=2039)
    queryset = Nomination.objects.filter(pk__in=[n.pk for n in made])
    expected = list(queryset.order_by("-year", "-pk").values_list("pk", flat=True))
    assert _walk(queryset, 5) == expected and len(set(expected)) == 32


@pytest.mark.django_db
def test_a_row_added_while_paging_does_not_shift_the_next_page(demo):
    made = _nominations(12, State.DRAFT, year=2040)
    queryset = Nomination.objects.filter(year=2040)
    first = paging.keyset_page(queryset, None, 5)
    _nominations(3, State.DRAFT, year=2040)  # newer rows belong before the first page
    second = paging.keyset_page(queryset, first.next_cursor, 5)
    ordered = sorted((n.pk for n in made), reverse=True)
    assert [n.pk for n in first.rows] == ordered[:5]
    assert [n.pk for n in second.rows] == ordered[5:10]


def _pages_of(client, url, data):
    """The nomination ids of every page of a list, following its "Trang sau" link."""
    ids, query = [], data
    while True:
        _count, response = queries(client, url, query)
        page = response.content.decode()
        ids += [int(pk) for pk in ROW_LINK.findall(page)]
        link = re.search(r'href="\?([^"]+)"\s+data-testid="next-page"', page)
        if link is None:
            return ids
        query = dict(item.split("=", 1) for item in link.group(1).replace("&amp;", "&").split("&"))


@pytest.mark.django_db
def test_the_nomination_list_walks_every_page_once(client, demo_user):
    user = demo_user("canbo.hoangliet")
    _nominations(paging.PAGE_SIZE * 2 + 7, State.DRAFT, year=2041)
    client.force_login(user)
    ids = _pages_of(client, reverse("awards:nomination_list"), {"year": "2041"})
    expected = list(
        selectors.nominations_for(user, year=2041)
        .order_by("-year", "-pk")
        .values_list("pk", flat=True)
    )
    assert ids == expected and len(ids) == paging.PAGE_SIZE * 2 + 7


@pytest.mark.django_db
def test_the_vote_list_walks_every_page_once(client, demo_user):
    user = demo_user("uyvien")
    _open_votes(paging.PAGE_SIZE + 4)
    client.force_login(user)
    ids = _pages_of(client, reverse("awards:vote_list"), {})
    expected = list(
        selectors.nominations_for(user, state=State.VOTING)
        .order_by("-year", "-pk")
        .values_list("pk", flat=True)
    )
    assert ids == expected and len(ids) > paging.PAGE_SIZE


@pytest.mark.django_db
def test_the_public_list_pages_by_year_and_cursor(client, demo):
    made = _nominations(paging.PAGE_SIZE + 3, State.ANNOUNCED, year=2042)
    _nominations(2, State.DRAFT, year=2042)  # never public
    first = client.get(reverse("awards:public_list")).content.decode()
    assert 'value="2042"' in first  # opens on the newest year with public rows
    assert first.count('data-testid="state"') == paging.PAGE_SIZE
    link = re.search(r'href="\?([^"]+)"\s+data-testid="next-page"', first).group(1)
    rest = client.get(f"{reverse('awards:public_list')}?{link.replace('&amp;', '&')}")
    assert rest.content.decode().count('data-testid="state"') == 3
    objection_links = re.findall(r"/awards/public/(\d+)/objection/", first + rest.content.decode())
    assert sorted(map(int, objection_links)) == sorted(n.pk for n in made)


@pytest.mark.django_db
def test_the_list_opens_on_the_newest_year_with_dossiers(client, demo_user):
    user = demo_user("canbo.hoangliet")
    newest = _nominations(2, State.DRAFT, year=2043)
    client.force_login(user)
    page = client.get(reverse("awards:nomination_list")).content.decode()
    shown = {int(pk) for pk in ROW_LINK.findall(page)}
    assert shown == {n.pk for n in newest}
    assert 'name="year" value="2043"' in page
    everything = client.get(reverse("awards:nomination_list"), {"year": ""}).content.decode()
    assert len(set(ROW_LINK.findall(everything))) > 2  # an empty year is every year
    # With a state chosen, the newest year holding dossiers in that state.
    older = _nominations(1, State.RETURNED, year=2042)
    returned = client.get(reverse("awards:nomination_list"), {"state": "returned"})
    assert {int(pk) for pk in ROW_LINK.findall(returned.content.decode())} == {older[0].pk}


@pytest.mark.django_db
def test_the_count_is_exact_up_to_the_cap_and_capped_beyond(client, demo_user, settings):
    client.force_login(demo_user("canbo.hoangliet"))
    _nominations(4, State.DRAFT, year=2044)
    url = reverse("awards:nomination_list")
    assert "4 hồ sơ" in client.get(url, {"year": 2044}).content.decode()
    settings.LIST_COUNT_CAP = 3
    assert "hơn 3 hồ sơ" in client.get(url, {"year": 2044}).content.decode()


# The nomination form's choosers.


def _choices(client, kind, query):
    url = reverse(f"awards:{kind}_choices")
    page = client.get(url, {"q": query}).content.decode()
    return {int(pk) for pk in re.findall(r'data-chooser-pick="(\d+)"', page)}, page


@pytest.mark.django_db
def test_the_person_chooser_offers_only_the_scope_and_folds_accents(client, demo_user):
    mine = Person.objects.create(
        code="tk-1", full_name="Đặng Thị Ánh Tuyết", unit=Unit.objects.get(code=HOANG_LIET)
    )
    theirs = Person.objects.create(
        code="tk-2", full_name="Đặng Thị Ánh Tuyết", unit=Unit.objects.get(code=DINH_CONG)
    )
    client.force_login(demo_user("canbo.hoangliet"))
    offered, _ = _choices(client, "person", "dang thi anh tuyet")
    assert offered == {mine.pk}  # the namesake of another ward is never offered
    assert theirs.pk not in _choices(client, "person", "Đặng Thị Ánh")[0]
    assert _choices(client, "person", "   ")[0] == set()


@pytest.mark.django_db
def test_the_person_chooser_returns_at_most_twenty(client, demo_user):
    unit = Unit.objects.get(code=HOANG_LIET)
    for n in range(25):
        Person.objects.create(code=f"tk-many-{n}", full_name=f"Lò Văn Xoan {n}", unit=unit)
    client.force_login(demo_user("canbo.hoangliet"))
    offered, page = _choices(client, "person", "lo van xoan")
    assert len(offered) == 20 and "gõ thêm để thu hẹp" in page


@pytest.mark.django_db
def test_the_unit_chooser_offers_the_units_the_officer_may_change(client, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    offered, _ = _choices(client, "unit", "phuong")
    own = Unit.objects.get(code=HOANG_LIET)
    assert own.pk in offered and Unit.objects.get(code=DINH_CONG).pk not in offered


def _form_data(subject_field, subject_pk):
    title = Title.objects.get(code="giay_khen")
    return {
        subject_field: subject_pk,
        "title": title.pk,
        "basis": title.award_bases.get(code="thuong_xuyen").pk,
        "year": 2021,
        "achievements": "Hoàn thành xuất sắc nhiệm vụ.",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["person", "collective"])
def test_a_forged_subject_id_is_refused_in_vietnamese(client, demo_user, field):
    other_unit = Unit.objects.get(code=DINH_CONG)
    forged = other_unit.people.first().pk if field == "person" else other_unit.pk
    before = Nomination.objects.count()
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(reverse("awards:nomination_create"), _form_data(field, forged))
    assert response.status_code == 400 and Nomination.objects.count() == before
    noun = "Cá nhân" if field == "person" else "Tập thể"
    assert f"{noun} đã chọn không thuộc phạm vi của bạn" in response.content.decode()


@pytest.mark.django_db
def test_a_chosen_person_of_the_scope_is_saved_and_shown_again_on_a_refusal(client, demo_user):
    person = Person.objects.filter(unit__code=HOANG_LIET).first()
    client.force_login(demo_user("canbo.hoangliet"))
    data = _form_data("person", person.pk)
    refused = client.post(reverse("awards:nomination_create"), {**data, "achievements": ""})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert re.search(rf'name="person"\s+value="{person.pk}"', page)
    assert re.search(rf'name="q"\s+value="{person.full_name}"', page)
    saved = client.post(reverse("awards:nomination_create"), data)
    assert saved.status_code == 302 and Nomination.objects.filter(person=person).exists()


# Query budgets of the form and the choosers.


@pytest.mark.django_db
def test_the_form_costs_the_same_however_many_people_the_unit_has(client, demo_user):
    unit = Unit.objects.get(code=HOANG_LIET)
    numbers = iter(range(10_000))

    def people(count):
        Person.objects.bulk_create(
            Person(code=f"qb-{n}", full_name=f"Người Thứ {n}", unit=unit, search_text=f" q{n} ")
            for n in (next(numbers) for _ in range(count))
        )

    client.force_login(demo_user("canbo.hoangliet"))
    page = assert_flat(client, reverse("awards:nomination_create"), people)
    assert "Người Thứ" not in page.content.decode()  # no option list of the unit's people


@pytest.mark.django_db
def test_the_chooser_costs_the_same_for_a_few_matches_as_for_many(client, demo_user):
    unit = Unit.objects.get(code=HOANG_LIET)
    numbers = iter(range(10_000))

    def people(count):
        Person.objects.bulk_create(
            Person(
                code=f"qc-{n}", full_name=f"Hà Văn Quế {n}", unit=unit,
                search_text=f" ha van que {n} qc-{n} ", sort_key=f"{n:05d}",
            )
            for n in (next(numbers) for _ in range(count))
        )  # fmt: skip

    client.force_login(demo_user("canbo.hoangliet"))
    assert_flat(client, reverse("awards:person_choices"), people, few=5, many=30, data={"q": "que"})


# The batch page of a unit with thousands of drafts.


@pytest.mark.django_db
def test_the_batch_page_offers_the_newest_drafts_and_accepts_any_of_the_units(
    client, demo_user, monkeypatch
):
    from vinhdanh.awards.forms import BatchForm

    monkeypatch.setattr(BatchForm, "OFFERED", 5)
    older = _nominations(3, State.DRAFT, year=2019)
    newer = _nominations(6, State.DRAFT, year=2040)
    client.force_login(demo_user("canbo.hoangliet"))
    html = client.get(reverse("awards:batch_list")).content.decode()
    offered = {int(pk) for pk in re.findall(r'name="nominations" value="(\d+)"', html)}
    assert len(offered) == 5 and offered <= {n.pk for n in newer}
    assert 'data-testid="more-drafts"' in html
    # A draft not on the page (an older one) can still go into a batch.
    response = client.post(
        reverse("awards:batch_create"), {"nominations": [older[0].pk], "year": 2019}
    )
    assert response.status_code == 302
    older[0].refresh_from_db()
    assert older[0].batch is not None
