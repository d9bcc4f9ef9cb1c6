"""Every change to initiatives and their councils: one function per business action, each in
a transaction, with its permission check and audit entry (workflow moves through the engine).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.uploads import validate_upload
from vinhdanh.initiatives import permissions
from vinhdanh.initiatives.models import (
    CouncilLevel,
    Initiative,
    InitiativeAuthor,
    InitiativeCouncil,
    InitiativeCouncilMember,
    InitiativeEvidence,
    InitiativeScore,
    InitiativeState,
    InitiativeTransition,
)
from vinhdanh.initiatives.rules import criteria_of, score_problems, share_problem, vote_problem
from vinhdanh.initiatives.workflows import EDITABLE_STATES, INITIATIVES
from vinhdanh.org.models import Person, Unit
from vinhdanh.records import services as records_services
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import require

MAX_EVIDENCE_FILES = 10

# The filing's own text fields (what the form sets besides authors and files).
TEXT_FIELDS = ("kind", "name", "field", "problem", "content", "effect", "influence")


@dataclass(frozen=True)
class AuthorShare:
    person: Person
    share: int


# -- councils ---------------------------------------------------------------------------------
def councils_governing(unit: Unit, level: str = CouncilLevel.BASE, day=None):
    """The councils of `level` whose unit is `unit` or above it, nearest first, in force."""
    day = day or timezone.localdate()
    ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    councils = [
        c
        for c in InitiativeCouncil.objects.filter(unit_id__in=ids, level=level).select_related(
            "unit"
        )
        if (c.valid_from is None or c.valid_from <= day)
        and (c.valid_to is None or day < c.valid_to)
    ]
    return sorted(councils, key=lambda c: -len(c.unit.path))


def council_above(council: InitiativeCouncil) -> InitiativeCouncil | None:
    """The city's (province's) council over a base council, or None."""
    found = councils_governing(council.unit, CouncilLevel.CITY)
    return found[0] if found else None


@transaction.atomic
def create_council(
    actor,
    *,
    unit: Unit,
    level: str,
    name: str,
    established_by: str = "",
    valid_from=None,
    criteria=None,
) -> InitiativeCouncil:
    if not access.can_create_in(actor, unit) or access.role_of(actor) not in (
        access.ORGANISATION_WIDE_EDITORS
    ):
        raise PermissionDenied(_("Chỉ cơ quan thường trực lập Hội đồng sáng kiến của đơn vị mình."))
    council = InitiativeCouncil(
        unit=unit,
        level=level,
        name=name.strip(),
        established_by=established_by.strip(),
        valid_from=valid_from,
    )
    if criteria is not None:
        council.criteria = criteria
    council.full_clean()
    council.save()
    record(
        actor=actor, action="initiatives.council.create", instance=council, after=snapshot(council)
    )
    return council


@transaction.atomic
def add_member(
    actor,
    council: InitiativeCouncil,
    *,
    person: Person,
    role: str,
    user=None,
    valid_from=None,
    valid_to=None,
) -> InitiativeCouncilMember:
    require(actor, permissions.KEEP_COUNCIL, council)
    if valid_from and valid_to and valid_to <= valid_from:
        raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    today = timezone.localdate()
    if council.members.filter(person=person).filter(valid_to__isnull=True).exists() or any(
        m.in_force(today) for m in council.members.filter(person=person)
    ):
        raise ValidationError({"person": _("Người này đang là thành viên của hội đồng.")})
    member = InitiativeCouncilMember(
        council=council,
        person=person,
        role=role,
        user=user,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    member.full_clean()
    member.save()
    record(
        actor=actor,
        action="initiatives.council.add_member",
        instance=member,
        after=snapshot(member),
    )
    return member


@transaction.atomic
def end_member(actor, member: InitiativeCouncilMember, *, on: datetime.date):
    require(actor, permissions.KEEP_COUNCIL, member.council)
    if member.valid_from and on <= member.valid_from:
        raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    before = snapshot(member)
    member.valid_to = on
    member.save(update_fields=["valid_to"])
    record(
        actor=actor,
        action="initiatives.council.end_member",
        instance=member,
        before=before,
        after=snapshot(member),
    )
    return member


# -- filing -----------------------------------------------------------------------------------
def filing_problems(
    actor, *, unit: Unit, fields: dict, authors: list[AuthorShare], files_count: int, today=None
) -> dict:
    """Every refusal of a filing, keyed by field (None: the whole form)."""
    today = today or timezone.localdate()
    problems: dict = {}
    if not (fields.get("effect") or "").strip():
        problems["effect"] = _("Vui lòng nêu hiệu quả đạt được của sáng kiến.")
    first = fields.get("first_applied_on")
    if first is None:
        problems["first_applied_on"] = _("Vui lòng nhập ngày áp dụng lần đầu.")
    elif first > today:
        problems["first_applied_on"] = _(
            "Ngày áp dụng lần đầu (%(day)s) không được sau ngày hôm nay."
        ) % {"day": first.strftime("%d/%m/%Y")}
    if files_count <= 0:
        problems["files"] = _("Sáng kiến phải có ít nhất một tệp minh chứng.")
    if files_count > MAX_EVIDENCE_FILES:
        problems["files"] = _("Mỗi lần đính kèm tối đa %(count)d tệp.") % {
            "count": MAX_EVIDENCE_FILES
        }
    author_problems = []
    if reason := share_problem([a.share for a in authors]):
        author_problems.append(reason)
    seen = set()
    for author in authors:
        if author.person.pk in seen:
            author_problems.append(
                _("Tác giả %(name)s được nhập hai lần.") % {"name": author.person.full_name}
            )
        seen.add(author.person.pk)
        person_unit = author.person.unit
        if not person_unit.path.startswith(unit.path) or not access.can(
            actor, access.VIEW, author.person
        ):
            author_problems.append(
                _("Tác giả %(name)s không thuộc %(unit)s: chỉ người của đơn vị mới đứng tên.")
                % {"name": author.person.full_name, "unit": unit.name}
            )
    if author_problems:
        problems["authors"] = author_problems
    return problems


def _refuse(problems: dict) -> None:
    if problems:
        raise ValidationError({key or "__all__": value for key, value in problems.items()})


def _store_files(actor, initiative: Initiative, files: list[tuple[str, bytes]]) -> None:
    # Every file through the gate first, so a refused one stores none of the others.
    for filename, content in files:
        try:
            validate_upload(filename, content)
        except ValidationError as refused:
            raise ValidationError(
                {
                    "files": _("Tệp “%(name)s”: %(reason)s Chưa lưu tệp nào.")
                    % {"name": filename, "reason": " ".join(refused.messages)}
                }
            ) from refused
    for filename, content in files:
        evidence = InitiativeEvidence(initiative=initiative, name=filename[:255])
        evidence.file.save(filename, ContentFile(content), save=False)
        evidence.save()
        record(
            actor=actor,
            action="initiatives.evidence.attach",
            instance=evidence,
            after={"name": evidence.name, "initiative": initiative.pk},
        )


@transaction.atomic
def file_initiative(
    actor,
    *,
    unit: Unit,
    year: int,
    first_applied_on: datetime.date,
    authors: list[AuthorShare],
    files: list[tuple[str, bytes]],
    council: InitiativeCouncil | None = None,
    **fields,
) -> Initiative:
    """A unit files an initiative (draft) with its authors and evidence, all or nothing."""
    require(actor, permissions.FILE_INITIATIVE)
    access.require_create_in(actor, unit)
    _refuse(
        filing_problems(
            actor,
            unit=unit,
            authors=authors,
            files_count=len(files),
            fields={**fields, "first_applied_on": first_applied_on},
        )
    )
    if council is None:
        governing = councils_governing(unit)
        if not governing:
            raise ValidationError(_("Chưa có Hội đồng sáng kiến cấp cơ sở cho đơn vị này."))
        council = governing[0]
    elif council.level != CouncilLevel.BASE or not unit.path.startswith(council.unit.path):
        raise ValidationError({"council": _("Hội đồng sáng kiến này không xét cho đơn vị.")})
    initiative = Initiative(
        unit=unit,
        council=council,
        year=year,
        first_applied_on=first_applied_on,
        created_by=actor,
        **{
            k: (fields.get(k) or "").strip() if k != "kind" else fields.get(k) or "sang_kien"
            for k in TEXT_FIELDS
        },
    )
    initiative.full_clean()
    initiative.save()
    for author in authors:
        InitiativeAuthor.objects.create(
            initiative=initiative, person=author.person, share=author.share
        )
    _store_files(actor, initiative, files)
    record(
        actor=actor,
        action="initiatives.initiative.create",
        instance=initiative,
        after={
            **snapshot(initiative),
            "author_shares": [f"{a.person.code}:{a.share}" for a in authors],
        },
    )
    return initiative


@transaction.atomic
def update_initiative(
    actor,
    initiative: Initiative,
    *,
    expected_version: int | None,
    first_applied_on: datetime.date,
    authors: list[AuthorShare],
    files: list[tuple[str, bytes]],
    year: int,
    **fields,
) -> Initiative:
    """Change a draft or returned filing; new files are added to those already kept."""
    require(actor, permissions.CHANGE_INITIATIVE, initiative)
    if initiative.state not in EDITABLE_STATES:
        raise ValidationError(_("Chỉ sửa được hồ sơ sáng kiến dự thảo hoặc bị trả lại."))
    kept = initiative.evidence.count()
    _refuse(
        filing_problems(
            actor,
            unit=initiative.unit,
            authors=authors,
            files_count=kept + len(files),
            fields={**fields, "first_applied_on": first_applied_on},
        )
    )
    current = lock(INITIATIVES, initiative, expected_version)
    before = snapshot(current)
    changes = {k: (fields.get(k) or "").strip() for k in TEXT_FIELDS if k != "kind"}
    changes["kind"] = fields.get("kind") or current.kind
    initiative = save_versioned(
        INITIATIVES, current, first_applied_on=first_applied_on, year=year, **changes
    )
    initiative.authors.all().delete()
    for author in authors:
        InitiativeAuthor.objects.create(
            initiative=initiative, person=author.person, share=author.share
        )
    _store_files(actor, initiative, files)
    record(
        actor=actor,
        action="initiatives.initiative.update",
        instance=initiative,
        before=before,
        after=snapshot(initiative),
    )
    return initiative


# -- the workflow -----------------------------------------------------------------------------
@transaction.atomic
def submit(actor, initiative, *, expected_version=None, note=""):
    return transition(
        INITIATIVES, actor, initiative, "submit", note=note, expected_version=expected_version
    )


@transaction.atomic
def start_review(actor, initiative, *, expected_version=None, note=""):
    return transition(
        INITIATIVES, actor, initiative, "start_review", note=note, expected_version=expected_version
    )


@transaction.atomic
def return_initiative(actor, initiative, *, expected_version=None, note=""):
    return transition(
        INITIATIVES,
        actor,
        initiative,
        "return",
        note=note,
        expected_version=expected_version,
        reasons=(note or "").strip(),
    )


@transaction.atomic
def reject(actor, initiative, *, expected_version=None, note=""):
    initiative = transition(
        INITIATIVES,
        actor,
        initiative,
        "reject",
        note=note,
        expected_version=expected_version,
        reasons=(note or "").strip(),
    )
    if initiative.is_copy:
        _reach_original(actor, initiative, "refused_above", note=note)
    return initiative


def _members_in_force(council: InitiativeCouncil, day) -> list[InitiativeCouncilMember]:
    return [m for m in council.members.select_related("person") if m.in_force(day)]


@transaction.atomic
def score(
    actor, initiative: Initiative, *, member: InitiativeCouncilMember, points: dict[str, int | None]
) -> list[InitiativeScore]:
    """One member's scoring sheet for one initiative (saved again: replaced)."""
    initiative = Initiative.objects.select_related("council__unit").get(pk=initiative.pk)
    require(actor, permissions.SCORE_INITIATIVE, initiative)
    if initiative.state != InitiativeState.UNDER_REVIEW:
        raise ValidationError(_("Chỉ chấm điểm khi Hội đồng đang xét sáng kiến."))
    if member.council_id != initiative.council_id or not member.in_force(timezone.localdate()):
        raise ValidationError(_("Người chấm không phải thành viên đương nhiệm của hội đồng này."))
    office = permissions.is_office_of_council(actor, initiative) and access.role_of(actor) in (
        access.ORGANISATION_WIDE_EDITORS
    )
    if member.user_id != actor.pk and not office:
        raise PermissionDenied(_("Mỗi thành viên chỉ chấm phiếu của chính mình."))
    if initiative.authors.filter(person_id=member.person_id).exists():
        raise ValidationError(
            _("%(name)s là tác giả của sáng kiến này nên không được chấm điểm.")
            % {"name": member.person.full_name}
        )
    criteria = criteria_of(initiative.council.criteria)
    if problems := score_problems(criteria, points):
        raise ValidationError({f"c_{code}": message for code, message in problems.items()})
    before = {s.criterion: s.points for s in initiative.scores.filter(member=member)}
    saved = []
    for criterion in criteria:
        row, _created = InitiativeScore.objects.update_or_create(
            initiative=initiative,
            member=member,
            criterion=criterion.code,
            defaults={"points": points[criterion.code], "scored_by": actor},
        )
        saved.append(row)
    record(
        actor=actor,
        action="initiatives.initiative.score",
        instance=initiative,
        before=before or None,
        after={"member": str(member), **{c.code: points[c.code] for c in criteria}},
    )
    return saved


