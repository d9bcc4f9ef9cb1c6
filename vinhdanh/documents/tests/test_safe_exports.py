"""The safe writers: hostile names never become formulas and never break a file; pure."""

import ast
import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from vinhdanh.core.tests.attacks import CONTROL_NAME, FORMULA_NAMES, HOSTILE_NAMES
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import list_workbook, simple_workbook
from vinhdanh.documents.certificates import CertificateFields, render_certificate
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.safe_text import clean_text, safe_text

HEAD = Letterhead("ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "01/QĐ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tX", "'\tX"),
        ("\rX", "'\rX"),
        ("-", "-"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("A=B", "A=B"),
        (None, ""),
        (12, "12"),
        ("a\x00b\x07c\x1fd\ufffee", "abcde"),
        ("\x00=1", "'=1"),  # a control character cannot hide a formula
        ("dòng 1\ndòng 2\tcột", "dòng 1\ndòng 2\tcột"),
    ],
)
def test_safe_text_neutralises_formulas_and_drops_what_xml_cannot_carry(value, expected):
    assert safe_text(value) == expected


def test_clean_text_keeps_a_leading_sign_in_prose():
    assert clean_text("- Phòng Nội vụ;\x0b") == "- Phòng Nội vụ;"


def _cells(content: bytes):
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def assert_no_formula(content: bytes) -> list[str]:
    """Every cell of the workbook is data; returns the texts, for checking what is there."""
    texts = []
    for cell in _cells(content):
        assert cell.data_type != "f", cell.coordinate
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")) or cell.value in (
                "-",
                "+",
            ), cell.coordinate
            texts.append(cell.value)
    return texts


def test_list_workbook_writes_hostile_names_as_text_everywhere():
    rows = [[index, name, name] for index, name in enumerate(HOSTILE_NAMES, start=1)]
    content = list_workbook(
        HEAD,
        title=FORMULA_NAMES[0],
        date=None,
        headers=["STT", "=cmd|' /C calc'!A0", "Đơn vị"],
        rows=rows,
        sheet_title="=Danh/sách:[1]",
        caption="@caption",
    )
    texts = assert_no_formula(content)
    for name in FORMULA_NAMES:
        assert "'" + name.upper() in texts or "'" + name in texts
    assert "Lê Thị Zeta" in texts


def test_simple_workbook_writes_hostile_names_as_text():
    content = simple_workbook("Mẫu", ["Mã", "=Họ tên"], [["a", n] for n in HOSTILE_NAMES])
    texts = assert_no_formula(content)
    assert '\'=HYPERLINK("http://x","y")' in texts
    assert clean_text(CONTROL_NAME) in texts


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def test_admin_document_carries_hostile_names_and_opens():
    document = AdminDocument(HEAD, date=None, kind="QUYẾT ĐỊNH", subject=CONTROL_NAME)
    for name in HOSTILE_NAMES:
        document.paragraph(name)
        document.article(1, name)
    document.table(["TT", "Họ và tên"], [[i, n] for i, n in enumerate(HOSTILE_NAMES)])
    document.signature(authority="TM. HỘI ĐỒNG", signer=CONTROL_NAME)
    document.recipients(HOSTILE_NAMES)
    text = _docx_text(document.to_bytes())
    assert clean_text(CONTROL_NAME) in text
    assert "Lê Thị Zeta" in text and "\x01" not in text
    assert '\'=HYPERLINK("http://x","y")' in text  # a table cell: neutralised
    assert "@SUM(A1)" in text


def test_certificate_renders_with_hostile_names():
    for name in HOSTILE_NAMES:
        fields = CertificateFields(
            kind="GIẤY KHEN",
            issuer=name,
            recipient=name,
            detail=name,
            achievement=name,
            decision_line=name,
            place_date=name,
            signer_role=name,
            signer=name,
            verify_url="https://example.org/verify/abc",
            register_number=name,
        )
        content = render_certificate(fields)
        assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")


# -- one writer path -----------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
WRITERS = {
    "documents/admin_xlsx.py",
    "documents/admin_docx.py",
    "documents/certificates.py",
    "documents/decision_pdf.py",
}
# Readers open files; they may load a workbook or a Word file but never save one.
READERS = {"core/workbook.py", "documents/source_xlsx.py", "documents/source_docx.py"}
FORBIDDEN = {
    ("openpyxl", "Workbook"): WRITERS,
    ("openpyxl.workbook", "Workbook"): WRITERS,
    ("openpyxl", "load_workbook"): READERS,
    ("openpyxl.reader.excel", "load_workbook"): READERS,
    ("docx", "Document"): WRITERS | READERS,
    ("docx.document", "Document"): WRITERS | READERS,
    ("reportlab.pdfgen", "canvas"): WRITERS,
    ("reportlab.pdfgen.canvas", "Canvas"): WRITERS,
    ("reportlab.platypus", "*"): WRITERS,
}
FORBIDDEN_MODULES = {"openpyxl", "docx", "reportlab.pdfgen", "reportlab.pdfgen.canvas"}


def _violations(path: Path) -> list[str]:
    relative = path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                for key in ((node.module, alias.name), (node.module, "*")):
                    if key in FORBIDDEN and relative not in FORBIDDEN[key]:
                        found.append(f"{relative}: from {node.module} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in FORBIDDEN_MODULES and relative not in WRITERS | READERS:
                    found.append(f"{relative}: import {alias.name}")
    return found


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def test_only_the_safe_writers_create_workbooks_documents_and_pdfs():
    assert [v for path in _sources() for v in _violations(path)] == []


def test_the_import_scan_catches_a_writer_outside_the_documents_package(tmp_path):
    rogue = ROOT / "reports" / "rogue_export_for_scan.py"
    source = "from openpyxl import Workbook\nimport docx\nfrom docx import Document\n"
    try:
        rogue.write_text(source, encoding="utf-8")
        assert len(_violations(rogue)) == 3
    finally:
        rogue.unlink()
