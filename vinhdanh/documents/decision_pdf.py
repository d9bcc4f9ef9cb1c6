"""A commendation decision as PDF, in the layout of Nghị định 30/2020 (Phụ lục I).

Pure: takes plain data (`DecisionText`, built by the caller from the same data the .docx
is written from) and returns PDF bytes. A4 portrait, margins 20/20/30/15 mm, the two-column
header (issuer left, national motto right, short centred lines under each), the title and
subject, the legal bases, the articles, "Nơi nhận" beside the signature block, then the
annex with its header row repeated on every page. Every face is an embedded TrueType face
with every Vietnamese letter (`certificates.register_fonts`): no base-14 font is used.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from vinhdanh.documents.certificates import FONT, register_fonts
from vinhdanh.documents.safe_text import clean_text

PAGE = A4
MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
BODY_WIDTH = PAGE[0] - MARGINS["left"] - MARGINS["right"]
# The issuer's column is narrower than the motto's, so neither wraps (Phụ lục I).
HEADER_COLUMNS = (0.44, 0.56)
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"
SIZE = 13  # points, the body text


@dataclass(frozen=True)
class DecisionText:
    parent_body: str  # the line above the issuer, empty for a People's Committee
    issuer: str  # "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    number: str  # "01/QĐ-UBND"
    place_date: str  # "Hoàng Mai, ngày 20 tháng 12 năm 2021"
    subject: str  # "Về việc tặng Giấy khen ..."
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    bases: Sequence[str]
    articles: Sequence[str]  # the text of Điều 1, 2, … in order
    signer_authority: str  # "CHỦ TỊCH", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    signer: str
    recipients: Sequence[str]
    annex_title: str = "DANH SÁCH KHEN THƯỞNG"
    annex_caption: str = ""  # "(Kèm theo Quyết định số … ngày …)"
    annex_headers: Sequence[str] = ()
    annex_rows: Sequence[Sequence] = ()
    # Relative widths of the annex columns (defaults: STT narrow, names and units wide).
    annex_widths: Sequence[float] = field(default=())
    title: str = "Quyết định"


class ShortRule(Flowable):
    """A short line centred under a header line (about a third of the line above)."""

    def __init__(self, width: float, available: float):
        super().__init__()
        self.rule_width = width
        self.available = available

    def wrap(self, available_width, available_height):
        return self.available, 5

    def draw(self):
        # Drawn in the lower part of its 5 points: clear of the descenders above it.
        start = (self.available - self.rule_width) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(start, 1, start + self.rule_width, 1)


# Where an issuer's name breaks onto its second line, as such headers are written
# ("ỦY BAN NHÂN DÂN" / "QUẬN HOÀNG MAI"), so no word is left alone on a line.
_BREAK_AFTER = ("ỦY BAN NHÂN DÂN ", "HỘI ĐỒNG NHÂN DÂN ", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG ")


def issuer_lines(name: str) -> str:
    upper = name.upper()
    for start in _BREAK_AFTER:
        if upper.startswith(start) and len(upper) > len(start):
            return f"{start.strip()}\n{upper[len(start) :].strip()}"
    return upper


def _styles() -> dict[str, ParagraphStyle]:
    def style(name, face="regular", size=SIZE, align=TA_JUSTIFY, **extra):
        extra.setdefault("leading", size * 1.3)
        return ParagraphStyle(name, fontName=FONT[face], fontSize=size, alignment=align, **extra)

    return {
        "head": style("head", size=12, align=TA_CENTER),
        "head_bold": style("head_bold", "bold", size=12, align=TA_CENTER),
        "motto": style("motto", "bold", size=13, align=TA_CENTER),
        "number": style("number", size=13, align=TA_CENTER),
        "date": style("date", "italic", size=13, align=TA_CENTER),
        "kind": style("kind", "bold", size=14, align=TA_CENTER, spaceBefore=14),
        "subject": style("subject", "bold", size=14, align=TA_CENTER),
        "authority": style("authority", "bold", size=14, align=TA_CENTER, spaceBefore=10),
        "basis": style("basis", "italic", firstLineIndent=12.7 * mm, spaceBefore=3),
        "decides": style("decides", "bold", size=14, align=TA_CENTER, spaceBefore=8, spaceAfter=4),
        "article": style("article", firstLineIndent=12.7 * mm, spaceBefore=4),
        "recipients_head": style("recipients_head", "bold_italic", size=12, align=TA_LEFT),
        "recipients": style("recipients", size=11, align=TA_LEFT, leading=13),
        "sign_role": style("sign_role", "bold", size=13, align=TA_CENTER),
        "signer": style("signer", "bold", size=14, align=TA_CENTER),
        "annex_title": style("annex_title", "bold", size=14, align=TA_CENTER),
        "annex_caption": style("annex_caption", "italic", size=13, align=TA_CENTER),
        "cell_head": style("cell_head", "bold", size=10, align=TA_CENTER, leading=12),
        "cell": style("cell", size=10, align=TA_LEFT, leading=12),
    }


def _p(text, style) -> Paragraph:
    # Paragraph reads a small markup: the text is escaped so a name never becomes a tag.
    escaped = clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style)


def _header(item: DecisionText, s) -> Table:
    left_width, right_width = (BODY_WIDTH * part for part in HEADER_COLUMNS)
    left = []
    if item.parent_body:
        left.append(_p(item.parent_body.upper(), s["head"]))
    left += [
        _p(issuer_lines(item.issuer), s["head_bold"]),
        ShortRule(left_width * 0.35, left_width),
    ]
    left += [Spacer(1, 4), _p(f"Số: {item.number}" if item.number else "Số:      /", s["number"])]
    right = [
        _p(MOTTO, s["head_bold"]),
        _p(MOTTO_LINE, s["motto"]),
        ShortRule(right_width * 0.55, right_width),
        Spacer(1, 4),
        _p(item.place_date, s["date"]),
    ]
    table = Table([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT["regular"]),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _signature(item: DecisionText, s) -> Table:
    left = [_p("Nơi nhận:", s["recipients_head"])]
    left += [_p(f"- {line};", s["recipients"]) for line in item.recipients[:-1]]
    if item.recipients:
        left.append(_p(f"- {item.recipients[-1]}.", s["recipients"]))
    right = [_p(item.signer_authority.upper(), s["sign_role"]), Spacer(1, 24 * mm)]
    right.append(_p(item.signer, s["signer"]))
    table = Table([[left, right]], colWidths=[BODY_WIDTH * 0.5, BODY_WIDTH * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT["regular"]),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def annex_widths(headers: Sequence[str], given: Sequence[float] = ()) -> list[float]:
    """Column widths in points over the body's width: STT narrow, text columns wide."""
    if given and len(given) == len(headers):
        weights = list(given)
    else:
        weights = [0.6 if h.strip().upper() == "STT" else 1.0 for h in headers]
        for index, header in enumerate(headers):
            lowered = header.lower()
            if "tên" in lowered or "đơn vị" in lowered or "căn cứ" in lowered:
                weights[index] = 2.2
            elif lowered.startswith("năm"):
                weights[index] = 0.7
    total = sum(weights) or 1
    return [BODY_WIDTH * weight / total for weight in weights]


