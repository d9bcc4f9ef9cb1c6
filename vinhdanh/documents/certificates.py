"""Certificate PDFs (Giấy khen, Bằng khen) with a QR code to the public verification page.

Pure: takes plain data, returns PDF bytes. Two modes: the full certificate on plain
paper, or the variable fields only, for pre-printed blanks, shifted by the printer's
measured offset. Fonts are embedded TrueType faces that carry Vietnamese diacritics.
"""

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import qrcode
from django.conf import settings
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from vinhdanh.documents.safe_text import clean_text

PAGE = landscape(A4)
QR_SIZE = 26 * mm
QR_MARGIN = 14 * mm
CORNERS = ("bottom_right", "bottom_left", "top_right", "top_left")
_LIBERATION = Path("/usr/share/fonts/truetype/liberation")
_FACES = {
    "regular": ("LiberationSerif-Regular.ttf", "DejaVuSerif.ttf"),
    "bold": ("LiberationSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
    "italic": ("LiberationSerif-Italic.ttf", "DejaVuSerif-Italic.ttf"),
    "bold_italic": ("LiberationSerif-BoldItalic.ttf", "DejaVuSerif-BoldItalic.ttf"),
}
FONT = {face: f"VinhDanhSerif-{face}" for face in _FACES}


@dataclass(frozen=True)
class CertificateFields:
    kind: str  # "GIẤY KHEN" or "BẰNG KHEN"
    issuer: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    recipient: str
    detail: str  # position and unit, or the collective's parent
    achievement: str
    decision_line: str  # "Quyết định số 01/QĐ-UBND ngày 20/12/2021"
    place_date: str  # "Hoàng Mai, ngày 20 tháng 12 năm 2021"
    signer_role: str
    signer: str
    verify_url: str
    register_number: str = ""
    check_code: str = ""  # typed on the verification page by whoever cannot scan the QR


# Every letter Vietnamese needs beyond ASCII: a font missing any of them prints boxes.
VIETNAMESE_LETTERS = (
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"
    "ỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
)


def covers_vietnamese(font: TTFont) -> bool:
    glyphs = font.face.charToGlyph
    return all(ord(letter) in glyphs for letter in VIETNAMESE_LETTERS)


# Where the faces are looked for, in order: Liberation Serif 2 (Debian's fonts-liberation2,
# metric-compatible with Times New Roman, every Vietnamese letter), Liberation Serif 1 (Debian's
# fonts-liberation, which lacks some of them and is then passed over), DejaVu Serif (Debian's
# fonts-dejavu-core), and the copy of DejaVu the project installs with npm.
_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    _LIBERATION,
    Path("/usr/share/fonts/truetype/dejavu"),
)


def font_candidates(candidates: tuple[str, str]) -> list[Path]:
    times_like, dejavu = candidates
    found = [folder / times_like for folder in _FONT_DIRS[:2]]
    found.append(_FONT_DIRS[2] / dejavu)
    found.append(Path(settings.BASE_DIR) / "node_modules/dejavu-fonts-ttf/ttf" / dejavu)
    return found


def _font(name: str, candidates: tuple[str, str]) -> TTFont:
    """A Times-like face where the machine has one with every Vietnamese letter,
    else DejaVu Serif, which has them all."""
    paths = [path for path in font_candidates(candidates) if path.exists()]
    for path in paths:
        font = TTFont(name, str(path))
        if covers_vietnamese(font):
            return font
    raise RuntimeError(
        "No TrueType face with every Vietnamese letter: install fonts-liberation2 or "
        f"fonts-dejavu-core (looked at {', '.join(map(str, font_candidates(candidates)))})."
    )


def register_fonts() -> None:
    registered = set(pdfmetrics.getRegisteredFontNames())
    for face, candidates in _FACES.items():
        if FONT[face] not in registered:
            pdfmetrics.registerFont(_font(FONT[face], candidates))


