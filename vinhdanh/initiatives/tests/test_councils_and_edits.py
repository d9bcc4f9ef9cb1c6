"""Keeping the initiatives council (members, dates) and editing a returned filing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from vinhdanh.initiatives import services
from vinhdanh.initiatives.models import Initiative, InitiativeState, MemberRole
from vinhdanh.org.models import Person, Unit

pytestmark = pytest.mark.django_db


def test_the_office_creates_a_council_and_keeps_its_dated_members(demo_user):
    office = demo_user("thuongtruc")
    ward = Unit.objects.get(code="phuong-hoang-liet")
    council = services.create_council(
        office, unit=ward, level="co_so", name="Hội đồng sáng kiến phường Hoàng Liệt"
    )
    assert [c["maximum"] for c in council.criteria] == [30, 25, 30, 15]
    person = Person.objects.filter(unit=ward).first()
    member = services.add_member(
        office, council, person=person, role=MemberRole.CHAIR, valid_from=datetime.date(2021, 1, 1)
    )
    with pytest.raises(ValidationError, match="đang là thành viên"):
        services.add_member(office, council, person=person, role=MemberRole.MEMBER)
    with pytest.raises(ValidationError, match="sau ngày bắt đầu"):
        services.end_member(office, member, on=datetime.date(2020, 12, 1))
    services.end_member(office, member, on=datetime.date(2021, 12, 31))
    member.refresh_from_db()
    assert not member.in_force(datetime.date(2022, 1, 1)) and member.in_force(
        datetime.date(2021, 6, 1)
    )
    # The ward's own council is now the nearest one for its filings.
    assert services.councils_governing(ward)[0] == council


def test_a_unit_officer_does_not_keep_councils(demo_user):
    officer = demo_user("canbo.hoangliet")
    with pytest.raises(PermissionDenied):
        services.create_council(officer, unit=officer.unit, level="co_so", name="X")
    council = services.councils_governing(officer.unit)[0]
    with pytest.raises(PermissionDenied):
        services.add_member(
            officer,
            council,
            person=Person.objects.filter(unit=officer.unit).first(),
            role=MemberRole.MEMBER,
        )


def test_the_council_form_and_the_member_form(demo_user):
    client = Client()
    client.force_login(demo_user("thuongtruc"))
    ward = Unit.objects.get(code="phuong-hoang-liet")
    response = client.post(
        reverse("initiatives:council_list"),
        {
            "unit": ward.pk,
            "level": "co_so",
            "name": "Hội đồng sáng kiến phường Hoàng Liệt",
            "established_by": "QĐ 1/QĐ-UBND",
            "valid_from": "2021-01-04",
        },
    )
    assert response.status_code == 302
    council_url = response["Location"]
    person = Person.objects.filter(unit=ward).first()
    pk = int(council_url.rstrip("/").split("/")[-1])
    response = client.post(
        reverse("initiatives:council_add_member", args=[pk]),
        {
            "person_code": person.code,
            "role": "secretary",
            "username": "canbo.hoangliet",
        },
    )
    assert response.status_code == 302
    page = client.get(council_url).content.decode()
    assert person.full_name in page and "Thư ký" in page and "canbo.hoangliet" in page
    refused = client.post(
        reverse("initiatives:council_add_member", args=[pk]),
        {"person_code": "khong-co", "role": "member"},
    )
    assert "Không có cá nhân mã “khong-co”." in refused.content.decode()


def test_a_returned_filing_is_completed_and_sent_again(demo_user):
    returned = Initiative.objects.get(state=InitiativeState.RETURNED)
    client = Client()
    client.force_login(demo_user("canbo.dinhcong"))
    url = reverse("initiatives:initiative_edit", args=[returned.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "files"}
    data.update(
        version=returned.version,
        effect="Thu gom 2 tấn rác tái chế mỗi tháng (có xác nhận của tổ dân phố).",
        first_applied_on="2021-03-01",
        files=[SimpleUploadedFile("xac-nhan.txt", "Xác nhận\n".encode())],
    )
    assert client.post(url, data).status_code == 302
    returned.refresh_from_db()
    assert returned.effect.startswith("Thu gom 2 tấn")
    assert returned.evidence.count() == 2
    data.pop("files")
    stale = client.post(url, {**data, "version": returned.version - 1})
    assert "vừa được người khác thay đổi" in stale.content.decode()
    step = reverse("initiatives:initiative_action", args=[returned.pk, "submit"])
    assert client.post(step, {"version": returned.version}).status_code == 302
    returned.refresh_from_db()
    assert returned.state == InitiativeState.SUBMITTED
