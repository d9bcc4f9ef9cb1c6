"""Writing .docx documents in the Vietnamese administrative layout.

The only place that creates Word documents; all text goes through `_add_run`.

doc = AdminDocument(Letterhead(...), date=..., kind="QUYẾT ĐỊNH", subject="Về việc ...")
doc.bases([...]); doc.heading("QUYẾT ĐỊNH:"); doc.article(1, "...")
doc.signature(authority="TM. HỘI ĐỒNG ...", role_line="CHỦ TỊCH", signer="...")
doc.signatures(("THƯ KÝ", "..."), ("CHỦ TRÌ", "..."))  # minutes: two signers
doc.recipients([...]); doc.annex("DANH SÁCH ...", "(Kèm theo ...)"); doc.table(...)
content = doc.to_bytes()
"""

import decimal
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from vinhdanh.documents import layout
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.numbers import vn_number
from vinhdanh.documents.safe_text import clean_text, safe_text


def _add_run(paragraph, text, *, cell: bool = False):
    """Every run is added here: text cleaned, and table cells never read as formulas.

    A number in a table is written the Vietnamese way (1.234.567; 43,5)."""
    if cell and isinstance(text, (int, float, decimal.Decimal)) and not isinstance(text, bool):
        text = vn_number(text)
    return paragraph.add_run(safe_text(text) if cell else clean_text(text))


def _set_font(run, size: float, bold=False, italic=False) -> None:
    run.font.name = layout.FONT_NAME
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    # East Asian font slot too, or Word falls back to another face for some glyphs.
    run._element.rPr.rFonts.set(qn("w:eastAsia"), layout.FONT_NAME)


