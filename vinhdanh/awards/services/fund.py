"""The council's emulation and commendation fund: the plan, the bonuses issued, the returns.

The plan is typed by the standing office (`set_fund_plan`); every decision the council
issues writes its bonus total as it is issued (`record_decision_bonus`, called by
`issue_decision`), and every revocation the money it recovers (`record_return`). The
ledger (`selectors.fund_ledger`) reads these rows only, so its year total is the total
of the decisions' bonus rows.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.models import FundEntry, FundEntryKind, FundPlan
from vinhdanh.core.years import YEAR_MAX, YEAR_MIN
from vinhdanh.documents.numbers import vn_money
from vinhdanh.workflow.permissions import require

# A district's or commune's yearly fund is some hundreds of millions; a typo of three
# zeros too many is refused rather than kept.
MAX_PLANNED = 1_000_000_000_000


def planned_amount_refusal(value) -> str | None:
    """Why a typed planned amount is not one (pure; the form and the service ask it)."""
    if value is None:
        return _("Cần nhập số tiền quỹ dự kiến.")
    if value < 0:
        return _("Số tiền quỹ không được âm.")
    if value > MAX_PLANNED:
        return _("Số tiền quỹ quá lớn (tối đa 1.000 tỷ đồng); kiểm tra lại số chữ số 0.")
    return None


@transaction.atomic
def set_fund_plan(actor, council, *, year: int, planned: int, note: str = "") -> FundPlan:
    require(actor, "awards.manage_fund", council)
    if not (YEAR_MIN <= year <= YEAR_MAX):
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    refusal = planned_amount_refusal(planned)
    if refusal:
        raise ValidationError({"planned": refusal})
    plan = FundPlan.objects.select_for_update().filter(council=council, year=year).first()
    before = snapshot(plan) if plan else None
    if plan is None:
        plan = FundPlan(council=council, year=year, planned=planned)
    plan.planned = planned
    plan.note = note.strip()
    plan.updated_by = actor
    plan.save()
    record(
        actor=actor, action="awards.fund.plan", instance=plan, before=before, after=snapshot(plan)
    )
    return plan


def council_of_issuer(decision):
    from vinhdanh.org.models import Council

    return Council.objects.filter(unit_id=decision.issuer_id).first()


def record_decision_bonus(actor, decision, bonus) -> FundEntry | None:
    """The decision's bonus total leaves its council's fund of the signing year.

    Inside `issue_decision`'s transaction; a decision of a council above (no number) is
    paid from that body's fund and writes nothing here."""
    council = council_of_issuer(decision)
    if council is None or decision.is_external:
        return None
    entry = FundEntry.objects.create(
        council=council,
        year=decision.signed_on.year,
        kind=FundEntryKind.BONUS,
        on=decision.signed_on,
        amount=bonus.total,
        decision=decision,
        awards=len(bonus.rows),
        unknown=bonus.unknown,
    )
    record(actor=actor, action="awards.fund.bonus", instance=entry, after=snapshot(entry))
    return entry


def record_return(actor, revocation) -> FundEntry | None:
    """The money a revocation recovers comes back to the fund of the year it is revoked."""
    decision = revocation.decision
    if not decision.fund_entries.filter(kind=FundEntryKind.BONUS).exists():
        return None  # paid before the ledger existed, or by a council above
    entry = FundEntry.objects.create(
        council=council_of_issuer(decision),
        year=revocation.signed_on.year,
        kind=FundEntryKind.RETURN,
        on=revocation.signed_on,
        amount=revocation.recovered,
        decision=decision,
        revocation=revocation,
        awards=revocation.certificates.count(),
    )
    record(actor=actor, action="awards.fund.return", instance=entry, after=snapshot(entry))
    return entry


def remaining_after(council, year: int, spend: int) -> int | None:
    """What the year's fund keeps after spending `spend` more; None without a plan."""
    plan = FundPlan.objects.filter(council=council, year=year).first()
    if plan is None:
        return None
    return plan.planned + sum(e.signed_amount for e in _entries(council, year)) - spend


def _entries(council, year):
    return FundEntry.objects.filter(council=council, year=year)


class Ledger:
    """A council's fund for a year: the plan, each movement with the balance after it."""

    def __init__(self, council, year: int, plan, entries):
        self.council = council
        self.year = year
        self.plan = plan
        self.planned = plan.planned if plan else None
        self.entries = entries
        self.spent = sum(e.amount for e in entries if e.kind == FundEntryKind.BONUS)
        self.returned = sum(e.amount for e in entries if e.kind == FundEntryKind.RETURN)
        self.rows = balance_rows(self.planned or 0, entries)

    @property
    def remaining(self) -> int | None:
        if self.planned is None:
            return None
        return self.planned - self.spent + self.returned

    @property
    def overspent(self) -> bool:
        return self.remaining is not None and self.remaining < 0

    planned_text = property(lambda self: _money(self.planned))
    spent_text = property(lambda self: _money(self.spent))
    returned_text = property(lambda self: _money(self.returned))
    remaining_text = property(lambda self: _money(self.remaining))

    @property
    def lines(self) -> list[dict]:
        """The page's rows: each movement, its text and the balance after it."""
        return [
            {
                "entry": entry,
                "text": entry_text(entry),
                "spent": _money(entry.amount) if entry.kind == FundEntryKind.BONUS else "",
                "returned": _money(entry.amount) if entry.kind == FundEntryKind.RETURN else "",
                "balance": _money(balance) if self.planned is not None else "",
                "negative": self.planned is not None and balance < 0,
            }
            for entry, balance in self.rows
        ]


def _money(value) -> str:
    return "" if value is None else vn_money(value)


def entry_text(entry) -> str:
    if entry.revocation_id:
        return (
            f"Thu hồi tiền thưởng theo Quyết định số {entry.revocation.reference} "
            f"(hủy bỏ, thu hồi khen thưởng tại Quyết định số {entry.decision.reference})"
        )
    return (
        f"Tiền thưởng kèm theo Quyết định số {entry.decision.reference}: {entry.decision.subject}"
    )


def balance_rows(planned: int, entries) -> list[tuple]:
    """(entry, balance after it) in order: pure, for the page and the spreadsheet."""
    balance = planned
    rows = []
    for entry in entries:
        balance += entry.signed_amount
        rows.append((entry, balance))
    return rows


def fund_ledger(council, year: int) -> Ledger:
    plan = FundPlan.objects.filter(council=council, year=year).first()
    entries = list(
        FundEntry.objects.filter(council=council, year=year)
        .select_related("decision", "revocation")
        .order_by("on", "pk")
    )
    return Ledger(council, year, plan, entries)


def parse_amount(text) -> int | None:
    """'150.000.000', '150 000 000', '150000000' or '150.000.000 đ' -> 150000000; None
    for anything else (a decimal comma, letters, a sign). Pure."""
    cleaned = str(text).strip().lower().removesuffix("đồng").removesuffix("đ").strip()
    cleaned = cleaned.replace(".", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned.isdigit():
        return None
    return int(cleaned)
