"""Business actions of writing contests: one function per action, each in a transaction, with
its permission check and its audit entry. State changes go through the workflow engine.
"""

import hashlib
import itertools
import secrets
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.contests import lengths, permissions, ranking
from vinhdanh.contests.models import (
    PRIZE_ORDER,
    Contest,
    ContestDecision,
    ContestJudge,
    ContestState,
    Criterion,
    Eligibility,
    Entry,
    EntryState,
    Prize,
    PrizeRank,
    Round,
    RoundKind,
    RoundState,
    Score,
    Sheet,
    SheetState,
)
from vinhdanh.contests.workflows import CONTESTS, ENTRIES, ROUNDS, SHEETS
from vinhdanh.core.uploads import MB, validate_upload
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import require

ENTRY_FILE_MAX = 10 * MB
ENTRY_FILE_KINDS = frozenset({"docx", "pdf"})
CONTEST_FIELDS = (
    "year", "title", "theme", "task", "opens_at", "closes_at", "results_on", "eligibility",
    "length_unit", "length_min", "length_max", "formats", "tie_breaks", "rules_text",
)  # fmt: skip


# -- the contest and its rules -------------------------------------------------------------


def _check_rules(fields: dict) -> None:
    errors = {}
    opens, closes = fields.get("opens_at"), fields.get("closes_at")
    if opens and closes and closes <= opens:
        errors["closes_at"] = _("Hạn cuối nhận bài phải sau ngày bắt đầu nhận bài.")
    length_max = fields.get("length_max")
    if length_max is not None and (fields.get("length_min") or 0) > length_max:
        errors["length_max"] = _("Độ dài tối đa phải lớn hơn độ dài tối thiểu.")
    if not fields.get("formats"):
        errors["formats"] = _("Chọn ít nhất một hình thức bài dự thi.")
    tie_breaks = fields.get("tie_breaks") or []
    if len(set(tie_breaks)) != len(tie_breaks):
        errors["tie_breaks"] = _("Mỗi quy tắc xếp hạng chỉ ghi một lần.")
    if errors:
        raise ValidationError(errors)


def _set_prizes(contest: Contest, prizes) -> None:
    """`prizes`: {rank: (count, amount)}."""
    for rank in PRIZE_ORDER:
        count, amount = prizes.get(rank, (0, 0))
        if count < 0 or amount < 0:
            raise ValidationError(_("Số giải và mức thưởng không được âm."))
        if count:
            Prize.objects.update_or_create(
                contest=contest, rank=rank, defaults={"count": count, "amount": amount}
            )
        else:
            Prize.objects.filter(contest=contest, rank=rank).delete()


def _contest_snapshot(contest: Contest) -> dict:
    data = snapshot(contest)
    data["prizes"] = [[p.rank, p.count, p.amount] for p in contest.prizes.order_by("pk")]
    return data


@transaction.atomic
def create_contest(actor, *, council, prizes=None, **fields) -> Contest:
    require(actor, permissions.CREATE_CONTEST)
    access.require_create_in(actor, council.unit)
    _check_rules(fields)
    contest = Contest.objects.create(council=council, unit=council.unit, **fields)
    _set_prizes(contest, prizes or {})
    record(
        actor=actor,
        action="contests.contest.create",
        instance=contest,
        after=_contest_snapshot(contest),
    )
    return contest


@transaction.atomic
def update_contest(actor, contest: Contest, *, expected_version, prizes=None, **fields) -> Contest:
    contest = lock(CONTESTS, contest, expected_version)
    require(actor, permissions.MANAGE_CONTEST, contest)
    if contest.state != ContestState.DRAFT:
        raise ValidationError(_("Thể lệ chỉ sửa được khi cuộc thi còn là dự thảo."))
    _check_rules(fields)
    before = _contest_snapshot(contest)
    contest = save_versioned(CONTESTS, contest, **fields)
    if prizes is not None:
        _set_prizes(contest, prizes)
    record(
        actor=actor,
        action="contests.contest.update",
        instance=contest,
        before=before,
        after=_contest_snapshot(contest),
    )
    return contest