@transaction.atomic
def record_vote(
    actor,
    initiative: Initiative,
    *,
    expected_version=None,
    meeting_on: datetime.date,
    present: int,
    agree: int,
) -> Initiative:
    """The council met: how many members were present and how many agreed."""
    initiative = Initiative.objects.select_related("council__unit").get(pk=initiative.pk)
    require(actor, permissions.REVIEW_INITIATIVE, initiative)
    if initiative.state != InitiativeState.UNDER_REVIEW:
        raise ValidationError(_("Chỉ ghi kết quả biểu quyết khi Hội đồng đang xét sáng kiến."))
    if meeting_on > timezone.localdate():
        raise ValidationError({"meeting_on": _("Ngày họp không được sau ngày hôm nay.")})
    members = len(_members_in_force(initiative.council, meeting_on))
    if reason := vote_problem(members, present, agree):
        raise ValidationError(reason)
    before = snapshot(initiative)
    initiative = lock(INITIATIVES, initiative, expected_version)
    initiative = save_versioned(
        INITIATIVES, initiative, meeting_on=meeting_on, members_present=present, votes_for=agree
    )
    record(
        actor=actor,
        action="initiatives.initiative.vote",
        instance=initiative,
        before=before,
        after=snapshot(initiative),
    )
    return initiative