def qr_image(url: str) -> ImageReader:
    image = qrcode.make(url, border=1, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def qr_position(corner: str, offset=(0.0, 0.0)) -> tuple[float, float]:
    width, height = PAGE
    if corner not in CORNERS:
        corner = "bottom_right"
    x = QR_MARGIN if corner.endswith("left") else width - QR_MARGIN - QR_SIZE
    y = QR_MARGIN if corner.startswith("bottom") else height - QR_MARGIN - QR_SIZE
    return x + offset[0] * mm, y + offset[1] * mm


def _centred(pdf, text: str, y: float, font: str, size: float, dx: float = 0, max_width=None):
    width = PAGE[0]
    text = clean_text(text)  # every string drawn passes here
    lines = simpleSplit(text, font, size, max_width or width - 80 * mm) if text else []
    pdf.setFont(font, size)
    for line in lines:
        pdf.drawCentredString(width / 2 + dx, y, line)
        y -= size * 1.35
    return y


def _frame(pdf, merit: bool) -> None:
    width, height = PAGE
    color = colors.HexColor("#b22222") if merit else colors.HexColor("#1f4e8c")
    pdf.setStrokeColor(color)
    pdf.setLineWidth(4)
    pdf.rect(8 * mm, 8 * mm, width - 16 * mm, height - 16 * mm)
    pdf.setLineWidth(1)
    pdf.rect(11 * mm, 11 * mm, width - 22 * mm, height - 22 * mm)
    pdf.setStrokeColor(colors.black)


def _fixed_text(pdf, item: CertificateFields) -> None:
    """What a pre-printed blank already carries."""
    height = PAGE[1]
    _centred(pdf, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", height - 26 * mm, FONT["bold"], 14)
    _centred(pdf, "Độc lập - Tự do - Hạnh phúc", height - 33 * mm, FONT["bold"], 13)
    _centred(pdf, item.issuer, height - 48 * mm, FONT["bold"], 15)
    merit = item.kind.upper().startswith("BẰNG")
    pdf.setFillColor(colors.HexColor("#b22222") if merit else colors.HexColor("#1f4e8c"))
    _centred(pdf, item.kind.upper(), height - 66 * mm, FONT["bold"], 34)
    pdf.setFillColor(colors.black)
    _centred(pdf, "Tặng", height - 80 * mm, FONT["italic"], 15)


def _variable_text(pdf, item: CertificateFields, dx: float, dy: float) -> None:
    height = PAGE[1]
    y = _centred(pdf, item.recipient, height - 93 * mm + dy, FONT["bold"], 22, dx)
    y = _centred(pdf, item.detail, y - 2 * mm, FONT["regular"], 14, dx)
    y = _centred(pdf, item.achievement, y - 4 * mm, FONT["italic"], 14, dx)
    _centred(pdf, item.decision_line, 48 * mm + dy, FONT["italic"], 12, dx - 60 * mm, 120 * mm)
    if item.register_number:
        _centred(
            pdf,
            f"Số sổ vàng: {item.register_number}",
            42 * mm + dy,
            FONT["regular"],
            11,
            dx - 60 * mm,
            120 * mm,
        )
    right = 60 * mm
    _centred(pdf, item.place_date, 62 * mm + dy, FONT["italic"], 13, dx + right, 120 * mm)
    _centred(pdf, item.signer_role.upper(), 55 * mm + dy, FONT["bold"], 13, dx + right, 120 * mm)
    _centred(pdf, item.signer, 24 * mm + dy, FONT["bold"], 14, dx + right, 120 * mm)


def draw_certificate(
    pdf, item: CertificateFields, *, fields_only=False, offset=(0.0, 0.0), qr_corner="bottom_right"
) -> None:
    dx, dy = offset[0] * mm, offset[1] * mm
    if not fields_only:
        _frame(pdf, item.kind.upper().startswith("BẰNG"))
        _fixed_text(pdf, item)
    _variable_text(pdf, item, dx, dy)
    x, y = qr_position(qr_corner, offset)
    pdf.drawImage(qr_image(item.verify_url), x, y, QR_SIZE, QR_SIZE)
    pdf.setFont(FONT["regular"], QR_CAPTION_SIZE)
    for text, baseline in zip(
        qr_caption(item), qr_caption_baselines(qr_corner, offset), strict=False
    ):
        pdf.drawCentredString(x + QR_SIZE / 2, baseline, clean_text(text))


QR_CAPTION_SIZE = 7  # points
QR_CAPTION_GAP = 1.5 * mm  # between the QR and its caption, and between its lines
# The inner line of the frame (_frame): the caption stays this far inside it.
FRAME_INNER = 11 * mm


def qr_caption(item: CertificateFields) -> list[str]:
    lines = ["Quét mã để kiểm tra"]
    if item.check_code:
        lines.append(f"hoặc nhập mã {item.check_code}")
    return lines


def qr_caption_baselines(corner: str, offset=(0.0, 0.0)) -> list[float]:
    """Where the caption's lines sit: above a QR at the bottom, below one at the top.

    Under a bottom QR the caption fell on the frame's lines (its baseline 3 mm under the
    code, at the inner line's height); it now keeps to the side of the QR facing the text.
    """
    _x, y = qr_position(corner, offset)
    line = QR_CAPTION_SIZE + QR_CAPTION_GAP
    if corner in CORNERS and corner.startswith("top"):
        first = y - QR_CAPTION_GAP - QR_CAPTION_SIZE
        return [first, first - line]
    first = y + QR_SIZE + QR_CAPTION_GAP + line
    return [first, first - line]


def render_certificates(
    items: Iterable[CertificateFields],
    *,
    fields_only: bool = False,
    offset=(0.0, 0.0),
    qr_corner: str = "bottom_right",
    progress: Callable[[int], None] | None = None,
    title: str = "Giấy khen",
) -> bytes:
    """One page per recipient in one PDF; `progress(n)` after each page."""
    register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE, initialFontName=FONT["regular"])
    pdf.setTitle(clean_text(title))
    count = 0
    for item in items:
        draw_certificate(pdf, item, fields_only=fields_only, offset=offset, qr_corner=qr_corner)
        pdf.showPage()
        count += 1
        if progress is not None:
            progress(count)
    if count == 0:
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def render_certificate(item: CertificateFields, **options) -> bytes:
    return render_certificates([item], **options)


def printer_test_page(*, offset=(0.0, 0.0), qr_corner: str = "bottom_right") -> bytes:
    """Crosses at the field anchors, to measure how far a printer shifts a blank."""
    register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE, initialFontName=FONT["regular"])
    pdf.setTitle("Trang in thử")
    width, height = PAGE
    dx, dy = offset[0] * mm, offset[1] * mm
    pdf.setFont(FONT["bold"], 14)
    pdf.drawCentredString(width / 2, height - 20 * mm, "TRANG IN THỬ – CĂN CHỈNH PHÔI")
    pdf.setFont(FONT["regular"], 11)
    pdf.drawCentredString(
        width / 2,
        height - 27 * mm,
        f"Độ lệch đang dùng: ngang {offset[0]:+.1f} mm, dọc {offset[1]:+.1f} mm. "
        "Đo khoảng cách từ dấu + đến ô tương ứng trên phôi rồi nhập độ lệch.",
    )
    anchors = [
        (width / 2, height - 93 * mm),
        (width / 2 - 60 * mm, 48 * mm),
        (width / 2 + 60 * mm, 62 * mm),
        (width / 2 + 60 * mm, 24 * mm),
    ]
    for x, y in anchors:
        x, y = x + dx, y + dy
        pdf.line(x - 5 * mm, y, x + 5 * mm, y)
        pdf.line(x, y - 5 * mm, x, y + 5 * mm)
    x, y = qr_position(qr_corner, offset)
    pdf.rect(x, y, QR_SIZE, QR_SIZE)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
