"""The migration that dates the persons' categories copies the flags into the current year,
a manager first, and leaves what is there."""

import datetime
import importlib

import pytest
from django.apps import apps

from vinhdanh.org.models import Person
from vinhdanh.reports.models import PersonCategory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("vinhdanh.reports.migrations.0002_person_category_from_flags")


def test_the_flags_become_the_category_of_the_current_year():
    year = datetime.date.today().year
    people = list(Person.objects.order_by("pk")[:3])
    both, worker, kept = people
    Person.objects.filter(pk=both.pk).update(is_manager=True, is_direct_worker=True)
    Person.objects.filter(pk=worker.pk).update(is_manager=False, is_direct_worker=True)
    PersonCategory.objects.filter(year=year).delete()
    PersonCategory.objects.create(person=kept, year=year, category="entrepreneur")
    migration.copy_flags(apps, None)
    found = dict(PersonCategory.objects.filter(year=year).values_list("person_id", "category"))
    assert found[both.pk] == "leader_other" and found[worker.pk] == "direct_worker"
    assert found[kept.pk] == "entrepreneur"
    assert len(found) == Person.objects.count()
