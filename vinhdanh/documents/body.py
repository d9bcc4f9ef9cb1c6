"""Deadlines the plan's text sets outside its table ("gửi về ... trước ngày 30/01/2021")."""

import re

from .deadlines import parse_deadline
from .structure import BodyDeadline, DeadlineKind
from .textutil import fold_aligned, one_line

# A date counts only after a word that makes it a time limit; dates of cited documents
# ("Quyết định số 12/QĐ-UBND ngày 05/01/2021") are not deadlines.
_LIMIT = re.compile(
    r"\b(?:truoc|cham nhat(?: la)?|khong muon hon|han chot|han nop|han)\s+(?:ngay\s+)?"
    r"\d{1,2}\s*(?:[/.-]|\s+thang\s+)\s*\d{1,2}(?:\s*(?:[/.-]|\s+nam\s+)\s*\d{2,4})?"
)


def find_body_deadlines(lines: list[str], plan_year: int | None) -> list[BodyDeadline]:
    found: list[BodyDeadline] = []
    for line in lines:
        for match in _LIMIT.finditer(fold_aligned(line)):
            text = line[match.start() : match.end()]
            deadline = parse_deadline(text, plan_year)
            if deadline.kind == DeadlineKind.DATE and deadline.date:
                context = _sentence(line, match.start(), match.end())
                item = BodyDeadline(text=text, date=deadline.date, context=context)
                if item not in found:
                    found.append(item)
    return found


def _sentence(line: str, start: int, end: int) -> str:
    """The clause around a match: from the previous sentence or clause end to the next."""
    before = max(line.rfind(". ", 0, start), line.rfind("; ", 0, start))
    after = line.find(". ", end)
    return one_line(line[before + 2 if before >= 0 else 0 : after + 1 if after >= 0 else None])
