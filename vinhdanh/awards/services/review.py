"""The standing office's appraisal, the public announcement, and the council's vote."""

import datetime
import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts.councils import acting_council
from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.checks import vote_passes
from vinhdanh.awards.eligibility import prefilled_checklist, require_valid_input
from vinhdanh.awards.guards import appraisal_refusal, notice_problem, overridden_checks
from vinhdanh.awards.models import (
    Appraisal,
    Ballot,
    Choice,
    CouncilVote,
    Nomination,
    Objection,
    PublicNotice,
    State,
)
from vinhdanh.awards.models.review import (
    OBJECTION_CONTACT_MAX,
    OBJECTION_CONTENT_MAX,
    OBJECTION_NAME_MAX,
)
from vinhdanh.awards.services import counting
from vinhdanh.awards.workflows import NOMINATIONS
from vinhdanh.org.models import Council, CouncilMember
from vinhdanh.workflow.engine import lock, transition
from vinhdanh.workflow.permissions import allows, require


@transaction.atomic
def return_nomination(actor, nomination, *, reasons: str, expected_version=None) -> Nomination:
    require(actor, "awards.return_nomination", nomination)
    if not reasons.strip():
        raise ValidationError({"reasons": _("Cần ghi rõ lý do trả lại và nội dung cần bổ sung.")})
    return transition(
        NOMINATIONS,
        actor,
        nomination,
        "return",
        note=reasons.strip(),
        expected_version=expected_version,
    )


@transaction.atomic
def appraise_nomination(
    actor,
    nomination,
    *,
    passed: bool,
    reasons: str = "",
    confirmed: dict | None = None,
    expected_version=None,
) -> Appraisal:
    """Record the appraisal; the checklist starts from the rules engine's verdict.

    `confirmed` maps a checklist rule to the appraiser's own finding (True/False).
    """
    require(actor, "awards.appraise_nomination", nomination)
    current = lock(NOMINATIONS, nomination, expected_version)
    if not passed and not reasons.strip():
        raise ValidationError({"reasons": _("Hồ sơ không đạt cần ghi rõ lý do.")})
    require_valid_input(current)  # the engine's refusal of the facts, in its own words
    rows, verdict, law = prefilled_checklist(current)
    confirmed = confirmed or {}
    for row in rows:
        row["confirmed"] = confirmed.get(row["rule"], row["engine"])
    refusal = appraisal_refusal(rows, passed=passed, reasons=reasons)
    if refusal:
        raise ValidationError(refusal)
    for row in overridden_checks(rows):  # the record says which finding the appraiser overrode
        row["overridden"] = True
    current = transition(
        NOMINATIONS,
        actor,
        current,
        "appraise",
        to=State.APPRAISED if passed else State.REJECTED,
        note=reasons.strip(),
    )
    appraisal = Appraisal.objects.create(
        nomination=current,
        appraiser=actor,
        passed=passed,
        checklist=rows,
        engine_verdict=verdict,
        law=law,
        reasons=reasons.strip(),
    )
    record(
        actor=actor, action="awards.appraisal.create", instance=appraisal, after=snapshot(appraisal)
    )
    return appraisal


@transaction.atomic
def announce_nomination(
    actor,
    nomination,
    *,
    starts_on: datetime.date,
    ends_on: datetime.date,
    where: str = "",
    expected_version=None,
) -> PublicNotice:
    require(actor, "awards.announce_nomination", nomination)
    current = transition(
        NOMINATIONS,
        actor,
        nomination,
        "announce",
        note=f"{starts_on:%d/%m/%Y} – {ends_on:%d/%m/%Y}",
        expected_version=expected_version,
    )
    # From today, for the working days the law asks (the calendar's holidays skipped);
    # checked after the state's check, the transaction undoing the step when refused.
    refusal = notice_problem(starts_on, ends_on, today=timezone.localdate())
    if refusal:
        raise ValidationError(refusal)
    notice = PublicNotice.objects.create(
        nomination=current, starts_on=starts_on, ends_on=ends_on, where=where, posted_by=actor
    )
    record(actor=actor, action="awards.notice.create", instance=notice, after=snapshot(notice))
    return notice


def objection_audit(objection: Objection) -> dict:
    """What the audit log keeps of an objection: references and a digest, not the
    person's name and contact, nor a copy of the whole text (which stays on the row)."""
    return {
        "notice": objection.notice_id,
        "nomination": objection.notice.nomination_id,
        "content_chars": len(objection.content),
        "content_sha256": hashlib.sha256(objection.content.encode()).hexdigest(),
        "has_contact": bool(objection.contact),
        "answer_chars": len(objection.answer),
        "answered_by": objection.answered_by_id,
    }