@transaction.atomic
def recognise(
    actor,
    initiative: Initiative,
    *,
    expected_version=None,
    note="",
    decision_number: str,
    decision_date: datetime.date,
    signer: str,
    signer_title: str = "",
    valid_until=None,
) -> Initiative:
    """The council's recognition by a decision: each author's record gets the initiative."""
    if not (decision_number or "").strip() or not (signer or "").strip():
        raise ValidationError(_("Vui lòng nhập số quyết định và người ký."))
    if decision_date > timezone.localdate():
        raise ValidationError({"decision_date": _("Ngày quyết định không được sau hôm nay.")})
    if initiative.meeting_on and decision_date < initiative.meeting_on:
        raise ValidationError(
            {"decision_date": _("Ngày quyết định không được trước ngày Hội đồng họp.")}
        )
    if valid_until and valid_until <= decision_date:
        raise ValidationError({"valid_until": _("Hiệu lực phải kéo dài sau ngày quyết định.")})
    initiative = transition(
        INITIATIVES,
        actor,
        initiative,
        "recognise",
        note=note,
        expected_version=expected_version,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        decision_signer=signer.strip(),
        decision_signer_title=(signer_title or "").strip(),
        valid_until=valid_until,
    )
    _write_records(actor, initiative)
    if initiative.is_copy:
        _reach_original(actor, initiative, "recognised_above", note=note)
    return initiative


