import datetime
import io

from docx import Document
from openpyxl import load_workbook

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import list_workbook
from vinhdanh.documents.layout import Letterhead, place_and_date

HEAD = Letterhead(
    parent_body="Ủy ban nhân dân quận Hoàng Mai",
    issuer="Hội đồng Thi đua - Khen thưởng",
    number="01/KH-HĐTĐKT",
    place="Hoàng Mai",
)


def test_place_and_date_pads_small_days_and_the_first_two_months():
    assert (
        place_and_date("Hoàng Mai", datetime.date(2021, 1, 3))
        == "Hoàng Mai, ngày 03 tháng 01 năm 2021"
    )
    assert (
        place_and_date("Hoàng Mai", datetime.date(2021, 11, 24))
        == "Hoàng Mai, ngày 24 tháng 11 năm 2021"
    )


def test_decision_has_header_block_title_articles_signature_and_annex():
    doc = AdminDocument(
        HEAD, date=datetime.date(2021, 1, 13), kind="Quyết định", subject="Về việc tặng Giấy khen"
    )
    doc.bases(["Căn cứ Luật Thi đua, khen thưởng;"])
    doc.heading("QUYẾT ĐỊNH:")
    doc.article(1, "Tặng Giấy khen cho 2 cá nhân.")
    doc.signature(
        authority="TM. Hội đồng Thi đua - Khen thưởng",
        role_line="Chủ tịch",
        signer="Nguyễn Minh Tâm",
    )
    doc.recipients(["Như Điều 3", "Ban TĐKT Thành phố"])
    doc.annex("Danh sách cá nhân", "(Kèm theo Quyết định số 01/QĐ-HĐTĐKT)")
    doc.table(["STT", "Họ và tên"], [[1, "Lê Văn An"], [2, "Trần Thị Hoa"]])
    parsed = Document(io.BytesIO(doc.to_bytes()))
    header_cells = parsed.tables[0].rows[0].cells
    assert [p.text for p in header_cells[0].paragraphs if p.text] == [
        # Too long for the issuer column at 12 pt: split at a word boundary on purpose.
        "ỦY BAN NHÂN DÂN\nQUẬN HOÀNG MAI", "HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG", "Số: 01/KH-HĐTĐKT",
    ]  # fmt: skip
    right = [p.text for p in header_cells[1].paragraphs if p.text]
    assert right == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hoàng Mai, ngày 13 tháng 01 năm 2021",
    ]  # fmt: skip
    body = [p.text for p in parsed.paragraphs if p.text]
    assert body[:2] == ["QUYẾT ĐỊNH", "Về việc tặng Giấy khen"]
    assert "Điều 1. Tặng Giấy khen cho 2 cá nhân." in body
    signature = [p.text for p in parsed.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "CHỦ TỊCH", "Nguyễn Minh Tâm"]
    recipients = [p.text for p in parsed.tables[1].rows[0].cells[0].paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Như Điều 3;", "- Ban TĐKT Thành phố;", "- Lưu: VT, NV."]
    assert [c.text for c in parsed.tables[2].rows[2].cells] == ["2", "Trần Thị Hoa"]
    section = parsed.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.page_width.mm) == 210


def test_list_workbook_keeps_header_block_dates_and_print_settings():
    content = list_workbook(
        HEAD,
        title="Danh sách đăng ký",
        date=datetime.date(2021, 2, 28),
        headers=["STT", "Đơn vị", "Ngày gửi"],
        rows=[[1, "Phường Hoàng Liệt", datetime.date(2021, 2, 20)]],
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    assert sheet["A3"].value == "DANH SÁCH ĐĂNG KÝ"
    assert [c.value for c in sheet[6]] == ["STT", "Đơn vị", "Ngày gửi"]
    assert sheet["C7"].value.date() == datetime.date(2021, 2, 20)
    assert sheet["C7"].number_format == "DD/MM/YYYY"
    assert sheet.freeze_panes == "A7"
    assert sheet.print_title_rows == "$6:$6"
    assert sheet.page_setup.fitToWidth == 1
