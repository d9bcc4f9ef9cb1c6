"""Checks that only mean something on PostgreSQL; CI fails rather than skips them there."""

import pytest
from django.db import connection

from vinhdanh.org.selectors import people_for, units_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"


def test_accent_free_search_works_whatever_the_database_collation(demo_user):
    office = demo_user("thuongtruc")
    assert units_for(office, "phong noi vu").get().name == "Phòng Nội vụ"
    assert people_for(office, "nguyen minh tam").first().full_name == "Nguyễn Minh Tâm"


def test_people_order_is_vietnamese_whatever_the_database_collation(demo_user):
    names = [p.full_name.split()[-1] for p in people_for(demo_user("thuongtruc"))[:400]]
    from vinhdanh.core.text import text_sort_key

    assert names == sorted(names, key=text_sort_key)
