"""The bonus of each award of a decision: the engine's amount on the signing date.

The amount is the rules engine's (`rules.engine.bonus`): coefficient of the title or form
under the instrument in force on the decision's signing date × the base salary in force
that day (× households' or collectives' multiplier), rounded as the province sets. The
decision page, its .docx annex and its .xlsx list show the same rows and total.
"""

from dataclasses import dataclass

from vinhdanh.documents.numbers import vn_money
from vinhdanh.rules.engine import default_catalogue
from vinhdanh.rules.engine.bonus import Bonus, bonus_for
from vinhdanh.rules.provincial import config_for


def subject_kind(nomination) -> str:
    """The engine's subject: a person, else a household where the title is for households
    only (Gia đình văn hóa), else a collective."""
    if nomination.person_id:
        return "person"
    title = default_catalogue().titles.get(nomination.title.code)
    if title is not None and title.subjects == ("household",):
        return "household"
    return "collective"


def bonus_of(nomination, on, config) -> Bonus | None:
    """The bonus of a nomination decided `on`; None for a title the catalogue does not know."""
    if nomination.title.code not in default_catalogue().titles:
        return None
    return bonus_for(nomination.title.code, subject_kind(nomination), on, config)


@dataclass(frozen=True)
class StoredBonus:
    """The amount a certificate keeps from its decision (see Certificate.bonus_amount)."""

    amount: int | None
    basis_text: str
    unconfirmed: bool
    article: str = ""

    @property
    def amount_text(self) -> str:
        return "" if self.amount is None else vn_money(self.amount)


def stored_bonus(certificate) -> StoredBonus | None:
    if certificate is None or (certificate.bonus_amount is None and not certificate.bonus_basis):
        return None  # issued before amounts were kept: computed on the signing date
    return StoredBonus(
        certificate.bonus_amount, certificate.bonus_basis, certificate.bonus_unconfirmed
    )


def certificate_fields(bonus) -> dict:
    """What a certificate keeps of its bonus."""
    if bonus is None:
        return {}
    return {
        "bonus_amount": bonus.amount,
        "bonus_basis": bonus.basis_text,
        "bonus_unconfirmed": bonus.unconfirmed,
    }


@dataclass(frozen=True)
class BonusRows:
    rows: list  # (nomination, Bonus | None)
    total: int
    unknown: int  # awards whose amount the engine cannot give
    unconfirmed: bool

    @property
    def total_text(self) -> str:
        return vn_money(self.total)


def bonus_rows(decision, nominations, certificates=None) -> BonusRows:
    """Each nomination's bonus, and the total: the amount its certificate kept when the
    decision was issued, else the engine's on the signing date (issuer's province)."""
    kept = {c.nomination_id: stored_bonus(c) for c in certificates or ()}
    config = None
    rows = []
    for nomination in nominations:
        bonus = kept.get(nomination.pk)
        if bonus is None:
            config = config or config_for(decision.issuer)
            bonus = bonus_of(nomination, decision.signed_on, config)
        rows.append((nomination, bonus))
    bonuses = [b for _, b in rows]
    return BonusRows(
        rows=rows,
        total=sum(b.amount for b in bonuses if b is not None and b.amount is not None),
        unknown=sum(1 for b in bonuses if b is None or b.amount is None),
        unconfirmed=any(b is not None and b.unconfirmed for b in bonuses),
    )
