"""The plan's own text above its appendix, and the deadlines it sets outside the table
("gửi về ... trước ngày 30/01/2021")."""

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


# The body ends where the document's closing parts begin.
_BODY_END = re.compile(r"^(?:noi nhan|phu luc|tm\.|t/m\.|kt\.|k/t\.|s?tt$)")
# The appendix caption may stand above the text in a workbook: skipped, not an end.
_CAPTION = re.compile(r"^\(?kem theo ke hoach")
_BODY_START = re.compile(r"^ke hoach\b")
MAX_BODY = 100_000


def plan_body(lines: list[str]) -> str:
    """The text between the title and the recipients ("Nơi nhận") or the appendix: the
    preamble and sections I to III. Empty when the document has no "KẾ HOẠCH" line."""
    folded = [fold_aligned(line).strip() for line in lines]
    start = next(
        (
            i
            for i, f in enumerate(folded)
            if _BODY_START.match(f) and not f.startswith("ke hoach so")
        ),
        None,
    )
    if start is None:
        return ""
    index = start + 1
    # The subject line and its wrapped continuation (a line starting in lower case).
    if index < len(lines) and folded[start].strip(" .:") == "ke hoach":
        index += 1
    while index < len(lines) and lines[index][:1].islower() and len(lines[index]) < 150:
        index += 1
    body: list[str] = []
    for line, key in zip(lines[index:], folded[index:], strict=True):
        if _BODY_END.match(key):
            break
        if _CAPTION.match(key):
            continue
        text = one_line(line)
        if text:
            body.append(text)
    return "\n".join(body)[:MAX_BODY]
