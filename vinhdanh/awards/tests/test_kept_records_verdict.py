"""A nomination's verdict reads the records a unit keeps on its pages, at once."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from vinhdanh.awards.eligibility import verdict_for
from vinhdanh.awards.tests.test_eligibility import nominate
from vinhdanh.org.models import Unit
from vinhdanh.org.services import create_person
from vinhdanh.records.models import RecordImport

pytestmark = pytest.mark.django_db


def _ratings(*rows) -> bytes:
    book = Workbook()
    book.active.append(["Mã cá nhân", "Năm", "Mức xếp loại"])
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_rating_imported_by_the_ward_changes_the_nominations_verdict(demo_user, client):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    person = create_person(
        actor=demo_user("thuongtruc"), code="elig-kept", full_name="Phan Văn Hậu", unit=ward,
        gender="male",
    )  # fmt: skip
    nomination = nominate(demo_user, person, "lao_dong_tien_tien")
    assert verdict_for(nomination).verdict != "eligible"
    client.force_login(demo_user("canbo.hoangliet"))
    upload = SimpleUploadedFile("xep-loai.xlsx", _ratings(("elig-kept", 2021, "HTTNV")))
    client.post(reverse("records:record_import", args=["ratings"]), {"file": upload})
    client.post(reverse("records:record_import_apply", args=[RecordImport.objects.get().pk]))
    assert verdict_for(nomination).verdict == "eligible"


def test_a_discipline_added_on_the_form_changes_the_verdict(demo_user, client):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    person = create_person(
        actor=demo_user("thuongtruc"), code="elig-kl", full_name="Đào Thị Hoa", unit=ward,
        gender="female",
    )  # fmt: skip
    client.force_login(demo_user("canbo.hoangliet"))
    client.post(
        reverse("records:record_create", args=["ratings"]),
        {"person_code": "elig-kl", "year": "2021", "level": "tot"},
    )
    nomination = nominate(demo_user, person, "lao_dong_tien_tien")
    assert verdict_for(nomination).verdict == "eligible"
    client.post(
        reverse("records:record_create", args=["discipline"]),
        {"person_code": "elig-kl", "year": "2021", "form": "dang_xem_xet"},
    )
    assert verdict_for(nomination).verdict != "eligible"