def _write_records(actor, initiative: Initiative) -> None:
    """Each author's `records.Initiative`, at the widest scope recognised (one per author,
    so an initiative recognised at cơ sở and then by the city counts once, at the city's)."""
    council = initiative.council
    original_authors = {}
    if initiative.is_copy:
        original_authors = {
            a.person_id: a for a in initiative.forwarded_from.authors.select_related("record")
        }
    for author in initiative.authors.select_related("person", "record"):
        existing = author.record or getattr(original_authors.get(author.person_id), "record", None)
        fields = dict(
            name=initiative.name[:255],
            scope=council.recognises_scope,
            recognised_by=council.unit.name[:255],
            decision_number=initiative.decision_number,
            decision_date=initiative.decision_date,
        )
        fact = records_services.save_record(
            actor=actor,
            kind="initiatives",
            instance=existing,
            person=author.person,
            year=initiative.year,
            **fields,
        )
        author.record = fact
        author.save(update_fields=["record"])


def _reach_original(actor, copy: Initiative, action: str, *, note: str) -> None:
    original = copy.forwarded_from
    reason = note or copy.reasons
    if action == "refused_above" and not reason:
        reason = _("Hội đồng sáng kiến cấp trên không công nhận.")
    transition(INITIATIVES, actor, original, action, note=reason, expected_version=original.version)


