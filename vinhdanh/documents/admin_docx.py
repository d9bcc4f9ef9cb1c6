"""Writing .docx documents in the Vietnamese administrative layout.

The only place that creates Word documents; all text goes through `_add_run`.

doc = AdminDocument(Letterhead(...), date=..., kind="QUYẾT ĐỊNH", subject="Về việc ...")
doc.bases([...]); doc.heading("QUYẾT ĐỊNH:"); doc.article(1, "...")
doc.signature(authority="TM. HỘI ĐỒNG ...", role_line="CHỦ TỊCH", signer="...")
doc.signatures(("THƯ KÝ", "..."), ("CHỦ TRÌ", "..."))  # minutes: two signers
doc.recipients([...]); doc.annex("DANH SÁCH ...", "(Kèm theo ...)"); doc.table(...)
doc.addressee(["Ủy ban nhân dân quận Hoàng Mai"])  # "Kính gửi: ..." of a tờ trình
doc.table(headers, rows, [1, 6, 4], total_row=[...])  # widths as proportions of the text
doc.signature(authority="TM. ỦY BAN NHÂN DÂN", delegation="KT. CHỦ TỊCH",
              role_line="PHÓ CHỦ TỊCH", signer="...")
content = doc.to_bytes()

Sizes, widths and lengths come from `layout` (the header block is measured there); every
run and style names Times New Roman in all its font slots; the short lines under the
issuer, the motto and the subject are drawn shapes, never paragraph borders.
"""

import decimal
import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from vinhdanh.documents import layout
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.metrics import text_width_cm
from vinhdanh.documents.numbers import vn_number
from vinhdanh.documents.safe_text import clean_text, safe_text


def _add_run(paragraph, text, *, cell: bool = False):
    """Every run is added here: text cleaned, and table cells never read as formulas.

    A number in a table is written the Vietnamese way (1.234.567; 43,5)."""
    if cell and isinstance(text, (int, float, decimal.Decimal)) and not isinstance(text, bool):
        text = vn_number(text)
    return paragraph.add_run(safe_text(text) if cell else clean_text(text))


def _set_font(run, size: float, bold=False, italic=False) -> None:
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    _name_font(run._r.get_or_add_rPr())


def _name_font(properties) -> None:
    """Times New Roman in all four slots (Latin, high ANSI, East Asian, complex script), or
    Word falls back to another face for some letters."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), layout.FONT_NAME)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _name_fonts_everywhere(document) -> None:
    """Every run of the body, headers and footers, every style and the document defaults."""
    parts = [document.element]
    for section in document.sections:
        for story in (section.header, section.first_page_header, section.footer):
            parts.append(story._element)
    for part in parts:
        for run in part.iter(qn("w:r")):
            _name_font(run.get_or_add_rPr())
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None:
            properties = run_defaults.find(qn("w:rPr"))
            if properties is None:
                properties = OxmlElement("w:rPr")
                run_defaults.append(properties)
            _name_font(properties)
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            properties = style.find(qn("w:rPr"))
            if properties is None:
                properties = OxmlElement("w:rPr")
                style.append(properties)
            _name_font(properties)


_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_EMU_PER_CM = 360000
_EMU_PER_PT = 12700


def _line_drawing(length_cm: float, shape_id: int):
    """A solid horizontal line drawn as a shape, centred in its column (not a border)."""
    length = int(length_cm * _EMU_PER_CM)
    weight = int(layout.RULE_WIDTH_PT * _EMU_PER_PT)
    xml = f"""<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:wps="{_WPS}">
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}"
 behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>{4 * _EMU_PER_PT}</wp:posOffset></wp:positionV>
