"""The documents of a commendation round: tờ trình, decisions, revocations, lists.

Every document is laid out by `documents.admin_docx.AdminDocument` (Nghị định 30/2020,
Phụ lục I); this module writes what they say. docs/documents.md shows each one.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from vinhdanh.awards.authority import may_confer
from vinhdanh.awards.bonus import BonusRows, bonus_rows, subject_kind
from vinhdanh.awards.document_facts import (
    chairman_of,
    council_of_unit,
    issuer_symbol,
    letter_number,
    meetings_that_passed,
    proposal_letters,
    short_date,
)
from vinhdanh.awards.legal_bases import decision_bases, long_date
from vinhdanh.awards.letterheads import unit_letterhead
from vinhdanh.awards.money_words import money_in_words
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import list_workbook
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.numbers import vn_money
from vinhdanh.rules.engine import default_catalogue
from vinhdanh.rules.engine.instruments import Register
from vinhdanh.rules.provincial import config_for

LIST_HEADERS = ["STT", "Họ và tên / Tập thể", "Chức vụ, đơn vị", "Danh hiệu, hình thức", "Năm"]
# Portrait A4 leaves 16,5 cm between the margins, landscape 25,2 cm.
LIST_WIDTHS_CM = [1.2, 4.6, 5.2, 4.1, 1.4]
SUBJECT_WORDS = {"person": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}


def _row(index: int, nomination) -> list:
    if nomination.person_id:
        person = nomination.person
        where = ", ".join(part for part in (person.position, person.unit.name) if part)
    else:
        where = nomination.collective.parent.name if nomination.collective.parent_id else ""
    # The year as text: a number cell would be written "2.021".
    return [index, nomination.subject_name, where, nomination.title.name, str(nomination.year)]


def count_by_title(nominations) -> list[tuple[str, str, int]]:
    """(title, subject word, count) in the order the titles first appear (pure)."""
    counts: Counter = Counter()
    order = []
    for nomination in nominations:
        key = (nomination.title.name, SUBJECT_WORDS[subject_kind(nomination)])
        if key not in counts:
            order.append(key)
        counts[key] += 1
    return [(title, word, counts[(title, word)]) for title, word in order]


def counted_sentence(nominations) -> str:
    """'“Lao động tiên tiến”: 25 cá nhân; “Giấy khen”: 3 tập thể' (pure)."""
    return "; ".join(
        f"“{title}”: {count:02d} {word}" if count < 10 else f"“{title}”: {count} {word}"
        for title, word, count in count_by_title(nominations)
    )


def conferred_phrase(nominations) -> str:
    """'“Giấy khen” cho 04 cá nhân; “Lao động tiên tiến” cho 25 cá nhân' (pure)."""
    return "; ".join(
        f"“{title}” cho {count:02d} {word}" for title, word, count in count_by_title(nominations)
    )


def upward_only(council, nominations, day: datetime.date) -> list:
    """The dossiers a council may propose to the level above on `day`: never a title it
    confers itself (it decides those)."""
    if council is None:
        return list(nominations)
    return [n for n in nominations if not may_confer(council, n.title, day)]


def _proposal_letter(
    *,
    head: Letterhead,
    day: datetime.date,
    addressee: str,
    sender: str,
    years: list[int],
    nominations: list,
    meetings: list,
    basis_sentence: str,
    signer: str,
    note: str = "",
    votes: dict | None = None,
    delegation: str | None = None,
    authority: str = "CHỦ TỊCH",
) -> bytes:
    """A tờ trình proposing the nominations to `addressee`, with the list as an annex."""
    years_text = ", ".join(map(str, years))
    doc = AdminDocument(
        head,
        date=day,
        kind="TỜ TRÌNH",
        subject=f"Về việc đề nghị khen thưởng năm {years_text}",
    )
    doc.addressee([addressee])
    for sentence in meetings:
        doc.paragraph(f"Căn cứ {sentence}.")
    if basis_sentence:
        doc.paragraph(basis_sentence)
    doc.paragraph(
        f"{sender} kính đề nghị {addressee} xem xét, khen thưởng hoặc trình cấp có thẩm quyền "
        f"khen thưởng cho {len(nominations):02d} cá nhân, tập thể có thành tích năm "
        f"{years_text}, gồm: {counted_sentence(nominations)} (danh sách kèm theo)."
    )
    if note:
        doc.paragraph(note)
    doc.paragraph(f"Kính trình {addressee} xem xét, quyết định./.")
    sign(doc, f"TM. {head.issuer}" if delegation is None else delegation, authority, signer)
    doc.recipients(["Như trên"])
    reference = head.number if head.number.strip()[:1].isdigit() else ""
    caption = f"(Kèm theo Tờ trình số {reference} ngày {short_date(day)} của {head.issuer})"
    if not reference:
        caption = f"(Kèm theo Tờ trình ngày {short_date(day)} của {head.issuer})"
    headers, widths = list(LIST_HEADERS), list(LIST_WIDTHS_CM)
    rows = [_row(i, n) for i, n in enumerate(nominations, 1)]
    landscape = votes is not None
    if landscape:
        headers.append("Kết quả bỏ phiếu của Hội đồng")
        widths = [1.2, 5.0, 5.6, 4.4, 1.4, 7.6]
        rows = [[*row, votes.get(n.pk, "")] for row, n in zip(rows, nominations, strict=True)]
    doc.annex("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", caption, landscape=landscape)
    doc.table(headers, rows, widths_cm=widths, align=["center", "left", "left", "left", "center"])
    return doc.to_bytes()


def _handling_council(unit):
    """The council that receives a unit's batch: its own, else the nearest above it."""
    from vinhdanh.accounts.councils import nearest_council

    return nearest_council(unit)


