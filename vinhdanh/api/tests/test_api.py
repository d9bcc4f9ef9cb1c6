import pytest
from django.core.management import call_command

from vinhdanh.awards.models import Nomination

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_generated_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = target.read_text()
    for path in ("/api/people/", "/api/tasks/", "/api/nominations/", "/api/decisions/"):
        assert path in schema


def test_tasks_carry_their_derived_status_and_structured_deadline(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    rows = client.get("/api/tasks/", {"page_size": 100}).json()["results"]
    first = next(row for row in rows if row["number"] == "1")
    assert first["deadline"] == {
        "kind": "date",
        "date": "2021-01-30",
        "text": "Trước ngày 30/01/2021",
    }
    assert first["status"] in {"done", "done_late", "overdue", "in_progress", "not_started"}


def test_a_ward_officer_gets_no_nomination_of_another_ward_by_api(demo_user, client):
    officer = demo_user("canbo.hoangliet")
    other = Nomination.objects.exclude(unit__path__startswith=officer.unit.path).first()
    client.force_login(officer)
    assert client.get(f"/api/nominations/{other.pk}/").status_code == 404
    listed = client.get("/api/nominations/").json()["results"]
    assert listed and {row["unit"] for row in listed} == {officer.unit.pk}


def test_the_api_needs_a_login(client):
    assert client.get("/api/nominations/").status_code in (401, 403)
    assert client.get("/api/schema/").status_code in (401, 403)


def _all_pages(client, url, params):
    """Every row of a cursor-paged list, following `next` to the end."""
    rows, response = [], client.get(url, params).json()
    while True:
        rows += response["results"]
        if not response["next"]:
            return rows, response
        response = client.get(response["next"]).json()


def test_the_nominations_follow_a_cursor_without_skipping_or_repeating(demo_user, client):
    office = demo_user("thuongtruc")
    sample = Nomination.objects.filter(unit__code="phuong-hoang-liet").first()
    Nomination.objects.bulk_create(
        Nomination(
            unit=sample.unit, person=sample.person, collective=sample.collective,
            title=sample.title, basis=sample.basis, year=2039, achievements="x",
        )
        for _ in range(120)
    )  # fmt: skip
    client.force_login(office)
    rows, last = _all_pages(client, "/api/nominations/", {"year": 2039})
    ids = [row["id"] for row in rows]
    expected = list(
        Nomination.objects.filter(year=2039).order_by("pk").values_list("pk", flat=True)
    )
    assert ids == expected and len(ids) == 120  # ascending, each once, three pages
    assert (
        "count" not in last
        and "cursor=" in client.get("/api/nominations/", {"year": 2039}).json()["next"]
    )


def test_a_forged_cursor_is_refused(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    response = client.get("/api/nominations/", {"cursor": "not-a-cursor"})
    assert response.status_code == 404


def test_the_schema_documents_the_nominations_cursor(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(target))
    schema = target.read_text()
    nominations = schema[schema.index("/api/nominations/:") :]
    nominations = nominations[: nominations.index("/api/nominations/{id}/:")]
    assert "name: cursor" in nominations and "name: page\n" not in nominations
