"""The council's inbox of dossiers received from the councils below, and sending a batch up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards import paging, services
from vinhdanh.awards.forms import NominationSelectionForm
from vinhdanh.awards.models import Nomination, Submission
from vinhdanh.awards.services.review import council_of
from vinhdanh.awards.views.nominations import nomination_list_page, selectable_nominations
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.workflow.permissions import require
from vinhdanh.workflow.views import run_service

# Submissions per inbox page: each carries its dossiers, often dozens.
INBOX_PAGE = 20


@login_required
def inbox(request):
    """Received dossiers: each submission sent to the user's council, with its dossiers."""
    require(request.user, "awards.view_inbox")
    council = council_of(request.user)
    received = Nomination.objects.select_related("title", "person", "collective", "decision")
    submissions = (
        access.scope_queryset(request.user, Submission.objects.filter(to_council=council))
        .select_related("from_council")
        .prefetch_related(Prefetch("received", queryset=received.order_by("pk")))
    )
    # Newest first, a page at a time after the last one shown; the dossiers are read for
    # this page's submissions only.
    page = paging.newest_first_page(submissions, request.GET.get("after"), INBOX_PAGE)
    context = {
        "council": council,
        "submissions": page.rows,
        "links": paging.page_links(request.GET, page),
    }
    return render(request, "awards/inbox.html", context)


@private_file_view
def submission_letter(request, pk: int):
    submission = access.get_visible_or_404(request.user, Submission.objects.all(), pk=pk)
    if not submission.letter:
        raise Http404
    return serve_private(
        request, submission.letter, download_name=f"to-trinh-cap-tren-{submission.pk}.docx"
    )


@login_required
@require_POST
def forward_selected(request):
    """The dossiers ticked in the list go up together, as one submission."""
    require(request.user, "awards.export_dossier")
    form = NominationSelectionForm(request.POST, queryset=selectable_nominations(request.user))
    submission = run_service(
        form,
        lambda: services.forward_nominations(
            request.user,
            list(form.cleaned_data["nominations"]),
            external_body=form.cleaned_data["external_body"],
            letter_number=form.cleaned_data["letter_number"],
        ),
    )
    if submission is None:
        return nomination_list_page(request, ("selection", form))
    messages.success(
        request,
        _("Đã trình %(count)d hồ sơ lên %(to)s.")
        % {"count": submission.nominations.count(), "to": submission.destination},
    )
    return redirect("awards:nomination_list")