@transaction.atomic
def propose_up(actor, initiative: Initiative, *, expected_version=None, note="") -> Initiative:
    """The unit proposes a recognised initiative for the city's scope: a copy lands in the
    city's initiatives council (its own scores, vote and decision), the original waits. Where
    the city's council does not work in this instance the proposal goes out on paper and its
    result is recorded by hand (`record_result_above`)."""
    initiative = Initiative.objects.select_related("council__unit", "unit").get(pk=initiative.pk)
    higher = council_above(initiative.council)
    if Initiative.objects.filter(forwarded_from=initiative).exists():
        raise ValidationError(_("Sáng kiến này đã được đề nghị lên cấp trên."))
    if higher is None and not (note or "").strip():
        raise ValidationError(
            _(
                "Hội đồng sáng kiến cấp thành phố chưa làm việc trên hệ thống: "
                "ghi rõ văn bản đề nghị gửi cơ quan nào."
            )
        )
    original = transition(
        INITIATIVES, actor, initiative, "propose_up", note=note, expected_version=expected_version
    )
    if higher is None:
        return original
    copy = Initiative.objects.create(
        kind=original.kind,
        unit=original.unit,
        council=higher,
        year=original.year,
        name=original.name,
        field=original.field,
        problem=original.problem,
        content=original.content,
        first_applied_on=original.first_applied_on,
        effect=original.effect,
        influence=original.influence,
        state=InitiativeState.SUBMITTED,
        forwarded_from=original,
        created_by=actor,
    )
    for author in original.authors.all():
        InitiativeAuthor.objects.create(
            initiative=copy,
            person_id=author.person_id,
            share=author.share,
            record_id=author.record_id,
        )
    files = []
    for evidence in original.evidence.all():
        with evidence.file.open("rb") as handle:
            files.append((evidence.name, handle.read()))
    _store_files(actor, copy, files)
    InitiativeTransition.objects.create(
        initiative=copy,
        action="receive",
        from_state="",
        to_state=InitiativeState.SUBMITTED,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note or "",
    )
    record(
        actor=actor,
        action="initiatives.initiative.receive",
        instance=copy,
        after=snapshot(copy),
        note=(note or "")[:500],
    )
    return original


@transaction.atomic
def record_result_above(
    actor,
    original: Initiative,
    *,
    recognised: bool,
    body: str = "",
    decision_number: str = "",
    decision_date=None,
    note: str = "",
    expected_version=None,
) -> Initiative:
    """The city's answer to a proposal sent out on paper, recorded by the base council's office:
    recognised (each author's record widened to tỉnh, with the city's decision) or not."""
    original = Initiative.objects.select_related("council__unit").get(pk=original.pk)
    require(actor, permissions.REVIEW_INITIATIVE, original)
    if Initiative.objects.filter(forwarded_from=original).exists():
        raise ValidationError(_("Hội đồng sáng kiến cấp trên xét hồ sơ này trên hệ thống."))
    if not recognised:
        return transition(
            INITIATIVES,
            actor,
            original,
            "refused_above",
            note=note,
            expected_version=expected_version,
        )
    if not (body or "").strip() or not (decision_number or "").strip() or decision_date is None:
        raise ValidationError(_("Vui lòng nhập cơ quan công nhận, số và ngày quyết định."))
    if decision_date > timezone.localdate():
        raise ValidationError({"decision_date": _("Ngày quyết định không được sau hôm nay.")})
    words = _("Quyết định số %(number)s ngày %(day)s của %(body)s") % {
        "number": decision_number.strip(),
        "day": decision_date.strftime("%d/%m/%Y"),
        "body": body.strip(),
    }
    original = transition(
        INITIATIVES,
        actor,
        original,
        "recognised_above",
        note=f"{words}. {note}".strip(),
        expected_version=expected_version,
    )
    for author in original.authors.select_related("person", "record"):
        fact = records_services.save_record(
            actor=actor,
            kind="initiatives",
            instance=author.record,
            person=author.person,
            year=original.year,
            name=original.name[:255],
            scope="tinh",
            recognised_by=body.strip()[:255],
            decision_number=decision_number.strip(),
            decision_date=decision_date,
        )
        author.record = fact
        author.save(update_fields=["record"])
    return original