def _underline_paragraph(paragraph) -> None:
    """A short solid line under a header line (a bottom border of the paragraph)."""
    properties = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
        bottom.set(qn(key), value)
    border.append(bottom)
    properties.append(border)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _page_number_header(section) -> None:
    """Page numbers centred in the top margin, from page 2 on."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _set_font(run, layout.HEADER_PT)
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
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side, value in layout.MARGINS_MM.items():
            setattr(section, f"{side}_margin", Mm(value))
        _page_number_header(section)
        style = self.document.styles["Normal"]
        style.font.name = layout.FONT_NAME
        style.font.size = Pt(layout.BODY_PT)
        self._header_block(date)
        self._title(kind, subject)

    # -- building blocks -------------------------------------------------
    def _line(
        self, cell_or_doc, text, size, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER
    ):
        paragraph = cell_or_doc.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        run = _add_run(paragraph, text)
        _set_font(run, size, bold, italic)
        return paragraph

    def _header_block(self, date) -> None:
        head = self.letterhead
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        left, right = table.rows[0].cells
        left.width, right.width = Cm(6.5), Cm(9.5)
        left.paragraphs[0].text = ""
        self._line(left, head.parent_body.upper(), layout.HEADER_PT)
        _underline_paragraph(self._line(left, head.issuer.upper(), layout.HEADER_PT, bold=True))
        self._line(left, layout.number_line(head.number), layout.HEADER_PT)
        self._line(right, layout.NATIONAL_NAME, layout.HEADER_PT, bold=True)
        _underline_paragraph(self._line(right, layout.NATIONAL_MOTTO, layout.BODY_PT, bold=True))
        self._line(right, layout.place_and_date(head.place, date), layout.BODY_PT, italic=True)

    def _title(self, kind: str, subject: str) -> None:
        self.document.add_paragraph()
        self._line(self.document, kind.upper(), layout.BODY_PT, bold=True)
        if subject:
            _underline_paragraph(self._line(self.document, subject, layout.BODY_PT, bold=True))
        self.document.add_paragraph()

    # -- public API ------------------------------------------------------
    def paragraph(self, text: str, *, bold=False, italic=False, indent=True, align="justify"):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
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

    def article(self, number: int, text: str) -> None:
        paragraph = self.paragraph("", indent=True)
        _set_font(_add_run(paragraph, f"Điều {number}. "), layout.BODY_PT, bold=True)
        _set_font(_add_run(paragraph, text), layout.BODY_PT)

    def table(self, headers: list[str], rows: list[list], widths_cm: list[float] | None = None):
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(_add_run(cell.paragraphs[0], text, cell=True), layout.SMALL_PT, bold=True)
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                _set_font(_add_run(cell.paragraphs[0], value, cell=True), layout.SMALL_PT)
        if widths_cm:
            for row in table.rows:
                for cell, width in zip(row.cells, widths_cm, strict=True):
                    cell.width = Cm(width)
        return table

    def signature(self, *, authority: str, signer: str, role_line: str = "") -> None:
        """The signature block on the right: authority, role, room to sign and seal, name."""
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        right = table.rows[0].cells[1]
        right.paragraphs[0].text = ""
        self._line(right, authority.upper(), layout.BODY_PT, bold=True)
        if role_line:
            self._line(right, role_line.upper(), layout.BODY_PT, bold=True)
        for _ in range(4):
            self._line(right, "", layout.BODY_PT)
        self._line(right, signer, layout.BODY_PT, bold=True)
        self._signature_table = table

    def signatures(self, left: tuple[str, str], right: tuple[str, str]) -> None:
        """Two signers side by side, as minutes are signed: (role, name) left and right."""
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        for cell, (role, signer) in zip(table.rows[0].cells, (left, right), strict=True):
            cell.paragraphs[0].text = ""
            self._line(cell, role.upper(), layout.BODY_PT, bold=True)
            for _ in range(4):
                self._line(cell, "", layout.BODY_PT)
            self._line(cell, signer, layout.BODY_PT, bold=True)

    def recipients(self, names: list[str]) -> None:
        """'Nơi nhận:' beside the signature, the last line being the archive."""
        table = getattr(self, "_signature_table", None)
        target = table.rows[0].cells[0] if table is not None else self.document
        if table is not None:
            target.paragraphs[0].text = ""
        self._line(
            target,
            "Nơi nhận:",
            layout.SMALL_PT,
            bold=True,
            italic=True,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        )
        lines = [*names, "Lưu: VT, NV."]
        for index, name in enumerate(lines):
            end = "." if index == len(lines) - 1 else ";"
            text = f"- {name.rstrip(';.')}{end}"
            self._line(target, text, layout.RECIPIENTS_PT, align=WD_ALIGN_PARAGRAPH.LEFT)

    def annex(self, title: str, caption: str = "", *, landscape: bool = False) -> None:
        """Start an annex on a new page (landscape for wide tables)."""
        if landscape:
            section = self.document.add_section()
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self._line(self.document, title.upper(), layout.BODY_PT, bold=True)
        if caption:
            self._line(self.document, caption, layout.BODY_PT, italic=True)
        self.document.add_paragraph()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    # -- added for decisions; the layout module's version replaces this --
    def addressee(self, lines: list[str]) -> None:
        """'Kính gửi: …' centred under the title; several bodies one per line."""
        lines = [line for line in lines if line]
        if not lines:
            return
        if len(lines) == 1:
            self.paragraph(f"Kính gửi: {lines[0]}", indent=False, align="center")
            return
        self.paragraph("Kính gửi:", indent=False, align="center")
        for index, line in enumerate(lines):
            end = "." if index == len(lines) - 1 else ";"
            self.paragraph(f"- {line.rstrip(';.')}{end}", indent=False, align="center")

    def table(  # noqa: F811 (replaces the simpler table above)
        self,
        headers: list[str],
        rows: list[list],
        widths_cm: list[float] | None = None,
        *,
        repeat_header: bool = True,
        total_row: list | None = None,
        align: list[str] | None = None,
    ):
        """A bordered table: header row repeated on every page, an optional bold total row,
        per-column alignment ("left", "center", "right") and fixed widths."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        alignments = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }
        header = table.rows[0]
        for cell, text in zip(header.cells, headers, strict=True):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(_add_run(cell.paragraphs[0], text, cell=True), layout.SMALL_PT, bold=True)
        if repeat_header:
            row_properties = header._tr.get_or_add_trPr()
            element = OxmlElement("w:tblHeader")
            element.set(qn("w:val"), "true")
            row_properties.append(element)
        body = [(values, False) for values in rows]
        if total_row is not None:
            body.append((total_row, True))
        for values, bold in body:
            cells = table.add_row().cells
            for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
                if align and index < len(align) and align[index] in alignments:
                    cell.paragraphs[0].alignment = alignments[align[index]]
                _set_font(
                    _add_run(cell.paragraphs[0], value, cell=True), layout.SMALL_PT, bold=bold
                )
        if widths_cm:
            table.autofit = False
            # The grid's columns (LibreOffice reads these) and every cell (Word reads those).
            for column, width in zip(table.columns, widths_cm, strict=True):
                column.width = Cm(width)
            for row in table.rows:
                for cell, width in zip(row.cells, widths_cm, strict=True):
                    cell.width = Cm(width)
        return table

    def signature(  # noqa: F811 (replaces the signature above)
        self, *, authority: str, signer: str, role_line: str = "", delegation: str = ""
    ) -> None:
        """The signature block on the right: the delegation line (TM./KT./Q./TL./TUQ. …)
        above the authority, the role, room to sign and seal, the name."""
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        right = table.rows[0].cells[1]
        right.paragraphs[0].text = ""
        if delegation:
            self._line(right, delegation.upper(), layout.BODY_PT, bold=True)
        self._line(right, authority.upper(), layout.BODY_PT, bold=True)
        if role_line:
            self._line(right, role_line.upper(), layout.BODY_PT, bold=True)
        for _ in range(4):
            self._line(right, "", layout.BODY_PT)
        self._line(right, signer, layout.BODY_PT, bold=True)
        self._signature_table = table