def _annex(item: DecisionText, s) -> list:
    story = [PageBreak(), _p(item.annex_title, s["annex_title"])]
    if item.annex_caption:
        story.append(_p(item.annex_caption, s["annex_caption"]))
    story.append(ShortRule(BODY_WIDTH * 0.25, BODY_WIDTH))
    story.append(Spacer(1, 6))
    rows = [[_p(header, s["cell_head"]) for header in item.annex_headers]]
    rows += [["" if v is None else _p(str(v), s["cell"]) for v in row] for row in item.annex_rows]
    table = Table(rows, colWidths=annex_widths(item.annex_headers, item.annex_widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("FONTNAME", (0, 0), (-1, -1), FONT["regular"]),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(table)
    return story


def render_decision(item: DecisionText) -> bytes:
    """The decision and its annex as one PDF."""
    register_fonts()
    s = _styles()
    story = [
        _header(item, s),
        _p("QUYẾT ĐỊNH", s["kind"]),
        _p(item.subject, s["subject"]),
        ShortRule(BODY_WIDTH * 0.2, BODY_WIDTH),
        _p(item.authority, s["authority"]),
        Spacer(1, 4),
    ]
    story += [_p(basis, s["basis"]) for basis in item.bases]
    story.append(_p("QUYẾT ĐỊNH:", s["decides"]))
    for number, text in enumerate(item.articles, 1):
        story.append(
            Paragraph(
                f'<font name="{FONT["bold"]}">Điều {number}.</font> '
                + clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                s["article"],
            )
        )
    story += [Spacer(1, 8), KeepTogether(_signature(item, s))]
    if item.annex_headers:
        story += _annex(item, s)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        topMargin=MARGINS["top"],
        bottomMargin=MARGINS["bottom"],
        leftMargin=MARGINS["left"],
        rightMargin=MARGINS["right"],
        title=clean_text(f"{item.title} {item.number}".strip()),
        author=clean_text(item.issuer),
        subject=clean_text(item.subject),
        creator="Vinh Danh",
        # Else reportlab names Helvetica (a base-14 font, not embedded) in every page.
        initialFontName=FONT["regular"],
    )
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return buffer.getvalue()


def _page_number(canvas, document) -> None:
    # Nghị định 30: the page number centred in the top margin, from the second page.
    if document.page > 1:
        canvas.setFont(FONT["regular"], 12)
        canvas.drawCentredString(PAGE[0] / 2, PAGE[1] - 12 * mm, str(document.page))
