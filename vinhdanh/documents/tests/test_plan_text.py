"""The plan's own text and, in a workbook, its number and date written over two cells."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from vinhdanh.documents.body import plan_body
from vinhdanh.documents.header import join_split_cells, parse_header
from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.tests import builders


def test_the_seed_keeps_sections_one_to_three_and_not_the_appendix():
    body = read_plan(builders.seed_bytes(), "ke-hoach.txt").body
    assert body.startswith("Năm 2021 có ý nghĩa đặc biệt quan trọng")
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"):
        assert heading in body
    assert "trước ngày 30/01/2021" in body
    # Neither the title, the recipients nor the appendix table are part of it.
    assert "Triển khai công tác thi đua khen thưởng năm 2021\n" not in body[:60]
    assert "Nơi nhận" not in body
    assert "PHỤ LỤC" not in body
    assert "| TT |" not in body


@pytest.mark.parametrize(
    ("builder", "name"),
    [(builders.seed_docx_bytes, "kh.docx"), (builders.seed_xlsx_bytes, "kh.xlsx")],
)
def test_docx_and_xlsx_keep_their_text_too(builder, name):
    body = read_plan(builder(), name).body
    assert "Kế hoạch của đơn vị gửi về Hội đồng Thi đua - Khen thưởng Quận" in body
    assert "Kèm theo" not in body
    assert "Nội dung thực hiện" not in body


def test_body_stops_at_the_signature_and_is_empty_without_a_title():
    lines = ["KẾ HOẠCH", "Công tác thi đua năm 2022", "Đoạn mở đầu.", "I. MỤC ĐÍCH", "TM. UBND"]
    assert plan_body(lines) == "Đoạn mở đầu.\nI. MỤC ĐÍCH"
    assert plan_body(["Số: 01/KH", "Đoạn văn"]) == ""


def test_a_label_and_its_value_in_two_cells_are_read_as_one_line():
    lines = ["Số:", "05/KH-HĐTĐKT", "Gia Lâm, ngày", "05/01/2022", "KẾ HOẠCH", "Thi đua năm 2022"]
    header = parse_header(lines)
    assert header.number == "05/KH-HĐTĐKT"
    assert (header.place, header.date, header.year) == ("Gia Lâm", dt.date(2022, 1, 5), 2022)
    # Lines that already hold their value are not changed.
    assert join_split_cells(["Số: 01/KH"])[:1] == ["Số: 01/KH"]


def _workbook(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_workbook_with_number_and_date_in_cells_of_their_own():
    """The office's own .xlsx: "Số:" beside its number, the date as an Excel date."""
    data = _workbook(
        [
            ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["Số:", "07/KH-HĐTĐKT", None, "Hoàng Mai, ngày", dt.datetime(2021, 2, 3)],
            ["KẾ HOẠCH"],
            ["Thi đua chuyên đề năm 2021"],
            ["Các đơn vị tổ chức thi đua theo nội dung dưới đây."],
            ["TT", "Nội dung thực hiện", "Đơn vị tham mưu, thực hiện", "Thời gian hoàn thành"],
            ["1", "Phát động thi đua", "Phòng Nội vụ", "Cả năm"],
            ["2", "Sơ kết", "Các đơn vị thuộc Quận", "Trước ngày 30/6/2021"],
        ]
    )
    plan = read_plan(data, "ke-hoach.xlsx")
    assert plan.header.number == "07/KH-HĐTĐKT"
    assert plan.header.date == dt.date(2021, 2, 3)
    assert plan.header.year == 2021
    assert plan.body == "Các đơn vị tổ chức thi đua theo nội dung dưới đây."
    first, second = plan.tasks
    assert (first.deadline.kind, first.deadline.date) == ("ongoing", None)
    assert second.deadline.date == dt.date(2021, 6, 30)


def test_a_paragraph_broken_by_a_page_of_the_source_is_one_paragraph_again():
    body = read_plan(builders.seed_bytes(), "ke-hoach.txt").body
    line = next(line for line in body.splitlines() if line.startswith("1. Phát động"))
    assert "triển khai hiệu quả các phong trào thi đua thường xuyên" in line
    lines = ["KẾ HOẠCH", "Thi đua năm 2022", "Các đơn vị tổ chức", "thi đua.", "còn lại."]
    assert plan_body(lines) == "Các đơn vị tổ chức thi đua.\ncòn lại."