def sign(doc, first: str, second: str, signer: str) -> None:
    """The signature block from the two lines above the signer, in the order they print:
    "TM. ỦY BAN NHÂN DÂN …" / "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", or one line."""
    if first:
        doc.signature(authority=first, role_line=second, signer=signer)
    else:
        doc.signature(authority=second, signer=signer)


def _signer_lines(unit) -> tuple[str, str]:
    """(delegation, authority) of a unit's letter: a People's Committee signs "TM. … / CHỦ
    TỊCH"; an office, school or other unit "THỦ TRƯỞNG ĐƠN VỊ"."""
    if unit.kind in ("government", "ward"):
        return f"TM. {unit_letterhead(unit).issuer}", "CHỦ TỊCH"
    return "", "THỦ TRƯỞNG ĐƠN VỊ"


def submission_letter(batch, nominations, *, day: datetime.date | None = None) -> bytes:
    """Tờ trình of a unit proposing its nominations to the council that handles them (its
    own, or the one above it); that council decides or sends them up itself."""
    day = day or timezone.localdate()
    unit = batch.unit
    council = _handling_council(unit)
    head = unit_letterhead(unit, letter_number(batch.letter_number, issuer_symbol(unit)))
    delegation, authority = _signer_lines(unit)
    own = council if council is not None and council.unit_id == unit.pk else None
    return _proposal_letter(
        head=head,
        day=day,
        addressee=council.name if council else "Hội đồng Thi đua - Khen thưởng",
        sender=unit.name,
        years=[batch.year],
        nominations=list(nominations),
        meetings=[],
        basis_sentence=f"Căn cứ kết quả bình xét thi đua, khen thưởng năm {batch.year} của "
        f"{unit.name}.",
        signer=chairman_of(own),
        delegation=delegation,
        authority=authority,
    )


def forwarding_letter(submission, nominations, votes, *, day: datetime.date | None = None) -> bytes:
    """Tờ trình of a council sending the dossiers it passed to the council above.

    `votes` maps a nomination's id to the summary of the sender council's vote on it.
    """
    day = day or timezone.localdate()
    sender = submission.from_council
    proposed = upward_only(sender, nominations, day)
    unit = sender.unit
    head = unit_letterhead(unit, letter_number(submission.letter_number, issuer_symbol(unit)))
    return _proposal_letter(
        head=head,
        day=day,
        addressee=submission.destination,
        sender=head.issuer,
        years=sorted({n.year for n in proposed}) or [day.year],
        nominations=proposed,
        meetings=[m.sentence for m in meetings_that_passed(proposed, sender)],
        basis_sentence="Các danh hiệu, hình thức đề nghị thuộc thẩm quyền quyết định của cấp trên.",
        signer=chairman_of(sender),
        note=submission.note,
        votes=votes,
    )