def plain(number: Decimal) -> str:
    """60.00 -> "60", 30.50 -> "30,5": a score as the judges write it."""
    return format(number.normalize(), "f").replace(".", ",")


def _parse_score(value, *, maximum: Decimal, label: str) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(_("Điểm “%(label)s” không phải là số.") % {"label": label}) from None
    if not number.is_finite() or number < 0:
        raise ValidationError(_("Điểm “%(label)s” phải từ 0 trở lên.") % {"label": label})
    if number > maximum:
        raise ValidationError(
            _("Điểm “%(label)s” (%(value)s) vượt điểm tối đa %(max)s.")
            % {"label": label, "value": plain(number), "max": plain(maximum)}
        )
    return number


@transaction.atomic
def add_round(
    actor, contest: Contest, *, kind, criteria, judges_per_entry=2, advance_count=None,
    ends_on=None,
) -> Round:  # fmt: skip
    """A round with its criteria [(name, max score)], after the contest's last one."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    require(actor, permissions.MANAGE_CONTEST, contest)
    if contest.state != ContestState.DRAFT:
        raise ValidationError(_("Vòng chấm chỉ thêm được khi cuộc thi còn là dự thảo."))
    if not criteria:
        raise ValidationError(_("Vòng chấm cần ít nhất một tiêu chí."))
    if judges_per_entry < 1:
        raise ValidationError(_("Mỗi bài cần ít nhất một giám khảo."))
    if kind == RoundKind.PRELIMINARY and not advance_count:
        raise ValidationError(_("Vòng sơ khảo cần ghi số bài vào vòng sau."))
    last = contest.rounds.order_by("-number").first()
    if last is not None and last.kind == RoundKind.FINAL:
        raise ValidationError(_("Cuộc thi đã có vòng chung khảo; không thêm vòng sau nó."))
    round_ = Round.objects.create(
        contest=contest,
        number=(last.number + 1) if last else 1,
        kind=kind,
        judges_per_entry=judges_per_entry,
        advance_count=advance_count,
        ends_on=ends_on,
    )
    for position, (name, maximum) in enumerate(criteria, start=1):
        if not str(name).strip():
            raise ValidationError(_("Tiêu chí thứ %(n)d chưa có tên.") % {"n": position})
        maximum = Decimal(str(maximum))
        if maximum <= 0:
            raise ValidationError(_("Điểm tối đa của tiêu chí phải lớn hơn 0."))
        Criterion.objects.create(
            round=round_, position=position, name=str(name).strip(), max_score=maximum
        )
    record(
        actor=actor,
        action="contests.round.create",
        instance=round_,
        after={**snapshot(round_), "criteria": [[str(n), str(m)] for n, m in criteria]},
    )
    return round_


@transaction.atomic
def delete_round(actor, round_: Round) -> None:
    """The contest's last round, taken back while the contest is a draft."""
    contest = Contest.objects.select_for_update().get(pk=round_.contest_id)
    require(actor, permissions.MANAGE_CONTEST, contest)
    if contest.state != ContestState.DRAFT:
        raise ValidationError(_("Vòng chấm chỉ xóa được khi cuộc thi còn là dự thảo."))
    if contest.rounds.filter(number__gt=round_.number).exists():
        raise ValidationError(_("Xóa vòng sau trước, rồi mới xóa vòng này."))
    record(actor=actor, action="contests.round.delete", instance=round_, before=snapshot(round_))
    round_.delete()


