"""Ceremonies through their services and pages."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document

from vinhdanh.awards.models import Certificate
from vinhdanh.ceremonies import services
from vinhdanh.ceremonies.demo import TITLE
from vinhdanh.ceremonies.models import Ceremony, CeremonyState, Reception
from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.org.models import Council, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ceremony(demo_user):
    council = Council.objects.get(unit__code="hoang-mai")
    return services.create_ceremony(
        demo_user("thuongtruc"),
        council=council,
        kind="awards",
        year=2021,
        title="Lễ trao Giấy khen năm 2021",
        held_at=timezone.now() + datetime.timedelta(days=5),
        place="Hội trường UBND quận",
        programme="Khai mạc\nCông bố quyết định và trao khen thưởng\nBế mạc",
        invited_units=[Unit.objects.get(code="phuong-hoang-liet")],
    )


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [" | ".join(c.text for c in r.cells) for t in document.tables for r in t.rows]
    return "\n".join(parts)


def test_honourees_are_the_years_certificates_in_force_once_each(demo_user, ceremony):
    office = demo_user("thuongtruc")
    expected = Certificate.objects.filter(
        decision__issuer__code="hoang-mai", decision__year=2021, revoked_at__isnull=True
    ).count()
    assert services.draw_honourees(office, ceremony) == expected > 0
    assert services.draw_honourees(office, ceremony) == 0  # nobody twice
    positions = list(ceremony.honourees.values_list("position", flat=True))
    assert positions == list(range(1, expected + 1))


def test_a_revoked_award_is_not_presented(demo_user, ceremony):
    revoked = Certificate.objects.filter(decision__issuer__code="hoang-mai").first()
    Certificate.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    services.draw_honourees(demo_user("thuongtruc"), ceremony)
    assert not ceremony.honourees.filter(certificate=revoked).exists()


def test_the_office_reorders_and_the_script_calls_them_in_that_order(client, demo_user, ceremony):
    office = demo_user("thuongtruc")
    services.draw_honourees(office, ceremony)
    last = ceremony.honourees.order_by("-position").first()
    services.move_honouree(office, last, step=-1)
    order = list(
        ceremony.honourees.order_by("position").values_list("certificate__recipient", flat=True)
    )
    client.force_login(office)
    text = _text(client.get(reverse("ceremonies:script_docx", args=[ceremony.pk])).content)
    assert "KỊCH BẢN" in text and "lên nhận khen thưởng" in text
    calls = [
        line.split(". ", 1)[1]
        for line in text.splitlines()
        if line[:2].rstrip(".").isdigit() and ". " in line
    ]
    assert [name for name in calls if name in order] == order


def test_a_ceremony_needs_a_programme_to_invite_and_time_to_be_held(demo_user, ceremony):
    office = demo_user("thuongtruc")
    ceremony = services.update_ceremony(office, ceremony, programme="")
    with pytest.raises(ValidationError, match="chương trình"):
        services.invite(office, ceremony)
    ceremony = services.update_ceremony(office, ceremony, programme="Khai mạc\nTrao khen thưởng")
    ceremony = services.invite(office, ceremony)
    with pytest.raises(ValidationError, match="Chưa đến giờ"):
        services.hold(office, ceremony)
    with time_machine.travel(ceremony.held_at + datetime.timedelta(hours=2)):
        ceremony = services.hold(office, ceremony)
    assert ceremony.state == CeremonyState.HELD


def test_reporting_needs_who_received_and_the_result(demo_user, ceremony):
    office = demo_user("thuongtruc")
    services.draw_honourees(office, ceremony)
    ceremony = services.invite(office, ceremony)
    with time_machine.travel(ceremony.held_at + datetime.timedelta(hours=2)):
        ceremony = services.hold(office, ceremony)
    with pytest.raises(ValidationError, match="đã nhận hay vắng"):
        services.report(office, ceremony, report="Tốt.")
    honourees = list(ceremony.honourees.all())
    services.record_attendance(
        office, ceremony, present_units=list(ceremony.invited_units.all()), received=honourees[1:]
    )
    ceremony.refresh_from_db()
    ceremony = services.report(office, ceremony, report="Tổ chức trang trọng.")
    assert ceremony.state == CeremonyState.REPORTED
    assert list(ceremony.honourees.order_by("position").values_list("received", flat=True)) == [
        False,
        *[True] * (len(honourees) - 1),
    ]


def test_a_unit_officer_cannot_run_a_ceremony(demo_user, ceremony):
    with pytest.raises(PermissionDenied):
        services.draw_honourees(demo_user("canbo.hoangliet"), ceremony)


def test_a_reception_is_of_an_award_of_the_units_own(demo_user):
    certificate = (
        Certificate.objects.filter(
            decision__issuer__code="hoang-mai", nomination__person__isnull=False
        )
        .select_related("nomination__person__unit")
        .first()
    )
    own = certificate.nomination.person.unit
    other = Unit.objects.filter(code__startswith="phuong-").exclude(pk=own.pk).first()
    with pytest.raises(ValidationError, match="không phải của"):
        services.record_reception(
            demo_user("thuongtruc"), certificate=certificate, unit=other,
            held_on=datetime.date(2022, 2, 1), place="Hội trường",
        )  # fmt: skip
    with pytest.raises(ValidationError):
        services.record_reception(
            demo_user("thuongtruc"), certificate=certificate, unit=own,
            held_on=certificate.decision.signed_on - datetime.timedelta(days=1), place="Hội trường",
        )  # fmt: skip
    reception = services.record_reception(
        demo_user("thuongtruc"), certificate=certificate, unit=own,
        held_on=datetime.date(2022, 2, 1), place="Hội trường",
    )  # fmt: skip
    assert Reception.objects.filter(pk=reception.pk, unit=own).exists()


def test_the_demo_conference_is_written_up_with_its_honourees(client, demo_user):
    ceremony = Ceremony.objects.get(title=TITLE)
    assert ceremony.state == CeremonyState.REPORTED and ceremony.honourees.exists()
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("ceremonies:ceremony_detail", args=[ceremony.pk])).content.decode()
    assert 'data-testid="honourees"' in page and ceremony.report in page
    pdf = client.get(reverse("ceremonies:certificates_pdf", args=[ceremony.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_an_invited_ward_sees_the_ceremony_only_once_invited(client, demo_user, ceremony):
    client.force_login(demo_user("canbo.hoangliet"))
    url = reverse("ceremonies:ceremony_detail", args=[ceremony.pk])
    assert client.get(url).status_code == 404
    services.invite(demo_user("thuongtruc"), ceremony)
    assert client.get(url).status_code == 200
    client.force_login(demo_user("canbo.dinhcong"))
    assert client.get(url).status_code == 404


def test_the_list_costs_the_same_queries_with_more_ceremonies(client, demo_user):
    council = Council.objects.get(unit__code="hoang-mai")
    client.force_login(demo_user("thuongtruc"))
    counter = iter(range(10_000))

    def grow(count):
        Ceremony.objects.bulk_create(
            [
                Ceremony(
                    council=council, kind="awards", year=2021, title=f"Lễ thử {next(counter)}",
                    held_at=timezone.now(), place="Hội trường",
                )
                for _ in range(count)
            ]
        )  # fmt: skip

    assert_flat(client, reverse("ceremonies:ceremony_list"), grow)
