"""A large unit is screened as a background job: progress, paginated result, export, scope."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.org.models import Person, Unit
from vinhdanh.org.tests.test_query_budgets import grow_people
from vinhdanh.records.models import Rating, ScreeningJob, ScreeningResult
from vinhdanh.records.screening import screen_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward(demo):
    return Unit.objects.get(code="phuong-hoang-liet")


@pytest.fixture
def small_inline_limit(settings):
    settings.SCREENING_INLINE_LIMIT = 5


def start(client, unit, year, capture):
    with capture(execute=True):
        response = client.post(reverse("records:screening_start"), {"unit": unit.pk, "year": year})
    assert response.status_code == 302
    return ScreeningJob.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


def test_a_large_unit_is_screened_in_the_background_with_the_inline_verdicts(
    client, demo_user, ward, small_inline_limit, django_capture_on_commit_callbacks
):
    grow_people(ward, "Lê Thị Nền")(120)
    office = demo_user("canbo.hoangliet")
    client.force_login(office)
    page = client.get(reverse("records:screening"), {"unit": ward.pk, "year": 2021})
    html = page.content.decode()
    assert 'data-testid="screening-in-background"' in html
    assert 'data-testid="screening-table"' not in html

    job = start(client, ward, 2021, django_capture_on_commit_callbacks)
    _titles, inline = screen_unit(office, ward, 2021)
    assert (job.status, job.total, job.done) == ("done", len(inline), len(inline))
    assert len(inline) > 120
    stored = {r.person_id: r.verdicts for r in job.results.all()}
    assert stored == {row.person.pk: row.verdicts for row in inline}

    progress = client.get(reverse("records:screening_job", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert 'aria-valuenow="100"' in progress.content.decode()
    assert reverse("records:screening_result", args=[job.pk]) in progress.content.decode()
    assert "hx-trigger" not in progress.content.decode()  # a finished job is not polled


def test_the_result_comes_by_pages_of_at_most_100_rows_and_under_300_kb(
    client, demo_user, ward, small_inline_limit, django_capture_on_commit_callbacks
):
    grow_people(ward, "Lê Thị Trang")(150)
    client.force_login(demo_user("thuongtruc"))
    job = start(client, ward, 2021, django_capture_on_commit_callbacks)
    url = reverse("records:screening_result", args=[job.pk])
    first = client.get(url)
    html = first.content.decode()
    assert html.count("<tr>") - 1 == 100  # the header row, then 100 people
    assert len(first.content) < 300 * 1024
    seen = []
    after = None
    while True:
        page = client.get(url, {"after": after} if after is not None else {})
        html = page.content.decode()
        seen += [row.person.pk for row in page.context["rows"]]
        after = page.context["next_after"]
        if after is None:
            break
    assert seen == list(job.results.order_by("position").values_list("person_id", flat=True))
    assert len(seen) == job.total


def test_the_export_lists_every_screened_person(
    client, demo_user, ward, small_inline_limit, django_capture_on_commit_callbacks
):
    grow_people(ward, "=HYPERLINK Lê Văn Xuất")(3)
    client.force_login(demo_user("thuongtruc"))
    job = start(client, ward, 2021, django_capture_on_commit_callbacks)
    export = client.get(reverse("records:screening_export", args=[job.pk]))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    content = b"".join(export.streaming_content)
    assert content == job.export.open("rb").read()
    cells = [str(cell.value) for row in load_workbook(io.BytesIO(content)).active for cell in row]
    names = set(
        Person.objects.filter(unit__path__startswith=ward.path).values_list("full_name", flat=True)
    )
    assert {name for name in names if not name.startswith("=")} <= set(cells)
    # The safe writer keeps a name that looks like a formula a text.
    assert "'=HYPERLINK Lê Văn Xuất 1" in cells


def test_another_wards_job_does_not_exist(
    client, demo_user, ward, small_inline_limit, django_capture_on_commit_callbacks
):
    client.force_login(demo_user("canbo.hoangliet"))
    job = start(client, ward, 2021, django_capture_on_commit_callbacks)
    jobs = ScreeningJob.objects.count()
    client.force_login(demo_user("canbo.dinhcong"))
    for name in ("screening_job", "screening_result", "screening_export"):
        assert client.get(reverse(f"records:{name}", args=[job.pk])).status_code == 404
    refused = client.post(reverse("records:screening_start"), {"unit": ward.pk, "year": 2021})
    assert refused.status_code == 404
    assert ScreeningJob.objects.count() == jobs


def test_a_small_unit_still_screens_inline(client, demo_user, ward):
    client.force_login(demo_user("thuongtruc"))
    jobs = ScreeningJob.objects.count()
    html = client.get(reverse("records:screening"), {"unit": ward.pk, "year": 2021}).content
    assert b'data-testid="screening-table"' in html
    assert ScreeningJob.objects.count() == jobs


def test_the_result_page_costs_as_many_queries_with_more_rows(client, demo_user, ward):
    office = demo_user("thuongtruc")
    client.force_login(office)
    job = ScreeningJob.objects.create(
        unit=ward, year=2021, requested_by=office, status="done", titles=[["giay_khen", "GK"]]
    )
    people = grow_people(ward, "Võ Thị Trang")
    positions = numbering()

    def grow(count: int) -> None:
        people(count)
        added = Person.objects.filter(full_name__startswith="Võ Thị Trang").order_by("-pk")[:count]
        ScreeningResult.objects.bulk_create(
            ScreeningResult(
                job=job, position=next(positions), person=p, verdicts={"giay_khen": "eligible"}
            )
            for p in added
        )
        Rating.objects.bulk_create(Rating(person=p, year=2021, level="tot") for p in added)

    html = assert_flat(client, reverse("records:screening_result", args=[job.pk]), grow)
    assert html.content.decode().count("Võ Thị Trang") == 100