def _check_objection_lengths(filed_by: str, content: str, contact: str) -> None:
    errors = {}
    if len(filed_by) > OBJECTION_NAME_MAX:
        errors["filed_by"] = _("Họ tên dài quá %d ký tự.") % OBJECTION_NAME_MAX
    if len(contact) > OBJECTION_CONTACT_MAX:
        errors["contact"] = _("Thông tin liên hệ dài quá %d ký tự.") % OBJECTION_CONTACT_MAX
    if len(content) > OBJECTION_CONTENT_MAX:
        errors["content"] = _(
            "Nội dung ý kiến dài %(length)d ký tự, vượt quá giới hạn %(limit)d ký tự. "
            "Xin rút gọn hoặc gửi văn bản đầy đủ tới cơ quan thường trực."
        ) % {"length": len(content), "limit": OBJECTION_CONTENT_MAX}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def file_objection(notice: PublicNotice, *, filed_by: str, content: str, contact: str = ""):
    """Anyone, signed in or not, may object while the notice is open."""
    today = timezone.localdate()
    if notice.nomination.state != State.ANNOUNCED or not (
        notice.starts_on <= today <= notice.ends_on
    ):
        raise ValidationError(_("Thời gian lấy ý kiến đối với hồ sơ này đã kết thúc."))
    filed_by, content, contact = filed_by.strip(), content.strip(), contact.strip()
    if not filed_by or not content:
        raise ValidationError(_("Cần ghi họ tên người góp ý và nội dung ý kiến."))
    _check_objection_lengths(filed_by, content, contact)
    objection = Objection.objects.create(
        notice=notice, filed_by=filed_by, contact=contact, content=content
    )
    record(
        actor=None,
        action="awards.objection.file",
        instance=objection,
        after=objection_audit(objection),
    )
    return objection


@transaction.atomic
def answer_objection(actor, objection: Objection, *, answer: str) -> Objection:
    require(actor, "awards.answer_objection", objection.notice.nomination)
    if not answer.strip():
        raise ValidationError({"answer": _("Cần nhập nội dung trả lời.")})
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    before = objection_audit(objection)
    objection.answer = answer.strip()
    objection.answered_by = actor
    objection.answered_at = timezone.now()
    objection.save()
    record(
        actor=actor,
        action="awards.objection.answer",
        instance=objection,
        before=before,
        # The answer is the office's own act, kept in full; the objection is not.
        after={**objection_audit(objection), "answer": objection.answer},
    )
    return objection


def council_of(actor) -> Council:
    council = acting_council(actor)
    if council is None:
        raise ValidationError(_("Chưa khai báo Hội đồng Thi đua - Khen thưởng."))
    return council


def threshold_for(title, council=None) -> tuple[Decimal, bool, str]:
    """The vote's threshold from the rule settings of the council's province."""
    return counting.threshold_for(title, council)


@transaction.atomic
def open_vote(actor, nomination, *, expected_version=None) -> CouncilVote:
    # The guard checks the notice, the objections and the council (workflows.vote_may_open).
    current = transition(
        NOMINATIONS, actor, nomination, "open_vote", expected_version=expected_version
    )
    council = council_of(actor)
    threshold, strictly_above, note = threshold_for(current.title, council)
    vote = CouncilVote.objects.create(
        nomination=current,
        council=council,
        members_count=council.members.count(),
        threshold=threshold,
        strictly_above=strictly_above,
        threshold_note=note,
    )
    record(actor=actor, action="awards.vote.open", instance=vote, after=snapshot(vote))
    return vote


def _not_at_a_meeting(vote: CouncilVote) -> None:
    """A vote held at a meeting is counted on the meeting's page, against its attendance."""
    if counting.item_of(vote) is not None:
        raise ValidationError(
            _("Hồ sơ đang được biểu quyết tại phiên họp Hội đồng: bỏ phiếu trên trang phiên họp.")
        )


@transaction.atomic
def cast_ballot(actor, vote: CouncilVote, *, choice: str) -> Ballot:
    if not allows(actor, "awards.cast_ballot", vote):
        raise PermissionDenied(_("Chỉ thành viên Hội đồng được bỏ phiếu."))
    if choice not in Choice.values:
        raise ValidationError(_("Lựa chọn không hợp lệ."))
    member = CouncilMember.objects.get(user=actor, council_id=vote.council_id)
    vote = CouncilVote.objects.select_for_update().get(pk=vote.pk)
    if not vote.is_open:
        raise ValidationError(_("Phiên bỏ phiếu đã kết thúc."))
    _not_at_a_meeting(vote)
    ballot, _created = Ballot.objects.update_or_create(
        vote=vote, member=member, defaults={"choice": choice}
    )
    record(actor=actor, action="awards.vote.ballot", instance=ballot, after=snapshot(ballot))
    return ballot