def dossier_letter(council, nominations, *, day: datetime.date | None = None) -> bytes:
    """The tờ trình at the head of a dossier archive sent up outside the system."""
    day = day or timezone.localdate()
    proposed = upward_only(council, nominations, day)
    head = unit_letterhead(council.unit, letter_number("", issuer_symbol(council.unit)))
    return _proposal_letter(
        head=head,
        day=day,
        addressee="Hội đồng Thi đua - Khen thưởng cấp trên",
        sender=head.issuer,
        years=sorted({n.year for n in proposed}) or [day.year],
        nominations=proposed,
        meetings=[m.sentence for m in meetings_that_passed(proposed, council)],
        basis_sentence="",
        signer=chairman_of(council),
    )


# -- The decision ----------------------------------------------------------------------


def recipients(decision):
    """The dossiers a decision was taken on: a lower council's original, reached by the
    decision of the council above on its received copy, is the same award once."""
    return decision.nominations.exclude(copies_above__decision=decision)


DECISION_HEADERS = [*LIST_HEADERS, "Tiền thưởng (đồng)", "Căn cứ mức thưởng"]
DECISION_WIDTHS_CM = [1.2, 4.8, 5.2, 4.2, 1.3, 3.0, 5.5]
DECISION_ALIGN = ["center", "left", "left", "left", "center", "right", "left"]


def _decision_bonus(decision) -> BonusRows:
    nominations = recipients(decision).select_related(
        "person__unit",
        "collective__parent",
        "title",
        "batch__unit",
        "received_in__from_council__unit",
    )
    certificates = decision.certificates.all()
    return bonus_rows(decision, list(nominations.order_by("title__pk", "pk")), certificates)


def _decision_rows(bonus: BonusRows) -> list[list]:
    return [
        [*_row(i, n), b.amount_text if b else "", b.basis_text if b else ""]
        for i, (n, b) in enumerate(bonus.rows, 1)
    ]


def _total_row(bonus: BonusRows) -> list:
    return ["", "Tổng cộng", "", "", "", bonus.total_text, _total_note(bonus)]


def _total_note(bonus: BonusRows) -> str:
    notes = []
    if bonus.unknown:
        notes.append(f"{bonus.unknown} trường hợp chưa tính được mức thưởng")
    if bonus.unconfirmed:
        notes.append("có mức chưa xác nhận, cần đối chiếu văn bản")
    return "; ".join(notes)


def bonus_groups(bonus: BonusRows) -> list[tuple[str, str, int | None, int]]:
    """(title, subject word, amount each, how many) per title and amount (pure)."""
    counts: Counter = Counter()
    order = []
    for nomination, item in bonus.rows:
        amount = item.amount if item is not None else None
        key = (nomination.title.name, SUBJECT_WORDS[subject_kind(nomination)], amount)
        if key not in counts:
            order.append(key)
        counts[key] += 1
    return [(*key, counts[key]) for key in order]


def _chairman_line(head: Letterhead) -> str:
    return f"Chủ tịch {head.issuer}"


def signature_lines(role: str) -> tuple[str, str]:
    """(delegation, authority) for the signer's role: the Chairman signs "CHỦ TỊCH"; a Vice
    Chairman "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (pure)."""
    role = (role or "Chủ tịch").strip()
    if role.lower().startswith("phó"):
        return "KT. CHỦ TỊCH", role.upper()
    return "", "CHỦ TỊCH"


def head_of(body: str) -> str:
    """'Phòng Nội vụ' -> 'Trưởng Phòng Nội vụ'; 'Sở Nội vụ …' -> 'Giám đốc Sở Nội vụ …'."""
    if body.startswith("Phòng"):
        return f"Trưởng {body}"
    if body.startswith("Sở"):
        return f"Giám đốc {body}"
    return f"Thủ trưởng {body}"


