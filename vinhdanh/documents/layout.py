"""The administrative layout of printed documents (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Kept in one place so a province whose practice differs changes values here only.
"""

from dataclasses import dataclass

FONT_NAME = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
SMALL_PT = 12
RECIPIENTS_PT = 11
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FIRST_LINE_INDENT_CM = 1.0
SPACE_AFTER_PT = 6
LINE_SPACING = 1.15
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Letterhead:
    """Who issues a document and its number: the two-column header block."""

    parent_body: str  # e.g. "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"
    issuer: str  # e.g. "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
    number: str = ""  # e.g. "01/KH-HĐTĐKT"; written "Số: 01/KH-HĐTĐKT"
    place: str = ""  # e.g. "Hoàng Mai"


def place_and_date(place: str, day) -> str:
    """'Hoàng Mai, ngày 13 tháng 01 năm 2021': day below 10 and months 1, 2 with a zero."""
    if day is None:
        return f"{place}, ngày     tháng     năm     "
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(number: str) -> str:
    return f"Số: {number}" if number else "Số:      /"
