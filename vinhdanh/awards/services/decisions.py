"""Decisions: issuing with gap-free numbers, higher-level decisions, hand-over, revocation."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.authority import decision_refusal
from vinhdanh.awards.bonus import bonus_rows, certificate_fields
from vinhdanh.awards.guards import decision_date_refusal, event_date_refusal, last_in_register
from vinhdanh.awards.models import (
    Certificate,
    Decision,
    DecisionCounter,
    Nomination,
    Revocation,
    RevocationGround,
    State,
)
from vinhdanh.awards.services.fund import record_decision_bonus, record_return
from vinhdanh.awards.services.review import council_of
from vinhdanh.awards.services.upward import report_decision_down
from vinhdanh.awards.workflows import DECISIONS, NOMINATIONS
from vinhdanh.core.services import save_and_record
from vinhdanh.org.dating import require_active
from vinhdanh.org.models import CouncilRole
from vinhdanh.workflow.engine import lock, transition
from vinhdanh.workflow.permissions import require

DEFAULT_SYMBOL = "QĐ-UBND"


def next_decision_number(issuer, year: int) -> int:
    """The issuer's next number in the year; call inside the transaction that uses it.

    The counter row stays locked until that transaction ends, so concurrent issuers
    queue up, and a rolled-back decision gives its number back: no gaps, no duplicates.
    """
    DecisionCounter.objects.get_or_create(issuer=issuer, year=year)
    counter = DecisionCounter.objects.select_for_update().get(issuer=issuer, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _chairman(council) -> str:
    member = council.members.filter(role=CouncilRole.CHAIRMAN).select_related("person").first()
    return member.person.full_name if member else ""


def _certificate_for(actor, nomination: Nomination, decision: Decision, bonus=None) -> Certificate:
    certificate = Certificate.objects.create(
        nomination=nomination,
        decision=decision,
        **certificate_fields(bonus),
        recipient=nomination.subject_name,
        title_name=nomination.title.name,
        achievement=nomination.event or _("Đã có thành tích xuất sắc năm %s") % nomination.year,
    )
    record(
        actor=actor,
        action="awards.certificate.issue",
        instance=certificate,
        after=snapshot(certificate),
    )
    return certificate


def _locked_all(actor, nominations, expected_versions) -> list[Nomination]:
    expected_versions = expected_versions or {}
    if not nominations:
        raise ValidationError(_("Chưa chọn hồ sơ nào."))
    locked = []
    for nomination in sorted(nominations, key=lambda n: n.pk):  # a fixed order avoids deadlocks
        require(actor, "awards.decide_nomination", nomination)
        locked.append(lock(NOMINATIONS, nomination, expected_versions.get(nomination.pk)))
    return locked


@transaction.atomic
def issue_decision(
    actor,
    nominations,
    *,
    signed_on: datetime.date | None = None,
    subject: str = "",
    expected_versions: dict | None = None,
    symbol: str = DEFAULT_SYMBOL,
) -> Decision:
    """The chairman's decision for nominations the council passed, with a certificate each."""
    require(actor, "awards.decide_nomination")
    locked = _locked_all(actor, nominations, expected_versions)
    council = council_of(actor)
    for nomination in locked:  # check every step before taking a number
        if nomination.state != State.VOTED:
            raise ValidationError(
                _("“%(name)s” chưa được Hội đồng thông qua (trạng thái: %(state)s).")
                % {"name": nomination.subject_name, "state": nomination.get_state_display()}
            )
    if signed_on is not None:  # a council whose unit has ended decides no more
        require_active(council, signed_on)
    # The day it was signed, as typed: never today by default, never ahead, never before
    # the register's last decision (the numbers follow the dates).
    refusal = decision_date_refusal(
        signed_on,
        today=timezone.localdate(),
        last_in_register=signed_on and last_in_register(council.unit, signed_on.year),
    )
    if refusal:
        raise ValidationError(refusal)
    year = signed_on.year
    decision = Decision(
        issuer=council.unit,
        year=year,
        symbol=symbol,
        signed_on=signed_on,
        subject=subject.strip() or _("Về việc khen thưởng năm %s") % locked[0].year,
        signer=_chairman(council),
        signer_role=_("Chủ tịch"),
        created_by=actor,
    )
    # Who may confer what is the law on the signing day, not in the year of the achievements.
    refusals = []
    for nomination in locked:
        refusal = decision_refusal(council, nomination.title, signed_on)
        if refusal:
            refusals.append(f"“{nomination.subject_name}”: {refusal}")
    if refusals:
        raise ValidationError(refusals)
    decision.number = next_decision_number(council.unit, year)
    save_and_record(actor=actor, instance=decision, action="awards.decision.issue")
    # The bonus on the signing date, kept on each certificate as the decision gives it.
    bonus_table = bonus_rows(decision, locked)
    amounts = {n.pk: b for n, b in bonus_table.rows}
    for nomination in locked:
        bonus = amounts.get(nomination.pk)
        nomination = transition(
            NOMINATIONS, actor, nomination, "decide", note=decision.reference, decision=decision
        )
        _certificate_for(actor, nomination, decision, bonus)
        report_decision_down(actor, nomination, decision)
    # The bonus leaves the council's fund of the signing year (the fund ledger).
    record_decision_bonus(actor, decision, bonus_table)
    return decision


