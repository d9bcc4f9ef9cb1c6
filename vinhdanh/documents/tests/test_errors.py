"""Every file that is not a readable plan gives one error, in Vietnamese."""

import pytest

from vinhdanh.documents.errors import PlanReadError
from vinhdanh.documents.reader import read_plan, read_plan_file

from . import builders

CASES = {
    "empty": (lambda: b"", "ke-hoach.docx", "Tệp rỗng"),
    "blank": (lambda: b" \n\t\n", "ke-hoach.txt", "Tệp rỗng"),
    "png": (lambda: builders.PNG_BYTES, "ke-hoach.docx", "ảnh PNG"),
    "pdf": (lambda: b"%PDF-1.7\n...", "ke-hoach.pdf", "PDF"),
    "random": (builders.random_bytes, "ke-hoach.xlsx", "Không nhận ra loại tệp"),
    "corrupt_zip": (builders.corrupt_zip_bytes, "ke-hoach.docx", "bị hỏng"),
    "broken_docx_xml": (builders.docx_with_broken_xml_bytes, "ke-hoach.docx", "Tệp Word bị hỏng"),
    "other_zip": (builders.other_zip_bytes, "ke-hoach.zip", "không phải tài liệu Word"),
    "encrypted": (builders.encrypted_ooxml_bytes, "ke-hoach.docx", "mật khẩu"),
    "bare_ole_named_xlsx": (lambda: builders.OLE_HEADER + bytes(600), "a.xlsx", "mật khẩu"),
    "legacy_doc": (lambda: builders.OLE_HEADER + bytes(600), "ke-hoach.doc", "định dạng cũ"),
    "docx_without_plan": (builders.docx_without_plan_bytes, "bao-cao.docx", "Không tìm thấy bảng"),
    "xlsx_without_plan": (builders.xlsx_without_plan_bytes, "diem.xlsx", "Không tìm thấy bảng"),
    "text_without_plan": (lambda: "Thông báo\nKhông có bảng.".encode(), "a.txt", "Không tìm thấy"),
}


@pytest.mark.parametrize("case", CASES)
def test_unreadable_files_raise_plan_read_error(case):
    build, filename, expected = CASES[case]
    with pytest.raises(PlanReadError) as caught:
        read_plan(build(), filename)
    assert expected in str(caught.value)
    assert caught.value.message == str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(PlanReadError, match="Không tìm thấy tệp"):
        read_plan_file(tmp_path / "khong-co.docx")
    with pytest.raises(PlanReadError, match="thư mục"):
        read_plan_file(tmp_path)
