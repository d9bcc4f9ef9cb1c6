"""The standing office's and the judges' pages of writing contests."""

import mimetypes

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.contests import documents, forms, permissions, selectors, services
from vinhdanh.contests.models import (
    Contest,
    ContestState,
    Entry,
    Round,
    RoundState,
    Sheet,
    SheetState,
)
from vinhdanh.contests.workflows import CONTESTS, ENTRIES, ROUNDS, SHEETS
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.files import private_file_view, safe_extension, serve_private
from vinhdanh.documents.anonymise import anonymised
from vinhdanh.plans.models import Task
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service


def _contest(request, pk, action=access.VIEW) -> Contest:
    return access.get_visible_or_404(
        request.user, Contest.objects.select_related("council", "unit", "task"), action, pk=pk
    )


def _tasks_for(contest_or_council):
    council = getattr(contest_or_council, "council", contest_or_council)
    return Task.objects.filter(plan__council=council).order_by("plan__year", "position")


@login_required
def contest_list(request):
    context = {
        "contests": selectors.contests_for(request.user)[:200],
        "can_create": allows(request.user, permissions.CREATE_CONTEST),
    }
    return render(request, "contests/contest_list.html", context)


@login_required
def contest_edit(request, pk: int | None = None):
    user = request.user
    contest = _contest(request, pk, access.CHANGE) if pk else None
    if contest is not None:
        require(user, permissions.MANAGE_CONTEST, contest)
    else:
        require(user, permissions.CREATE_CONTEST)
    council = contest.council if contest else acting_council(user)
    if council is None:
        raise Http404(_("Không tìm thấy."))
    form = forms.ContestForm(request.POST or None, instance=contest, tasks=_tasks_for(council))
    if request.method == "POST":
        if contest is None:
            saved = run_service(
                form,
                lambda: services.create_contest(user, council=council, **form.service_fields()),
            )
        else:
            saved = run_service(
                form,
                lambda: services.update_contest(
                    user, contest, expected_version=form.cleaned_data.get("version"),
                    **form.service_fields(),
                ),
            )  # fmt: skip
        if saved is not None:
            messages.success(request, _("Đã lưu thể lệ cuộc thi."))
            return redirect("contests:contest_detail", saved.pk)
    return render(request, "contests/contest_form.html", {"form": form, "contest": contest})


def _detail(request, contest, refused=None, **extra):
    user = request.user
    see_authors = allows(user, permissions.SEE_AUTHORS, contest)
    rounds = list(contest.rounds.prefetch_related("criteria"))
    context = {
        "contest": contest,
        "actions": {a.name: a for a in CONTESTS.available(user, contest)},
        "may_manage": allows(user, permissions.MANAGE_CONTEST, contest),
        "see_authors": see_authors,
        "rounds": rounds,
        "prizes": contest.prizes.all(),
        "judges": contest.judges.select_related("user__unit"),
        "entries": selectors.entries_of(contest) if see_authors else None,
        "waiting": contest.entries.filter(state="submitted").count() if see_authors else 0,
        "decision": getattr(contest, "decision", None)
        if contest.state == ContestState.DECIDED
        else None,
        "step_form": forms.StepForm(initial={"version": contest.version}),
        "round_form": extra.pop("round_form", None) or forms.RoundForm(),
        "decide_form": extra.pop("decide_form", None)
        or forms.DecideForm(initial={"version": contest.version}),
        "refused": refused,
    }
    if contest.state in (ContestState.JUDGING, ContestState.DECIDED) and see_authors and rounds:
        last = rounds[-1]
        if last.state == RoundState.CLOSED:
            table, reason = services.final_table(contest)
            context["final_table"], context["final_problem"] = table, reason
    context.update(extra)
    return render(request, "contests/contest_detail.html", context, status=400 if refused else 200)


@login_required
def contest_detail(request, pk: int):
    return _detail(request, _contest(request, pk))


@login_required
@require_POST
def contest_step(request, pk: int, action: str):
    contest = _contest(request, pk)
    service = {"open": services.open_contest, "close_entries": services.close_entries}.get(action)
    if service is None:
        raise Http404(_("Không tìm thấy."))
    form = forms.StepForm(request.POST, action=CONTESTS.action(action))
    done = run_service(
        form, lambda: service(request.user, contest, expected_version=form.cleaned_data["version"])
    )
    if done is None:
        return _detail(request, contest, refused=form)
    messages.success(
        request, _("Đã thực hiện: %(step)s.") % {"step": CONTESTS.actions[action].label}
    )
    return redirect("contests:contest_detail", contest.pk)


