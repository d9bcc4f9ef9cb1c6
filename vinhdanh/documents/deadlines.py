"""Deadline phrases of a plan's appendix, turned into a kind and a last day.

Only phrases that match a known form as a whole are understood; anything else is
kept as written with kind UNPARSED, so that a person decides instead of the reader.
"""

import calendar
import re
from datetime import date

from .structure import Deadline, DeadlineKind
from .textutil import clean_line, fold_aligned, one_line

_DATE_WORDS = (
    "hoan thanh|thuc hien|xong|gui|nop|truoc|cham nhat|la|han chot|han|khong muon hon"
    "|khong qua|den|vao|trong|ngay"
)
# "Trước tháng 3" could mean the end of February or of March: not in the month prefixes.
_PERIOD_WORDS = "hoan thanh|thuc hien|xong|trong|vao|cuoi|den het|den|het|han"


def _prefix(words: str) -> str:
    return rf"(?:(?:{words})\s*:?\s*)*"


_YEAR = r"(?:\s*[/.-]\s*|\s+nam\s+)(?P<year>\d{4})"
_DATE = re.compile(
    _prefix(_DATE_WORDS)
    + r"(?P<day>\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(?P<month>\d{1,2})"
    + r"(?:\s*(?:[/.-]|\s+nam\s+)\s*(?P<year>\d{2,4}))?"
)
_MONTH = re.compile(_prefix(_PERIOD_WORDS) + rf"thang\s+(?P<month>\d{{1,2}})(?:{_YEAR})?")
_MONTH_NUMERIC = re.compile(
    _prefix(_PERIOD_WORDS) + r"(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})"
)
_QUARTER = re.compile(_prefix(_PERIOD_WORDS) + rf"quy\s+(?P<quarter>[ivx]+|\d)(?:{_YEAR})?")
_HALF = re.compile(
    _prefix(_PERIOD_WORDS) + r"(?:6|sau)\s+thang\s+(?P<half>dau|cuoi)\s+nam(?:\s+(?P<year>\d{4}))?"
)
# Work that runs through the year ("Cả năm", "Thường xuyên", "Hằng tháng") has no day
# to be late on: ongoing, never a quarter ending on 31/12.
_REPEATING = r"(?:thuong xuyen|lien tuc|hang thang|hang quy|hang tuan|hang nam|dinh ky|hang ngay)"
_YEAR_LONG = r"(?:ca|trong|suot|quanh)\s+nam(?:\s+\d{4})?"
_ONGOING = re.compile(
    rf"(?:{_REPEATING}(?:\s*(?:[,;-]|va)?\s*(?:{_REPEATING}|{_YEAR_LONG}))*"
    rf"|{_YEAR_LONG}(?:\s*(?:[,;-]|va)?\s*{_REPEATING})*)"
)
_WHOLE_YEAR = re.compile(r"nam(?:\s+(?P<year>\d{4}))?")
_HIGHER_LEVEL = re.compile(
    r"(?:(?:thuc hien|hoan thanh|to chuc)\s+)?theo\s+"
    r"(?:ke hoach|kh|huong dan|chi dao|thong bao|lich|van ban|yeu cau|quy dinh|tien do)\b.*"
)
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _key(text: str) -> str:
    key = fold_aligned(one_line(clean_line(text)))
    key = key.strip().strip("()").strip()
    return re.sub(r"[\s.;,:]+$", "", key)


def _year(raw: str | None, plan_year: int | None) -> int | None:
    if not raw:
        return plan_year
    if len(raw) == 2:
        return 2000 + int(raw)
    if len(raw) == 4:
        return int(raw)
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _unparsed(text: str) -> Deadline:
    return Deadline(DeadlineKind.UNPARSED, None, text)


def parse_deadline(text: str, plan_year: int | None = None) -> Deadline:
    """Read a deadline phrase; the plan's year fills in a phrase that omits it."""
    written = one_line(clean_line(text or ""))
    key = _key(written)
    if not key:
        return _unparsed(written)
    if _HIGHER_LEVEL.fullmatch(key):
        return Deadline(DeadlineKind.HIGHER_LEVEL, None, written)
    if _ONGOING.fullmatch(key):
        # "Cả năm" keeps its period: the timeline draws it over the whole year.
        whole_year = re.search(r"(?:ca|trong|suot|quanh)\s+nam", key) is not None
        return Deadline(DeadlineKind.ONGOING, None, written, period="Y" if whole_year else "")
    try:
        return _parse_dated(key, written, plan_year) or _unparsed(written)
    except ValueError:
        # Impossible dates (31/02) and months out of range are left to a person.
        return _unparsed(written)


def _parse_dated(key: str, written: str, plan_year: int | None) -> Deadline | None:
    if match := _DATE.fullmatch(key):
        year = _year(match["year"], plan_year)
        if year is None:
            return None
        day = date(year, int(match["month"]), int(match["day"]))
        return Deadline(DeadlineKind.DATE, day, written)
    for pattern in (_MONTH, _MONTH_NUMERIC):
        if match := pattern.fullmatch(key):
            year = _year(match["year"], plan_year)
            if year is None:
                return None
            return Deadline(DeadlineKind.MONTH, _month_end(year, int(match["month"])), written)
    if match := _QUARTER.fullmatch(key):
        raw = match["quarter"]
        quarter = int(raw) if raw.isdigit() else _ROMAN_QUARTERS.get(raw, 0)
        year = _year(match["year"], plan_year)
        if not 1 <= quarter <= 4 or year is None:
            return None
        last = _month_end(year, quarter * 3)
        return Deadline(DeadlineKind.QUARTER, last, written, period=f"Q{quarter}")
    if match := _HALF.fullmatch(key):
        year = _year(match["year"], plan_year)
        if year is None:
            return None
        first = match["half"] == "dau"
        last = date(year, 6, 30) if first else date(year, 12, 31)
        return Deadline(DeadlineKind.QUARTER, last, written, period="H1" if first else "H2")
    if match := _WHOLE_YEAR.fullmatch(key):
        year = _year(match["year"], plan_year)
        if year is None:
            return None
        return Deadline(DeadlineKind.QUARTER, date(year, 12, 31), written, period="Y")
    return None
