"""Business actions on criteria sheets and scores.

Stages: the unit scores itself (with evidence), the cluster head reviews and
adjusts (with reasons), the council's office adjusts last (with reasons). Each
criterion is its own row with a version, so two people saving different criteria
never collide, and a save made from a stale page is refused with what changed.
The sheet's and the scorecard's states move through `workflows.py` and the engine.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET, validate_upload
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import permissions as perms
from vinhdanh.scoring import rules
from vinhdanh.scoring.models import (
    Covenant,
    CriteriaSheet,
    Criterion,
    Score,
    Scorecard,
    ScorecardState,
    ScoreEvidence,
    Section,
)
from vinhdanh.scoring.sheet_import import WorkbookUnreadable, parse_sheet
from vinhdanh.scoring.workflows import (
    FINAL,
    REVIEW,
    SCORECARDS,
    SELF,
    SHEETS,
    sheet_closed_reason,
)
from vinhdanh.workflow.engine import lock, transition
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.table import ActionRefused

# Each stage's permission, points and note.
STAGE_PERMISSIONS = {
    SELF: perms.SCORE_OWN_CARD,
    REVIEW: perms.REVIEW_SCORECARD,
    FINAL: perms.ADJUST_SCORECARD,
}
_FIELDS = {
    SELF: ("self_points", "evidence"),
    REVIEW: ("review_points", "review_reason"),
    FINAL: ("final_points", "final_reason"),
}


class ScoreConflict(ValidationError):
    """Someone else changed the same criteria since the page was loaded."""


class ScoreCellErrors(ValidationError):
    """Scores refused, each message with the cell it belongs to: `cells` maps
    (criterion id, "points" or "note") to its messages; nothing of the save was written."""

    def __init__(self, messages: list[str], cells: dict[tuple[int, str], list[str]]):
        self.cells = cells
        self.plain = messages
        super().__init__(messages + [m for found in cells.values() for m in found])


@transaction.atomic
def create_sheet(actor, cluster: Cluster, *, title: str, deadline, sections) -> CriteriaSheet:
    """`sections`: [(section title, [CriterionSpec, ...]), ...]."""
    require(actor, perms.CREATE_SHEET, cluster)
    if CriteriaSheet.objects.filter(cluster=cluster, scorecards__scores__version__gt=0).exists():
        raise ValidationError(_("Cụm đã bắt đầu chấm điểm, không thay bảng tiêu chí được nữa."))
    if not sections:
        raise ValidationError(_("Bảng tiêu chí phải có ít nhất một tiêu chí."))
    previous = CriteriaSheet.objects.filter(cluster=cluster).first()
    if previous is not None:
        # Nobody scored on it yet (checked above): it is replaced, with its empty cards.
        record(
            actor=actor,
            action="scoring.sheet.replace",
            instance=previous,
            before=snapshot(previous),
            object_id=str(previous.pk),
        )
        previous.delete()
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
    cards = _start_scorecards(sheet, cluster.members.all())
    # One entry for the sheet and everything created with it (sections, criteria, cards).
    record(
        actor=actor,
        action="scoring.sheet.create",
        instance=sheet,
        after=snapshot(sheet),
        note=_("%(count)d tiêu chí, %(cards)d bảng điểm")
        % {"count": sum(len(s) for _t, s in sections), "cards": cards},
    )
    return sheet


def _start_scorecards(sheet: CriteriaSheet, units) -> int:
    """An empty card per member unit, with a score row per criterion."""
    Scorecard.objects.bulk_create(
        [Scorecard(sheet=sheet, unit=unit) for unit in units], ignore_conflicts=True
    )
    criteria = list(Criterion.objects.filter(section__sheet=sheet))
    cards = list(Scorecard.objects.filter(sheet=sheet))
    Score.objects.bulk_create(
        [Score(scorecard=card, criterion=c) for card in cards for c in criteria],
        ignore_conflicts=True,
    )
    return len(cards)


@transaction.atomic
def past_deadline_warning(deadline) -> str | None:
    """Why a sheet with this deadline would be closed at once, or None."""
    if deadline is None or deadline >= timezone.localdate():
        return None
    return _(
        "Hạn chấm điểm %(day)s đã qua: nếu nhập với hạn này, bảng điểm khóa ngay và các đơn vị"
        " không chấm được. Hãy chọn hạn mới, hoặc đánh dấu “Vẫn nhập với hạn đã qua”"
        " (rồi chọn lại tệp)."
    ) % {"day": deadline.strftime("%d/%m/%Y")}


def import_sheet(
    actor,
    cluster: Cluster,
    *,
    filename: str,
    content: bytes,
    title: str,
    deadline,
    past_deadline_ok: bool = False,
):
    """Create the cluster's sheet from a workbook. A deadline already past is refused (the
    sheet would lock at once) unless the office says so with `past_deadline_ok`."""
    warning = past_deadline_warning(deadline)
    if warning and not past_deadline_ok:
        raise ValidationError({"deadline": warning})
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


@transaction.atomic
def set_deadline(
    actor, sheet: CriteriaSheet, deadline, *, expected_version: int | None = None
) -> CriteriaSheet:
    # A new deadline reopens a sheet that was locked at the old one.
    return transition(
        SHEETS,
        actor,
        sheet,
        "deadline",
        expected_version=expected_version,
        deadline=deadline,
        locked_at=None,
    )


def closing_gaps(sheet: CriteriaSheet) -> list[str]:
    """What is missing when the sheet is locked or finalised now: member units whose card was
    not sent (or that have none), and member units that have not signed the covenant."""
    members = list(sheet.cluster.members.order_by("sort_key"))
    sent = set(
        sheet.scorecards.exclude(state=ScorecardState.DRAFT).values_list("unit_id", flat=True)
    )
    gaps = []
    unscored = [unit.name for unit in members if unit.pk not in sent]
    if unscored:
        gaps.append(_("Chưa gửi kết quả chấm điểm: %(units)s") % {"units": ", ".join(unscored)})
    covenant = Covenant.objects.filter(cluster_id=sheet.cluster_id).first()
    if covenant is None:
        gaps.append(_("Cụm chưa có giao ước thi đua"))
    else:
        signed = set(covenant.signatures.values_list("unit_id", flat=True))
        unsigned = [unit.name for unit in members if unit.pk not in signed]
        if unsigned:
            gaps.append(_("Chưa ký giao ước: %(units)s") % {"units": ", ".join(unsigned)})
    return gaps


def _close_reason(actor, sheet: CriteriaSheet, action: str, reason: str) -> str:
    """The written reason to close a sheet with gaps (the note of the step), or a refusal.

    Who may, and from which state, are checked first, so those refusals come first."""
    require(actor, SHEETS.action(action).permission, sheet)
    try:
        SHEETS.check(action, sheet.state)
    except ActionRefused as refusal:
        raise ValidationError(str(refusal)) from None
    gaps = closing_gaps(sheet)
    if gaps and not reason.strip():
        raise ValidationError(
            {
                "note": _(
                    "%(gaps)s. Cần ghi rõ lý do khi khóa hoặc chốt kết quả lúc còn đơn vị "
                    "chưa chấm điểm hoặc chưa ký giao ước."
                )
                % {"gaps": "; ".join(gaps)}
            }
        )
    return reason.strip()


@transaction.atomic
def lock_sheet(
    actor, sheet: CriteriaSheet, *, expected_version: int | None = None, reason: str = ""
):
    """Lock scoring early; with units unscored or covenants unsigned, only with a reason."""
    current = lock(SHEETS, sheet, expected_version)
    note = _close_reason(actor, current, "lock", reason)
    return transition(SHEETS, actor, current, "lock", note=note, locked_at=timezone.now())


@transaction.atomic
def finalise_sheet(
    actor, sheet: CriteriaSheet, *, expected_version: int | None = None, reason: str = ""
):
    """Finalise the results; with units unscored or covenants unsigned, only with a reason."""
    current = lock(SHEETS, sheet, expected_version)
    note = _close_reason(actor, current, "finalise", reason)
    return transition(SHEETS, actor, current, "finalise", note=note, finalised_at=timezone.now())


def stage_for(user, card: Scorecard) -> str | None:
    """The stage this user scores at on this card, if any: the office's comes first, then
    the head of the card's cluster (another member's card), then the card's own unit."""
    for stage in (FINAL, REVIEW, SELF):
        if allows(user, STAGE_PERMISSIONS[stage], card):
            return stage
    return None