@login_required
@require_POST
def round_add(request, pk: int):
    contest = _contest(request, pk)
    form = forms.RoundForm(request.POST)
    done = run_service(
        form,
        lambda: services.add_round(
            request.user, contest, kind=form.cleaned_data["kind"],
            criteria=form.cleaned_data["criteria"],
            judges_per_entry=form.cleaned_data["judges_per_entry"],
            advance_count=form.cleaned_data["advance_count"], ends_on=form.cleaned_data["ends_on"],
        ),
    )  # fmt: skip
    if done is None:
        return _detail(request, contest, refused=form, round_form=form)
    messages.success(request, _("Đã thêm vòng chấm."))
    return redirect("contests:contest_detail", contest.pk)


@login_required
@require_POST
def round_delete(request, pk: int):
    round_ = access.get_visible_or_404(
        request.user, Round.objects.select_related("contest"), access.CHANGE, pk=pk
    )
    form = forms.StepForm(request.POST)
    if run_service(form, lambda: services.delete_round(request.user, round_) or True) is None:
        return _detail(request, round_.contest, refused=form)
    messages.success(request, _("Đã xóa vòng chấm."))
    return redirect("contests:contest_detail", round_.contest_id)


@login_required
@require_POST
def accept_waiting(request, pk: int):
    contest = _contest(request, pk)
    form = forms.StepForm(request.POST)
    count = run_service(form, services.accept_waiting, request.user, contest)
    if count is None:
        return _detail(request, contest, refused=form)
    messages.success(request, _("Đã nhận %(n)d bài vào chấm.") % {"n": count})
    return redirect("contests:contest_detail", contest.pk)


def _judge_candidates(contest):
    # The accounts holding a seat in the contest's council: its members, its staff, and the
    # outside experts the instance's administrator gave a seat to judge.
    seated = Q(council=contest.council) | Q(memberships__council=contest.council)
    users = get_user_model().objects.filter(seated, is_active=True)
    return (
        get_user_model()
        .objects.filter(pk__in=users.values("pk"))
        .select_related("unit")
        .order_by("first_name", "username")
    )


@login_required
def contest_judges(request, pk: int):
    contest = _contest(request, pk)
    require(request.user, permissions.MANAGE_CONTEST, contest)
    form = forms.JudgesForm(request.POST or None, users=_judge_candidates(contest), contest=contest)
    if request.method == "POST":
        done = run_service(form, lambda: services.set_judges(request.user, contest, form.judges()))
        if done is not None:
            messages.success(request, _("Đã lưu danh sách giám khảo."))
            return redirect("contests:contest_detail", contest.pk)
    return render(request, "contests/contest_judges.html", {"contest": contest, "form": form})


@login_required
@require_POST
def decide(request, pk: int):
    contest = _contest(request, pk)
    form = forms.DecideForm(request.POST, action=CONTESTS.actions["decide"])
    done = run_service(
        form,
        lambda: services.decide(
            request.user, contest, number=form.cleaned_data["number"],
            signed_on=form.cleaned_data["signed_on"], signer=form.cleaned_data["signer"],
            signer_title=form.cleaned_data["signer_title"],
            expected_version=form.cleaned_data["version"], note=form.cleaned_data["note"],
        ),
    )  # fmt: skip
    if done is None:
        return _detail(request, contest, refused=form, decide_form=form)
    messages.success(request, _("Đã ban hành quyết định trao giải; kết quả được công bố."))
    return redirect("contests:contest_detail", contest.pk)


@login_required
def decision_docx(request, pk: int):
    contest = _contest(request, pk)
    decision = getattr(contest, "decision", None)
    if decision is None:
        raise Http404(_("Không tìm thấy."))
    see = allows(request.user, permissions.SEE_AUTHORS, contest)
    return download(
        documents.decision_document(contest, with_authors=see),
        f"quyet-dinh-trao-giai-{contest.pk}.docx",
        DOCX,
    )


# -- entries (the office) ----------------------------------------------------------------------


def _entry(request, pk) -> Entry:
    entry = access.get_visible_or_404(
        request.user, Entry.objects.select_related("contest", "author_unit"), pk=pk
    )
    if not allows(request.user, permissions.SEE_AUTHORS, entry.contest):
        raise Http404(_("Không tìm thấy."))
    return entry


