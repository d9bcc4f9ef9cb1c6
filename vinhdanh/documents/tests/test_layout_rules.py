"""The administrative layout (Nghị định 30/2020, Phụ lục I), read from the .docx XML itself:
widths, drawn lines, fonts, sizes, bold and italics, repeated header rows. No database."""

import datetime
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import load_workbook

from vinhdanh.documents import layout
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import official_workbook
from vinhdanh.documents.metrics import text_width_cm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_CM = 360000
COUNCIL = layout.letterhead_for(
    "Hội đồng Thi đua - Khen thưởng",
    parent="Ủy ban nhân dân quận Hoàng Mai",
    number="12/QĐ-HĐTĐKT",
)
DAY = datetime.date(2021, 12, 13)


def _twips_to_cm(value) -> float:
    return int(value) / 1440 * 2.54


def _decision(letterhead=COUNCIL) -> AdminDocument:
    doc = AdminDocument(
        letterhead, date=DAY, kind="Quyết định", subject="Về việc tặng Giấy khen năm 2021"
    )
    doc.bases(["Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;"])
    doc.heading("QUYẾT ĐỊNH:")
    doc.article(1, "Tặng Giấy khen cho 2 cá nhân có thành tích xuất sắc.")
    doc.signature(
        authority="TM. Ủy ban nhân dân",
        delegation="KT. Chủ tịch",
        role_line="Phó Chủ tịch",
        signer="Nguyễn Minh Tâm",
    )
    doc.recipients(["Như Điều 3;", "Ban TĐKT Thành phố"])
    return doc


def _parsed(doc: AdminDocument):
    return Document(io.BytesIO(doc.to_bytes()))


def _runs_with_text(element):
    for run in element.iter(f"{W}r"):
        if "".join(t.text or "" for t in run.iter(f"{W}t")).strip():
            yield run


def _run_text(run) -> str:
    return "".join(t.text or "" for t in run.iter(f"{W}t"))


def _find_run(document, text):
    return next(r for r in _runs_with_text(document.element) if _run_text(r) == text)


def _size_pt(run) -> float:
    return int(run.find(f"{W}rPr/{W}sz").get(f"{W}val")) / 2


def _on(run, tag) -> bool:
    element = run.find(f"{W}rPr/{W}{tag}")
    return element is not None and element.get(f"{W}val") in (None, "1", "true")


# -- the parent-body rule (pure) -----------------------------------------------------------


def test_a_peoples_committee_has_no_parent_line_whatever_its_place_in_the_tree():
    head = layout.letterhead_for(
        "Ủy ban nhân dân quận Hoàng Mai", parent="Ủy ban nhân dân thành phố Hà Nội"
    )
    assert head.parent_body == ""
    assert (head.issuer, head.place) == ("Ủy ban nhân dân quận Hoàng Mai", "Hoàng Mai")
    # Abbreviated, it is recognised and written in full.
    ward = layout.letterhead_for("UBND phường Định Công", parent="Ủy ban nhân dân quận Hoàng Mai")
    assert (ward.parent_body, ward.issuer) == ("", "Ủy ban nhân dân phường Định Công")


def test_a_council_and_an_office_carry_the_body_they_belong_to():
    council = layout.letterhead_for("HĐTĐKT", parent="UBND quận Hoàng Mai", number="01/KH-HĐTĐKT")
    assert council.parent_body == "Ủy ban nhân dân quận Hoàng Mai"
    assert council.issuer == "Hội đồng Thi đua - Khen thưởng"
    assert council.place == "Hoàng Mai"  # from the parent when the issuer names no place
    office = layout.letterhead_for("Văn phòng", parent="Ủy ban nhân dân phường Hoàng Liệt")
    assert (office.parent_body, office.place) == (
        "Ủy ban nhân dân phường Hoàng Liệt",
        "Hoàng Liệt",
    )
    assert layout.letterhead_for("Phòng Nội vụ").parent_body == ""