def closed_reason(card: Scorecard, stage: str) -> str | None:
    """Why `stage` may not score on this card now (sheet closed, card not sent), or None."""
    reason = sheet_closed_reason(card.sheet, stage)
    if reason is None and stage == REVIEW:
        try:
            SCORECARDS.check("review", card.state)
        except ActionRefused as refusal:
            reason = str(refusal)
    return reason


def _require_member(card: Scorecard) -> None:
    if not card.sheet.cluster.members.filter(pk=card.unit_id).exists():
        raise ValidationError(_("Đơn vị không thuộc cụm thi đua của bảng điểm này."))


def _require_stage(actor, card: Scorecard, stage: str, permission: str | None = None) -> None:
    if stage not in STAGE_PERMISSIONS:
        raise ValidationError(_("Bước chấm điểm không hợp lệ."))
    _require_member(card)
    require(actor, permission or STAGE_PERMISSIONS[stage], card)
    reason = closed_reason(card, stage)
    if reason:
        raise ValidationError(reason)


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
    errors: list[str] = []
    # {(criterion id, "points" or "note"): [message]}: the cell each refusal belongs to.
    cell_errors: dict[tuple[int, str], list[str]] = {}
    updates = []
    for cid, (raw, note) in changes.items():
        score = rows[cid]
        criterion = score.criterion
        try:
            value = rules.parse_points(raw, max_points=criterion.max_points, label=criterion.code)
        except ValueError as error:
            cell_errors.setdefault((cid, "points"), []).append(str(error))
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
            cell_errors.setdefault((cid, "note"), []).append(
                _("Tiêu chí %(code)s cần ghi minh chứng.") % {"code": criterion.code}
            )
        if stage != SELF and value is not None and not note:
            cell_errors.setdefault((cid, "note"), []).append(
                _("Tiêu chí %(code)s: ghi lý do khi điều chỉnh điểm.") % {"code": criterion.code}
            )
        updates.append((score, value, note))
    if errors or cell_errors:
        raise ScoreCellErrors(errors, cell_errors)
    now = timezone.now()
    if stage == REVIEW and updates:
        transition(SCORECARDS, actor, card, "review", reviewed_at=now)
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
    return len(updates)