def executors(decision, council) -> str:
    """Who carries the decision out (Điều 3): a deployment may name them itself."""
    configured = getattr(settings, "VINHDANH_DECISION_EXECUTORS", "")
    if configured:
        return configured
    office = council.standing_office.name if council is not None else ""
    issuer = unit_letterhead(decision.issuer).issuer
    parts = [f"Chánh Văn phòng {issuer}"]
    if office and office != decision.issuer.name:
        parts.append(f"{head_of(office)} (cơ quan thường trực Hội đồng Thi đua - Khen thưởng)")
    parts.append("thủ trưởng các cơ quan, đơn vị có liên quan")
    return ", ".join(parts) + " và các cá nhân, tập thể có tên tại Điều 1"


def decision_bases_for(decision, nominations, council) -> list[str]:
    """The "Căn cứ …" lines: the law register on the signing date, the council's
    establishment and the meetings that passed the dossiers."""
    register = Register(default_catalogue(), config_for(decision.issuer))
    extra = []
    if council is not None and council.established_by:
        extra.append(f"{council.established_by} về việc thành lập {council.name}")
    for meeting in meetings_that_passed(nominations, council):
        if meeting.held_on > decision.signed_on:
            continue  # a vote recorded after the signing (a record typed in later)
        if meeting.present is not None:
            extra.append(
                f"Biên bản phiên họp ngày {short_date(meeting.held_on)} của {meeting.council}"
            )
        else:
            extra.append(
                f"kết quả biểu quyết ngày {short_date(meeting.held_on)} của {meeting.council}"
            )
    titles = sorted({n.title.code for n in nominations})
    return decision_bases(register, decision.signed_on, titles, extra)


def consideration_line(nominations, council) -> str:
    """'Xét đề nghị của … tại Tờ trình số …/TTr-… ngày …; của Thường trực Hội đồng …'."""
    letters = [letter.text for letter in proposal_letters(nominations)]
    office = f"Thường trực {council.name}" if council is not None else ""
    parts = letters + ([office] if office else [])
    if not parts:
        return ""
    return "Xét đề nghị của " + "; của ".join(parts) + "."


@dataclass
class DecisionContent:
    """What a decision says, composed once for its .docx and its PDF to sign."""

    head: Letterhead
    council: object
    bonus: BonusRows
    bases: list[str]
    # (article text, the lines under it)
    articles: list[tuple[str, list[str]]]
    delegation: str
    authority: str
    signer: str
    recipients: list[str]
    annex_title: str
    annex_caption: str

    @property
    def annex_rows(self) -> list[list]:
        return _decision_rows(self.bonus)

    @property
    def total_row(self) -> list:
        return _total_row(self.bonus)


def decision_content(decision, *, chairman: str = "") -> DecisionContent:
    head = unit_letterhead(decision.issuer, decision.reference)
    council = council_of_unit(decision.issuer)
    bonus = _decision_bonus(decision)
    nominations = [n for n, _b in bonus.rows]
    lines = decision_bases_for(decision, nominations, council)
    consideration = consideration_line(nominations, council)
    one_year = len({n.year for n in nominations}) == 1
    first = (
        f"Tặng {conferred_phrase(nominations)} có tên trong danh sách kèm theo Quyết định này, "
        "vì đã có thành tích xuất sắc"
        + (f" năm {nominations[0].year}" if one_year and nominations else "")
        + "."
    )
    second = (
        f"Tiền thưởng kèm theo các danh hiệu, hình thức khen thưởng tại Điều 1 tổng cộng "
        f"{bonus.total_text} (Bằng chữ: {money_in_words(bonus.total)}), tính theo mức lương "
        f"cơ sở áp dụng ngày {decision.signed_on:%d/%m/%Y}, gồm:"
    )
    groups = []
    for title, word, amount, count in bonus_groups(bonus):
        if amount is None:
            groups.append(f"- “{title}”: {count} {word}, chưa tính được mức thưởng;")
        else:
            groups.append(
                f"- “{title}”: {vn_money(amount)}/{word} × {count} {word} = "
                f"{vn_money(amount * count)};"
            )
    groups.append(
        f"Nguồn kinh phí: từ Quỹ thi đua, khen thưởng của {head.issuer} năm "
        f"{decision.signed_on.year}; mức và căn cứ của từng trường hợp ghi trong danh sách kèm "
        "theo."
    )
    third = (
        "Quyết định này có hiệu lực kể từ ngày ký. "
        f"{executors(decision, council)} chịu trách nhiệm thi hành Quyết định này./."
    )
    delegation, authority = signature_lines(decision.signer_role)
    return DecisionContent(
        head=head,
        council=council,
        bonus=bonus,
        bases=lines + ([consideration] if consideration else []),
        articles=[(first, []), (second, groups), (third, [])],
        delegation=delegation,
        authority=authority,
        signer=chairman or decision.signer,
        recipients=["Như Điều 3", *([council.name] if council is not None else [])],
        annex_title="DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG",
        annex_caption=(
            f"(Kèm theo Quyết định số {decision.reference} {long_date(decision.signed_on)} của "
            f"{_chairman_line(head)})"
        ),
    )


