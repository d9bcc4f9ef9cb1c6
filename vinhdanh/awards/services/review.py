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
from vinhdanh.awards.catalogue_loader import DEFAULT_VOTE_THRESHOLD
from vinhdanh.awards.checks import vote_passes
from vinhdanh.awards.eligibility import prefilled_checklist, require_valid_input
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
    if passed and any(row["confirmed"] is False for row in rows):
        raise ValidationError(
            _("Còn tiêu chí không đạt trong danh mục kiểm tra; không thể kết luận “đạt”.")
        )
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
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc công khai phải sau ngày bắt đầu.")})
    current = transition(
        NOMINATIONS,
        actor,
        nomination,
        "announce",
        note=f"{starts_on:%d/%m/%Y} – {ends_on:%d/%m/%Y}",
        expected_version=expected_version,
    )
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


def threshold_for(title) -> tuple[Decimal, bool, str]:
    if title.vote_threshold is not None:
        return (
            title.vote_threshold,
            False,
            _("Tỷ lệ cấu hình cho “%s” (trên tổng số thành viên Hội đồng)") % title.name,
        )
    return Decimal(DEFAULT_VOTE_THRESHOLD), True, _("Quá bán tổng số thành viên Hội đồng")


@transaction.atomic
def open_vote(actor, nomination, *, expected_version=None) -> CouncilVote:
    # The guard checks the notice, the objections and the council (workflows.vote_may_open).
    current = transition(
        NOMINATIONS, actor, nomination, "open_vote", expected_version=expected_version
    )
    council = council_of(actor)
    threshold, strictly_above, note = threshold_for(current.title)
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
    ballot, _created = Ballot.objects.update_or_create(
        vote=vote, member=member, defaults={"choice": choice}
    )
    record(actor=actor, action="awards.vote.ballot", instance=ballot, after=snapshot(ballot))
    return ballot


@transaction.atomic
def close_vote(actor, vote: CouncilVote, *, expected_version=None) -> CouncilVote:
    require(actor, "awards.close_vote", vote.nomination)
    # The nomination first, then its vote: the order every writer takes them in.
    current = lock(NOMINATIONS, vote.nomination, expected_version)
    vote = CouncilVote.objects.select_for_update().get(pk=vote.pk)
    if not vote.is_open:
        raise ValidationError(_("Phiên bỏ phiếu đã kết thúc."))
    before = snapshot(vote)
    counts = {choice: vote.ballots.filter(choice=choice).count() for choice in Choice.values}
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
    transition(
        NOMINATIONS,
        actor,
        current,
        "close_vote",
        to=State.VOTED if vote.passed else State.NOT_APPROVED,
        note=note,
    )
    record(
        actor=actor, action="awards.vote.close", instance=vote, before=before, after=snapshot(vote)
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