<wp:extent cx="{length}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{shape_id}" name="Đường kẻ {shape_id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvCnPr/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{length}" cy="0"/></a:xfrm>
<a:prstGeom prst="line"><a:avLst/></a:prstGeom>
<a:ln w="{weight}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>
<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"""
    return parse_xml(xml.replace("\n", ""))


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _fixed_widths(table, widths_cm: list[float], *, margins_cm: float | None = None) -> None:
    """The table as wide as its columns, laid out fixed so that Word keeps the widths."""
    properties = table._tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(sum(int(Cm(w).twips) for w in widths_cm)))
    total.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(total)
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    properties.append(fixed)
    if margins_cm is not None:
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            element = OxmlElement(f"w:{side}")
            element.set(qn("w:w"), str(int(Cm(margins_cm).twips)))
            element.set(qn("w:type"), "dxa")
            margins.append(element)
        properties.append(margins)
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _repeat_as_header(row) -> None:
    """The row is printed again at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _cant_split(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _is_number(value) -> bool:
    return isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool)


_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _page_number_header(section) -> None:
    """Page numbers centred in the top margin, from page 2 on."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _set_font(run, layout.BODY_PT)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


class AdminDocument:
    def __init__(self, letterhead: Letterhead, *, date, kind: str, subject: str = ""):
        self.document = Document()
        self.letterhead = letterhead
        self._shapes = 0
        self._landscape = False
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(layout.PAGE_MM[0]), Mm(layout.PAGE_MM[1])
        for side, value in layout.MARGINS_MM.items():
            setattr(section, f"{side}_margin", Mm(value))
        _page_number_header(section)
        style = self.document.styles["Normal"]
        style.font.name = layout.FONT_NAME
        style.font.size = Pt(layout.BODY_PT)
        style.paragraph_format.space_after = Pt(0)
        self._header_block(date)
        self._title(kind, subject)

    # -- building blocks -------------------------------------------------
    def _line(
        self, cell_or_doc, text, size, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER
    ):
        """One paragraph; a list of texts prints as lines broken where they are given."""
        paragraph = cell_or_doc.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        for index, part in enumerate(text if isinstance(text, list) else [text]):
            run = _add_run(paragraph, part)
            if index:
                run._r.insert(0, OxmlElement("w:br"))
            _set_font(run, size, bold, italic)
        return paragraph

    def _rule(self, cell_or_doc, length_cm: float):
        """A short solid line, centred, drawn in a small paragraph of its own."""
        self._shapes += 1
        paragraph = cell_or_doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(9)
        run = paragraph.add_run()
        _set_font(run, 6)
        run._r.append(_line_drawing(length_cm, self._shapes))
        return paragraph

    def _text_width(self) -> float:
        return layout.text_width(self._landscape)

    def _header_block(self, date) -> None:
        head = self.letterhead
        date_line = layout.place_and_date(layout.place_of(head), date)
        measured = layout.header_layout(head, date_line)
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        _fixed_widths(table, [measured.issuer_cm, measured.motto_cm], margins_cm=0)
        left, right = table.rows[0].cells
        _clear_cell(left)
        _clear_cell(right)
        if measured.parent_lines:
            self._line(left, measured.parent_lines, layout.HEADER_PT)
        self._line(left, measured.issuer_lines, layout.HEADER_PT, bold=True)
        self._rule(left, measured.issuer_rule_cm)
        number = self._line(left, layout.number_line(head.number), layout.NUMBER_PT)
        number.paragraph_format.space_before = Pt(6)
        self._line(right, layout.NATIONAL_NAME, layout.HEADER_PT, bold=True)
        self._line(right, layout.NATIONAL_MOTTO, layout.MOTTO_PT, bold=True)
        self._rule(right, measured.motto_rule_cm)
        when = self._line(right, date_line, layout.DATE_PT, italic=True)
        when.paragraph_format.space_before = Pt(6)
        self.header_layout = measured

    def _title(self, kind: str, subject: str) -> None:
        title = self._line(self.document, kind.upper(), layout.TITLE_PT, bold=True)
        title.paragraph_format.space_before = Pt(18)
        if subject:
            self._line(self.document, subject, layout.TITLE_PT, bold=True)
            self._rule(self.document, layout.SUBJECT_RULE_CM)
        self._line(self.document, "", layout.BODY_PT)

    # -- public API ------------------------------------------------------
    def paragraph(self, text: str, *, bold=False, italic=False, indent=True, align="justify"):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = _ALIGN[align]
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(layout.SPACE_AFTER_PT)
        fmt.line_spacing = layout.LINE_SPACING
        if indent:
            fmt.first_line_indent = Cm(layout.FIRST_LINE_INDENT_CM)
        _set_font(_add_run(paragraph, text), layout.BODY_PT, bold, italic)
        return paragraph

    def bases(self, lines: list[str]) -> None:
        """The legal bases ("Căn cứ ..."), in italics."""
        for line in lines:
            self.paragraph(line, italic=True)

    def heading(self, text: str) -> None:
        self.paragraph(text, bold=True, indent=False, align="center")

    def section_heading(self, text: str) -> None:
        """A numbered heading of the body ("I. MỤC ĐÍCH, YÊU CẦU"): bold, at the indent."""
        self.paragraph(text, bold=True, indent=True, align="justify")

    def article(self, number: int, text: str) -> None:
        paragraph = self.paragraph("", indent=True)
        _set_font(_add_run(paragraph, f"Điều {number}. "), layout.BODY_PT, bold=True)
        _set_font(_add_run(paragraph, text), layout.BODY_PT)

    def addressee(self, lines: list[str]) -> None:
        """'Kính gửi: X' centred under the title; to several, 'Kính gửi:' then '- X;' lines."""
        names = [" ".join(str(line).split()).rstrip(";.") for line in lines if str(line).strip()]
        if not names:
            return
        if len(names) == 1:
            paragraph = self._line(self.document, "", layout.BODY_PT)
            _set_font(_add_run(paragraph, "Kính gửi: "), layout.BODY_PT)
            _set_font(_add_run(paragraph, f"{names[0]}."), layout.BODY_PT)
            paragraph.paragraph_format.space_after = Pt(layout.SPACE_AFTER_PT)
            return
        self._line(self.document, "Kính gửi:", layout.BODY_PT)
        width = max(text_width_cm(f"- {name};", layout.BODY_PT) for name in names)
        indent = max(0.0, (self._text_width() - width) / 2)
        for index, name in enumerate(names):
            end = "." if index == len(names) - 1 else ";"
            line = self._line(
                self.document, f"- {name}{end}", layout.BODY_PT, align=WD_ALIGN_PARAGRAPH.LEFT
            )
            line.paragraph_format.left_indent = Cm(round(indent, 2))
        self._line(self.document, "", layout.BODY_PT)

    def table(
        self,
        headers: list[str],
        rows: list[list],
        widths_cm: list[float] | None = None,
        *,
        repeat_header: bool = True,
        total_row: list | None = None,
        align: list[str] | None = None,
    ):
        """A bordered table as wide as the text of its section (portrait or landscape):
        `widths_cm` give the proportions, the header row repeats on every page, numbers are
        right-aligned (or as `align` says, one of left/center/right per column), and an
        optional `total_row` is printed bold at the end."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = table.rows[0]
        for cell, text in zip(head.cells, headers, strict=True):
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(_add_run(cell.paragraphs[0], text, cell=True), layout.TABLE_PT, bold=True)
        if repeat_header:
            _repeat_as_header(head)
        _cant_split(head)
        body = [(values, False) for values in rows]
        if total_row is not None:
            body.append((total_row, True))
        for values, bold in body:
            row = table.add_row()
            _cant_split(row)  # a row stays on one page
            for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                # `align` may name only the first columns; the others align by their value.
                if align and index < len(align):
                    paragraph.alignment = _ALIGN[align[index]]
                elif _is_number(value):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _set_font(_add_run(paragraph, value, cell=True), layout.TABLE_PT, bold=bold)
        given = widths_cm or [1.0] * len(headers)
        minimums = layout.header_word_minimums([str(h) for h in headers])
        _fixed_widths(table, layout.fit_widths(list(given), self._text_width(), minimums))
        return table

    def signature(
        self, *, authority: str, signer: str, role_line: str = "", delegation: str = ""
    ) -> None:
        """The signature block on the right: the authority ("TM. HỘI ĐỒNG ..."), the
        delegation if any ("KT. CHỦ TỊCH"), the signer's office ("PHÓ CHỦ TỊCH"), room to
        sign and seal, and the name. "Nơi nhận" goes in the left column beside it."""
        self._line(self.document, "", layout.BODY_PT)
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        lines = [text.upper() for text in (authority, delegation, role_line) if text]
        width = layout.signature_column(lines, self._text_width())
        _fixed_widths(table, [round(self._text_width() - width, 2), width], margins_cm=0)
        right = table.rows[0].cells[1]
        _clear_cell(right)
        for text in lines:
            split = layout.split_line(text, width, layout.SIGNATURE_PT, bold=True)
            self._line(right, split, layout.SIGNATURE_PT, bold=True)
        for _ in range(layout.SIGNATURE_ROOM_LINES):
            self._line(right, "", layout.SIGNATURE_PT)
        self._line(right, signer, layout.SIGNATURE_PT, bold=True)
        self._signature_table = table

    def signatures(self, left: tuple[str, str], right: tuple[str, str]) -> None:
        """Two signers side by side, as minutes are signed: (role, name) left and right."""
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        half = round(self._text_width() / 2, 2)
        _fixed_widths(table, [half, half], margins_cm=0)
        for cell, (role, signer) in zip(table.rows[0].cells, (left, right), strict=True):
            _clear_cell(cell)
            self._line(cell, role.upper(), layout.SIGNATURE_PT, bold=True)
            for _ in range(layout.SIGNATURE_ROOM_LINES):
                self._line(cell, "", layout.SIGNATURE_PT)
            self._line(cell, signer, layout.SIGNATURE_PT, bold=True)

    def recipients(self, names: list[str], *, archive: str = layout.ARCHIVE) -> None:
        """'Nơi nhận:' beside the signature, each line '- X;', the last the archive."""
        table = getattr(self, "_signature_table", None)
        target = table.rows[0].cells[0] if table is not None else self.document
        if table is not None:
            _clear_cell(target)
        self._line(
            target,
            "Nơi nhận:",
            layout.RECIPIENTS_HEADING_PT,
            bold=True,
            italic=True,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        )
        lines = [*[n for n in names if str(n).strip(" -;.")], f"Lưu: {archive}"]
        for index, name in enumerate(lines):
            end = "." if index == len(lines) - 1 else ";"
            text = f"- {str(name).strip().lstrip('- ').rstrip(';.')}{end}"
            self._line(target, text, layout.RECIPIENTS_PT, align=WD_ALIGN_PARAGRAPH.LEFT)

    def annex(self, title: str, caption: str = "", *, landscape: bool = False) -> None:
        """Start an annex on a new page (a landscape section for wide tables)."""
        if landscape or self._landscape:
            section = self.document.add_section(WD_SECTION.NEW_PAGE)
            section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            wide, high = layout.PAGE_MM[1], layout.PAGE_MM[0]
            if not landscape:
                wide, high = high, wide
            section.page_width, section.page_height = Mm(wide), Mm(high)
            for side, value in layout.MARGINS_MM.items():
                setattr(section, f"{side}_margin", Mm(value))
            self._landscape = landscape
        else:
            run = self.document.add_paragraph().add_run()
            _set_font(run, layout.BODY_PT)
            run.add_break(WD_BREAK.PAGE)
        self._line(self.document, title.upper(), layout.TITLE_PT, bold=True)
        if caption:
            self._line(self.document, caption, layout.BODY_PT, italic=True)
            self._rule(self.document, layout.SUBJECT_RULE_CM)
        self._line(self.document, "", layout.BODY_PT)

    def to_bytes(self) -> bytes:
        _name_fonts_everywhere(self.document)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _clear_cell(cell) -> None:
    """A new cell holds one empty paragraph: removed, so the cell starts with our lines."""
    for paragraph in list(cell.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
