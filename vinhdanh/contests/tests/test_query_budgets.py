"""Each list page of the app costs as many queries with 200 more rows as with 10."""

import itertools

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vinhdanh.contests.demo import TITLE
from vinhdanh.contests.models import Contest, Entry, Sheet
from vinhdanh.core.tests.query_budget import assert_flat

pytestmark = pytest.mark.django_db
NUMBERS = itertools.count(1000)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _contests(count, state="open"):
    demo = Contest.objects.get(title=TITLE)
    Contest.objects.bulk_create(
        [
            Contest(
                council=demo.council, unit=demo.unit, year=2021, title=f"Cuộc thi thử {n}",
                theme="x", opens_at=demo.opens_at, closes_at=demo.closes_at, length_max=100,
                formats=["text"], rules_text="x", state=state,
            )
            for n in itertools.islice(NUMBERS, count)
        ]
    )  # fmt: skip


def _entries(contest, count, **extra):
    return Entry.objects.bulk_create(
        [
            Entry(
                contest=contest, tracking_code=f"T-{n}", anon_code=f"X-{n}",
                author_name=f"Tác giả {n}", contact="c", address="a", title=f"Bài {n}",
                text="x", digest=f"d{n}", submitted_at=timezone.now(), **extra,
            )
            for n in itertools.islice(NUMBERS, count)
        ]
    )  # fmt: skip


def test_the_contest_list(demo_user):
    assert_flat(_client(demo_user("thuongtruc")), reverse("contests:contest_list"), _contests)


def test_the_public_list(demo_user):
    assert_flat(Client(), reverse("contests:public_list"), _contests)


def test_the_contest_page_with_its_entries(demo_user):
    contest = Contest.objects.get(title=TITLE)
    assert_flat(
        _client(demo_user("thuongtruc")),
        reverse("contests:contest_detail", args=[contest.pk]),
        lambda count: _entries(contest, count),
        marker="X-",
    )


def test_the_public_winners(demo_user):
    contest = Contest.objects.get(title=TITLE)
    assert_flat(
        Client(),
        reverse("contests:public_detail", args=[contest.pk]),
        lambda count: _entries(contest, count, state="awarded", prize="consolation"),
    )


def _sheets_for(judge, round_, count, state="submitted"):
    entries = _entries(round_.contest, count)
    Sheet.objects.bulk_create(
        [Sheet(round=round_, entry=e, judge=judge, state=state) for e in entries]
    )


def test_the_judges_sheets(demo_user):
    judge = demo_user("uyvien")
    round_ = Contest.objects.get(title=TITLE).rounds.get(number=1)
    assert_flat(
        _client(judge),
        reverse("contests:my_sheets"),
        lambda count: _sheets_for(judge, round_, count),
        marker="X-",
    )


def test_the_round_page(demo_user):
    judge = demo_user("uyvien")
    round_ = Contest.objects.get(title=TITLE).rounds.get(number=2)
    assert_flat(
        _client(demo_user("thuongtruc")),
        reverse("contests:round_detail", args=[round_.pk]),
        lambda count: _sheets_for(judge, round_, count),
    )


def test_the_home_page_of_a_judge_with_sheets_waiting(demo_user):
    judge = demo_user("uyvien")
    round_ = Contest.objects.get(title=TITLE).rounds.get(number=2)
    type(round_).objects.filter(pk=round_.pk).update(state="open")
    assert_flat(
        _client(judge),
        reverse("home:index"),
        lambda count: _sheets_for(judge, round_, count, state="assigned"),
    )