def _entry_page(request, entry, refused=None):
    user = request.user
    context = {
        "entry": entry,
        "contest": entry.contest,
        "actions": {a.name: a for a in ENTRIES.available(user, entry)},
        "sheets": entry.sheets.select_related("judge", "round").prefetch_related("scores"),
        "history": [
            (step, ENTRIES.actions[step.action].label if step.action in ENTRIES.actions else "")
            for step in entry.transitions.select_related("actor")
        ],
        "step_form": forms.StepForm(initial={"version": entry.version}),
        "reject_form": refused
        or forms.RejectForm(initial={"version": entry.version}, action=ENTRIES.actions["reject"]),
        "refused": refused,
    }
    return render(request, "contests/entry_detail.html", context, status=400 if refused else 200)


@login_required
def entry_detail(request, pk: int):
    return _entry_page(request, _entry(request, pk))


@login_required
@require_POST
def entry_step(request, pk: int, action: str):
    entry = _entry(request, pk)
    service = {"accept": services.accept_entry, "reject": services.reject_entry}.get(action)
    if service is None:
        raise Http404(_("Không tìm thấy."))
    form_class = forms.RejectForm if action == "reject" else forms.StepForm
    form = form_class(request.POST, action=ENTRIES.action(action))
    done = run_service(
        form,
        lambda: service(
            request.user, entry, expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        ),
    )  # fmt: skip
    if done is None:
        return _entry_page(request, entry, refused=form)
    messages.success(request, _("Đã cập nhật bài %(code)s.") % {"code": entry.anon_code})
    return redirect("contests:contest_detail", entry.contest_id)


@private_file_view
def entry_file(request, pk: int):
    entry = _entry(request, pk)
    return serve_private(
        request, entry.file, download_name=f"{entry.anon_code}{safe_extension(entry.file.name)}"
    )


# -- rounds (the office) -----------------------------------------------------------------------


def _round(request, pk) -> Round:
    round_ = access.get_visible_or_404(
        request.user, Round.objects.select_related("contest__council"), pk=pk
    )
    if not allows(request.user, permissions.SEE_AUTHORS, round_.contest):
        raise Http404(_("Không tìm thấy."))
    return round_


def _round_page(request, round_, refused=None, **extra):
    contest = round_.contest
    judges = get_user_model().objects.filter(pk__in=contest.judges.values("user_id"))
    sheets = round_.sheets.select_related("entry", "judge").order_by("entry__anon_code", "pk")
    results = services.round_results(round_) if round_.state != RoundState.PENDING else []
    context = {
        "round": round_,
        "contest": contest,
        "actions": {a.name: a for a in ROUNDS.available(request.user, round_)},
        "sheets": sheets,
        "counts": selectors.sheet_counts(round_),
        "results": results,
        "step_form": forms.StepForm(initial={"version": round_.version}),
        "assign_form": extra.pop("assign_form", None)
        or forms.AssignForm(entries=services.round_entries(round_), judges=judges),
        "replace_judges": judges,
        "refused": refused,
        "may_manage": allows(request.user, permissions.MANAGE_ROUND, round_),
    }
    context.update(extra)
    return render(request, "contests/round_detail.html", context, status=400 if refused else 200)


@login_required
def round_detail(request, pk: int):
    return _round_page(request, _round(request, pk))


@login_required
@require_POST
def round_step(request, pk: int, action: str):
    round_ = _round(request, pk)
    service = {"open": services.open_round, "close": services.close_round}.get(action)
    if service is None:
        raise Http404(_("Không tìm thấy."))
    form = forms.StepForm(request.POST, action=ROUNDS.action(action))
    done = run_service(
        form, lambda: service(request.user, round_, expected_version=form.cleaned_data["version"])
    )
    if done is None:
        return _round_page(request, round_, refused=form)
    messages.success(request, _("Đã thực hiện: %(step)s.") % {"step": ROUNDS.actions[action].label})
    return redirect("contests:round_detail", round_.pk)


@login_required
@require_POST
def round_assign(request, pk: int):
    round_ = _round(request, pk)
    form = forms.StepForm(request.POST)
    count = run_service(form, services.assign_round_robin, request.user, round_)
    if count is None:
        return _round_page(request, round_, refused=form)
    messages.success(request, _("Đã phân công %(n)d phiếu chấm.") % {"n": count})
    return redirect("contests:round_detail", round_.pk)


@login_required
@require_POST
def round_assign_one(request, pk: int):
    round_ = _round(request, pk)
    judges = get_user_model().objects.filter(pk__in=round_.contest.judges.values("user_id"))
    form = forms.AssignForm(request.POST, entries=services.round_entries(round_), judges=judges)
    done = run_service(
        form,
        lambda: services.assign_judge(
            request.user, round_, form.cleaned_data["entry"], form.cleaned_data["judge"]
        ),
    )
    if done is None:
        return _round_page(request, round_, refused=form, assign_form=form)
    messages.success(request, _("Đã phân công giám khảo."))
    return redirect("contests:round_detail", round_.pk)


