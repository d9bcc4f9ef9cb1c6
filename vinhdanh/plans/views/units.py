"""Units' own plans: who has sent theirs, who has not, who was late; and calendar feeds."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.feedback import refusal_text, show_refusal
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.org.models import Unit
from vinhdanh.plans import exports, feeds, selectors, tracking
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


NEW_FEED_SESSION_KEY = "plans.new_feed_url"


@login_required
def feed_page(request):
    """The user's own calendar-feed addresses: make one per unit, see them, revoke them."""
    now = timezone.now()
    return render(
        request,
        "plans/feeds.html",
        {
            "units": feeds.feed_units(request.user)[:200],
            "tokens": feeds.tokens_of(request.user),
            # The address is shown once, right after it is made; only its hash is kept.
            "new_feed_url": request.session.pop(NEW_FEED_SESSION_KEY, None),
            "now": now,
            "feed_days": settings.FEED_TOKEN_DAYS,
        },
    )


@login_required
@require_POST
def feed_create(request):
    chosen = request.POST.get("unit", "")
    unit = Unit.objects.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    try:
        if unit is None:
            raise ValidationError(_("Hãy chọn đơn vị."))
        new = feeds.create_feed_token(actor=request.user, unit=unit)
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
        return redirect("plans:feeds")
    path = reverse("plans:unit_feed", args=[new.secret])
    request.session[NEW_FEED_SESSION_KEY] = request.build_absolute_uri(path)
    messages.success(request, _("Đã tạo địa chỉ lịch hạn mới: hãy sao chép ngay."))
    return redirect("plans:feeds")


@login_required
@require_POST
def feed_revoke(request, pk: int):
    token = get_object_or_404(feeds.tokens_of(request.user), pk=pk)
    try:
        feeds.revoke_feed_token(actor=request.user, token=token)
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
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
