"""The plan's own text above its appendix, and the deadlines it sets outside the table
("gửi về ... trước ngày 30/01/2021")."""

import re

from .deadlines import parse_deadline
from .structure import BodyDeadline, Closing, DeadlineKind
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
        if text and body and _continues(body[-1], text):
            # A paragraph broken by a page of the source: one paragraph again.
            body[-1] = f"{body[-1]} {text}"
        elif text:
            body.append(text)
    return "\n".join(body)[:MAX_BODY]


def _continues(previous: str, line: str) -> bool:
    """A line that starts in lower case after one that ends mid-sentence."""
    return line[:1].islower() and previous[-1:] not in ".:;!?"


# The closing: "Nơi nhận:" and its "- ...;" lines, then the signature block.
_RECIPIENTS = re.compile(r"^noi nhan\s*:?\s*(?P<rest>.*)$")
_ARCHIVE = re.compile(r"^luu\s*:?\s*(?P<rest>.*)$")
_AUTHORITY = re.compile(r"^(?:tm|t/m|kt|k/t|q|tl|tuq)\.\s*")
_CLOSING_END = re.compile(r"^(?:phu luc|s?tt$|danh sach)")
MAX_CLOSING_LINES = 40


def plan_closing(lines: list[str]) -> Closing:
    """Whom the plan was sent to and who signed it, as the document wrote them: the
    "Nơi nhận" lines (without the archive line "Lưu VT, NV.", kept apart), the authority
    ("TM. HỘI ĐỒNG ..."), the signer's office lines and the signer's name."""
    folded = [fold_aligned(one_line(line)).strip() for line in lines]
    start = next((i for i, key in enumerate(folded) if _RECIPIENTS.match(key)), None)
    recipients: list[str] = []
    archive = ""
    authority: list[str] = []
    roles: list[str] = []
    signer = ""
    if start is None:
        return Closing()
    index = start
    rest = _RECIPIENTS.match(folded[start]).group("rest")
    first = [one_line(lines[start])[-len(rest) :]] if rest else []
    for line, key in zip(
        first + lines[start + 1 :], ([rest] if rest else []) + folded[start + 1 :], strict=True
    ):
        index += 1
        text = one_line(line).lstrip("-–•+ ").rstrip(";., ")
        bare = key.lstrip("-–•+ ")
        if (
            _AUTHORITY.match(bare)
            or _CLOSING_END.match(bare)
            or len(recipients) > MAX_CLOSING_LINES
        ):
            break
        if not text:
            continue
        if _ARCHIVE.match(bare):
            archive = text[len(text) - len(_ARCHIVE.match(bare).group("rest")) :].strip(" :")
            continue
        recipients.append(text)
    for line, key in zip(lines[start:], folded[start:], strict=True):
        if _AUTHORITY.match(key):
            authority.append(one_line(line))
            continue
        if not authority:
            continue
        if _CLOSING_END.match(key) or _RECIPIENTS.match(key):
            break
        text = one_line(line)
        if not text:
            continue
        if text.upper() == text and (_AUTHORITY.match(key) or len(roles) < 3):
            roles.append(text)
            continue
        signer = text if len(text) <= 80 else ""
        break
    return Closing(
        recipients=recipients,
        archive=archive,
        authority=authority[0] if authority else "",
        delegation=authority[1] if len(authority) > 1 else "",
        role=" ".join(roles),
        signer=signer,
    )
