from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards import services
from vinhdanh.awards.models import Batch, Nomination, State
from vinhdanh.core.feedback import show_refusal
from vinhdanh.core.files import private_file_view, serve_private


@login_required
def batch_list(request):
    batches = access.scope_queryset(request.user, Batch.objects.select_related("unit"))
    drafts = access.scope_queryset(
        request.user,
        Nomination.objects.filter(state=State.DRAFT, batch__isnull=True),
        access.CHANGE,
    ).select_related("title", "person", "collective")
    return render(
        request,
        "awards/batch_list.html",
        {"batches": batches, "drafts": drafts, "year": timezone.localdate().year},
    )


@login_required
@require_POST
def batch_create(request):
    ids = [int(i) for i in request.POST.getlist("nominations") if i.isdigit()]
    nominations = list(
        access.scope_queryset(request.user, Nomination.objects.filter(pk__in=ids), access.CHANGE)
    )
    try:
        if request.user.unit_id is None:
            raise ValidationError(_("Tài khoản chưa gắn với đơn vị."))
        year = int(request.POST.get("year") or timezone.localdate().year)
        batch = services.create_batch(
            request.user,
            unit=request.user.unit,
            year=year,
            name=request.POST.get("name", "") or _("Đề nghị khen thưởng năm %s") % year,
            nominations=nominations,
        )
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
        return redirect("awards:batch_list")
    return redirect("awards:batch_detail", batch.pk)


@login_required
def batch_detail(request, pk: int):
    batch = access.get_visible_or_404(request.user, Batch.objects.select_related("unit"), pk=pk)
    return render(
        request,
        "awards/batch_detail.html",
        {
            "batch": batch,
            "nominations": batch.nominations.select_related("title", "person", "collective"),
            "can_submit": batch.submitted_at is None
            and access.can(request.user, access.CHANGE, batch),
        },
    )


@login_required
@require_POST
def batch_submit(request, pk: int):
    batch = access.get_visible_or_404(request.user, Batch.objects.all(), pk=pk)
    try:
        services.submit_batch(request.user, batch, letter_number=request.POST.get("number", ""))
        messages.success(request, _("Đã gửi đợt đề nghị kèm tờ trình."))
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
    return redirect("awards:batch_detail", pk)


@private_file_view
def batch_letter(request, pk: int):
    batch = access.get_visible_or_404(request.user, Batch.objects.all(), pk=pk)
    if not batch.letter:
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, batch.letter, download_name=f"to-trinh-{batch.pk}.docx")
