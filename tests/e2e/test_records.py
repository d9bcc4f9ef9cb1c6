"""A ward officer keeps their people's ratings from a workbook; the screening reads them."""

import re

from openpyxl import Workbook

from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import Rating

HEADER = ["Mã cá nhân", "Năm", "Mức xếp loại"]


def _workbook(path, *rows):
    book = Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return str(path)


def _lao_dong_tien_tien(page, site, ward, name) -> str:
    """The person's verdict on Lao động tiên tiến (the screening's first column)."""
    page.goto(f"{site}/records/screening/?unit={ward.pk}&year=2021")
    row = page.get_by_test_id("screening-table").locator("tbody tr", has_text=name)
    return row.locator("td").nth(1).inner_text().strip()


def test_a_ward_officer_imports_ratings_and_the_screening_reflects_them(login, site, tmp_path):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    person = Person.objects.create(
        code="hl-e2e-1", full_name="Ngô Thị Nhập", unit=ward, gender="female"
    )
    page = login("canbo.hoangliet")
    assert _lao_dong_tien_tien(page, site, ward, person.full_name) != "Đủ điều kiện"

    # From the sidebar to the ratings, then their import.
    page.goto(f"{site}/")
    page.get_by_role("link", name="Xếp loại, sáng kiến, kỷ luật").click()
    page.get_by_test_id("record-import").click()
    # A file with a bad row is refused whole, each error by row and column.
    bad = _workbook(
        tmp_path / "loi.xlsx", ("hl-e2e-1", 2021, "tốt"), ("hl-e2e-1", "2020", "Tốt lắm")
    )
    page.locator("input[type=file]").set_input_files(bad)
    page.get_by_test_id("import-preview").click()
    errors = page.get_by_test_id("import-errors")
    assert "3" in errors.locator("tbody tr").first.locator("td").first.inner_text()
    assert "Mức xếp loại" in errors.inner_text() and "“Tốt lắm”" in errors.inner_text()
    assert not Rating.objects.filter(person=person).exists()

    good = _workbook(
        tmp_path / "xep-loai.xlsx",
        ("hl-e2e-1", 2021, "Hoàn thành tốt nhiệm vụ"),
        ("hl-e2e-1", 2020, "HTXSNV"),
    )
    page.locator("input[type=file]").set_input_files(good)
    page.get_by_test_id("import-preview").click()
    page.wait_for_url(re.compile(r".*/records/kept/imports/\d+/$"))
    assert "Hoàn thành tốt nhiệm vụ" in page.get_by_test_id("import-rows").inner_text()
    assert not Rating.objects.filter(person=person).exists()
    page.get_by_test_id("import-apply").click()
    page.wait_for_url(re.compile(r".*/records/kept/ratings/$"))
    assert "Đã nhập 2 dòng." in page.content()

    # The officer sees them in the list, filtered by the person's name.
    filters = page.get_by_test_id("record-filter")
    filters.locator("input[name=q]").fill("Ngô Thị Nhập")
    filters.get_by_role("button", name="Lọc").click()
    page.wait_for_url(re.compile(r".*q=.*"))
    table = page.get_by_test_id("record-table")
    assert table.locator("tbody tr").count() == 2
    assert "Hoàn thành tốt nhiệm vụ" in table.inner_text()

    assert _lao_dong_tien_tien(page, site, ward, person.full_name) == "Đủ điều kiện"
