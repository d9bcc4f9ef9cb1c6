"""Units' own plans: who has sent theirs, who has not, who was late; and calendar feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.core.feedback import refusal_text
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.org.models import Unit
from vinhdanh.plans import exports, selectors, tracking
from vinhdanh.plans.models import Plan, UnitPlanSubmission
from vinhdanh.plans.views._common import today


def _page(request, plan: Plan, error: str | None = None, status: int = 200):
    table = selectors.unit_plan_table(request.user, plan, today())
    own = [row for row in table if request.user.unit_id == row.unit.pk]
    return render(
        request,
        "plans/unit_plans.html",
        {
            "plan": plan,
            "table": table,
            "error": error,
            "own": own[0] if own else None,
            "counts": {
                state: sum(1 for r in table if r.state == state)
                for state in ("on_time", "late", "missing", "missing_overdue")
            },
            "tab": "unit_plans",
        },
        status=status,
    )


@login_required
def unit_plans(request, pk: int):
    plan = access.get_visible_or_404(request.user, Plan.objects.select_related("council"), pk=pk)
    if request.method != "POST":
        return _page(request, plan)
    upload = request.FILES.get("file")
    unit = Unit.objects.filter(pk=request.user.unit_id).first()
    try:
        if upload is None or unit is None:
            raise ValidationError(_("Hãy chọn tệp kế hoạch của đơn vị."))
        tracking.submit_unit_plan(
            actor=request.user,
            plan=plan,
            unit=unit,
            filename=upload.name,
            content=upload.read(),
            note=request.POST.get("note", ""),
        )
    except (ValidationError, PermissionDenied) as exc:
        return _page(request, plan, refusal_text(exc), status=400)
    messages.success(request, _("Đã gửi kế hoạch của đơn vị."))
    return redirect("plans:unit_plans", plan.pk)


@private_file_view
def unit_plan_file(request, pk: int):
    item = access.get_visible_or_404(request.user, UnitPlanSubmission.objects.all(), pk=pk)
    return serve_private(request, item.file, download_name=item.original_name)


@login_required
def feed_page(request):
    units = access.scope_queryset(request.user, Unit.objects.filter(is_active=True))
    if request.user.unit_id:
        units = units.filter(pk=request.user.unit_id) | units.filter(parent_id=request.user.unit_id)
    links = [
        (unit, request.build_absolute_uri(f"/plans/feed/{exports.feed_token(unit.pk)}.ics"))
        for unit in units[:200]
    ]
    return render(request, "plans/feeds.html", {"links": links})


def unit_feed(request, token: str):
    """Public by design (calendar apps cannot sign in): the signed token is the key."""
    unit_id = exports.unit_from_token(token)
    unit = Unit.objects.filter(pk=unit_id).first() if unit_id else None
    if unit is None:
        raise Http404(_("Không tìm thấy."))
    text = exports.unit_feed(
        exports.tasks_of_unit(unit),
        unit_name=unit.name,
        host=request.get_host().split(":")[0],
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{unit.code}.ics"'
    return response
