"""The administrative layout of printed documents (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Kept in one place so a province whose practice differs changes values here only: sizes,
margins, the header block's column widths (computed from the text they must hold), the
length of the short lines, and the parent-body rule of the letterhead.
"""

import math
import re
from dataclasses import dataclass

from vinhdanh.documents.metrics import text_width_cm

FONT_NAME = "Times New Roman"
BODY_PT = 14
HEADER_PT = 12  # the capitals of the header block: parent, issuer, national name (12-13)
MOTTO_PT = 13  # "Độc lập - Tự do - Hạnh phúc" (13-14)
NUMBER_PT = 13  # "Số: 01/KH-HĐTĐKT"
DATE_PT = 13  # place and date, italics (13-14)
TITLE_PT = 14  # "QUYẾT ĐỊNH", "KẾ HOẠCH", bold
SIGNATURE_PT = 13  # authority, role and name of the signer
SMALL_PT = 12
TABLE_PT = 12
RECIPIENTS_HEADING_PT = 12  # "Nơi nhận:", bold italic
RECIPIENTS_PT = 11
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
PAGE_MM = (210, 297)
FIRST_LINE_INDENT_CM = 1.0
SPACE_AFTER_PT = 6
LINE_SPACING = 1.15
SIGNATURE_ROOM_LINES = 4  # empty lines left to sign and seal
ARCHIVE = "VT, NV"  # the last line of "Nơi nhận": "- Lưu: VT, NV."
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"

# The issuer column of the header block: as wide as its longest line needs, within these.
ISSUER_COLUMN_CM = (6.0, 7.5)
# Room kept beside a measured line so that rounding in a word processor never wraps it.
FIT_SLACK_CM = 0.05
# Short lines: under the issuer a third to a half of its text, under the subject short.
ISSUER_RULE_SHARE = 0.4
ISSUER_RULE_MAX_CM = 3.5
SUBJECT_RULE_CM = 3.0
RULE_WIDTH_PT = 0.75
SIGNATURE_SHARE = 0.62  # the signature column takes at most this share of the text width


@dataclass(frozen=True)
class Letterhead:
    """Who issues a document and its number: the two-column header block."""

    parent_body: str  # e.g. "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"; empty for a People's Committee
    issuer: str  # e.g. "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
    number: str = ""  # e.g. "01/KH-HĐTĐKT"; written "Số: 01/KH-HĐTĐKT"
    place: str = ""  # e.g. "Hoàng Mai"


# -- the parent-body rule ---------------------------------------------------------------

