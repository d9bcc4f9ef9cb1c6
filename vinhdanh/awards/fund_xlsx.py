"""The fund ledger as a spreadsheet (documents.admin_xlsx lays it out)."""

from vinhdanh.awards.letterheads import unit_letterhead
from vinhdanh.awards.services.fund import entry_text
from vinhdanh.documents.admin_xlsx import list_workbook

LEDGER_HEADERS = [
    "STT",
    "Ngày",
    "Nội dung",
    "Số quyết định",
    "Số trường hợp",
    "Chi (đồng)",
    "Thu hồi (đồng)",
    "Còn lại (đồng)",
]


def ledger_rows(ledger) -> list[list]:
    """The plan, each movement with its balance, the totals: numbers stay numbers."""
    rows = [["", "", "Quỹ dự kiến", "", "", "", "", ledger.planned]]
    for index, (entry, balance) in enumerate(ledger.rows, 1):
        spent = entry.amount if entry.kind == "bonus" else None
        back = entry.amount if entry.kind == "return" else None
        reference = entry.revocation.reference if entry.revocation_id else entry.decision.reference
        rows.append(
            [
                index,
                entry.on,
                entry_text(entry),
                reference,
                entry.awards,
                spent,
                back,
                balance if ledger.planned is not None else None,
            ]
        )
    rows.append(["", "", "Tổng cộng", "", "", ledger.spent, ledger.returned, ledger.remaining])
    return rows


def ledger_xlsx(ledger) -> bytes:
    council = ledger.council
    return list_workbook(
        unit_letterhead(council.unit),
        title=f"Sổ theo dõi Quỹ thi đua, khen thưởng năm {ledger.year}",
        date=None,
        headers=LEDGER_HEADERS,
        rows=ledger_rows(ledger),
        widths=[6, 12, 60, 16, 10, 16, 16, 16],
        sheet_title=f"Quỹ {ledger.year}",
        caption=council.name,
    )
