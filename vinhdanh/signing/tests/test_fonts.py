"""Every PDF the system makes embeds TrueType faces with every Vietnamese letter, and names
no base-14 font (which a reader would substitute, printing boxes for ạ, ữ, đ …)."""

import io

import pytest
from reportlab.pdfbase import pdfmetrics

from vinhdanh.documents import certificates
from vinhdanh.documents.certificates import (
    FONT,
    VIETNAMESE_LETTERS,
    CertificateFields,
    covers_vietnamese,
    printer_test_page,
    register_fonts,
    render_certificates,
)
from vinhdanh.signing.tests.conftest import simple_pdf

BASE_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip
# The letters the brief names, written out: each must be in every face.
SPELLED = "ẠẢÃÀÁÂẬẦẤẨẪĂẮẰẶẲẴ ặẳẵ ỆỄỂẾỀ ỊỈĨ ỘỖỔỐỒƠỢỠỞỚỜ ỰỮỬỨỪ ỴỶỸỲÝ đĐ ư Ư ơ Ơ"


def fonts_of(content: bytes) -> list[dict]:
    """Every font the pages of a PDF use, read with pyHanko's reader."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(content), strict=False)
    found = []

    def walk(node):
        node = node.get_object()
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid)
            return
        resources = node.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for _name, font in fonts.get_object().items() if fonts is not None else []:
            found.append(font.get_object())

    walk(reader.root["/Pages"])
    return found


def assert_embedded_fonts_only(content: bytes) -> None:
    fonts = fonts_of(content)
    assert fonts, "the PDF uses no font at all"
    for font in fonts:
        base = str(font["/BaseFont"]).lstrip("/")
        assert base.split("+")[-1] not in BASE_14, f"base-14 font {base}"
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert descriptor is not None, f"{base} has no descriptor: not embedded"
        assert "/FontFile2" in descriptor.get_object(), f"{base} is not an embedded TrueType face"
    assert b"/Helvetica" not in content and b"/Times-Roman" not in content


def _fields() -> CertificateFields:
    return CertificateFields(
        kind="GIẤY KHEN",
        issuer="CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI",
        recipient="Nguyễn Thị Ánh Tuyết",
        detail="Phường Định Công",
        achievement=SPELLED,
        decision_line="Quyết định số 01/QĐ-UBND ngày 20/12/2021",
        place_date="Hoàng Mai, ngày 20 tháng 12 năm 2021",
        signer_role="Chủ tịch",
        signer="Nguyễn Minh Tâm",
        verify_url="https://vinhdanh.example/awards/verify/abc/",
        check_code="1-ABCDEF",
    )


def test_every_face_has_every_vietnamese_letter_and_is_found_on_debian():
    register_fonts()
    for name in FONT.values():
        font = pdfmetrics.getFont(name)
        assert covers_vietnamese(font)
        glyphs = font.face.charToGlyph
        assert [c for c in SPELLED + VIETNAMESE_LETTERS if c != " " and ord(c) not in glyphs] == []
    # The first place looked at is Debian's fonts-liberation2 (Times-compatible metrics).
    first = certificates.font_candidates(("LiberationSerif-Regular.ttf", "DejaVuSerif.ttf"))[0]
    assert str(first).startswith("/usr/share/fonts/truetype/")


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: render_certificates([_fields()]), id="certificate"),
        pytest.param(lambda: render_certificates([_fields()], fields_only=True), id="on-blank"),
        pytest.param(lambda: render_certificates([_fields(), _fields()]), id="print-job"),
        pytest.param(printer_test_page, id="printer-test-page"),
        pytest.param(lambda: simple_pdf(SPELLED), id="decision"),
    ],
)
def test_each_generated_pdf_embeds_its_faces(make):
    assert_embedded_fonts_only(make())


@pytest.mark.django_db
def test_the_demo_decision_pdf_and_its_signed_copy_embed_their_faces(demo):
    from vinhdanh.awards.models import Decision
    from vinhdanh.signing import rendering, selectors

    decision = Decision.objects.filter(number__isnull=False).order_by("pk").first()
    assert_embedded_fonts_only(rendering.decision_pdf(decision))
    signed = selectors.current_for_decision(decision)
    with signed.file.open("rb") as handle:
        assert_embedded_fonts_only(handle.read())