def test_the_place_before_the_date_is_never_empty_when_a_name_gives_it():
    head = layout.Letterhead(parent_body="Ủy ban nhân dân huyện Gia Lâm", issuer="Phòng Nội vụ")
    assert layout.place_of(head) == "Gia Lâm"
    assert layout.place_and_date(layout.place_of(head), DAY).startswith("Gia Lâm, ngày 13")


# -- the header block, measured ---------------------------------------------------------------


@pytest.mark.parametrize(
    "letterhead",
    [
        COUNCIL,
        layout.letterhead_for("Ủy ban nhân dân quận Hoàng Mai"),
        layout.letterhead_for("Ủy ban nhân dân thành phố Hà Nội"),
        layout.letterhead_for("Văn phòng", parent="Ủy ban nhân dân phường Hoàng Liệt"),
        layout.letterhead_for(
            "Trung tâm Văn hóa - Thông tin và Thể thao",
            parent="Ủy ban nhân dân quận Hoàng Mai",
        ),
    ],
)
def test_no_header_line_wraps_at_a4_with_the_decrees_margins(letterhead):
    date_line = layout.place_and_date(layout.place_of(letterhead), datetime.date(2021, 12, 28))
    measured = layout.header_layout(letterhead, date_line)
    low, high = layout.ISSUER_COLUMN_CM
    assert low <= measured.issuer_cm <= high
    assert measured.issuer_cm + measured.motto_cm == pytest.approx(16.5)
    for text, size, bold, italic in [
        (layout.NATIONAL_NAME, layout.HEADER_PT, True, False),
        (layout.NATIONAL_MOTTO, layout.MOTTO_PT, True, False),
        (date_line, layout.DATE_PT, False, True),
    ]:
        assert text_width_cm(text, size, bold=bold, italic=italic) < measured.motto_cm
    for line in measured.issuer_lines:
        assert text_width_cm(line, layout.HEADER_PT, bold=True) < measured.issuer_cm
    for line in measured.parent_lines:
        assert text_width_cm(line, layout.HEADER_PT) < measured.issuer_cm
    # Split only at word boundaries: the words are the name's words, in order.
    assert " ".join(measured.issuer_lines).split() == letterhead.issuer.upper().split()
    widest = max(text_width_cm(line, layout.HEADER_PT, bold=True) for line in measured.issuer_lines)
    assert widest / 3 <= measured.issuer_rule_cm <= widest / 2
    assert measured.motto_rule_cm == pytest.approx(
        text_width_cm(layout.NATIONAL_MOTTO, layout.MOTTO_PT, bold=True), abs=0.01
    )


def test_a_long_name_is_split_where_a_reader_would_break_it():
    assert layout.split_line("ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI", 7.0, 12) == [
        "ỦY BAN NHÂN DÂN",
        "QUẬN HOÀNG MAI",
    ]
    assert layout.split_line("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", 7.0, 12, bold=True) == [
        "HỘI ĐỒNG THI ĐUA -",
        "KHEN THƯỞNG",
    ]
    assert layout.split_line("PHÒNG NỘI VỤ", 7.0, 12, bold=True) == ["PHÒNG NỘI VỤ"]


def test_header_table_has_the_measured_grid_and_no_borders():
    document = _parsed(_decision())
    header = document.tables[0]._tbl
    grid = [_twips_to_cm(c.get(qn("w:w"))) for c in header.tblGrid.findall(qn("w:gridCol"))]
    measured = layout.header_layout(COUNCIL, layout.place_and_date("Hoàng Mai", DAY))
    assert grid == pytest.approx([measured.issuer_cm, measured.motto_cm], abs=0.01)
    assert header.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    edges = header.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in edges} == {"nil"}
    # The short lines are drawn, never paragraph borders.
    assert not list(document.element.iter(qn("w:pBdr")))


def test_three_short_lines_are_drawn_centred_with_their_lengths():
    document = _parsed(_decision())
    anchors = list(document.element.iter(f"{WP}anchor"))
    lengths = [int(a.find(f"{WP}extent").get("cx")) / EMU_PER_CM for a in anchors]
    measured = layout.header_layout(COUNCIL, layout.place_and_date("Hoàng Mai", DAY))
    assert lengths == pytest.approx(
        [measured.issuer_rule_cm, measured.motto_rule_cm, layout.SUBJECT_RULE_CM], abs=0.01
    )
    for anchor in anchors:
        assert anchor.find(f"{WP}positionH/{WP}align").text == "center"
        assert anchor.find(f".//{A}prstGeom").get("prst") == "line"
    assert len({a.find(f"{WP}docPr").get("id") for a in anchors}) == 3


