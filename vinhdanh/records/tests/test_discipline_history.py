"""A penalty with an end date reaches the rules as the years it runs (the engine counts years)."""

import datetime

import pytest

from vinhdanh.org.models import Person
from vinhdanh.records.history import history_rows, person_histories
from vinhdanh.records.models import DisciplineForm, DisciplineRecord

pytestmark = pytest.mark.django_db


def test_a_penalty_ending_on_a_date_runs_to_that_dates_year(demo):
    person = Person.objects.order_by("pk").first()
    DisciplineRecord.objects.create(
        person=person,
        year=2020,
        form=DisciplineForm.REPRIMAND,
        decision_date=datetime.date(2020, 6, 1),
        until=datetime.date(2021, 5, 31),
    )
    rows = history_rows([person.pk], 2015, 2021)[person.pk]["discipline"]
    assert (2020, DisciplineForm.REPRIMAND, 2021) in rows
    # The engine takes it: the years 2020 and 2021 are under the penalty.
    history = person_histories([person.pk], 2021)[person.pk]
    assert {2020, 2021} <= set(history.penalty_years)
