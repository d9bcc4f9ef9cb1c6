"""Dossiers that travel up (trình cấp trên) and what comes back down.

A council sends the dossiers it passed but may not confer in one `Submission` with one
generated tờ trình. Sent to the council above in this instance, each dossier lands in
that council's inbox as a received copy (a `Nomination` in SUBMITTED, `received_in` the
submission, `forwarded_from` the original) carrying copies of its files and the lower
vote; the higher council moves it through the same NOMINATIONS workflow. Sending it back
or deciding on it writes the outcome on the sender's original in the same transaction
(`returned_above`, `decided_above`), so both sides always agree on where it is.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.authority import destination_refusal, forward_refusal
from vinhdanh.awards.documents_out import forwarding_letter
from vinhdanh.awards.guards import event_date_refusal
from vinhdanh.awards.models import Attachment, Nomination, State, Submission
from vinhdanh.awards.services.nominations import MAX_ATTACHMENT_BYTES
from vinhdanh.awards.services.review import council_of
from vinhdanh.awards.workflows import NOMINATIONS
from vinhdanh.core.uploads import validate_upload
from vinhdanh.org.models import Council
from vinhdanh.workflow.engine import lock, transition
from vinhdanh.workflow.permissions import require

FORWARDABLE = frozenset(NOMINATIONS.action("forward").sources)


def councils_above(council: Council) -> list[Council]:
    """The councils of the council's unit's ancestors, the nearest first."""
    ancestors = council.unit.ancestors()
    by_unit = {c.unit_id: c for c in Council.objects.filter(unit__in=ancestors)}
    return [by_unit[unit.pk] for unit in reversed(ancestors) if unit.pk in by_unit]


def council_above(council: Council) -> Council | None:
    above = councils_above(council)
    return above[0] if above else None


def vote_summary(nomination: Nomination) -> str:
    vote = nomination.votes.filter(closed_at__isnull=False).select_related("council").first()
    if vote is None:
        return ""
    return _(
        "%(council)s: đồng ý %(agree)s/%(members)s thành viên (%(day)s), tỷ lệ yêu cầu %(share)s%%"
    ) % {
        "council": vote.council.name,
        "agree": vote.agree,
        "members": vote.members_count,
        "day": f"{timezone.localtime(vote.closed_at):%d/%m/%Y}",
        "share": f"{vote.threshold * 100:.0f}",
    }


def _destination(sender: Council, to_council, external_body: str):
    external_body = (external_body or "").strip()
    if to_council is not None and external_body:
        raise ValidationError(
            _("Chọn Hội đồng cấp trên hoặc ghi tên cơ quan ngoài hệ thống, không cả hai.")
        )
    if external_body:
        return None, external_body
    above = councils_above(sender)
    if to_council is None:
        if not above:
            raise ValidationError(
                _("%s không có Hội đồng cấp trên trong hệ thống; ghi tên cơ quan cấp trên.")
                % sender.name
            )
        return above[0], ""
    if to_council.pk not in {c.pk for c in above}:
        raise ValidationError(
            _(
                "“%(to)s” không phải Hội đồng cấp trên của %(sender)s; chỉ trình hồ sơ lên "
                "Hội đồng của đơn vị cấp trên."
            )
            % {"to": to_council.name, "sender": sender.name}
        )
    return to_council, ""


def _copy_attachments(actor, original: Nomination, copy: Nomination) -> None:
    """The higher council gets its own copy of each file, through the upload gate again."""
    for attachment in original.attachments.select_related("component").order_by("pk"):
        with attachment.file.open("rb") as handle:
            content = handle.read()
        kind = validate_upload(attachment.original_name, content, max_bytes=MAX_ATTACHMENT_BYTES)
        item = Attachment(
            nomination=copy,
            component=attachment.component,
            original_name=attachment.original_name,
            file_kind=kind,
            size=len(content),
            uploaded_by=attachment.uploaded_by,
        )
        item.file.save(attachment.original_name, ContentFile(content), save=False)
        item.save()
        record(
            actor=actor,
            action="awards.attachment.copy_up",
            instance=item,
            after={**snapshot(item), "copied_from": attachment.pk},
        )


def _received_copy(actor, original: Nomination, submission: Submission, vote: str) -> Nomination:
    copy = Nomination.objects.create(
        unit=original.unit,
        person=original.person,
        collective=original.collective,
        title=original.title,
        basis=original.basis,
        year=original.year,
        event=original.event,
        achievements=original.achievements,
        # In the higher council's hands as a dossier its standing office has to appraise.
        state=State.SUBMITTED,
        forwarded_from=original,
        received_in=submission,
        lower_vote=vote[:300],
        created_by=actor,
    )
    _copy_attachments(actor, original, copy)
    record(actor=actor, action="awards.nomination.receive", instance=copy, after=snapshot(copy))
    return copy


@transaction.atomic
def forward_nominations(
    actor,
    nominations,
    *,
    to_council: Council | None = None,
    external_body: str = "",
    letter_number: str = "",
    note: str = "",
    expected_versions: dict | None = None,
    letter_date: datetime.date | None = None,
) -> Submission:
    """Send passed dossiers up as one submission; nothing moves if one of them may not.

    `letter_date` is the day the tờ trình is signed, as typed (the pages ask for it);
    without it (the demo, a command) the letter is dated today.
    """
    nominations = list(nominations)
    if not nominations:
        raise ValidationError(_("Chưa chọn hồ sơ nào để trình cấp trên."))
    refusal = letter_date and event_date_refusal(
        letter_date, today=timezone.localdate(), field="letter_date", what=_("ngày tờ trình")
    )
    if refusal:
        raise ValidationError(refusal)
    sender = council_of(actor)
    expected_versions = expected_versions or {}
    today = letter_date or timezone.localdate()  # authority is asked on the letter's day
    locked = []
    for nomination in sorted(nominations, key=lambda n: n.pk):  # a fixed order avoids deadlocks
        require(actor, "awards.export_dossier", nomination)
        current = lock(NOMINATIONS, nomination, expected_versions.get(nomination.pk))
        if current.state not in FORWARDABLE:
            raise ValidationError(
                _("“%(name)s” chưa được Hội đồng thông qua (trạng thái: %(state)s).")
                % {"name": current.subject_name, "state": current.get_state_display()}
            )
        # Authority on the letter's day: the sender's own, or nobody's (see authority.py).
        refusal = forward_refusal(sender, current.title, today)
        if refusal:
            raise ValidationError(f"“{current.subject_name}”: {refusal}")
        require(actor, "awards.forward_nomination", current)
        locked.append(current)
    to_council, external_body = _destination(sender, to_council, external_body)
    refusal = destination_refusal(to_council, today) if to_council is not None else None
    if refusal:
        raise ValidationError(refusal)
    submission = Submission.objects.create(
        from_council=sender,
        to_council=to_council,
        external_body=external_body,
        letter_number=letter_number.strip(),
        note=note.strip(),
        created_by=actor,
    )
    votes = {n.pk: vote_summary(n) for n in locked}
    rows = list(
        Nomination.objects.filter(pk__in=[n.pk for n in locked])
        .select_related("person__unit", "collective__parent", "title")
        .order_by("pk")
    )
    letter = forwarding_letter(submission, rows, votes, day=letter_date)
    submission.letter.save(f"to-trinh-cap-tren-{submission.pk}.docx", ContentFile(letter))
    record(
        actor=actor,
        action="awards.submission.send",
        instance=submission,
        after={**snapshot(submission), "nominations": [n.pk for n in locked]},
    )
    destination = submission.destination
    for current in locked:
        transition(
            NOMINATIONS,
            actor,
            current,
            "forward",
            note=" – ".join(part for part in (destination, note.strip()) if part),
            submission=submission,
        )
        if to_council is not None:
            _received_copy(actor, current, submission, votes[current.pk])
    return submission


@transaction.atomic
def forward_to_higher_level(
    actor,
    nomination,
    *,
    note: str = "",
    expected_version=None,
    to_council: Council | None = None,
    external_body: str = "",
    letter_number: str = "",
    letter_date: datetime.date | None = None,
) -> Submission:
    """One dossier sent up: a submission of one."""
    return forward_nominations(
        actor,
        [nomination],
        to_council=to_council,
        external_body=external_body,
        letter_number=letter_number,
        note=note,
        expected_versions={nomination.pk: expected_version},
        letter_date=letter_date,
    )


@transaction.atomic
def send_back(actor, nomination, *, reasons: str, expected_version=None) -> Nomination:
    """The council above returns a received dossier; the sender's original says why."""
    require(actor, "awards.send_back_nomination", nomination)
    reasons = reasons.strip()
    if not reasons:
        raise ValidationError({"reasons": _("Cần ghi rõ lý do trả lại cấp dưới.")})
    copy = transition(
        NOMINATIONS, actor, nomination, "send_back", note=reasons, expected_version=expected_version
    )
    transition(NOMINATIONS, actor, copy.forwarded_from, "returned_above", note=reasons)
    return copy


def report_decision_down(actor, nomination: Nomination, decision) -> None:
    """A decision on a received dossier is the sender's decision too: it reaches the original."""
    if nomination.forwarded_from_id is None:
        return
    transition(
        NOMINATIONS,
        actor,
        nomination.forwarded_from,
        "decided_above",
        note=_("%(reference)s ngày %(day)s của %(issuer)s")
        % {
            "reference": decision.reference,
            "day": f"{decision.signed_on:%d/%m/%Y}",
            "issuer": decision.external_issuer or decision.issuer.name,
        },
        decision=decision,
    )
