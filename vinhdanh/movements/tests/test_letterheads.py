"""The issuer's header from the unit tree: the parent-body rule on the demo's units."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from vinhdanh.awards.letterheads import council_letterhead, unit_letterhead
from vinhdanh.movements.letterheads import letterhead_for
from vinhdanh.org.models import Cluster, Council, Unit, UnitKind
from vinhdanh.scoring.reports import MID_YEAR, cluster_report

pytestmark = pytest.mark.django_db


def _district():
    return Unit.objects.get(code="hoang-mai")


def test_a_district_committees_documents_carry_no_city_line_above_it(demo):
    head = unit_letterhead(_district(), "12/QĐ-UBND")
    assert head.parent_body == ""
    assert head.issuer == "Ủy ban nhân dân quận Hoàng Mai"
    assert (head.number, head.place) == ("12/QĐ-UBND", "Hoàng Mai")


def test_a_council_issues_under_its_committee(demo):
    council = Council.objects.get(unit=_district())
    head = council_letterhead(council, "01/KH-HĐTĐKT")
    assert head.parent_body == "Ủy ban nhân dân quận Hoàng Mai"
    assert head.issuer == "Hội đồng Thi đua - Khen thưởng"
    assert letterhead_for(_district()) == council_letterhead(council)


def test_a_ward_issues_in_its_full_name_and_a_department_under_its_district(demo):
    ward = Unit.objects.filter(kind=UnitKind.WARD, parent=_district()).order_by("code").first()
    head = unit_letterhead(ward)
    assert head.parent_body == ""
    assert head.issuer.startswith("Ủy ban nhân dân phường ")
    department = Unit.objects.filter(kind=UnitKind.DEPARTMENT, parent=_district()).first()
    assert unit_letterhead(department).parent_body == "Ủy ban nhân dân quận Hoàng Mai"
    if not Council.objects.filter(unit=ward).exists():
        assert letterhead_for(ward).issuer == head.issuer  # never "UBND phường ..."


def test_the_cluster_report_writes_its_issuer_in_full(demo):
    cluster = Cluster.objects.filter(year=2021, head__isnull=False).order_by("code").first()
    document = Document(io.BytesIO(cluster_report(cluster, MID_YEAR)))
    left = document.tables[0].rows[0].cells[0].text.replace("\n", " ")
    assert "UBND" not in left
    assert letterhead_for(cluster.head).issuer.upper() in left
    assert "THÀNH PHỐ HÀ NỘI" not in left


def test_movement_documents_come_out_in_the_official_layout(demo):
    from openpyxl import load_workbook

    from vinhdanh.movements import documents
    from vinhdanh.movements.models import Movement

    movement = Movement.objects.filter(launched_by=_district()).order_by("pk").first()
    launch = Document(io.BytesIO(documents.launch_document(movement)))
    assert not list(launch.element.iter(qn("w:pBdr")))  # lines are drawn, not borders
    signature = [p.text for p in launch.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signature[:2] == ["TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "CHỦ TỊCH"]
    assert launch.tables[1].rows[0].cells[0].paragraphs[-1].text == "- Lưu: VT, NV."
    sheet = load_workbook(io.BytesIO(documents.registration_workbook(movement))).active
    assert sheet["A1"].value == "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    date_line = next(
        cell.value
        for row in sheet.iter_rows(max_row=4)
        for cell in row
        if isinstance(cell.value, str) and ", ngày " in cell.value
    )
    assert date_line.startswith("Hoàng Mai, ngày ")
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "NGƯỜI LẬP BIỂU" in values and "THỦ TRƯỞNG ĐƠN VỊ" in values
    assert sheet.page_setup.orientation == "landscape"