@login_required
@require_POST
def sheet_replace(request, pk: int):
    sheet = access.get_visible_or_404(
        request.user, Sheet.objects.select_related("round__contest", "entry"), access.CHANGE, pk=pk
    )
    judges = (
        get_user_model()
        .objects.filter(pk__in=sheet.round.contest.judges.values("user_id"))
        .exclude(pk=sheet.judge_id)
    )
    form = forms.ReplaceForm(request.POST, judges=judges, action=SHEETS.actions["replace"])
    done = run_service(
        form,
        lambda: services.replace_judge(
            request.user, sheet, form.cleaned_data["judge"],
            expected_version=form.cleaned_data["version"], note=form.cleaned_data["note"],
        ),
    )  # fmt: skip
    if done is None:
        return _round_page(request, _round(request, sheet.round_id), refused=form)
    messages.success(
        request, _("Đã thay giám khảo cho bài %(code)s.") % {"code": sheet.entry.anon_code}
    )
    return redirect("contests:round_detail", sheet.round_id)


# -- the judges' pages: entries by their code only ---------------------------------------------


@login_required
def my_sheets(request):
    return render(
        request, "contests/my_sheets.html", {"sheets": selectors.my_sheets(request.user)[:500]}
    )


def _own_sheet(request, pk) -> Sheet:
    sheet = access.get_visible_or_404(
        request.user, Sheet.objects.select_related("round__contest", "entry"), pk=pk
    )
    if sheet.judge_id != request.user.pk:
        raise Http404(_("Không tìm thấy."))
    return sheet


def _sheet_page(request, sheet, refused=None, score_form=None):
    context = {
        "sheet": sheet,
        "entry": sheet.entry,
        "round": sheet.round,
        "contest": sheet.round.contest,
        "actions": {a.name: a for a in SHEETS.available(request.user, sheet)},
        "editable": sheet.state == SheetState.ASSIGNED and sheet.round.state == RoundState.OPEN,
        "score_form": score_form or forms.ScoreForm(sheet=sheet),
        "scores": sheet.scores.select_related("criterion").order_by("criterion__position"),
        "step_form": forms.StepForm(initial={"version": sheet.version}),
        "conflict_form": forms.ConflictForm(
            initial={"version": sheet.version}, action=SHEETS.actions["declare_conflict"]
        ),
        "refused": refused,
    }
    return render(request, "contests/sheet_detail.html", context, status=400 if refused else 200)


@login_required
def sheet_detail(request, pk: int):
    return _sheet_page(request, _own_sheet(request, pk))


@login_required
@require_POST
def sheet_scores(request, pk: int):
    sheet = _own_sheet(request, pk)
    form = forms.ScoreForm(request.POST, sheet=sheet)
    done = run_service(
        form,
        lambda: services.save_scores(
            request.user, sheet, form.values(), expected_version=form.cleaned_data["version"]
        ),
    )
    if done is None:
        return _sheet_page(request, sheet, refused=form, score_form=form)
    messages.success(request, _("Đã lưu điểm."))
    return redirect("contests:sheet_detail", sheet.pk)


@login_required
@require_POST
def sheet_step(request, pk: int, action: str):
    sheet = _own_sheet(request, pk)
    if action == "submit":
        form = forms.StepForm(request.POST, action=SHEETS.actions["submit"])
        service = services.submit_sheet
    elif action == "declare_conflict":
        form = forms.ConflictForm(request.POST, action=SHEETS.actions["declare_conflict"])
        service = services.declare_conflict
    else:
        raise Http404(_("Không tìm thấy."))
    done = run_service(
        form,
        lambda: service(
            request.user, sheet, expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        ),
    )  # fmt: skip
    if done is None:
        return _sheet_page(request, sheet, refused=form)
    messages.success(request, _("Đã thực hiện: %(step)s.") % {"step": SHEETS.actions[action].label})
    return redirect("contests:my_sheets")


@private_file_view
def sheet_file(request, pk: int):
    """The entry's file for its judge, named by its code, without the author in its
    metadata."""
    sheet = _own_sheet(request, pk)
    entry = sheet.entry
    if not entry.file or not entry.file.storage.exists(entry.file.name):
        raise Http404(_("Không tìm thấy tệp."))
    with entry.file.open("rb") as stored:
        content = anonymised(entry.file_kind, stored.read())
    name = f"{entry.anon_code}{safe_extension(entry.file.name)}"
    response = download(content, name, mimetypes.guess_type(name)[0] or "application/octet-stream")
    response["Cache-Control"] = "private, no-store"
    return response
