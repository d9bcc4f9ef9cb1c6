import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import Workbook

from vinhdanh.org import services
from vinhdanh.org.models import Person
from vinhdanh.org.people_import import COLUMNS

pytestmark = pytest.mark.django_db


def workbook(*rows) -> bytes:
    book = Workbook()
    book.active.append([label for _, label in COLUMNS])
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a spreadsheet")
    return buffer.getvalue()


GOOD = ["imp-1", "Lê Văn An", "phuong-hoang-liet", "Chuyên viên", "Nam", 1985, "Có", "Không", ""]
BAD = ["imp-2", "Lê Thị Hoa", "phuong-dinh-cong", "", "Nữ", 1990, "", "", ""]


def test_a_file_with_one_bad_row_imports_nothing(demo_user):
    officer = demo_user("canbo.hoangliet")
    before = Person.objects.count()
    with pytest.raises(services.PeopleImportRefused) as refused:
        services.import_people(
            actor=officer, filename="danh-sach.xlsx", content=workbook(GOOD, BAD)
        )
    assert [(e.row, "ngoài phạm vi" in e.message) for e in refused.value.errors] == [(3, True)]
    assert Person.objects.count() == before


def test_a_good_file_imports_every_row_with_an_audit_entry(demo_user):
    officer = demo_user("canbo.hoangliet")
    created = services.import_people(
        actor=officer, filename="danh-sach.xlsx", content=workbook(GOOD)
    )
    assert [p.code for p in created] == ["imp-1"]
    assert Person.objects.get(code="imp-1").is_direct_worker is True


def test_import_page_lists_row_errors_and_offers_the_template(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    template = client.get(reverse("org:people_template"))
    assert template["Content-Disposition"].endswith('.xlsx"')
    upload = io.BytesIO(workbook(GOOD, ["imp-3", "", "khong-co", "", "X", "", "", "", ""]))
    upload.name = "ds.xlsx"
    response = client.post(reverse("org:people_import"), {"file": upload})
    page = response.content.decode()
    assert "chưa nhập dòng nào" in page
    assert "Thiếu “Họ và tên”" in page
    assert not Person.objects.filter(code="imp-1").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Tệp rỗng"),
        (b"not a workbook", "không khớp với nội dung thật (văn bản)"),
        (zip_without_workbook(), "không khớp với nội dung thật (tệp nén ZIP)"),
    ],
)
def test_unreadable_files_are_refused_in_vietnamese(demo_user, content, message):
    with pytest.raises(services.PeopleImportRefused) as refused:
        services.import_people(
            actor=demo_user("thuongtruc"), filename="danh-sach.xlsx", content=content
        )
    assert message in refused.value.errors[0].message


@pytest.mark.parametrize("username", ["uyvien", "chutich"])
def test_who_may_not_add_people_is_refused_the_import_page_at_once(demo_user, client, username):
    client.force_login(demo_user(username))
    assert client.get(reverse("org:people_import")).status_code == 403
    upload = io.BytesIO(workbook(GOOD))
    upload.name = "ds.xlsx"
    assert client.post(reverse("org:people_import"), {"file": upload}).status_code == 403
    assert not Person.objects.filter(code="imp-1").exists()
    with pytest.raises(PermissionDenied):
        services.import_people(
            actor=demo_user(username), filename="danh-sach.xlsx", content=workbook(GOOD)
        )


def test_an_empty_post_asks_for_the_file(demo_user, client):
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(reverse("org:people_import"), {})
    assert response.status_code == 400
    assert "Hãy chọn tệp cần tải lên." in response.content.decode()
