"""Pages of inspections: thin, every change through inspections.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.models import User
from vinhdanh.core.downloads import DOCX, download
from vinhdanh.core.files import private_file_view, safe_extension, serve_private
from vinhdanh.core.years import parse_year
from vinhdanh.inspections import documents, permissions, selectors, services
from vinhdanh.inspections.forms import (
    ClosePlanForm,
    CompleteFollowUpForm,
    ConductForm,
    FindingsForm,
    FollowUpForm,
    IssuePlanForm,
    PlanForm,
    ReopenFollowUpForm,
    ReopenVisitForm,
    SignForm,
    TeamForm,
    VisitForm,
)
from vinhdanh.inspections.models import Finding, FollowUp, InspectionPlan, PlanState, Visit
from vinhdanh.inspections.workflows import FINDINGS_OPEN, FOLLOW_UPS, PLANS, VISITS
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import Task
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import labelled_history, run_service

PER_PAGE = 30

PLAN_STEPS = {
    "issue": (IssuePlanForm, services.issue_plan, _("Đã ban hành kế hoạch kiểm tra.")),
    "close": (ClosePlanForm, services.close_plan, _("Đã tổng kết kế hoạch kiểm tra.")),
}
VISIT_STEPS = {
    "conduct": (ConductForm, services.conduct_visit, _("Đã hoàn thành kiểm tra đơn vị.")),
    "sign": (SignForm, services.sign_minutes, _("Đã ký biên bản kiểm tra.")),
    "reopen": (ReopenVisitForm, services.reopen_visit, _("Đã mở lại để sửa kết quả.")),
}
FOLLOW_UP_STEPS = {
    "complete": (
        CompleteFollowUpForm,
        services.complete_follow_up,
        _("Đã báo cáo hoàn thành khắc phục."),
    ),
    "reopen": (ReopenFollowUpForm, services.reopen_follow_up, _("Đã yêu cầu tiếp tục khắc phục.")),
}
# What each step's form passes to its service besides the version.
STEP_FIELDS = {
    "close": "summary",
    "conduct": "conclusion",
    "sign": "unit_representative",
    "complete": "result",
}


def _step_kwargs(name: str, form) -> dict:
    if name in STEP_FIELDS:
        return {STEP_FIELDS[name]: form.cleaned_data.get(STEP_FIELDS[name], "")}
    if form.action is not None and form.action.note_required:
        return {"note": form.cleaned_data["note"]}
    return {}


@login_required
def plan_list(request):
    year = parse_year(request.GET.get("year"))
    plans = selectors.plans_for(request.user, year).order_by("-year", "-pk")
    return render(
        request,
        "inspections/plan_list.html",
        {
            "plans": Paginator(plans, PER_PAGE).get_page(request.GET.get("page")),
            "year": year,
            "page_query": f"year={year}" if year else "",
            "can_create": allows(request.user, permissions.CREATE_PLAN),
            "my_visits": list(selectors.waiting_visits(request.user)[:10]),
        },
    )


def _visible_plan(request, pk: int, action=access.VIEW) -> InspectionPlan:
    return access.get_visible_or_404(
        request.user,
        InspectionPlan.objects.select_related("council", "council__unit", "plan_task"),
        action,
        pk=pk,
    )


def _council_people(council):
    """Who may be on a team: the accounts holding a seat in the council."""
    return (
        User.objects.filter(memberships__council=council, is_active=True)
        .distinct()
        .order_by("last_name", "username")
    )


def _plan_page(request, plan: InspectionPlan, *, refused=None, status=200, **forms):
    user = request.user
    may_manage = allows(user, permissions.MANAGE_PLAN, plan)
    actions = {action.name: action for action in PLANS.available(user, plan)}
    steps = {
        name: forms.pop(f"{name}_form", None)
        or form_class(initial={"version": plan.version}, action=PLANS.action(name))
        for name, (form_class, _service, _done) in PLAN_STEPS.items()
    }
    teams = plan.teams.select_related("leader").prefetch_related("members")
    units = (
        Unit.objects.filter(path__startswith=plan.council.unit.path, valid_to__isnull=True)
        .exclude(pk=plan.council.unit_id)
        .exclude(inspection_visits__plan=plan)
        .order_by("path")
    )
    sees_summary = allows(user, permissions.SEE_SUMMARY, plan)
    context = {
        "plan": plan,
        "actions": actions,
        "steps": steps,
        "may_manage": may_manage and plan.state != PlanState.CLOSED,
        "items": list(plan.items.all()),
        "teams": list(teams),
        "visits": list(selectors.visits_for(user, plan)),
        "team_form": forms.pop("team_form", None) or TeamForm(people=_council_people(plan.council)),
        "visit_form": forms.pop("visit_form", None) or VisitForm(units=units, teams=teams),
        "sees_summary": sees_summary,
        "summary": selectors.plan_summary(plan) if sees_summary else None,
        "history": labelled_history(PLANS, plan),
        "refused": refused,
    }
    return render(request, "inspections/plan_detail.html", context, status=status)


@login_required
def plan_detail(request, pk: int):
    return _plan_page(request, _visible_plan(request, pk))


@login_required
def plan_edit(request, pk: int | None = None):
    plan = None
    if pk is None:
        require(request.user, permissions.CREATE_PLAN)
        council = acting_council(request.user)
    else:
        plan = _visible_plan(request, pk, access.CHANGE)
        council = plan.council
    tasks = Task.objects.none()
    if council is not None:
        tasks = (
            access.scope_queryset(request.user, Task.objects.select_related("plan"))
            .filter(plan__council=council)
            .order_by("-plan__year", "position")
        )
    initial = (
        {}
        if plan
        else {
            "year": timezone.localdate().year,
            "checklist": "\n".join(services.DEFAULT_CHECKLIST),
        }
    )
    form = PlanForm(request.POST or None, instance=plan, tasks=tasks, initial=initial)
    if request.method == "POST":

        def save():
            data = dict(form.cleaned_data)
            checklist = services.checklist_lines(data.pop("checklist"))
            version = data.pop("version", None)
            if plan is None:
                return services.create_plan(request.user, checklist=checklist, **data)
            return services.update_plan(
                request.user, plan, checklist=checklist, expected_version=version, **data
            )

        saved = run_service(form, save)
        if saved is not None:
            messages.success(request, _("Đã lưu kế hoạch kiểm tra."))
            return redirect("inspections:plan_detail", saved.pk)
    return render(
        request,
        "inspections/plan_form.html",
        {"form": form, "plan": plan},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def plan_step(request, pk: int, action: str):
    if action not in PLAN_STEPS:
        raise Http404(_("Không tìm thấy."))
    plan = _visible_plan(request, pk)
    form_class, service, done = PLAN_STEPS[action]
    form = form_class(request.POST, action=PLANS.action(action))
    applied = run_service(
        form,
        lambda: service(
            request.user,
            plan,
            expected_version=form.cleaned_data["version"],
            **_step_kwargs(action, form),
        ),
    )
    if applied is None:
        return _plan_page(request, plan, refused=form, status=400, **{f"{action}_form": form})
    messages.success(request, done)
    return redirect("inspections:plan_detail", pk)


@login_required
@require_POST
def team_add(request, pk: int):
    plan = _visible_plan(request, pk)
    form = TeamForm(request.POST, people=_council_people(plan.council))
    added = run_service(
        form,
        lambda: services.add_team(
            request.user,
            plan,
            name=form.cleaned_data["name"],
            leader=form.cleaned_data["leader"],
            members=form.cleaned_data["members"],
        ),
    )
    if added is None:
        return _plan_page(request, plan, refused=form, status=400, team_form=form)
    messages.success(request, _("Đã lập %(team)s.") % {"team": added})
    return redirect("inspections:plan_detail", pk)


@login_required
@require_POST
def visit_add(request, pk: int):
    plan = _visible_plan(request, pk)
    units = Unit.objects.filter(path__startswith=plan.council.unit.path)
    form = VisitForm(request.POST, units=units, teams=plan.teams.all())
    added = run_service(
        form, lambda: services.schedule_visit(request.user, plan, **form.cleaned_data)
    )
    if added is None:
        return _plan_page(request, plan, refused=form, status=400, visit_form=form)
    messages.success(request, _("Đã lên lịch kiểm tra %(unit)s.") % {"unit": added.unit})
    return redirect("inspections:plan_detail", pk)


def _visible_visit(request, pk: int) -> Visit:
    return access.get_visible_or_404(
        request.user,
        Visit.objects.select_related(
            "plan", "plan__council", "plan__council__unit", "unit", "team", "team__leader"
        ),
        pk=pk,
    )


def _visit_page(request, visit: Visit, *, refused=None, status=200, **forms):
    user = request.user
    findings = {f.item_id: f for f in visit.findings.all()}
    may_record = (
        visit.plan.state == PlanState.ISSUED
        and visit.state in FINDINGS_OPEN
        and allows(user, permissions.RECORD_FINDINGS, visit)
    )
    actions = {action.name: action for action in VISITS.available(user, visit)}
    steps = {
        name: forms.pop(f"{name}_form", None)
        or form_class(
            initial={
                "version": visit.version,
                "conclusion": visit.conclusion,
                "unit_representative": visit.unit_representative,
            },
            action=VISITS.action(name),
        )
        for name, (form_class, _service, _done) in VISIT_STEPS.items()
    }
    follow_ups = list(visit.follow_ups.all())
    actions_by_state: dict[str, dict] = {}
    context = {
        "visit": visit,
        "plan": visit.plan,
        "actions": actions,
        "steps": steps,
        "may_record": may_record,
        "findings_form": forms.pop("findings_form", None)
        or (FindingsForm(items=visit.plan.items.all(), findings=findings) if may_record else None),
        "findings": [(item, findings.get(item.pk)) for item in visit.plan.items.all()],
        "follow_ups": [
            (
                item,
                _follow_up_actions(user, item, actions_by_state),
                CompleteFollowUpForm(
                    initial={"version": item.version}, action=FOLLOW_UPS.action("complete")
                ),
                ReopenFollowUpForm(
                    initial={"version": item.version}, action=FOLLOW_UPS.action("reopen")
                ),
            )
            for item in follow_ups
        ],
        "follow_up_form": forms.pop("follow_up_form", None) or FollowUpForm(),
        "may_add_follow_up": visit.state != "signed"
        and allows(user, permissions.RECORD_FINDINGS, visit),
        "history": labelled_history(VISITS, visit),
        "today": timezone.localdate(),
        "refused": refused,
    }
    return render(request, "inspections/visit_detail.html", context, status=status)


def _follow_up_actions(user, item: FollowUp, known: dict) -> dict:
    """The steps open on `item`: asked once per state, as every item of a visit belongs to
    the same unit and so answers the permissions alike."""
    if item.state not in known:
        known[item.state] = {a.name: a for a in FOLLOW_UPS.available(user, item)}
    return known[item.state]


@login_required
def visit_detail(request, pk: int):
    return _visit_page(request, _visible_visit(request, pk))


@login_required
@require_POST
def findings_save(request, pk: int):
    visit = _visible_visit(request, pk)
    findings = {f.item_id: f for f in visit.findings.all()}
    form = FindingsForm(
        request.POST, request.FILES, items=visit.plan.items.all(), findings=findings
    )

    def save():
        rows = [services.FindingInput(**row) for row in form.answered()]
        if not rows:
            from django.core.exceptions import ValidationError

            raise ValidationError(_("Chưa ghi kết quả nội dung nào."))
        try:
            return services.record_findings(request.user, visit, rows)
        except services.FindingsRefused as refusal:
            for item_id, reason in refusal.by_item.items():
                form.add_error(f"item_{item_id}_result", reason)
            raise

    saved = run_service(form, save)
    if saved is None:
        return _visit_page(request, visit, refused=form, status=400, findings_form=form)
    messages.success(request, _("Đã lưu kết quả %(n)d nội dung.") % {"n": len(saved)})
    return redirect("inspections:visit_detail", pk)


@login_required
@require_POST
def visit_step(request, pk: int, action: str):
    if action not in VISIT_STEPS:
        raise Http404(_("Không tìm thấy."))
    visit = _visible_visit(request, pk)
    form_class, service, done = VISIT_STEPS[action]
    form = form_class(request.POST, action=VISITS.action(action))
    applied = run_service(
        form,
        lambda: service(
            request.user,
            visit,
            expected_version=form.cleaned_data["version"],
            **_step_kwargs(action, form),
        ),
    )
    if applied is None:
        return _visit_page(request, visit, refused=form, status=400, **{f"{action}_form": form})
    messages.success(request, done)
    return redirect("inspections:visit_detail", pk)


@login_required
@require_POST
def follow_up_add(request, pk: int):
    visit = _visible_visit(request, pk)
    form = FollowUpForm(request.POST)
    added = run_service(
        form, lambda: services.add_follow_up(request.user, visit, **form.cleaned_data)
    )
    if added is None:
        return _visit_page(request, visit, refused=form, status=400, follow_up_form=form)
    messages.success(request, _("Đã thêm việc cần khắc phục."))
    return redirect("inspections:visit_detail", pk)


@login_required
def follow_up_list(request):
    state = request.GET.get("state") or "open"
    items = selectors.follow_ups_for(request.user)
    if state in ("open", "done"):
        items = items.filter(state=state)
    items = items.order_by("due_on", "pk")
    return render(
        request,
        "inspections/follow_up_list.html",
        {
            "items": Paginator(items, PER_PAGE).get_page(request.GET.get("page")),
            "state": state,
            "page_query": f"state={state}",
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def follow_up_step(request, follow_up_id: int, action: str):
    if action not in FOLLOW_UP_STEPS:
        raise Http404(_("Không tìm thấy."))
    item = access.get_visible_or_404(
        request.user, FollowUp.objects.select_related("visit"), pk=follow_up_id
    )
    form_class, service, done = FOLLOW_UP_STEPS[action]
    form = form_class(request.POST, action=FOLLOW_UPS.action(action))
    applied = run_service(
        form,
        lambda: service(
            request.user,
            item,
            expected_version=form.cleaned_data["version"],
            **_step_kwargs(action, form),
        ),
    )
    if applied is None:
        visit = _visible_visit(request, item.visit_id)
        return _visit_page(request, visit, refused=form, status=400)
    messages.success(request, done)
    return redirect("inspections:visit_detail", item.visit_id)


@private_file_view
def evidence_file(request, pk: int):
    finding = access.get_visible_or_404(request.user, Finding.objects, pk=pk)
    if not finding.evidence_file:
        raise Http404(_("Không tìm thấy."))
    name = (finding.evidence_name or "minh-chung").rsplit(".", 1)[0]
    return serve_private(
        request,
        finding.evidence_file,
        download_name=f"{name}{safe_extension(finding.evidence_file.name)}",
    )


@login_required
def minutes_docx(request, pk: int):
    visit = _visible_visit(request, pk)
    name = f"bien-ban-kiem-tra-{slugify(visit.unit.name)[:50] or visit.pk}.docx"
    return download(documents.minutes_document(visit), name, DOCX)


@login_required
def summary_docx(request, pk: int):
    plan = _visible_plan(request, pk)
    require(request.user, permissions.SEE_SUMMARY, plan)
    name = f"bao-cao-kiem-tra-{plan.year}.docx"
    return download(documents.summary_document(plan, selectors.plan_summary(plan)), name, DOCX)
