import io
import zipfile

import pytest

from vinhdanh.core.uploads import UploadRejected, validate_upload


def archive(files: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zipped:
        for name, data in files.items():
            zipped.writestr(name, data)
    return buffer.getvalue()


DOCX = archive({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = archive({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("bao-cao.pdf", b"%PDF-1.7\n...", "pdf"),
        ("bao-cao.docx", DOCX, "docx"),
        ("danh-sach.XLSX", XLSX, "xlsx"),
        ("anh.jpg", b"\xff\xd8\xff\xe0rest", "jpeg"),
        ("ghi-chu.txt", "Báo cáo thành tích".encode(), "txt"),
    ],
)
def test_real_documents_are_accepted_with_their_kind(name, content, kind):
    assert validate_upload(name, content) == kind


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.pdf", b"", "Tệp rỗng"),
        ("x.pdf", b"%PDF-" + b"0" * (2 * 1024 * 1024), "Tệp quá lớn: tối đa 1 MB"),
        ("setup.exe", b"MZ\x90\x00", "chương trình"),
        ("bao-cao.pdf", b"MZ\x90\x00", "chương trình"),
        ("bao-cao.pdf", DOCX, "không khớp với nội dung thật (Word (.docx))"),
        ("x.bin", b"\x00\x01\x02\x03\xff\xfe", "Không nhận dạng được"),
        ("bao-cao.zip", archive({"a.txt": b"x"}), "không được nhận ở đây"),
    ],
)
def test_bad_uploads_are_refused_with_the_reason(name, content, message):
    with pytest.raises(UploadRejected) as refused:
        validate_upload(name, content, max_bytes=1024 * 1024)
    assert message in refused.value.message


def test_zip_bomb_is_refused():
    bomb = archive({"word/document.xml": b"0" * (30 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024
    with pytest.raises(UploadRejected) as refused:
        validate_upload("bom.docx", bomb)
    assert "bom nén" in refused.value.message


def test_xml_entity_bomb_is_refused():
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document>&lol;</w:document>'
    )
    with pytest.raises(UploadRejected) as refused:
        validate_upload("bom.docx", archive({"word/document.xml": lol}))
    assert "DOCTYPE/ENTITY" in refused.value.message


def test_executable_inside_an_archive_is_refused():
    with pytest.raises(UploadRejected):
        validate_upload("ho-so.zip", archive({"run.exe": b"MZ"}), allowed=frozenset({"zip"}))
