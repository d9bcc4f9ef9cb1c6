"""The decision giving the writing contest's prizes, as .docx through the administrative
writer (documents/admin_docx.py)."""

from vinhdanh.contests.models import PRIZE_ORDER, Contest, PrizeRank
from vinhdanh.contests.selectors import winners
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.numbers import vn_money
from vinhdanh.movements.letterheads import letterhead_for


def decision_document(contest: Contest, *, with_authors: bool) -> bytes:
    """The names of the winners are written for the office; the public copy names only those
    who agreed to it."""
    decision = contest.decision
    doc = AdminDocument(
        letterhead_for(contest.unit, number=decision.number),
        date=decision.signed_on,
        kind="QUYẾT ĐỊNH",
        subject=f"Về việc trao giải {contest.title}",
    )
    doc.bases(
        [
            f"Căn cứ Thể lệ {contest.title};",
            "Căn cứ kết quả chấm sơ khảo, chung khảo của Ban Giám khảo;",
            "Xét đề nghị của Cơ quan thường trực Hội đồng Thi đua - Khen thưởng,",
        ]
    )
    doc.heading("QUYẾT ĐỊNH:")
    rows = []
    prizes = {p.rank: p for p in contest.prizes.all()}
    for index, entry in enumerate(winners(contest), start=1):
        named = with_authors or entry.publish_name
        amount = prizes[entry.prize].amount if entry.prize in prizes else 0
        rows.append(
            [
                str(index),
                entry.author_name if named else f"Tác giả bài {entry.anon_code}",
                entry.title,
                str(PrizeRank(entry.prize).label),
                vn_money(amount) if amount else "",
            ]
        )
    doc.article(
        1,
        f"Trao giải {contest.title} cho {len(rows)} tác giả có tên trong danh sách kèm theo.",
    )
    total = sum(prizes[r].amount * prizes[r].count for r in PRIZE_ORDER if r in prizes)
    doc.article(
        2,
        "Kèm theo giải thưởng là tiền thưởng theo mức quy định tại Thể lệ cuộc thi"
        + (f", tổng mức tối đa {vn_money(total)}." if total else "."),
    )
    doc.article(
        3, "Cơ quan thường trực, các đơn vị và cá nhân có tên tại Điều 1 thi hành Quyết định này."
    )
    doc.signature(
        authority=f"TM. {doc.letterhead.issuer}",
        role_line=(decision.signer_title or "CHỦ TỊCH").upper(),
        signer=decision.signer,
    )
    doc.recipients(["Như Điều 3", "Lưu: VT"])
    doc.annex("DANH SÁCH TÁC GIẢ ĐOẠT GIẢI", f"(Kèm theo Quyết định số {decision.number})")
    doc.table(["TT", "Tác giả", "Tên bài viết", "Giải", "Tiền thưởng"], rows)
    return doc.to_bytes()