def decision_docx(decision, *, chairman: str = "") -> bytes:
    content = decision_content(decision, chairman=chairman)
    head = content.head
    doc = AdminDocument(head, date=decision.signed_on, kind="QUYẾT ĐỊNH", subject=decision.subject)
    doc.heading(_chairman_line(head).upper())
    doc.bases(content.bases)
    doc.heading("QUYẾT ĐỊNH:")
    for number, (text, lines) in enumerate(content.articles, start=1):
        doc.article(number, text)
        for line in lines:
            doc.paragraph(line)
    sign(doc, content.delegation, content.authority, content.signer)
    doc.recipients(content.recipients)
    doc.annex(content.annex_title, content.annex_caption, landscape=True)
    doc.table(
        DECISION_HEADERS,
        content.annex_rows,
        widths_cm=DECISION_WIDTHS_CM,
        total_row=content.total_row,
        align=DECISION_ALIGN,
    )
    return doc.to_bytes()


def decision_xlsx(decision) -> bytes:
    bonus = _decision_bonus(decision)
    return list_workbook(
        unit_letterhead(decision.issuer),
        title=f"Danh sách khen thưởng kèm theo Quyết định số {decision.reference}",
        date=decision.signed_on,
        headers=DECISION_HEADERS,
        rows=[*_decision_rows(bonus), _total_row(bonus)],
    )


# -- The revocation --------------------------------------------------------------------

REVOCATION_HEADERS = [
    "STT",
    "Họ và tên / Tập thể",
    "Chức vụ, đơn vị",
    "Danh hiệu, hình thức",
    "Hiện vật thu hồi",
    "Tiền thưởng thu hồi (đồng)",
]
REVOCATION_WIDTHS_CM = [1.2, 5.0, 5.6, 4.6, 4.4, 3.4]
# law.md §7.6: Law 2022, chapter VII; the article number is unconfirmed (probably Đ94).
DEFAULT_REVOCATION_ARTICLE = "Điều 94"


def revocation_article() -> str:
    return getattr(settings, "VINHDANH_REVOCATION_ARTICLE", DEFAULT_REVOCATION_ARTICLE)


def _items_recovered(nomination, certificate) -> str:
    """What the recipient hands back: the certificate, or the record in the decision alone
    for a title with no certificate (Lao động tiên tiến has none, law.md §3)."""
    if certificate is None:
        return ""
    word = "Bằng khen" if "bằng khen" in nomination.title.name.lower() else "Giấy chứng nhận"
    if "giấy khen" in nomination.title.name.lower():
        word = "Giấy khen"
    return f"{word} (và khung, nếu có)"