@transaction.atomic
def record_higher_decision(
    actor,
    nomination,
    *,
    issuer_name: str,
    reference: str,
    signed_on: datetime.date,
    expected_version=None,
) -> Decision:
    require(actor, "awards.record_higher_decision", nomination)
    if not issuer_name.strip() or not reference.strip():
        raise ValidationError(_("Cần nhập cơ quan ban hành và số, ký hiệu quyết định."))
    refusal = event_date_refusal(
        signed_on, today=timezone.localdate(), field="signed_on", what=_("ngày ký quyết định")
    )
    if refusal:
        raise ValidationError(refusal)
    current = lock(NOMINATIONS, nomination, expected_version)
    council = council_of(actor)
    decision = Decision.objects.create(
        issuer=council.unit,
        year=signed_on.year,
        number=None,
        external_issuer=issuer_name.strip(),
        external_reference=reference.strip(),
        signed_on=signed_on,
        subject=_("Khen thưởng %s") % current.title.name,
        created_by=actor,
    )
    record(
        actor=actor,
        action="awards.decision.record_higher",
        instance=decision,
        after=snapshot(decision),
    )
    current = transition(
        NOMINATIONS,
        actor,
        current,
        "record_higher",
        note=decision.reference,
        decision=decision,
    )
    bonus = bonus_rows(decision, [current]).rows[0][1]
    _certificate_for(actor, current, decision, bonus)
    report_decision_down(actor, current, decision)
    return decision


@transaction.atomic
def hand_over(actor, nomination, *, on: datetime.date, expected_version=None) -> Nomination:
    current = transition(
        NOMINATIONS,
        actor,
        nomination,
        "hand_over",
        note=f"{on:%d/%m/%Y}" if on else "",
        expected_version=expected_version,
        handed_over_on=on,
    )
    # After the state's check, so a step out of turn says so first; the transaction undoes it.
    refusal = event_date_refusal(
        on, today=timezone.localdate(), field="on", what=_("ngày trao tặng")
    )
    if refusal:
        raise ValidationError(refusal)
    return current


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi rõ lý do thu hồi.")})
    return reason.strip()


def _revoke_award(actor, nomination: Nomination, reason: str, expected_version=None) -> None:
    """The nomination of a revoked certificate or decision goes to "revoked", if it was awarded."""
    if nomination.state in NOMINATIONS.action("revoke").sources:
        transition(
            NOMINATIONS,
            actor,
            nomination,
            "revoke",
            note=reason,
            expected_version=expected_version,
        )


