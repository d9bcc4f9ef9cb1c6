"""Units' own plans: who has sent theirs, who has not, who was late, the office's decision;
and calendar feeds."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vinhdanh.accounts import access
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.plans import exports, feeds, selectors, services
from vinhdanh.plans.forms import (
    FeedCreateForm,
    FeedRevokeForm,
    UnitPlanDecisionForm,
    UnitPlanForm,
)
from vinhdanh.plans.models import Plan, UnitPlanSubmission
from vinhdanh.plans.views._common import today
from vinhdanh.plans.workflows import UNIT_PLANS
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service

DECISIONS = {"accept": services.accept_unit_plan, "return": services.return_unit_plan}


def _own_row(request, table):
    own = [row for row in table if request.user.unit_id == row.unit.pk]
    return own[0] if own else None


def _may_send(request, plan: Plan, row) -> bool:
    """What the service allows: a first sending, or sending again from the table's states."""
    if row is None:
        return False
    if row.submission is None:
        draft = UnitPlanSubmission(plan=plan, unit=row.unit)
        return allows(request.user, "plans.submit_unit_plan", draft)
    return any(a.name == "resubmit" for a in UNIT_PLANS.available(request.user, row.submission))


def _decision_form(submission, *args, **kwargs) -> UnitPlanDecisionForm:
    # One form per row of the table: the ids carry the row's key so none repeats.
    return UnitPlanDecisionForm(*args, auto_id=f"id_%s_{submission.pk}", **kwargs)


def _page(request, plan: Plan, *, form=None, decision=None, status: int = 200):
    table = selectors.unit_plan_table(request.user, plan, today())
    own = _own_row(request, table)
    if form is None and own is not None:
        form = UnitPlanForm(initial={"version": own.submission.version if own.submission else 0})
    # The office's buttons per row come from the same table and permissions as the service;
    # a refused decision shows its form again on its row.
    refused_pk, refused_form = decision or (None, None)
    for row in table:
        row.actions, row.decision_form = [], None
        if row.submission is None:
            continue
        row.actions = [
            a for a in UNIT_PLANS.available(request.user, row.submission) if a.name in DECISIONS
        ]
        row.decision_form = (
            refused_form
            if row.submission.pk == refused_pk
            else _decision_form(row.submission, initial={"version": row.submission.version})
        )
    return render(
        request,
        "plans/unit_plans.html",
        {
            "plan": plan,
            "table": table,
            "form": form,
            "own": own,
            "may_send": _may_send(request, plan, own),
            "counts": {
                state: sum(1 for r in table if r.state == state)
                for state in ("on_time", "late", "missing", "missing_overdue")
            },
            "tab": "unit_plans",
        },
        status=status,
    )


def _plan(request, pk: int) -> Plan:
    return access.get_visible_or_404(request.user, Plan.objects.select_related("council"), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def unit_plans(request, pk: int):
    plan = _plan(request, pk)
    if request.method != "POST":
        return _page(request, plan)
    form = UnitPlanForm(request.POST, request.FILES)
    unit = request.user.unit

    def send():
        upload = form.cleaned_data["file"]
        if unit is None:
            raise PermissionDenied(_("Tài khoản của bạn không thuộc đơn vị nào."))
        return services.submit_unit_plan(
            actor=request.user,
            plan=plan,
            unit=unit,
            filename=upload.name,
            content=upload.read(),
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        )

    if run_service(form, send) is None:
        return _page(request, plan, form=form, status=400)
    messages.success(request, _("Đã gửi kế hoạch của đơn vị."))
    return redirect("plans:unit_plans", plan.pk)


@login_required
@require_POST
def unit_plan_decide(request, pk: int, action: str):
    submission = access.get_visible_or_404(
        request.user, UnitPlanSubmission.objects.select_related("plan__council"), pk=pk
    )
    service = DECISIONS.get(action)
    if service is None:
        raise Http404(_("Không tìm thấy."))
    form = _decision_form(submission, request.POST, action=UNIT_PLANS.action(action))
    decided = run_service(
        form,
        lambda: service(
            actor=request.user,
            submission=submission,
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if decided is None:
        return _page(request, submission.plan, decision=(submission.pk, form), status=400)
    label = UNIT_PLANS.state_label(decided.state)
    messages.success(
        request,
        _("Kế hoạch của %(unit)s: %(state)s.") % {"unit": decided.unit, "state": label},
    )
    return redirect("plans:unit_plans", submission.plan_id)


@private_file_view
def unit_plan_file(request, pk: int):
    item = access.get_visible_or_404(request.user, UnitPlanSubmission.objects.all(), pk=pk)
    return serve_private(request, item.file, download_name=item.original_name)


NEW_FEED_SESSION_KEY = "plans.new_feed_url"


def _feed_form(request, data=None) -> FeedCreateForm:
    return FeedCreateForm(data, offered=feeds.feed_units(request.user)[:200])


@login_required
def feed_page(request):
    """The user's own calendar-feed addresses: make one per unit, see them, revoke them."""
    form = _feed_form(request)
    return render(
        request,
        "plans/feeds.html",
        {
            "form": form,
            "has_units": bool(form.fields["unit"].widget.choices),
            "tokens": feeds.tokens_of(request.user),
            # The address is shown once, right after it is made; only its hash is kept.
            "new_feed_url": request.session.pop(NEW_FEED_SESSION_KEY, None),
            "now": timezone.now(),
            "feed_days": settings.FEED_TOKEN_DAYS,
        },
    )


def _flash_errors(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@login_required
@require_POST
def feed_create(request):
    form = _feed_form(request, request.POST)
    new = run_service(
        form,
        lambda: services.create_feed_token(actor=request.user, unit=form.cleaned_data["unit"]),
    )
    if new is None:
        _flash_errors(request, form)
        return redirect("plans:feeds")
    path = reverse("plans:unit_feed", args=[new.secret])
    request.session[NEW_FEED_SESSION_KEY] = request.build_absolute_uri(path)
    messages.success(request, _("Đã tạo địa chỉ lịch hạn mới: hãy sao chép ngay."))
    return redirect("plans:feeds")


@login_required
@require_POST
def feed_revoke(request, pk: int):
    token = get_object_or_404(feeds.tokens_of(request.user), pk=pk)
    form = FeedRevokeForm(request.POST)
    if run_service(form, services.revoke_feed_token, actor=request.user, token=token) is None:
        _flash_errors(request, form)
    else:
        messages.success(request, _("Đã thu hồi liên kết; ứng dụng lịch sẽ không đọc được nữa."))
    return redirect("plans:feeds")


def unit_feed(request, token: str):
    """Public by design (calendar apps cannot sign in): the random token is the key."""
    feed = feeds.usable_token(token)
    if feed is None:
        raise Http404(_("Không tìm thấy."))
    unit = feed.unit
    text = exports.unit_feed(
        exports.tasks_of_unit(unit),
        unit_name=unit.name,
        host=request.get_host().split(":")[0],
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{unit.code}.ics"'
    # The address is a secret: keep it out of shared caches and other sites' logs.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