def test_header_texts_sizes_and_styles():
    document = _parsed(_decision())
    left = document.tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN\nQUẬN HOÀNG MAI",
        "HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG",
        "Số: 12/QĐ-HĐTĐKT",
    ]
    parent = _find_run(document, "ỦY BAN NHÂN DÂN")
    issuer = _find_run(document, "HỘI ĐỒNG THI ĐUA -")
    number = _find_run(document, "Số: 12/QĐ-HĐTĐKT")
    assert (_size_pt(parent), _on(parent, "b")) == (12, False)
    assert (_size_pt(issuer), _on(issuer, "b")) == (12, True)
    assert _size_pt(number) == 13
    name = _find_run(document, layout.NATIONAL_NAME)
    motto = _find_run(document, layout.NATIONAL_MOTTO)
    date = _find_run(document, "Hoàng Mai, ngày 13 tháng 12 năm 2021")
    assert (_size_pt(name), _on(name, "b")) == (12, True)
    assert (_size_pt(motto), _on(motto, "b")) == (13, True)
    assert (_size_pt(date), _on(date, "i"), _on(date, "b")) == (13, True, False)
    title = _find_run(document, "QUYẾT ĐỊNH")
    subject = _find_run(document, "Về việc tặng Giấy khen năm 2021")
    assert (_size_pt(title), _on(title, "b")) == (14, True)
    assert (_size_pt(subject), _on(subject, "b")) == (14, True)


def test_a_peoples_committees_document_has_its_name_alone_in_bold():
    document = _parsed(_decision(layout.letterhead_for("Ủy ban nhân dân quận Hoàng Mai")))
    left = document.tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN\nQUẬN HOÀNG MAI",
        "Số:      /",  # no number yet: room to write it in
    ]
    assert "THÀNH PHỐ HÀ NỘI" not in left.text
    assert _on(_find_run(document, "QUẬN HOÀNG MAI"), "b")


def test_body_paragraphs_are_indented_spaced_and_justified():
    document = _parsed(_decision())
    article = next(p for p in document.paragraphs if p.text.startswith("Điều 1."))
    fmt = article.paragraph_format
    assert Cm(1.0) <= fmt.first_line_indent <= Cm(1.27)
    assert fmt.space_after >= Pt(6)
    assert 1 <= fmt.line_spacing <= 1.5
    assert article.alignment == 3  # justified
    basis = _find_run(document, "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;")
    assert _on(basis, "i") and 13 <= _size_pt(basis) <= 14
    assert _on(_find_run(document, "Điều 1. "), "b")


def test_signature_block_with_delegation_and_recipients():
    document = _parsed(_decision())
    recipients_cell, signature_cell = document.tables[1].rows[0].cells
    assert [p.text for p in signature_cell.paragraphs if p.text] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Minh Tâm",
    ]
    # Room to sign and seal between the office and the name.
    texts = [p.text for p in signature_cell.paragraphs]
    assert texts.index("Nguyễn Minh Tâm") - texts.index("PHÓ CHỦ TỊCH") > 3
    for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Minh Tâm"):
        assert _on(_find_run(document, text), "b")
    assert [p.text for p in recipients_cell.paragraphs] == [
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Ban TĐKT Thành phố;",
        "- Lưu: VT, NV.",
    ]
    heading = _find_run(document, "Nơi nhận:")
    assert (_size_pt(heading), _on(heading, "b"), _on(heading, "i")) == (12, True, True)
    assert _size_pt(_find_run(document, "- Lưu: VT, NV.")) == 11