def incomplete_refusal(actor, nomination, missing: list[str], reason: str) -> str | None:
    """Why closing is refused while members have not voted; None when it may go on.

    Only the chairman may close then, and only with a written reason (kept in the history
    and the audit log).
    """
    if not missing:
        return None
    if not allows(actor, "awards.confirm_incomplete_vote", nomination):
        return _(
            "%(missing)s Chưa thể kết thúc bỏ phiếu: cần ghi nhận phiếu của các thành viên "
            "này, hoặc Chủ tịch Hội đồng (chủ trì) xác nhận kết thúc với lý do bằng văn bản."
        ) % {"missing": " ".join(missing)}
    if not reason.strip():
        return _(
            "%(missing)s Cần ghi rõ lý do kết thúc bỏ phiếu khi còn thành viên chưa biểu quyết."
        ) % {"missing": " ".join(missing)}
    return None


@transaction.atomic
def close_vote(
    actor, vote: CouncilVote, *, expected_version=None, override_reason: str = ""
) -> CouncilVote:
    """Count the vote over the whole membership and move the dossier to voted / not approved.

    Online ballots count with the counts recorded at the meeting the vote belongs to. While a
    member expected to vote (every member; at a meeting, every present member) has not, only
    the chairman may close, with a written reason.
    """
    require(actor, "awards.close_vote", vote.nomination)
    # The nomination first, then its vote: the order every writer takes them in.
    current = lock(NOMINATIONS, vote.nomination, expected_version)
    vote = CouncilVote.objects.select_for_update().get(pk=vote.pk)
    if not vote.is_open:
        raise ValidationError(_("Phiên bỏ phiếu đã kết thúc."))
    item = counting.item_of(vote)
    count, names = counting.missing_votes(vote, item)
    missing = [counting.missing_message(current, count, names)] if count else []
    refusal = incomplete_refusal(actor, current, missing, override_reason)
    if refusal:
        raise ValidationError(refusal)
    before = snapshot(vote)
    counts = counting.totals(vote, counting.ballots_of(vote), item)
    vote.agree = counts[Choice.AGREE]
    vote.disagree = counts[Choice.DISAGREE]
    vote.abstain = counts[Choice.ABSTAIN]
    vote.passed = vote_passes(
        vote.agree, vote.members_count, vote.threshold, strictly_above=vote.strictly_above
    )
    vote.closed_at = timezone.now()
    vote.save()
    note = _("Đồng ý %(agree)s/%(members)s thành viên; tỷ lệ yêu cầu %(share)s%%") % {
        "agree": vote.agree,
        "members": vote.members_count,
        "share": f"{vote.threshold * 100:.0f}",
    }
    if missing:
        note += (
            ". "
            + missing[0]
            + " "
            + _("Chủ tịch xác nhận kết thúc, lý do: %s") % (override_reason.strip())
        )
    transition(
        NOMINATIONS,
        actor,
        current,
        "close_vote",
        to=State.VOTED if vote.passed else State.NOT_APPROVED,
        note=note,
    )
    record(
        actor=actor,
        action="awards.vote.close",
        instance=vote,
        before=before,
        after=snapshot(vote),
        note=(override_reason.strip() if missing else "")[:500],
    )
    return vote


@transaction.atomic
def record_ballot(actor, vote: CouncilVote, *, member: CouncilMember, choice: str) -> Ballot:
    """The secretary enters a paper ballot cast at the council's meeting."""
    require(actor, "awards.record_ballot", vote.nomination)
    if choice not in Choice.values:
        raise ValidationError(_("Lựa chọn không hợp lệ."))
    vote = CouncilVote.objects.select_for_update().get(pk=vote.pk)
    if not vote.is_open:
        raise ValidationError(_("Phiên bỏ phiếu đã kết thúc."))
    if member.council_id != vote.council_id:
        raise ValidationError(_("Người này không phải thành viên Hội đồng."))
    _not_at_a_meeting(vote)
    ballot, _created = Ballot.objects.update_or_create(
        vote=vote, member=member, defaults={"choice": choice}
    )
    record(actor=actor, action="awards.vote.paper_ballot", instance=ballot, after=snapshot(ballot))
    return ballot


@transaction.atomic
def forget_old_objection_contacts(*, now=None) -> int:
    """Blank the name and contact of objections older than the retention period.

    The objection's text and answer stay with the dossier; only the personal data the
    privacy notice promised to keep for OBJECTION_RETENTION_YEARS goes.
    """
    now = now or timezone.now()
    years = settings.OBJECTION_RETENTION_YEARS
    try:
        cutoff = now.replace(year=now.year - years)
    except ValueError:  # 29 February
        cutoff = now.replace(year=now.year - years, day=28)
    old = Objection.objects.filter(filed_at__lt=cutoff).exclude(filed_by="", contact="")
    count = 0
    for objection in old.select_related("notice").select_for_update():
        objection.filed_by = objection.contact = ""
        objection.save(update_fields=["filed_by", "contact"])
        record(
            actor=None,
            action="awards.objection.forget_contact",
            instance=objection,
            after=objection_audit(objection),
            note=f"Quá thời hạn lưu {years} năm",
        )
        count += 1
    return count
