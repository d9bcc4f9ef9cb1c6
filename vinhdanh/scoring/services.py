"""Business actions on criteria sheets and scores.

Stages: the unit scores itself (with evidence), the cluster head reviews and
adjusts (with reasons), the council's office adjusts last (with reasons). Each
criterion is its own row with a version, so two people saving different criteria
never collide, and a save made from a stale page is refused with what changed.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.models import Role
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET, validate_upload
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import rules
from vinhdanh.scoring.models import (
    CriteriaSheet,
    Criterion,
    Score,
    Scorecard,
    ScoreEvidence,
    Section,
)
from vinhdanh.scoring.sheet_import import WorkbookUnreadable, parse_sheet

SELF, REVIEW, FINAL = "self", "review", "final"
OFFICE = (Role.ADMIN, Role.STANDING_OFFICE)
_FIELDS = {
    SELF: ("self_points", "evidence"),
    REVIEW: ("review_points", "review_reason"),
    FINAL: ("final_points", "final_reason"),
}


class ScoreConflict(ValidationError):
    """Someone else changed the same criteria since the page was loaded."""


@transaction.atomic
def create_sheet(actor, cluster: Cluster, *, title: str, deadline, sections) -> CriteriaSheet:
    """`sections`: [(section title, [CriterionSpec, ...]), ...]."""
    access.require_role(actor, *OFFICE)
    if CriteriaSheet.objects.filter(cluster=cluster, scorecards__scores__version__gt=0).exists():
        raise ValidationError(_("Cụm đã bắt đầu chấm điểm, không thay bảng tiêu chí được nữa."))
    if not sections:
        raise ValidationError(_("Bảng tiêu chí phải có ít nhất một tiêu chí."))
    CriteriaSheet.objects.filter(cluster=cluster).delete()
    sheet = CriteriaSheet(cluster=cluster, title=title.strip() or str(cluster), deadline=deadline)
    sheet.full_clean()
    sheet.save()
    for s_order, (section_title, specs) in enumerate(sections, start=1):
        section = Section.objects.create(sheet=sheet, order=s_order, title=section_title)
        Criterion.objects.bulk_create(
            [
                Criterion(
                    section=section,
                    order=c_order,
                    code=spec.code,
                    text=spec.text,
                    max_points=spec.max_points,
                    kind=spec.kind,
                    evidence_required=spec.evidence_required,
                )
                for c_order, spec in enumerate(specs, start=1)
            ]
        )
    for unit in cluster.members.all():
        _start_scorecard(sheet, unit)
    record(
        actor=actor,
        action="scoring.sheet.create",
        instance=sheet,
        after=snapshot(sheet),
        note=_("%(count)d tiêu chí") % {"count": sum(len(s) for _t, s in sections)},
    )
    return sheet


def _start_scorecard(sheet: CriteriaSheet, unit) -> Scorecard:
    card, _created = Scorecard.objects.get_or_create(sheet=sheet, unit=unit)
    criteria = Criterion.objects.filter(section__sheet=sheet)
    Score.objects.bulk_create(
        [Score(scorecard=card, criterion=c) for c in criteria], ignore_conflicts=True
    )
    return card


@transaction.atomic
def import_sheet(actor, cluster: Cluster, *, filename: str, content: bytes, title: str, deadline):
    validate_upload(
        filename, content, allowed=SPREADSHEET, max_uncompressed=IMPORT_MAX_UNCOMPRESSED
    )
    try:
        parsed = parse_sheet(content)
    except WorkbookUnreadable as error:
        raise ValidationError(str(error)) from error
    if parsed.errors:
        raise ValidationError(
            [
                _("Dòng %(row)d: %(message)s") % {"row": e.row, "message": e.message}
                for e in parsed.errors
            ]
        )
    return create_sheet(actor, cluster, title=title, deadline=deadline, sections=parsed.sections)


def _change_sheet(actor, sheet: CriteriaSheet, action: str, **changes) -> CriteriaSheet:
    access.require_role(actor, *OFFICE)
    before = snapshot(sheet)
    for field, value in changes.items():
        setattr(sheet, field, value)
    sheet.save(update_fields=list(changes))
    record(actor=actor, action=action, instance=sheet, before=before, after=snapshot(sheet))
    return sheet


@transaction.atomic
def set_deadline(actor, sheet: CriteriaSheet, deadline) -> CriteriaSheet:
    # A new deadline reopens a sheet that was locked at the old one.
    return _change_sheet(actor, sheet, "scoring.sheet.deadline", deadline=deadline, locked_at=None)


@transaction.atomic
def lock_sheet(actor, sheet: CriteriaSheet) -> CriteriaSheet:
    return _change_sheet(actor, sheet, "scoring.sheet.lock", locked_at=timezone.now())


@transaction.atomic
def finalise_sheet(actor, sheet: CriteriaSheet) -> CriteriaSheet:
    return _change_sheet(actor, sheet, "scoring.sheet.finalise", finalised_at=timezone.now())


def stage_for(user, card: Scorecard) -> str | None:
    """The stage this user scores at on this card, if any."""
    role = access.role_of(user)
    if role in OFFICE:
        return FINAL
    cluster = card.sheet.cluster
    if (
        role == Role.CLUSTER_HEAD
        and user.unit_id == cluster.head_id
        and card.unit_id != user.unit_id
    ):
        return REVIEW
    if role in access.UNIT_SCOPED_EDITORS and user.unit_id == card.unit_id:
        return SELF
    return None


def _require_stage(actor, card: Scorecard, stage: str) -> None:
    cluster = card.sheet.cluster
    if not cluster.members.filter(pk=card.unit_id).exists():
        raise ValidationError(_("Đơn vị không thuộc cụm thi đua của bảng điểm này."))
    if stage == SELF:
        access.require_role(actor, *access.UNIT_SCOPED_EDITORS)
        if actor.unit_id != card.unit_id:
            raise PermissionDenied(_("Đơn vị chỉ tự chấm điểm cho chính mình."))
        if not cluster.members.filter(pk=actor.unit_id).exists():
            raise PermissionDenied(_("Đơn vị của bạn không thuộc cụm thi đua này."))
    elif stage == REVIEW:
        if access.role_of(actor) != Role.CLUSTER_HEAD or actor.unit_id != cluster.head_id:
            raise PermissionDenied(_("Chỉ cụm trưởng của cụm này được thẩm định điểm."))
    elif stage == FINAL:
        access.require_role(actor, *OFFICE)
    else:
        raise ValidationError(_("Bước chấm điểm không hợp lệ."))
    sheet = card.sheet
    if sheet.finalised_at:
        raise ValidationError(_("Kết quả chấm điểm đã được chốt, không sửa được."))
    if stage != FINAL and sheet.is_locked:
        raise ValidationError(
            _("Bảng điểm đã khóa (hạn chấm điểm %(day)s); chỉ Hội đồng còn điều chỉnh được.")
            % {"day": sheet.deadline.strftime("%d/%m/%Y") if sheet.deadline else "—"}
        )


def _describe_change(score: Score) -> str:
    who = score.updated_by.get_full_name() or score.updated_by.username if score.updated_by else ""
    when = (
        timezone.localtime(score.updated_at).strftime("%H:%M %d/%m/%Y") if score.updated_at else ""
    )
    parts = [
        f"tự chấm {score.self_points}" if score.self_points is not None else "",
        f"cụm trưởng {score.review_points}" if score.review_points is not None else "",
        f"Hội đồng {score.final_points}" if score.final_points is not None else "",
    ]
    values = ", ".join(p for p in parts if p) or "xóa điểm"
    return _("Tiêu chí %(code)s đã được %(who)s sửa lúc %(when)s (hiện là: %(values)s).") % {
        "code": score.criterion.code,
        "who": who,
        "when": when,
        "values": values,
    }


@transaction.atomic
def save_scores(actor, card: Scorecard, *, stage: str, changes: dict, versions: dict) -> int:
    """Save points and notes of one stage; `changes`: {criterion id: (points text, note)}.

    `versions`: {criterion id: version seen on the page}. Returns how many rows changed.
    """
    card = Scorecard.objects.select_related("sheet__cluster").get(pk=card.pk)
    _require_stage(actor, card, stage)
    rows = {
        s.criterion_id: s
        for s in Score.objects.select_for_update(of=("self",))
        .select_related("criterion", "updated_by")
        .filter(scorecard=card, criterion_id__in=list(changes))
    }
    unknown = set(changes) - set(rows)
    if unknown:
        raise ValidationError(_("Có tiêu chí không thuộc bảng điểm này."))
    stale = [rows[cid] for cid in changes if rows[cid].version != versions.get(cid, -1)]
    if stale:
        raise ScoreConflict(
            [_("Bảng điểm vừa được người khác sửa; chưa lưu gì. Hãy tải lại để xem thay đổi:")]
            + [_describe_change(score) for score in stale]
        )
    points_field, note_field = _FIELDS[stage]
    errors, updates = [], []
    for cid, (raw, note) in changes.items():
        score = rows[cid]
        criterion = score.criterion
        try:
            value = rules.parse_points(raw, max_points=criterion.max_points, label=criterion.code)
        except ValueError as error:
            errors.append(str(error))
            continue
        note = (note or "").strip()
        if value == getattr(score, points_field) and note == getattr(score, note_field):
            continue
        if (
            stage == SELF
            and value
            and criterion.evidence_required
            and not note
            and not score.evidence_files.exists()
        ):
            errors.append(_("Tiêu chí %(code)s cần ghi minh chứng.") % {"code": criterion.code})
        if stage != SELF and value is not None and not note:
            errors.append(
                _("Tiêu chí %(code)s: ghi lý do khi điều chỉnh điểm.") % {"code": criterion.code}
            )
        updates.append((score, value, note))
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    for score, value, note in updates:
        before = snapshot(score)
        setattr(score, points_field, value)
        setattr(score, note_field, note)
        score.version += 1
        score.updated_by = actor
        score.updated_at = now
        score.save()
        record(
            actor=actor,
            action=f"scoring.score.{stage}",
            instance=score,
            before=before,
            after=snapshot(score),
        )
    if stage == REVIEW and updates:
        Scorecard.objects.filter(pk=card.pk).update(reviewed_at=now)
    return len(updates)


@transaction.atomic
def attach_evidence(actor, card: Scorecard, *, criterion_id: int, filename: str, content: bytes):
    """A file backing the unit's own score on one criterion (checked like every upload)."""
    from django.core.files.base import ContentFile

    card = Scorecard.objects.select_related("sheet__cluster").get(pk=card.pk)
    _require_stage(actor, card, SELF)
    score = Score.objects.filter(scorecard=card, criterion_id=criterion_id).first()
    if score is None:
        raise ValidationError(_("Có tiêu chí không thuộc bảng điểm này."))
    kind = validate_upload(filename, content)
    evidence = ScoreEvidence(score=score, name=filename[:255], kind=kind, uploaded_by=actor)
    evidence.file.save(filename, ContentFile(content), save=False)
    evidence.save()
    record(
        actor=actor,
        action="scoring.evidence.attach",
        instance=evidence,
        after=snapshot(evidence),
    )
    return evidence


@transaction.atomic
def submit_scorecard(actor, card: Scorecard) -> Scorecard:
    card = Scorecard.objects.select_related("sheet__cluster").get(pk=card.pk)
    _require_stage(actor, card, SELF)
    missing = card.scores.filter(self_points__isnull=True, criterion__kind="standard")
    if missing.exists():
        codes = ", ".join(missing.values_list("criterion__code", flat=True)[:10])
        raise ValidationError(_("Chưa tự chấm các tiêu chí: %(codes)s.") % {"codes": codes})
    before = snapshot(card)
    card.submitted_at = timezone.now()
    card.save(update_fields=["submitted_at"])
    record(
        actor=actor,
        action="scoring.scorecard.submit",
        instance=card,
        before=before,
        after=snapshot(card),
    )
    return card