@transaction.atomic
def set_judges(actor, contest: Contest, judges) -> list[ContestJudge]:
    """The contest's pool of judges: [(user, kind)]; a judge with sheets cannot be removed."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    require(actor, permissions.MANAGE_CONTEST, contest)
    if contest.state == ContestState.DECIDED:
        raise ValidationError(_("Cuộc thi đã trao giải; không đổi giám khảo nữa."))
    wanted = {user.pk: (user, kind) for user, kind in judges}
    before = sorted(contest.judges.values_list("user_id", flat=True))
    removed = contest.judges.exclude(user_id__in=wanted)
    busy = Sheet.objects.filter(round__contest=contest, judge_id__in=removed.values("user_id"))
    if busy.exists():
        raise ValidationError(
            _("Giám khảo %(name)s đã được phân công chấm; thay giám khảo ở từng phiếu chấm.")
            % {"name": busy.first().judge.get_full_name() or busy.first().judge.username}
        )
    removed.delete()
    for user, kind in wanted.values():
        ContestJudge.objects.update_or_create(contest=contest, user=user, defaults={"kind": kind})
    record(
        actor=actor,
        action="contests.contest.set_judges",
        instance=contest,
        before={"judges": before},
        after={"judges": sorted(wanted)},
    )
    return list(contest.judges.all())


@transaction.atomic
def open_contest(actor, contest, *, expected_version=None, note="") -> Contest:
    return transition(
        CONTESTS, actor, contest, "open", note=note, expected_version=expected_version
    )


@transaction.atomic
def close_entries(actor, contest, *, expected_version=None, note="") -> Contest:
    return transition(
        CONTESTS, actor, contest, "close_entries", note=note, expected_version=expected_version
    )


# -- entries from the public form -----------------------------------------------------------


def new_tracking_code() -> str:
    # 12 characters of an alphabet without look-alikes: about 60 bits.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _digest(title: str, text: str, content: bytes) -> str:
    body = content or " ".join((text or "").split()).encode()
    return hashlib.sha256(" ".join(title.lower().split()).encode() + b"\0" + body).hexdigest()


def entry_refusal(contest: Contest, now) -> str | None:
    """Why the public form cannot take an entry now, or None."""
    if contest.state != ContestState.OPEN or now < contest.opens_at:
        return _("Cuộc thi chưa mở nhận bài.")
    if now > contest.closes_at:
        return _("Đã hết hạn nhận bài dự thi (hạn cuối %(at)s).") % {
            "at": timezone.localtime(contest.closes_at).strftime("%H:%M ngày %d/%m/%Y")
        }
    return None


@transaction.atomic
def submit_entry(
    contest: Contest, *, author_name, contact, address, title, text="", upload=None,
    author_unit=None, publish_name=False, consent=False, now=None,
) -> Entry:  # fmt: skip
    """An entry from the public form; `upload` is (file name, bytes). Refused, with nothing
    saved: outside the dates, missing consent, a format the rules do not take, over or under
    the length, the same entry twice."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    now = now or timezone.now()
    if reason := entry_refusal(contest, now):
        raise ValidationError(reason)
    if not consent:
        raise ValidationError(
            {"consent": _("Cần đồng ý với thể lệ và việc xử lý thông tin cá nhân để gửi bài.")}
        )
    if contest.eligibility == Eligibility.OFFICIALS and author_unit is None:
        raise ValidationError(
            {"author_unit": _("Cuộc thi dành cho cán bộ các đơn vị: chọn đơn vị của bạn.")}
        )
    if author_unit is not None and not author_unit.path.startswith(contest.unit.path):
        raise ValidationError({"author_unit": _("Đơn vị không thuộc địa bàn của cuộc thi.")})
    if not str(address).strip():
        raise ValidationError({"address": _("Ghi đơn vị công tác hoặc địa chỉ nơi cư trú.")})
    text = (text or "").strip()
    content = b""
    if upload is not None and text:
        raise ValidationError(_("Gửi bài bằng một cách: gõ nội dung hoặc tải tệp, không cả hai."))
    if upload is not None:
        name, content = upload
        kind = validate_upload(name, content, allowed=ENTRY_FILE_KINDS, max_bytes=ENTRY_FILE_MAX)
        if kind not in contest.formats:
            raise ValidationError(
                {"file": _("Thể lệ không nhận bài dạng %(kind)s. Nhận: %(formats)s.")
                 % {"kind": kind.upper(), "formats": contest.format_labels}}
            )  # fmt: skip
    elif text:
        kind = "text"
        if "text" not in contest.formats:
            raise ValidationError(
                {"text": _("Thể lệ không nhận bài gõ trực tiếp. Nhận: %(formats)s.")
                 % {"formats": contest.format_labels}}
            )  # fmt: skip
    else:
        raise ValidationError(_("Chưa có nội dung bài viết: gõ nội dung hoặc tải tệp bài."))
    try:
        length = lengths.measure(kind=kind, unit=contest.length_unit, text=text, content=content)
    except lengths.LengthError as error:
        raise ValidationError({"file": str(error)}) from None
    unit_label = contest.get_length_unit_display()
    if length > contest.length_max:
        raise ValidationError(
            _("Bài dài %(n)d %(unit)s, vượt giới hạn %(max)d %(unit)s của thể lệ.")
            % {"n": length, "max": contest.length_max, "unit": unit_label}
        )
    if length < contest.length_min:
        raise ValidationError(
            _("Bài dài %(n)d %(unit)s, ngắn hơn mức tối thiểu %(min)d %(unit)s của thể lệ.")
            % {"n": length, "min": contest.length_min, "unit": unit_label}
        )
    digest = _digest(title, text, content)
    if contest.entries.filter(digest=digest).exists():
        raise ValidationError(_("Bài viết này đã được gửi dự thi trước đó."))
    number = contest.entries.count() + 1
    entry = Entry(
        contest=contest,
        tracking_code=new_tracking_code(),
        anon_code=f"B-{number:03d}",
        author_name=author_name.strip(),
        contact=contact.strip(),
        address=address.strip(),
        author_unit=author_unit,
        title=title.strip(),
        text=text,
        file_kind=kind if content else "",
        length=length,
        digest=digest,
        publish_name=bool(publish_name),
        submitted_at=now,
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        raise ValidationError(_("Bài viết này đã được gửi dự thi trước đó.")) from None
    if content:
        entry.file.save(f"bai-du-thi.{kind}", ContentFile(content), save=True)
    # The log keeps references and a digest, never the author's name or contact.
    record(
        actor=None,
        action="contests.entry.submit",
        instance=entry,
        after={"contest": contest.pk, "anon_code": entry.anon_code, "digest": digest,
               "kind": kind, "length": length},
    )  # fmt: skip
    return entry


@transaction.atomic
def accept_entry(actor, entry, *, expected_version=None, note="") -> Entry:
    return transition(ENTRIES, actor, entry, "accept", note=note, expected_version=expected_version)


@transaction.atomic
def reject_entry(actor, entry, *, expected_version=None, note="") -> Entry:
    return transition(ENTRIES, actor, entry, "reject", note=note, expected_version=expected_version)


@transaction.atomic
def accept_waiting(actor, contest: Contest) -> int:
    """Every entry still waiting to be screened, accepted at once."""
    require(actor, permissions.MANAGE_CONTEST, contest)
    waiting = list(contest.entries.filter(state=EntryState.SUBMITTED).order_by("pk"))
    for entry in waiting:
        transition(ENTRIES, actor, entry, "accept")
    return len(waiting)


# -- judges and score sheets -----------------------------------------------------------------


def own_unit_conflict(judge, entry: Entry) -> str | None:
    if entry.author_unit_id and judge.unit_id == entry.author_unit_id:
        return _(
            "Giám khảo %(name)s công tác tại đơn vị gửi bài %(code)s; không phân công chấm bài "
            "của chính đơn vị mình."
        ) % {"name": judge.get_full_name() or judge.username, "code": entry.anon_code}
    return None


def round_entries(round_: Round):
    """The entries a round judges: before it starts, the accepted ones in the first round and
    the finalists after; once it has started, those it gave to judges (whatever step each
    entry has reached since)."""
    if round_.state != RoundState.PENDING:
        judged = Sheet.objects.filter(round=round_).values("entry_id")
        return round_.contest.entries.filter(pk__in=judged).order_by("pk")
    state = EntryState.ACCEPTED if round_.number == 1 else EntryState.FINALIST
    return round_.contest.entries.filter(state=state).order_by("pk")


def _new_sheet(round_: Round, entry: Entry, judge) -> Sheet:
    if reason := own_unit_conflict(judge, entry):
        raise ValidationError(reason)
    if not round_.contest.judges.filter(user=judge).exists():
        raise ValidationError(_("Người này không có trong danh sách giám khảo của cuộc thi."))
    live = round_.sheets.filter(entry=entry, judge=judge).exclude(state=SheetState.REPLACED)
    if live.exists() or round_.sheets.filter(entry=entry, judge=judge).exists():
        raise ValidationError(
            _("Giám khảo này đã được phân công bài %(code)s ở vòng này.")
            % {"code": entry.anon_code}
        )
    return Sheet.objects.create(round=round_, entry=entry, judge=judge)


def round_robin(entries: list, judges: list, per_entry: int, refuse) -> list[tuple]:
    """(entry, judge) pairs: each entry to `per_entry` different judges, taken in turn so the
    load is even, skipping a judge `refuse(judge, entry)` names. Pure."""
    if per_entry > len(judges):
        raise ValidationError(
            _("Cần ít nhất %(k)d giám khảo cho mỗi bài; danh sách mới có %(n)d.")
            % {"k": per_entry, "n": len(judges)}
        )
    pairs = []
    turn = itertools.cycle(range(len(judges)))
    for entry in entries:
        chosen = []
        for _attempt in range(len(judges) * 2):
            judge = judges[next(turn)]
            if judge in chosen or refuse(judge, entry):
                continue
            chosen.append(judge)
            if len(chosen) == per_entry:
                break
        if len(chosen) < per_entry:
            raise ValidationError(
                _("Không đủ giám khảo không cùng đơn vị với bài %(code)s.")
                % {"code": entry.anon_code}
            )
        pairs.extend((entry, judge) for judge in chosen)
    return pairs


@transaction.atomic
def assign_round_robin(actor, round_: Round) -> int:
    """Every entry of the round to `judges_per_entry` judges of the pool, in turn, never to a
    judge of the entry's own unit. Refused once sheets exist for the round."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    require(actor, permissions.MANAGE_ROUND, round_)
    if round_.state != RoundState.PENDING:
        raise ValidationError(_("Vòng chấm đã bắt đầu; phân công thêm ở từng bài."))
    if round_.sheets.exists():
        raise ValidationError(_("Vòng này đã được phân công giám khảo."))
    entries = list(round_entries(round_).select_related("author_unit"))
    if not entries:
        raise ValidationError(_("Vòng này chưa có bài nào để chấm."))
    judges = [j.user for j in round_.contest.judges.select_related("user").order_by("pk")]
    pairs = round_robin(
        entries, judges, round_.judges_per_entry, lambda j, e: own_unit_conflict(j, e)
    )
    Sheet.objects.bulk_create([Sheet(round=round_, entry=e, judge=j) for e, j in pairs])
    record(
        actor=actor,
        action="contests.round.assign",
        instance=round_,
        after={"sheets": len(pairs), "judges": sorted({j.pk for _, j in pairs})},
    )
    return len(pairs)


@transaction.atomic
def assign_judge(actor, round_: Round, entry: Entry, judge) -> Sheet:
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    require(actor, permissions.MANAGE_ROUND, round_)
    if round_.state == RoundState.CLOSED:
        raise ValidationError(_("Vòng chấm đã tổng hợp kết quả."))
    sheet = _new_sheet(round_, entry, judge)
    record(actor=actor, action="contests.sheet.assign", instance=sheet, after=snapshot(sheet))
    return sheet


@transaction.atomic
def open_round(actor, round_, *, expected_version=None, note="") -> Round:
    return transition(ROUNDS, actor, round_, "open", note=note, expected_version=expected_version)


@transaction.atomic
def save_scores(judge, sheet: Sheet, values: dict, *, expected_version=None) -> Sheet:
    """The judge's scores {criterion id: value}; refused above a criterion's maximum, and once
    the sheet is submitted (locked)."""
    sheet = lock(SHEETS, sheet, expected_version)
    require(judge, permissions.SCORE_SHEET, sheet)
    if sheet.state != SheetState.ASSIGNED:
        raise ValidationError(_("Phiếu chấm đã nộp hoặc đã chuyển giám khảo khác; không sửa được."))
    if sheet.round.state != RoundState.OPEN:
        raise ValidationError(_("Vòng chấm chưa mở hoặc đã kết thúc."))
    if reason := own_unit_conflict(judge, sheet.entry):
        raise ValidationError(reason)
    criteria = {c.pk: c for c in sheet.round.criteria.all()}
    parsed = {}
    errors = []
    for key, value in values.items():
        criterion = criteria.get(int(key))
        if criterion is None or value in (None, ""):
            continue
        try:
            parsed[criterion] = _parse_score(
                value, maximum=criterion.max_score, label=criterion.name
            )
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    before = {str(s.criterion_id): str(s.value) for s in sheet.scores.all()}
    for criterion, value in parsed.items():
        Score.objects.update_or_create(sheet=sheet, criterion=criterion, defaults={"value": value})
    sheet = save_versioned(SHEETS, sheet)
    record(
        actor=judge,
        action="contests.sheet.score",
        instance=sheet,
        before={"scores": before},
        after={"scores": {str(c.pk): str(v) for c, v in parsed.items()}},
    )
    return sheet


@transaction.atomic
def submit_sheet(judge, sheet, *, expected_version=None, note="") -> Sheet:
    if reason := own_unit_conflict(judge, sheet.entry):
        raise ValidationError(reason)
    if Round.objects.get(pk=sheet.round_id).state != RoundState.OPEN:
        raise ValidationError(_("Vòng chấm chưa mở hoặc đã kết thúc."))
    return transition(
        SHEETS, judge, sheet, "submit", note=note, expected_version=expected_version,
        submitted_at=timezone.now(),
    )  # fmt: skip


@transaction.atomic
def declare_conflict(judge, sheet, *, note, expected_version=None) -> Sheet:
    return transition(
        SHEETS, judge, sheet, "declare_conflict", note=note, expected_version=expected_version,
        conflict_reason=(note or "").strip(),
    )  # fmt: skip


@transaction.atomic
def replace_judge(actor, sheet: Sheet, new_judge, *, expected_version=None, note="") -> Sheet:
    """The office replaces a judge who declared a conflict: the old sheet is closed, a new one
    goes to `new_judge` (not of the entry's own unit, not already on it)."""
    old = transition(SHEETS, actor, sheet, "replace", note=note, expected_version=expected_version)
    new = _new_sheet(old.round, old.entry, new_judge)
    record(actor=actor, action="contests.sheet.assign", instance=new, after=snapshot(new))
    return new


# -- results ---------------------------------------------------------------------------------


def round_results(round_: Round, entries=None) -> list[ranking.Ranked]:
    """The round's table: each entry's average over its submitted sheets, ranked by the
    contest's written tie-break rules."""
    criteria = list(round_.criteria.order_by("position"))
    entries = list(entries if entries is not None else round_entries(round_))
    previous = {}
    if round_.number > 1:
        before = round_.contest.rounds.filter(number=round_.number - 1).first()
        if before is not None:
            previous = {r.result.entry_id: r.result.total for r in round_results(before, entries)}
    totals: dict[int, list[Decimal]] = {e.pk: [] for e in entries}
    per_criterion: dict[tuple[int, int], list[Decimal]] = {}
    sheet_totals: dict[int, Decimal] = {}
    scores = Score.objects.filter(
        sheet__round=round_, sheet__state=SheetState.SUBMITTED, sheet__entry__in=entries
    ).values_list("sheet_id", "sheet__entry_id", "criterion_id", "value")
    for sheet_id, entry_id, criterion_id, value in scores:
        sheet_totals[sheet_id] = sheet_totals.get(sheet_id, Decimal(0)) + value
        per_criterion.setdefault((entry_id, criterion_id), []).append(value)
    sheet_entries = dict(Sheet.objects.filter(pk__in=sheet_totals).values_list("pk", "entry_id"))
    for sheet_id, total in sheet_totals.items():
        totals[sheet_entries[sheet_id]].append(total)
    results = [
        ranking.Result(
            entry_id=e.pk,
            total=ranking.average(totals[e.pk]),
            criteria=tuple(ranking.average(per_criterion.get((e.pk, c.pk), [])) for c in criteria),
            previous=previous.get(e.pk, Decimal(0)),
            submitted_at=e.submitted_at,
        )
        for e in entries
    ]
    ranked = ranking.rank(results, list(round_.contest.tie_breaks))
    by_id = {e.pk: e for e in entries}
    for row in ranked:
        row.extra["entry"] = by_id[row.result.entry_id]
    return ranked


@transaction.atomic
def close_round(actor, round_: Round, *, expected_version=None, note="") -> Round:
    """The round's results; after the preliminary round the top N go to the final, the others
    stop there (each entry's step in its history)."""
    round_ = transition(
        ROUNDS, actor, round_, "close", note=note, expected_version=expected_version
    )
    if round_.kind == RoundKind.PRELIMINARY:
        ranked = round_results(round_)
        chosen, reason = ranking.top(ranked, round_.advance_count or 0)
        if reason:
            raise ValidationError(reason)
        going = {row.result.entry_id for row in chosen}
        for row in ranked:
            entry = row.extra["entry"]
            transition(ENTRIES, actor, entry, "advance" if entry.pk in going else "eliminate")
    return round_


def final_table(contest: Contest) -> tuple[list[ranking.Ranked], str | None]:
    """The last round's table with the prizes allocated (a reason when a tie blocks them)."""
    last = contest.rounds.order_by("-number").first()
    if last is None:
        return [], _("Cuộc thi chưa có vòng chấm.")
    ranked = round_results(last)
    prizes = [(p.rank, p.count, p.amount) for p in _ordered_prizes(contest)]
    reason = ranking.allocate(ranked, prizes)
    labels = dict(PrizeRank.choices)
    for row in ranked:
        row.extra["prize_label"] = labels.get(row.prize, "")
    return ranked, reason


def _ordered_prizes(contest: Contest) -> list[Prize]:
    found = {p.rank: p for p in contest.prizes.all()}
    return [found[rank] for rank in PRIZE_ORDER if rank in found]


@transaction.atomic
def decide(
    actor, contest: Contest, *, number, signed_on, signer, signer_title="",
    expected_version=None, note="",
) -> ContestDecision:  # fmt: skip
    """The decision giving the prizes by the final table; the winners become public."""
    if not str(number).strip() or not str(signer).strip() or signed_on is None:
        raise ValidationError(_("Ghi đủ số quyết định, ngày ký và người ký."))
    if ContestDecision.objects.filter(
        contest__council=contest.council, contest__year=contest.year, number=number.strip()
    ).exists():
        raise ValidationError(_("Số quyết định này đã dùng cho cuộc thi khác trong năm."))
    contest = transition(
        CONTESTS, actor, contest, "decide", note=note, expected_version=expected_version
    )
    ranked, reason = final_table(contest)
    if reason:
        raise ValidationError(reason)
    for row in ranked:
        entry = row.extra["entry"]
        entry = transition(
            ENTRIES, actor, entry, "award" if row.prize else "not_award",
            prize=row.prize, final_rank=row.rank,
        )  # fmt: skip
    decision = ContestDecision.objects.create(
        contest=contest, number=number.strip(), signed_on=signed_on, signer=signer.strip(),
        signer_title=signer_title.strip(),
    )  # fmt: skip
    record(
        actor=actor, action="contests.decision.issue", instance=decision, after=snapshot(decision)
    )
    return decision
