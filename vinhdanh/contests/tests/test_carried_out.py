"""The plan's task 22 shows the writing contest that carried it out."""

import pytest
from django.urls import reverse

from vinhdanh.contests.models import Contest

pytestmark = pytest.mark.django_db


def test_the_plan_task_page_lists_the_contest(client, demo_user):
    contest = Contest.objects.filter(year=2021, task__isnull=False).first()
    assert contest is not None, "the demo links the 2021 contest to its plan task"
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("plans:task_detail", args=[contest.task_id])).content.decode()
    assert 'data-testid="carried-out"' in page and contest.title in page
