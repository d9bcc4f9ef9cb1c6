"""The plan's own particulars: number, place and date, title, year and issuer.

The issuer is looked for, in this order, in the appendix caption ("Kèm theo Kế hoạch
số ... của Hội đồng ..."), in the sentence that issues the plan ("... ban hành Kế
hoạch"), then anywhere in the text; it is always an organisation named with its level
and place ("Hội đồng Thi đua - Khen thưởng quận Hoàng Mai"). Only when no such name is
written is it built from the number's symbol and the header's place.
"""

import datetime as dt
import itertools
import re
from collections import Counter

from .structure import PlanHeader
from .textutil import fold_aligned, one_line

_NUMBER_LINE = re.compile(r"^so(?: ky hieu)?\s*(?::\s*(?P<value>\S.*)|\s(?P<bare>\d.*))$")
_NUMBER_IN_TEXT = re.compile(
    r"ke hoach so\s*:?\s*(?P<value>\d+\s*/\s*[^\s,;()]+(?:\s*-\s*[^\s,;()]+)*)"
)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^,\d]{2,40}),\s*ngay\s+(?P<day>\d{1,2})\s*(?:thang\s+|[/.-]\s*)"
    r"(?P<month>\d{1,2})\s*(?:nam\s+|[/.-]\s*)(?P<year>\d{4})"
)
_CAPTION_DATE = re.compile(
    r"kem theo ke hoach.*?ngay\s+(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})"
    r"\s*[/.-]\s*(?P<year>\d{4})"
)
_YEAR_IN_TITLE = re.compile(r"\bnam\s+(?P<year>\d{4})\b")
_ORG = re.compile(
    r"(?P<org>hoi dong thi dua\s*[-–,]?\s*khen thuong|uy ban nhan dan|ubnd)\s+"
    r"(?P<level>quan|huyen|thi xa|thanh pho|tinh|phuong|xa|thi tran)\s+"
)
_ORG_NAMES = {"hoi": "Hội đồng Thi đua - Khen thưởng", "uy": "Ủy ban nhân dân"}
_LEVELS = {
    "quan": "quận", "huyen": "huyện", "thi xa": "thị xã", "thanh pho": "thành phố",
    "tinh": "tỉnh", "phuong": "phường", "xa": "xã", "thi tran": "thị trấn",
}  # fmt: skip


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_number(lines: list[str]) -> str:
    for line in lines:
        if match := _NUMBER_LINE.match(fold_aligned(line)):
            value = line[match.start("value" if match["value"] else "bare") :]
            value = re.split(r"\s{2,}", value)[0]
            if "/" in value:
                return re.sub(r"\s+", "", value).strip(".,;")
    for line in lines:
        if match := _NUMBER_IN_TEXT.search(fold_aligned(line)):
            return re.sub(r"\s+", "", line[match.start("value") : match.end("value")])
    return ""


def find_place_and_date(lines: list[str]) -> tuple[str, dt.date | None]:
    for line in lines:
        if match := _PLACE_DATE.match(fold_aligned(line)):
            place = one_line(line[: match.end("place")]).strip(" ,")
            return place, _date(match["day"], match["month"], match["year"])
    for line in lines:
        if match := _CAPTION_DATE.search(fold_aligned(line)):
            return "", _date(match["day"], match["month"], match["year"])
    return "", None


def find_title(lines: list[str]) -> str:
    for index, line in enumerate(lines):
        folded = fold_aligned(line).strip(" .:")
        if folded == "ke hoach":
            return _title_from(lines[index + 1 :])
        if (
            folded.startswith("ke hoach ")
            and line[:8].isupper()
            and not folded.startswith("ke hoach so")
        ):
            return _title_from([line[len("KẾ HOẠCH") :].strip(), *lines[index + 1 :]])
    return ""


def _title_from(lines: list[str]) -> str:
    parts: list[str] = []
    for line in lines:
        # The subject line may wrap; its next line then starts in lower case ("năm 2021").
        wraps = bool(parts) and line[:1].islower() and not parts[-1].endswith((".", ":"))
        if not parts or (wraps and len(line) < 150):
            parts.append(line)
        else:
            break
    return one_line(" ".join(parts))


def find_year(title: str, date: dt.date | None) -> int | None:
    if match := _YEAR_IN_TITLE.search(fold_aligned(title)):
        return int(match["year"])
    return date.year if date else None


def _orgs_in(text: str) -> list[str]:
    found = []
    folded = fold_aligned(text)
    for match in _ORG.finditer(folded):
        place_words = []
        for word in text[match.end() :].split():
            word = word.strip(",.;:()")
            if not word or not (word[0].isupper() or word[0].isdigit()):
                break
            # A header in capitals ("QUẬN LONG BIÊN") names the same place as the text.
            place_words.append(word.capitalize() if word.isupper() else word)
            if len(place_words) == 4:
                break
        if place_words:
            org = _ORG_NAMES["hoi" if match["org"].startswith("hoi") else "uy"]
            found.append(f"{org} {_LEVELS[match['level']]} {' '.join(place_words)}")
    return found


def find_issuer(lines: list[str], number: str, place: str) -> str:
    for line in lines:
        folded = fold_aligned(line)
        caption = "kem theo ke hoach" in folded and " cua " in folded
        if caption and (orgs := _orgs_in(line[folded.index(" cua ") :])):
            return orgs[0]
    for line in lines:
        folded = fold_aligned(line)
        if "ban hanh ke hoach" in folded and (orgs := _orgs_in(line[: folded.index("ban hanh")])):
            return orgs[-1]
    symbol = fold_aligned(number)
    wanted = "Hội đồng" if "hdtdkt" in symbol else "Ủy ban" if "ubnd" in symbol else ""
    counts = Counter(org for line in lines for org in _orgs_in(line) if org.startswith(wanted))
    if counts:
        return counts.most_common(1)[0][0]
    if wanted:
        name = _ORG_NAMES["hoi" if wanted == "Hội đồng" else "uy"]
        return f"{name} {place}".strip()
    return ""


# A workbook often writes a label and its value in two cells of one row: "Số:" then
# "01/KH-HĐTĐKT", "Hoàng Mai, ngày" then the date (an Excel date, read as 13/01/2021).
_LABEL_CELL = re.compile(r"(?:^so(?: ky hieu)?\s*:?|,\s*ngay|^ngay|,)$")


def join_split_cells(lines: list[str]) -> list[str]:
    """The lines, then each label line joined with the line after it (read last, so a
    label and value written in one cell still win)."""
    joined = [
        f"{line.rstrip()} {following.strip()}"
        for line, following in itertools.pairwise(lines)
        if _LABEL_CELL.search(fold_aligned(line).strip())
    ]
    return [*lines, *joined]


def parse_header(lines: list[str]) -> PlanHeader:
    lines = join_split_cells(lines)
    number = find_number(lines)
    place, date = find_place_and_date(lines)
    title = find_title(lines)
    return PlanHeader(
        number=number,
        place=place,
        date=date,
        issuer=find_issuer(lines, number, place),
        title=title,
        year=find_year(title, date),
    )
