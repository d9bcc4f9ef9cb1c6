"""Achievement reports (báo cáo thành tích): the decree's form, not an issuer's document.

A personal report carries no issuer block and no "Số:": the form's reference in the top
right corner, the national motto centred, the place and date, then the body. A
collective's report names its unit above and its parent body, still without a number.
Everything else (paragraphs, headings, tables, signatures) is `AdminDocument`'s.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH

from vinhdanh.documents import layout
from vinhdanh.documents.admin_docx import AdminDocument, _no_borders
from vinhdanh.documents.layout import Letterhead

# The short lines of the header, as the layout module draws them for every document.
_UNIT_RULE_CM = layout.ISSUER_RULE_MAX_CM


def _motto_rule_cm() -> float:
    return round(layout.text_width_cm(layout.NATIONAL_MOTTO, layout.MOTTO_PT, bold=True), 2)


class ReportDocument(AdminDocument):
    """`form_line`: 'Mẫu số 05 – Nghị định số 152/2025/NĐ-CP'; `unit_lines`: the collective's
    parent body and name (none for a person)."""

    def __init__(
        self,
        *,
        place: str,
        date,
        kind: str,
        subject: str = "",
        form_line: str = "",
        unit_lines: tuple[str, str] | None = None,
    ):
        self._form_line = form_line
        self._unit_lines = unit_lines
        super().__init__(
            Letterhead(parent_body="", issuer="", number="", place=place),
            date=date,
            kind=kind,
            subject=subject,
        )

    def _header_block(self, date) -> None:
        if self._form_line:
            self._line(
                self.document,
                self._form_line,
                layout.SMALL_PT,
                italic=True,
                align=WD_ALIGN_PARAGRAPH.RIGHT,
            )
        if self._unit_lines:
            parent, unit = self._unit_lines
            table = self.document.add_table(rows=1, cols=2)
            _no_borders(table)
            left, right = table.rows[0].cells
            left.paragraphs[0].text = ""
            right.paragraphs[0].text = ""
            if parent:
                self._line(left, parent.upper(), layout.HEADER_PT)
            self._line(left, unit.upper(), layout.HEADER_PT, bold=True)
            self._rule(left, _UNIT_RULE_CM)
            self._line(right, layout.NATIONAL_NAME, layout.HEADER_PT, bold=True)
            self._line(right, layout.NATIONAL_MOTTO, layout.MOTTO_PT, bold=True)
            self._rule(right, _motto_rule_cm())
            self._line(
                right,
                layout.place_and_date(self.letterhead.place, date),
                layout.BODY_PT,
                italic=True,
            )
            return
        self._line(self.document, layout.NATIONAL_NAME, layout.HEADER_PT, bold=True)
        self._line(self.document, layout.NATIONAL_MOTTO, layout.MOTTO_PT, bold=True)
        self._rule(self.document, _motto_rule_cm())
        self._line(
            self.document,
            layout.place_and_date(self.letterhead.place, date),
            layout.BODY_PT,
            italic=True,
            align=WD_ALIGN_PARAGRAPH.RIGHT,
        )
