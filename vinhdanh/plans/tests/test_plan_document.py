"""The plan exported as its document: the text, the closing, the landscape appendix, and the
.xlsx with status and print settings. Pure: the reader's own dataclasses, no database."""

import datetime as dt
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from vinhdanh.documents.plan_export import Progress, plan_docx, plan_letterhead, plan_xlsx
from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.structure import to_json_dict
from vinhdanh.documents.tests import builders


@pytest.fixture(scope="module")
def seed():
    return read_plan(builders.seed_bytes(), "seed.txt")


def test_the_reader_keeps_whom_the_plan_was_sent_to_and_who_signed_it(seed):
    closing = seed.closing
    assert closing.recipients[0] == "Ban TĐKT Thành phố"
    assert closing.recipients[-1] == "Các đơn vị hiệp quân"
    assert len(closing.recipients) == 6  # "Lưu VT, NV." is the archive, not a recipient
    assert closing.archive == "VT, NV"
    assert closing.authority == "TM. HỘI ĐỒNG THI ĐUA KHEN THƯỞNG"
    assert closing.signer == "Nguyễn Minh Tâm"
    assert to_json_dict(seed)["closing"]["signer"] == "Nguyễn Minh Tâm"


def test_the_exported_document_has_the_plans_sections_and_reads_back_the_same_text(seed):
    content = plan_docx(seed)
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs if p.text]
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG NHIỆM VỤ VÀ GIẢI PHÁP"):
        paragraph = next(p for p in document.paragraphs if p.text == heading)
        assert all(run.bold for run in paragraph.runs if run.text)
    assert any(t.startswith("Năm 2021 có ý nghĩa đặc biệt quan trọng") for t in texts)
    again = read_plan(content, "x.docx")
    assert again.body == seed.body
    assert again.closing == seed.closing


def test_the_council_is_headed_by_its_committee_and_closes_with_nơi_nhận(seed):
    head = plan_letterhead(seed)
    assert (head.parent_body, head.issuer) == (
        "Ủy ban nhân dân quận Hoàng Mai",
        "Hội đồng Thi đua - Khen thưởng",
    )
    document = Document(io.BytesIO(plan_docx(seed)))
    left, right = document.tables[1].rows[0].cells
    recipients = [p.text for p in left.paragraphs]
    assert recipients[0] == "Nơi nhận:"
    assert recipients[1] == "- Ban TĐKT Thành phố;"
    assert recipients[-1] == "- Lưu: VT, NV."
    assert [p.text for p in right.paragraphs if p.text][-1] == "Nguyễn Minh Tâm"


def test_the_appendix_is_landscape_fitted_and_repeats_its_header(seed):
    progress = [Progress("Đã hoàn thành", dt.date(2021, 1, 28))] + [Progress("Chưa đến hạn")] * (
        len(seed.tasks) - 1
    )
    document = Document(io.BytesIO(plan_docx(seed, progress=progress)))
    first, appendix = document.sections[0], document.sections[-1]
    assert first.page_width < first.page_height
    assert appendix.page_width > appendix.page_height
    table = document.tables[-1]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) / 1440 * 2.54 == pytest.approx(25.2, abs=0.02)
    assert grid[1] == max(grid)  # the task's text has the most room
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    headers = [c.text for c in table.rows[0].cells]
    assert headers[:2] == ["TT", "Nội dung thực hiện"]
    assert headers[-2:] == ["Tình trạng", "Ngày hoàn thành"]
    first_task = [c.text for c in table.rows[2].cells]
    assert first_task[-2:] == ["Đã hoàn thành", "28/01/2021"]
    # The status columns do not disturb reading the plan back.
    again = read_plan(plan_docx(seed, progress=progress), "x.docx")
    assert [t.content for t in again.tasks] == [t.content for t in seed.tasks]


def test_the_workbook_has_status_dates_and_a4_landscape_print_settings(seed):
    progress = [Progress("Quá hạn")] * len(seed.tasks)
    progress[0] = Progress("Đã hoàn thành", dt.date(2021, 1, 28))
    sheet = load_workbook(io.BytesIO(plan_xlsx(seed, progress=progress))).active
    assert sheet["A1"].value == "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    assert sheet["A2"].value == "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
    assert sheet["E3"].value == "Hoàng Mai, ngày 13 tháng 01 năm 2021"
    assert sheet["A5"].value == "KẾ HOẠCH"
    assert sheet["A6"].value == "Triển khai công tác thi đua khen thưởng năm 2021"
    header_row = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "TT")
    headers = [c.value for c in sheet[header_row]]
    assert headers[3:5] == ["Đơn vị tham mưu, thực hiện", "Đơn vị phối hợp"]
    assert headers[-2:] == ["Tình trạng", "Ngày hoàn thành"]
    task = [c.value for c in sheet[header_row + 2]]
    assert task[3] == "Phòng Nội vụ" and task[5] == "Trước ngày 30/01/2021"
    assert task[-2] == "Đã hoàn thành" and task[-1].date() == dt.date(2021, 1, 28)
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    setup = sheet.page_setup
    assert (int(setup.paperSize), setup.orientation, setup.fitToWidth) == (9, "landscape", 1)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "NGƯỜI LẬP BIỂU" in values and "Nguyễn Minh Tâm" in values
