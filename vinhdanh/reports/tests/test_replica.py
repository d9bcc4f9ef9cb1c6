"""The report pages read from the replica database; writes and every other page use the primary.

The replica is a second real database (a second SQLite file, or a second PostgreSQL
database), holding a copy of the demo as streaming replication would. A row written to
it alone shows which database a page read.
"""

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import override_settings
from django.urls import reverse

from vinhdanh.audit.testing import database_snapshot
from vinhdanh.core.db_routing import ReportReadRouter, report_reads
from vinhdanh.movements.models import Movement, MovementStatus
from vinhdanh.org.models import Person
from vinhdanh.records.models import PastAward

BOTH = ["default", "replica"]
YEAR_WITHOUT_AWARDS = 2005


def _copy_primary_to_replica() -> None:
    """What streaming replication gives: the replica holds exactly the primary's rows."""
    primary, replica = connections[DEFAULT_DB_ALIAS], connections["replica"]
    if primary.vendor == "sqlite":
        database_snapshot.restore(replica, database_snapshot.kept(primary))
        return
    # PostgreSQL: the replica is made again from the primary as a template (schema, rows,
    # sequences, triggers), which needs every session on both closed.
    source, target = primary.settings_dict["NAME"], replica.settings_dict["NAME"]
    connections.close_all()
    with primary._nodb_cursor() as cursor:
        quote = primary.ops.quote_name
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)}")
        cursor.execute(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(source)}")


@pytest.fixture(scope="module")
def replica(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _copy_primary_to_replica()
    return "replica"


@pytest.fixture
def reports_from_replica(settings, replica):
    settings.REPORTS_DATABASE = replica


def _people_awarded(client, year: int) -> int:
    response = client.get(reverse("reports:award_statistics"), {"year": year})
    assert response.status_code == 200
    return response.context["stats"].total("people")


@pytest.mark.django_db(databases=BOTH)
def test_the_statistics_count_a_row_that_only_the_replica_holds(
    client, demo_user, reports_from_replica
):
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk").first()
    PastAward.objects.using("replica").create(
        person_id=person.pk, year=YEAR_WITHOUT_AWARDS, title_code="lao_dong_tien_tien"
    )
    assert not PastAward.objects.using("default").filter(year=YEAR_WITHOUT_AWARDS).exists()
    client.force_login(demo_user("thuongtruc"))

    assert _people_awarded(client, YEAR_WITHOUT_AWARDS) == 1
    page = client.get(reverse("reports:award_statistics"), {"year": YEAR_WITHOUT_AWARDS})
    assert "Lao động tiên tiến" in page.content.decode()


@pytest.mark.django_db(databases=BOTH)
def test_without_a_replica_the_statistics_read_the_primary(client, demo_user, settings, replica):
    settings.REPORTS_DATABASE = "default"
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk").first()
    PastAward.objects.using("replica").create(
        person_id=person.pk, year=YEAR_WITHOUT_AWARDS, title_code="lao_dong_tien_tien"
    )
    client.force_login(demo_user("thuongtruc"))
    assert _people_awarded(client, YEAR_WITHOUT_AWARDS) == 0


@pytest.mark.django_db(databases=BOTH)
def test_form_0601_counts_the_movements_the_replica_holds(client, demo_user, reports_from_replica):
    # One of the district's own movements, neither a parent nor a sub-movement.
    launched = Movement.objects.filter(
        year=2021, launched_by__code="hoang-mai", parent=None, cascades=None
    ).exclude(status=MovementStatus.DRAFT)
    assert launched.exists()
    client.force_login(demo_user("thuongtruc"))

    def total() -> int:
        response = client.get(reverse("reports:form_0601"), {"year": 2021})
        rows = {row["code"]: row["values"] for row in response.context["rows"] if row["code"]}
        return rows["01"][0]

    with override_settings(VINHDANH_STAT_FORMS_TT02_FIRST_YEAR=2018):
        before = total()
        Movement.objects.using("replica").filter(pk=launched.order_by("pk").first().pk).update(
            status=MovementStatus.DRAFT
        )
        assert total() == before - 1


@pytest.mark.django_db(databases=BOTH)
def test_writes_inside_report_reads_go_to_the_primary(demo_user, reports_from_replica):
    with report_reads():
        person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk").first()
        assert person._state.db == "replica"
        PastAward.objects.create(person=person, year=YEAR_WITHOUT_AWARDS, title_code="giay_khen")
    assert PastAward.objects.using("default").filter(year=YEAR_WITHOUT_AWARDS).count() == 1
    assert not PastAward.objects.using("replica").filter(year=YEAR_WITHOUT_AWARDS).exists()
    # Outside report_reads, reads are the primary's again.
    assert Person.objects.get(pk=person.pk)._state.db == "default"


def test_the_router_sends_only_report_reads_to_the_reports_database(settings):
    settings.REPORTS_DATABASE = "replica"
    router = ReportReadRouter()
    assert router.db_for_read(Person) == "default"
    with report_reads():
        assert router.db_for_read(Person) == "replica"
        assert router.db_for_write(Person) == "default"
    assert router.db_for_read(Person) == "default"
    settings.REPORTS_DATABASE = "a-database-that-is-not-configured"
    with report_reads():
        assert router.db_for_read(Person) == "default"
