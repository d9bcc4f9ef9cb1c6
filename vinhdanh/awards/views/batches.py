"""A unit's batches of nominations, sent together under one submission letter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards import services
from vinhdanh.awards.forms import BatchForm, BatchSubmitForm
from vinhdanh.awards.models import Batch, Nomination, State
from vinhdanh.awards.views.common import REFUSED, FormsOnPage
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.core.paging import capped_page
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service

BATCHES_PER_PAGE = 50


def _drafts(user):
    """Drafts the user may put in a new batch: their units' own, not in a batch yet."""
    return (
        access.scope_queryset(
            user, Nomination.objects.filter(state=State.DRAFT, batch__isnull=True), access.CHANGE
        )
        .select_related("title", "person", "collective")
        .order_by("-year", "-pk")
    )


def _batch_form(request, data=None) -> BatchForm:
    return BatchForm(data, drafts=_drafts(request.user), unit=request.user.unit)


def batch_list_page(request, failed=None):
    page_forms = FormsOnPage(failed)
    batches = access.scope_queryset(request.user, Batch.objects.select_related("unit"))
    page = capped_page(batches.order_by("-year", "-pk"), request, BATCHES_PER_PAGE)
    form = page_forms.get("batch", lambda: _batch_form(request))
    has_drafts = bool(form.fields["nominations"].widget.choices)
    context = {"batches": page, "form": form, "has_drafts": has_drafts}
    status = REFUSED if failed else 200
    return render(request, "awards/batch_list.html", context, status=status)


@login_required
def batch_list(request):
    return batch_list_page(request)


@login_required
@require_POST
def batch_create(request):
    form = _batch_form(request, request.POST)
    batch = run_service(form, lambda: services.create_batch(request.user, **form.arguments()))
    if batch is None:
        return batch_list_page(request, ("batch", form))
    return redirect("awards:batch_detail", batch.pk)


def _batch(request, pk) -> Batch:
    return access.get_visible_or_404(request.user, Batch.objects.select_related("unit"), pk=pk)


def batch_page(request, batch, failed=None):
    page_forms = FormsOnPage(failed)
    submit_form = None
    if batch.submitted_at is None and allows(request.user, "awards.submit_batch", batch):
        submit_form = page_forms.get("submit", BatchSubmitForm)
    context = {
        "batch": batch,
        "nominations": batch.nominations.select_related("title", "person", "collective"),
        "submit_form": submit_form,
        "stray": page_forms.stray,
    }
    status = REFUSED if failed else 200
    return render(request, "awards/batch_detail.html", context, status=status)


@login_required
def batch_detail(request, pk: int):
    return batch_page(request, _batch(request, pk))


@login_required
@require_POST
def batch_submit(request, pk: int):
    batch = _batch(request, pk)
    form = BatchSubmitForm(request.POST)
    submitted = run_service(
        form,
        lambda: services.submit_batch(
            request.user,
            batch,
            letter_number=form.cleaned_data["number"],
            letter_date=form.cleaned_data["letter_date"],
        ),
    )
    if submitted is None:
        return batch_page(request, _batch(request, pk), ("submit", form))
    messages.success(request, _("Đã gửi đợt đề nghị kèm tờ trình."))
    return redirect("awards:batch_detail", pk)


@private_file_view
def batch_letter(request, pk: int):
    batch = access.get_visible_or_404(request.user, Batch.objects.all(), pk=pk)
    if not batch.letter:
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, batch.letter, download_name=f"to-trinh-{batch.pk}.docx")
