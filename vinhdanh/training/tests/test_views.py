"""The pages of training sessions: scope, refusals in words, documents, query budgets."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.org.models import Person
from vinhdanh.training import services
from vinhdanh.training.demo import TITLE, WARDS_ABSENT
from vinhdanh.training.models import Attendee, TrainingSession

pytestmark = pytest.mark.django_db


def _client(client, demo_user, username):
    client.force_login(demo_user(username))
    return client


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_a_draft_is_hidden_from_the_invited_units_until_announced(client, demo_user, make_session):
    session = make_session()
    url = reverse("training:session_detail", args=[session.pk])
    officer = _client(client, demo_user, "canbo.hoangliet")
    assert officer.get(url).status_code == 404
    services.announce_session(demo_user("thuongtruc"), session)
    page = officer.get(url)
    assert page.status_code == 200
    assert 'data-testid="register-form"' in page.content.decode()


def test_a_unit_not_invited_never_sees_the_session(client, demo_user, make_session, wards):
    session = make_session(invited_units=[wards["phuong-dinh-cong"]])
    services.announce_session(demo_user("thuongtruc"), session)
    officer = _client(client, demo_user, "canbo.hoangliet")
    assert officer.get(reverse("training:session_detail", args=[session.pk])).status_code == 404
    assert session.title not in officer.get(reverse("training:session_list")).content.decode()


def test_registering_over_capacity_in_the_page_says_why_and_saves_nothing(
    client, demo_user, make_session, wards
):
    session = services.announce_session(demo_user("thuongtruc"), make_session(capacity=1))
    ward = wards["phuong-hoang-liet"]
    people = list(Person.objects.filter(unit=ward).order_by("pk")[:2])
    officer = _client(client, demo_user, "canbo.hoangliet")
    response = officer.post(
        reverse("training:register", args=[session.pk]),
        {"unit": ward.pk, "people": [p.pk for p in people]},
    )
    assert response.status_code == 400
    assert "Lớp còn 1 chỗ" in response.content.decode()
    assert not Attendee.objects.filter(session=session).exists()


def test_the_office_creates_a_session_with_a_clear_message_for_bad_dates(client, demo_user):
    office = _client(client, demo_user, "thuongtruc")
    start = timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "Tập huấn phần mềm Vinh Danh",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Phòng họp tầng 2",
        "capacity": "30",
    }
    response = office.post(reverse("training:session_create"), data)
    assert response.status_code == 400
    assert "Giờ kết thúc phải sau giờ bắt đầu" in response.content.decode()
    data["ends_at"] = (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = office.post(reverse("training:session_create"), data)
    session = TrainingSession.objects.get(title="Tập huấn phần mềm Vinh Danh")
    assert response.status_code == 302
    assert session.year == start.year and session.council.unit.code == "hoang-mai"


def test_the_demo_session_report_names_who_came_and_who_sent_nobody(client, demo_user):
    session = TrainingSession.objects.get(title=TITLE)
    office = _client(client, demo_user, "thuongtruc")
    page = office.get(reverse("training:session_detail", args=[session.pk])).content.decode()
    assert 'data-testid="absent-units"' in page
    response = office.get(reverse("training:report_docx", args=[session.pk]))
    text = _text(response.content)
    assert "Các đơn vị không cử người dự: " in text
    for ward in WARDS_ABSENT:
        assert f"Phường {ward}" in text.split("Các đơn vị không cử người dự: ")[1].split("\n")[0]
    present = Attendee.objects.filter(session=session, attended=True).count()
    assert f"có mặt: {present} (" in text
    # The annex lists every invited ward with its count.
    assert "Phường Hoàng Liệt |" in text


def test_the_plan_task_page_shows_the_session_that_carried_it_out(client, demo_user):
    session = TrainingSession.objects.get(title=TITLE)
    assert session.plan_task is not None, "the demo links the session to task 18"
    office = _client(client, demo_user, "thuongtruc")
    page = office.get(reverse("plans:task_detail", args=[session.plan_task_id])).content.decode()
    assert 'data-testid="carried-out"' in page
    assert session.title in page


def test_the_invited_officer_inbox_lists_the_session_to_register(client, demo_user, make_session):
    session = services.announce_session(demo_user("thuongtruc"), make_session())
    page = _client(client, demo_user, "canbo.hoangliet").get(reverse("home:index"))
    assert session.title in page.content.decode()


def test_the_list_costs_the_same_queries_with_more_sessions(client, demo_user, council):
    office = _client(client, demo_user, "thuongtruc")
    start = timezone.now()
    counter = iter(range(10_000))

    def grow(count):
        TrainingSession.objects.bulk_create(
            [
                TrainingSession(
                    council=council,
                    year=start.year,
                    title=f"Lớp thử {next(counter)}",
                    starts_at=start,
                    ends_at=start + datetime.timedelta(hours=2),
                    place="Hội trường",
                    capacity=20,
                )
                for _ in range(count)
            ]
        )

    response = assert_flat(office, reverse("training:session_list"), grow)
    # A page at a time: the first page is full, the rest is counted.
    assert response.content.decode().count("Lớp thử") == 30


def test_the_session_page_costs_the_same_queries_with_more_attendees(
    client, demo_user, make_session, wards
):
    session = services.announce_session(demo_user("thuongtruc"), make_session(capacity=500))
    office = _client(client, demo_user, "thuongtruc")
    ward = wards["phuong-hoang-liet"]
    people = iter(Person.objects.filter(unit__path__startswith=ward.path).order_by("pk"))
    extra = [
        Person.objects.create(
            code=f"hoc-vien-{n}", full_name=f"Học viên {n}", unit=ward, gender="female"
        )
        for n in range(220)
    ]
    pool = iter([*people, *extra])

    def grow(count):
        Attendee.objects.bulk_create(
            [Attendee(session=session, unit=ward, person=next(pool)) for _ in range(count)]
        )

    assert_flat(office, reverse("training:session_detail", args=[session.pk]), grow, marker="<tr>")