def revocation_docx(revocation) -> bytes:
    """The decision that revokes an award or a whole decision (Law 2022, chapter VII)."""
    original = revocation.decision
    head = unit_letterhead(revocation.issuer, revocation.reference)
    council = council_of_unit(revocation.issuer)
    certificates = list(
        revocation.certificates.select_related(
            "nomination__title", "nomination__person__unit", "nomination__collective__parent"
        ).order_by("pk")
    )
    bonus = bonus_rows(original, [c.nomination for c in certificates], certificates)
    by_nomination = {c.nomination_id: c for c in certificates}
    scope = (
        f"Quyết định số {original.reference} ngày {short_date(original.signed_on)}"
        if revocation.whole
        else f"danh hiệu, hình thức khen thưởng tại Quyết định số {original.reference} ngày "
        f"{short_date(original.signed_on)}"
    )
    doc = AdminDocument(
        head,
        date=revocation.signed_on,
        kind="QUYẾT ĐỊNH",
        subject=f"Về việc hủy bỏ, thu hồi {scope} của Chủ tịch {head.issuer}",
    )
    doc.heading(_chairman_line(head).upper())
    register = Register(default_catalogue(), config_for(revocation.issuer))
    if any(item.id == "luat_2022" for item in register.in_force(revocation.signed_on)):
        law_line = (
            f"Căn cứ {revocation_article()} Chương VII Luật Thi đua, khen thưởng số "
            "06/2022/QH15 về xử lý vi phạm"
            + (f" (điểm {revocation.ground} khoản 2)" if revocation.ground else "")
            + ";"
        )
    else:  # before 2024 the 2003 Law applied; law.md does not give its article
        law_line = (
            "Căn cứ quy định của Luật Thi đua, khen thưởng về hủy bỏ quyết định khen thưởng, "
            "thu hồi hiện vật và tiền thưởng;"
        )
    bases = [
        *decision_bases(register, revocation.signed_on),
        law_line,
        f"Căn cứ Quyết định số {original.reference} ngày {short_date(original.signed_on)} của "
        f"{_chairman_line(head)} {original.subject[:1].lower()}{original.subject[1:]};",
    ]
    if council is not None:
        bases.append(f"Xét đề nghị của Thường trực {council.name}.")
    doc.bases(bases)
    doc.heading("QUYẾT ĐỊNH:")
    reason = revocation.reason.rstrip(".")
    ground = f" ({revocation.get_ground_display().lower()})" if revocation.ground else ""
    doc.article(
        1,
        f"Hủy bỏ, thu hồi {scope} đối với {len(certificates):02d} cá nhân, tập thể có tên trong "
        f"danh sách kèm theo. Lý do: {reason}{ground}.",
    )
    doc.article(
        2,
        "Thu hồi hiện vật khen thưởng (giấy chứng nhận, bằng, khung) và tiền thưởng đã nhận: "
        f"tổng số tiền thu hồi {vn_money(revocation.recovered)} (Bằng chữ: "
        f"{money_in_words(revocation.recovered)}), nộp lại Quỹ thi đua, khen thưởng của "
        f"{head.issuer}; mức của từng trường hợp theo Quyết định số {original.reference} ghi "
        "trong danh sách kèm theo.",
    )
    doc.article(
        3,
        "Quyết định này có hiệu lực kể từ ngày ký. "
        f"{executors(original, council)} chịu trách nhiệm thi hành Quyết định này./.",
    )
    delegation, authority = signature_lines(revocation.signer_role)
    sign(doc, delegation, authority, revocation.signer)
    doc.recipients(["Như Điều 3", *([council.name] if council is not None else [])])
    doc.annex(
        "DANH SÁCH CÁ NHÂN, TẬP THỂ BỊ HỦY BỎ, THU HỒI KHEN THƯỞNG",
        f"(Kèm theo Quyết định số {revocation.reference} {long_date(revocation.signed_on)} của "
        f"{_chairman_line(head)})",
        landscape=True,
    )
    rows = []
    for index, (nomination, item) in enumerate(bonus.rows, 1):
        row = _row(index, nomination)[:4]
        row.append(_items_recovered(nomination, by_nomination.get(nomination.pk)))
        row.append(item.amount_text if item is not None else "")
        rows.append(row)
    doc.table(
        REVOCATION_HEADERS,
        rows,
        widths_cm=REVOCATION_WIDTHS_CM,
        total_row=["", "Tổng cộng", "", "", "", vn_money(revocation.recovered)],
        align=["center", "left", "left", "left", "left", "right"],
    )
    return doc.to_bytes()


# The achievement reports moved to their own module; kept here for the callers' import.
from vinhdanh.awards.achievement_reports import achievement_report_template  # noqa: E402,F401
