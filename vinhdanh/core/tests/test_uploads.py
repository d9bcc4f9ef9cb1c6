import io
import zipfile

import pytest

from vinhdanh.core import uploads
from vinhdanh.core.tests import attacks
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


# -- the attacker's corpus, against the gate itself ---------------------------------


@pytest.mark.parametrize("attack", attacks.upload_attacks(), ids=lambda a: a.name)
def test_every_attack_is_refused_by_the_gate_with_its_reason(attack):
    with pytest.raises(UploadRejected) as refused:
        validate_upload(attack.filename, attack.content)
    assert attack.refusal in refused.value.message


def test_the_attack_files_are_small_enough_to_pass_the_size_limit():
    for attack in attacks.upload_attacks():
        assert len(attack.content) < 5 * 1024 * 1024, attack.name


def test_a_real_workbook_passes_the_gate():
    assert validate_upload("danh-sach.xlsx", attacks.real_workbook()) == "xlsx"


def test_the_ratio_is_checked_per_part_not_only_over_the_whole_file():
    content = attacks.high_ratio_part()
    archive = zipfile.ZipFile(io.BytesIO(content))
    members = archive.infolist()
    whole = sum(m.file_size for m in members) / sum(m.compress_size for m in members)
    assert whole < 10  # the whole file looks harmless
    with pytest.raises(UploadRejected):
        validate_upload("danh-sach.xlsx", content)


def test_a_part_too_large_is_refused_even_when_it_does_not_compress_well():
    big = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    big.file_size, big.compress_size = uploads.MAX_PART_UNCOMPRESSED + 1, 40 * 1024 * 1024
    with pytest.raises(UploadRejected) as refused:
        uploads._check_members([big], uploads.MAX_UNCOMPRESSED)
    assert "bom nén" in refused.value.message
    small = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    small.file_size, small.compress_size = 10 * 1024 * 1024, 5 * 1024 * 1024
    uploads._check_members([small], uploads.MAX_UNCOMPRESSED)
    with pytest.raises(UploadRejected):
        uploads._check_members([small], 5 * 1024 * 1024)  # an importer's smaller budget


@pytest.mark.parametrize("cut", range(1, len("<!DOCTYPE")))
def test_a_declaration_split_across_two_chunks_is_found(cut):
    text = b"x" * 100 + b"<!DOCTYPE w>" + b"y" * 100
    where = 100 + cut
    assert uploads.contains_entity_declaration(iter([text[:where], text[where:]]))
    assert not uploads.contains_entity_declaration(iter([b"<!-- DOC", b"TYPE -->"]))


def test_a_declaration_exactly_on_the_scan_chunk_boundary_is_found():
    head = b'<?xml version="1.0"?><!--'
    padding = b"x" * (uploads.SCAN_CHUNK - len(head) - 3) + b"-->"
    sheet = head + padding + b'<!DOCTYPE w [<!ENTITY e "e">]><w/>'
    with pytest.raises(UploadRejected) as refused:
        validate_upload("x.docx", archive({"word/document.xml": sheet}))
    assert "DOCTYPE/ENTITY" in refused.value.message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_declaration_in_utf16_or_utf32_is_found(encoding):
    xml = '<?xml version="1.0"?><!doctype w [<!entity e "e">]><w/>'.encode(encoding)
    with pytest.raises(UploadRejected):
        validate_upload("x.docx", archive({"word/document.xml": xml}))


def test_a_part_of_any_name_is_scanned_not_only_xml():
    with pytest.raises(UploadRejected):
        validate_upload("x.xlsx", archive({"xl/worksheets/sheet1.bin": b"<!ENTITY a 'b'>"}))


@pytest.mark.parametrize(
    "name", ["../evil.xml", "word/../../evil.xml", "/abs.xml", "C:/win.xml", "..\\evil.xml"]
)
def test_traversal_names_are_unsafe(name):
    assert uploads.is_unsafe_name(name)


@pytest.mark.parametrize("name", ["word/document.xml", "[Content_Types].xml", "xl/a..b.xml"])
def test_ordinary_part_names_are_safe(name):
    assert not uploads.is_unsafe_name(name)


def test_an_svg_with_script_inside_an_office_file_is_refused():
    svg = attacks.SVG
    with pytest.raises(UploadRejected) as refused:
        validate_upload("x.docx", archive({"word/document.xml": b"<w/>", "word/media/a.svg": svg}))
    assert "SVG" in refused.value.message


def test_a_plain_svg_icon_inside_an_office_file_is_kept():
    icon = b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'
    content = archive({"word/document.xml": b"<w/>", "word/media/a.svg": icon})
    assert validate_upload("x.docx", content) == "docx"


def test_script_in_text_or_image_is_refused():
    with pytest.raises(UploadRejected):
        validate_upload("ghi-chu.txt", b"Xin chao <script>alert(1)</script>")
    with pytest.raises(UploadRejected):
        validate_upload("anh.jpg", b"\xff\xd8\xff\xe0<svg onload=alert(1)>")