def _revocation(
    actor,
    decision: Decision,
    certificates,
    *,
    reason: str,
    ground: str,
    whole: bool,
    signed_on=None,
):
    """The revocation decision: its own number in the issuer's register, the certificates
    it revokes and the money they recover (each certificate's bonus as its decision gave
    it); the recovered money goes back to the fund. None for a decision of a body above,
    which that body revokes itself."""
    if decision.is_external:
        return None
    if ground and ground not in RevocationGround.values:
        raise ValidationError({"ground": _("Căn cứ thu hồi không hợp lệ.")})
    today = timezone.localdate()
    signed_on = signed_on or today
    if signed_on > today or signed_on < decision.signed_on:
        raise ValidationError(
            _("Ngày ký quyết định thu hồi phải từ ngày %(first)s đến hôm nay.")
            % {"first": f"{decision.signed_on:%d/%m/%Y}"}
        )
    council = council_of_unit(decision.issuer)
    revocation = Revocation(
        issuer=decision.issuer,
        year=signed_on.year,
        symbol=decision.symbol,
        signed_on=signed_on,
        decision=decision,
        whole=whole,
        ground=ground,
        reason=reason,
        recovered=recovered_amount(decision, certificates),
        signer=_chairman(council) if council else decision.signer,
        signer_role=_("Chủ tịch"),
        created_by=actor,
    )
    revocation.number = next_decision_number(decision.issuer, signed_on.year)
    revocation.save()
    revocation.certificates.set(certificates)
    record(
        actor=actor,
        action="awards.revocation.issue",
        instance=revocation,
        after={**snapshot(revocation), "certificates": [c.pk for c in certificates]},
        note=reason[:500],
    )
    record_return(actor, revocation)
    return revocation


def recovered_amount(decision, certificates) -> int:
    """The bonus the revoked certificates got: as kept on each, else as the decision's
    bonus rows compute it on its signing date."""
    nominations = [c.nomination for c in certificates]
    rows = bonus_rows(decision, nominations, certificates).rows
    return sum(b.amount for _n, b in rows if b is not None and b.amount is not None)


def council_of_unit(unit):
    from vinhdanh.org.models import Council

    return Council.objects.filter(unit=unit).first()


@transaction.atomic
def revoke_decision(
    actor,
    decision: Decision,
    *,
    reason: str,
    ground: str = "",
    expected_version=None,
    signed_on: datetime.date | None = None,
) -> Decision:
    """Revoke a whole decision: its nominations and certificates stay, marked revoked, and
    a revocation decision of its own is issued."""
    require(actor, "awards.revoke_decision", decision)
    reason = _require_reason(reason)
    now = timezone.now()
    still_valid = list(Certificate.objects.filter(decision=decision, revoked_at__isnull=True))
    decision = transition(
        DECISIONS,
        actor,
        decision,
        "revoke",
        note=reason,
        expected_version=expected_version,
        revoked_at=now,
        revoke_reason=reason,
    )
    for nomination in decision.nominations.order_by("pk"):
        _revoke_award(actor, nomination, reason)
    revoked = Certificate.objects.filter(decision=decision, revoked_at__isnull=True).update(
        revoked_at=now, revoke_reason=reason
    )
    # One entry for the certificates revoked in bulk with their decision.
    record(
        actor=actor,
        action="awards.decision.revoke_certificates",
        instance=decision,
        after={"certificates_revoked": revoked},
        note=reason[:500],
    )
    _revocation(
        actor,
        decision,
        still_valid,
        reason=reason,
        ground=ground,
        whole=True,
        signed_on=signed_on,
    )
    return decision


@transaction.atomic
def revoke_certificate(
    actor,
    certificate: Certificate,
    *,
    reason: str,
    ground: str = "",
    expected_version=None,
    signed_on: datetime.date | None = None,
) -> Certificate:
    """Revoke one recipient's award (and certificate) without touching the others.

    `expected_version` is the nomination's, as the page showed it.
    """
    require(actor, "awards.revoke_certificate", certificate)
    reason = _require_reason(reason)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise ValidationError(_("Giấy chứng nhận này đã bị thu hồi."))
    before = snapshot(certificate)
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoke_reason=reason
    )
    certificate.refresh_from_db()
    record(
        actor=actor,
        action="awards.certificate.revoke",
        instance=certificate,
        before=before,
        after=snapshot(certificate),
        note=reason[:500],
    )
    _revoke_award(actor, certificate.nomination, reason, expected_version)
    _revocation(
        actor,
        certificate.decision,
        [certificate],
        reason=reason,
        ground=ground,
        whole=False,
        signed_on=signed_on,
    )
    return certificate