@transaction.atomic
def attach_evidence(actor, card: Scorecard, *, criterion_id: int, filename: str, content: bytes):
    """A file backing the unit's own score on one criterion (checked like every upload)."""
    from django.core.files.base import ContentFile

    card = Scorecard.objects.select_related("sheet__cluster").get(pk=card.pk)
    _require_stage(actor, card, SELF, perms.ATTACH_EVIDENCE)
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
def attach_evidence_files(actor, card: Scorecard, *, criterion_id: int, files) -> list:
    """Several evidence files for one criterion at once (`files`: [(name, content)]); all are
    attached or, when one is refused, none."""
    if not files:
        raise ValidationError(_("Vui lòng chọn tiêu chí và tệp minh chứng."))
    # Every file through the upload gate first, so a refused one stores none of the others.
    for filename, content in files:
        try:
            validate_upload(filename, content)
        except ValidationError as refused:
            raise ValidationError(
                _("Tệp “%(name)s”: %(reason)s Chưa đính kèm tệp nào.")
                % {"name": filename, "reason": " ".join(refused.messages)}
            ) from refused
    attached = []
    for filename, content in files:
        try:
            attached.append(
                attach_evidence(
                    actor, card, criterion_id=criterion_id, filename=filename, content=content
                )
            )
        except ValidationError as refused:
            raise ValidationError(
                _("Tệp “%(name)s”: %(reason)s Chưa đính kèm tệp nào.")
                % {"name": filename, "reason": " ".join(refused.messages)}
            ) from refused
    return attached


@transaction.atomic
def submit_scorecard(actor, card: Scorecard, *, expected_version: int | None = None) -> Scorecard:
    """The unit sends its self-scoring to the cluster head (the table and guard say when)."""
    card = Scorecard.objects.select_related("sheet__cluster").get(pk=card.pk)
    _require_member(card)
    return transition(
        SCORECARDS,
        actor,
        card,
        "submit",
        expected_version=expected_version,
        submitted_at=timezone.now(),
    )