_COMMITTEE = re.compile(r"^\s*(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\b", re.IGNORECASE)
_ABBREVIATIONS = [
    (re.compile(r"^\s*(?:UBND|Ubnd)\b\s*", re.IGNORECASE), "Ủy ban nhân dân "),
    (re.compile(r"\bHĐTĐKT\b"), "Hội đồng Thi đua - Khen thưởng"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
]
_LEVELS = ("thành phố", "thị xã", "thị trấn", "quận", "huyện", "phường", "tỉnh", "xã")
_PLACE = re.compile(r"\b(?:" + "|".join(_LEVELS) + r")\s+(?P<place>[^,;()]+?)\s*$", re.IGNORECASE)


def full_name(name: str) -> str:
    """An issuer written in full, as the header must: "UBND phường X" -> "Ủy ban nhân dân
    phường X", "HĐTĐKT" -> "Hội đồng Thi đua - Khen thưởng"."""
    text = " ".join((name or "").split())
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text.strip()


def is_peoples_committee(name: str) -> bool:
    return bool(_COMMITTEE.match(full_name(name)))


def place_from_name(name: str) -> str:
    """'Ủy ban nhân dân quận Hoàng Mai' -> 'Hoàng Mai' (the place before the date)."""
    match = _PLACE.search(full_name(name))
    return match.group("place").strip() if match else ""


def letterhead_for(
    issuer: str, *, parent: str = "", number: str = "", place: str = ""
) -> Letterhead:
    """The header's issuing body, by the decree's rule.

    A People's Committee issues under its own name alone: no line above it, whatever its
    place in the tree. Any other body (a council of emulation and commendation, a ward's
    office, a department) carries the body it belongs to above its own name. Names are
    written in full, never abbreviated. The place is the issuer's locality, else its parent's.
    """
    issuer = full_name(issuer)
    parent = "" if is_peoples_committee(issuer) else full_name(parent)
    return Letterhead(
        parent_body=parent,
        issuer=issuer,
        number=number,
        place=place or place_from_name(issuer) or place_from_name(parent),
    )


def place_of(letterhead: Letterhead) -> str:
    """The place written before the date: the letterhead's own, else read from its names."""
    return (
        letterhead.place
        or place_from_name(letterhead.issuer)
        or place_from_name(letterhead.parent_body)
    )


# -- dates and numbers --------------------------------------------------------------------


def place_and_date(place: str, day) -> str:
    """'Hoàng Mai, ngày 13 tháng 01 năm 2021': day below 10 and months 1, 2 with a zero."""
    if day is None:
        return f"{place}, ngày     tháng     năm     "
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(number: str) -> str:
    return f"Số: {number}" if number else "Số:      /"


# -- measuring the header block -------------------------------------------------------------


def text_width(landscape: bool = False) -> float:
    """The width between the margins, in cm."""
    width = PAGE_MM[1] if landscape else PAGE_MM[0]
    return (width - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10


def split_line(text: str, width_cm: float, size_pt: float, *, bold: bool = False) -> list[str]:
    """A header line as printed within `width_cm`: whole if it fits, else broken at word
    boundaries, in as few lines as fit and as even as can be (never mid-word)."""
    words = text.split()
    if not words or text_width_cm(text, size_pt, bold=bold) + FIT_SLACK_CM <= width_cm:
        return [" ".join(words)] if words else []

    def fits(line: str) -> bool:
        return text_width_cm(line, size_pt, bold=bold) + FIT_SLACK_CM <= width_cm

    best = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if words[cut] == "-":  # a hyphen never starts a line
            continue
        if fits(first) and fits(second):
            widest = max(
                text_width_cm(first, size_pt, bold=bold), text_width_cm(second, size_pt, bold=bold)
            )
            # Where a reader would break it: after " - ", or before the locality's level.
            natural = words[cut - 1] == "-" or second.lower().startswith(_LEVELS)
            score = (not natural, widest)
            if best is None or score < best[0]:
                best = (score, [first, second])
    if best:
        return best[1]
    lines: list[str] = []  # a name longer than two lines: filled greedily
    for word in words:
        if lines and fits(f"{lines[-1]} {word}"):
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class HeaderLayout:
    """The header block as it prints: column widths (cm) and each cell's lines."""

    issuer_cm: float
    motto_cm: float
    parent_lines: list[str]
    issuer_lines: list[str]
    issuer_rule_cm: float
    motto_rule_cm: float


def motto_column_need(date_line: str) -> float:
    return FIT_SLACK_CM + max(
        text_width_cm(NATIONAL_NAME, HEADER_PT, bold=True),
        text_width_cm(NATIONAL_MOTTO, MOTTO_PT, bold=True),
        text_width_cm(date_line, DATE_PT, italic=True),
    )


def header_layout(letterhead: Letterhead, date_line: str) -> HeaderLayout:
    """Widths chosen so that the national name, the motto and the date never wrap; the
    issuer column as wide as its lines need (within ISSUER_COLUMN_CM); a name too long for
    it is split at a word boundary, deliberately, into two lines."""
    total = text_width()
    parent = letterhead.parent_body.upper()
    issuer = letterhead.issuer.upper()
    need = FIT_SLACK_CM + max(
        text_width_cm(parent, HEADER_PT),
        text_width_cm(issuer, HEADER_PT, bold=True),
        text_width_cm(number_line(letterhead.number), NUMBER_PT),
    )
    low, high = ISSUER_COLUMN_CM
    issuer_cm = max(low, min(high, need, total - motto_column_need(date_line)))
    issuer_cm = math.floor(issuer_cm * 100) / 100
    issuer_lines = split_line(issuer, issuer_cm, HEADER_PT, bold=True)
    widest = max(text_width_cm(line, HEADER_PT, bold=True) for line in issuer_lines or [""])
    return HeaderLayout(
        issuer_cm=issuer_cm,
        motto_cm=round(total - issuer_cm, 2),
        parent_lines=split_line(parent, issuer_cm, HEADER_PT),
        issuer_lines=issuer_lines,
        issuer_rule_cm=round(min(ISSUER_RULE_MAX_CM, widest * ISSUER_RULE_SHARE), 2),
        motto_rule_cm=round(text_width_cm(NATIONAL_MOTTO, MOTTO_PT, bold=True), 2),
    )


def signature_column(lines: list[str], total_cm: float) -> float:
    """The signature column: as wide as its longest line (the authority "TM. HỘI ĐỒNG THI
    ĐUA - KHEN THƯỞNG"), between half and SIGNATURE_SHARE of the text; the rest is left to
    "Nơi nhận"."""
    need = 2 * FIT_SLACK_CM + max(
        [text_width_cm(line, SIGNATURE_PT, bold=True) for line in lines] or [0.0]
    )
    return math.ceil(max(total_cm / 2, min(need, total_cm * SIGNATURE_SHARE)) * 100) / 100


CELL_PADDING_CM = 0.4  # Word's default cell margins, left and right together


def header_word_minimums(headers: list[str]) -> list[float]:
    """The narrowest each column may be: its header's longest word must not break."""
    return [
        CELL_PADDING_CM
        + FIT_SLACK_CM
        + max([text_width_cm(word, TABLE_PT, bold=True) for word in str(h).split()] or [0.0])
        for h in headers
    ]


def fit_widths(
    widths: list[float], total_cm: float, minimums: list[float] | None = None
) -> list[float]:
    """Column widths scaled to sum exactly to `total_cm` (a table as wide as the text);
    a column below its minimum is widened, the room taken from the columns above theirs."""
    given = sum(widths)
    if given <= 0:
        widths, given = [1.0] * len(widths), float(len(widths))
    scaled = [width * total_cm / given for width in widths]
    if minimums and sum(minimums) < total_cm:
        for _ in range(len(scaled)):
            short = [i for i, w in enumerate(scaled) if w < minimums[i] - 1e-9]
            if not short:
                break
            need = sum(minimums[i] - scaled[i] for i in short)
            for i in short:
                scaled[i] = minimums[i]
            spare = {i: w - minimums[i] for i, w in enumerate(scaled) if i not in short}
            room = sum(max(0.0, v) for v in spare.values())
            if room <= 0:
                break
            for i, value in spare.items():
                scaled[i] -= need * max(0.0, value) / room
    rounded = [round(width, 3) for width in scaled]
    rounded[-1] = round(total_cm - sum(rounded[:-1]), 3)
    return rounded