def test_every_run_and_every_style_names_times_new_roman_in_all_slots():
    doc = _decision()
    doc.annex("Danh sách", "(Kèm theo Quyết định số 12/QĐ-HĐTĐKT)", landscape=True)
    doc.table(["STT", "Họ và tên"], [[1, "Lê Văn An"]])
    document = _parsed(doc)
    slots = [qn(f"w:{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")]
    runs = list(document.element.iter(qn("w:r")))
    for section in document.sections:
        runs += list(section.header._element.iter(qn("w:r")))
    assert len(runs) > 30
    for run in runs:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        assert [fonts.get(slot) for slot in slots] == ["Times New Roman"] * 4
    styles = document.styles.element
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert [defaults.get(slot) for slot in slots] == ["Times New Roman"] * 4
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph":
            fonts = style.find(f"{W}rPr/{W}rFonts")
            assert fonts.get(qn("w:ascii")) == "Times New Roman", style.get(qn("w:styleId"))


# -- Kính gửi, tables -------------------------------------------------------------------------


def test_addressee_one_line_or_a_list():
    doc = AdminDocument(COUNCIL, date=DAY, kind="Tờ trình", subject="Về việc đề nghị khen thưởng")
    doc.addressee(["Ủy ban nhân dân quận Hoàng Mai"])
    doc.addressee(["Ủy ban nhân dân quận Hoàng Mai", "Ban Thi đua - Khen thưởng Thành phố;"])
    texts = [p.text for p in _parsed(doc).paragraphs if p.text]
    assert texts[2] == "Kính gửi: Ủy ban nhân dân quận Hoàng Mai."
    assert texts[3:6] == [
        "Kính gửi:",
        "- Ủy ban nhân dân quận Hoàng Mai;",
        "- Ban Thi đua - Khen thưởng Thành phố.",
    ]
    paragraphs = _parsed(doc).paragraphs
    single = next(p for p in paragraphs if p.text.startswith("Kính gửi: "))
    assert single.alignment == 1  # centred
    listed = next(p for p in paragraphs if p.text == "- Ủy ban nhân dân quận Hoàng Mai;")
    assert listed.paragraph_format.left_indent > Cm(2)  # the list stands centred as a block


@pytest.mark.parametrize(("landscape", "width"), [(False, 16.5), (True, 25.2)])
def test_table_fills_the_text_width_repeats_its_header_and_totals(landscape, width):
    doc = _decision()
    if landscape:
        doc.annex("Danh sách", "(Kèm theo Quyết định số 12/QĐ-HĐTĐKT)", landscape=True)
    rows = [[n, f"Người {n}", "Phường Định Công", 500000] for n in range(1, 60)]
    doc.table(
        ["STT", "Họ và tên", "Đơn vị", "Số tiền (đồng)"],
        rows,
        [1, 5, 6, 3],
        total_row=["", "Tổng cộng", "", 29500000],
    )
    document = _parsed(doc)
    table = document.tables[-1]
    grid = [_twips_to_cm(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == pytest.approx(width, abs=0.02)
    assert grid[2] / grid[1] == pytest.approx(6 / 5, rel=0.01)  # the proportions given
    # ... except that no column is narrower than its header's longest word.
    assert grid[0] >= text_width_cm("STT", layout.TABLE_PT, bold=True) + layout.CELL_PADDING_CM
    assert grid[3] >= text_width_cm("(đồng)", layout.TABLE_PT, bold=True)
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"
    assert table.rows[1]._tr.trPr is None or table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    last = table.rows[-1]
    assert [c.text for c in last.cells] == ["", "Tổng cộng", "", "29.500.000"]
    assert all(_on(r, "b") for c in last.cells for r in _runs_with_text(c._tc))
    money = table.rows[1].cells[3].paragraphs[0]
    assert (money.text, money.alignment) == ("500.000", 2)  # right-aligned
    assert table.rows[1].cells[1].paragraphs[0].alignment is None
    section = document.sections[-1]
    assert (section.page_width > section.page_height) is landscape


def test_table_alignment_can_be_given_per_column():
    doc = _decision()
    table = doc.table(["TT", "Nội dung"], [[1, "Việc"]], align=["center", "justify"])
    assert [c.paragraphs[0].alignment for c in table.rows[1].cells] == [1, 3]


# -- the official spreadsheet -------------------------------------------------------------------


def test_official_workbook_has_header_blocks_title_table_and_signature_rows():
    content = official_workbook(
        COUNCIL,
        title="Danh sách đề nghị khen thưởng",
        subject="Năm 2021",
        date=DAY,
        headers=["STT", "Họ và tên", "Đơn vị", "Hình thức", "Ngày"],
        rows=[[1, "Lê Văn An", "Phường Định Công", "Giấy khen", DAY]],
        landscape=True,
        total_row=["", "Cộng", "", 1, None],
    )
    sheet = load_workbook(io.BytesIO(content)).active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:B1", "C1:E1", "A2:B2", "C2:E2", "A3:B3", "C3:E3"} <= merged
    # Too long for its merged cells: broken at word boundaries, the row made tall enough.
    assert " ".join(sheet["A1"].value.split()) == "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    lines = sheet["A1"].value.count("\n") + 1
    assert lines > 1 and sheet.row_dimensions[1].height == 18 * lines
    assert sheet["A1"].font.b is False
    assert " ".join(sheet["A2"].value.split()) == "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
    assert sheet["A2"].font.b
    assert sheet["A3"].value == "Số: 12/QĐ-HĐTĐKT"
    assert sheet["C1"].value == layout.NATIONAL_NAME and sheet["C1"].font.b
    assert sheet["C2"].value == layout.NATIONAL_MOTTO and sheet["C2"].font.u == "single"
    assert sheet["C3"].value == "Hoàng Mai, ngày 13 tháng 12 năm 2021" and sheet["C3"].font.i
    assert sheet["A5"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" and sheet["A5"].font.b
    assert sheet["A6"].value == "Năm 2021"
    assert [c.value for c in sheet[8]] == ["STT", "Họ và tên", "Đơn vị", "Hình thức", "Ngày"]
    assert sheet["E9"].number_format == "DD/MM/YYYY"
    assert sheet["B10"].value == "Cộng" and sheet["B10"].font.b
    assert sheet["A12"].value == "NGƯỜI LẬP BIỂU" and sheet["C12"].value == "THỦ TRƯỞNG ĐƠN VỊ"
    assert sheet["A13"].value == "(Ký, ghi rõ họ tên)"
    assert all(
        c.font.name == "Times New Roman" for row in sheet.iter_rows() for c in row if c.value
    )
    assert sheet.freeze_panes == "A9"
    assert sheet.print_title_rows == "$8:$8"
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        int(sheet.PAPERSIZE_A4),
        "landscape",
        1,
        0,
    )
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_a_form_repeats_its_column_code_row_with_the_header():
    content = official_workbook(
        layout.letterhead_for("Ủy ban nhân dân quận Hoàng Mai"),
        title="Biểu 0601",
        date=None,
        headers=["Chỉ tiêu", "Mã số", "Tổng số"],
        rows=[["Tổng số phong trào", "01", 4]],
        column_codes=["A", "B", "1"],
        signers=(),
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert " ".join(sheet["A1"].value.split()) == "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    assert sheet["A1"].font.b
    assert sheet["B3"].value.startswith("Hoàng Mai, ngày ")  # the place filled, not ", ngày"
    assert [c.value for c in sheet[7]] == ["Chỉ tiêu", "Mã số", "Tổng số"]
    assert [c.value for c in sheet[8]] == ["A", "B", "1"]
    assert sheet.print_title_rows == "$7:$8"
    assert sheet["C9"].alignment.horizontal == "right"


def test_fitted_widths_keep_proportions_and_respect_minimums():
    assert layout.fit_widths([1, 2, 1], 16.0) == [4.0, 8.0, 4.0]
    widths = layout.fit_widths([0.5, 10, 5.5], 16.0, minimums=[1.5, 1.0, 1.0])
    assert widths[0] == pytest.approx(1.5)
    assert sum(widths) == pytest.approx(16.0)
    assert widths[1] / widths[2] == pytest.approx(10 / 5.5, rel=0.01)
