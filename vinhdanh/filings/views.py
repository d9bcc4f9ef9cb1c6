"""The standing office's pages of online filings: the list, a filing, its steps, its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.core.paging import capped_page
from vinhdanh.filings import deadlines, permissions, selectors, services
from vinhdanh.filings.codes import shown
from vinhdanh.filings.forms import AcceptForm, RefuseForm, RequestMoreForm
from vinhdanh.filings.models import OPEN_STATES, Filing, FilingAttachment, FilingState
from vinhdanh.filings.workflows import FILINGS
from vinhdanh.org import selectors as org_selectors
from vinhdanh.org.holidays import holidays_between
from vinhdanh.org.models import Unit
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service

PER_PAGE = 50


def _office_only(user) -> None:
    if not allows(user, permissions.VIEW_FILINGS):
        raise PermissionDenied(_("Chỉ cơ quan thường trực xem được hồ sơ trực tuyến."))


@login_required
def filing_list(request):
    _office_only(request.user)
    filings = selectors.filings_for(request.user)
    state = request.GET.get("state", "")
    if state == "open":
        filings = filings.filter(state__in=OPEN_STATES)
    elif state in FilingState.values:
        filings = filings.filter(state=state)
    today = timezone.localdate()
    page = capped_page(filings.order_by("-received_on", "-pk"), request, PER_PAGE)
    return render(
        request,
        "filings/filing_list.html",
        {
            "filings": page,
            "states": FilingState.choices,
            "state": state,
            "today": today,
            "page_query": f"state={state}" if state else "",
        },
    )


def _filing(request, pk: int) -> Filing:
    filing = access.get_visible_or_404(
        request.user,
        Filing.objects.select_related("kind", "council", "nomination", "api_client"),
        pk=pk,
    )
    if not allows(request.user, permissions.VIEW_FILING, filing):
        raise Http404(_("Không tìm thấy."))
    return filing


def _accept_form(request, filing, data=None) -> AcceptForm:
    initial = {
        "version": filing.version,
        "year": timezone.localdate().year,
        "achievements": filing.content,
    }
    return AcceptForm(
        data,
        initial=initial,
        auto_id="accept_%s",
        action=FILINGS.actions["accept"],
        people=org_selectors.people_for(request.user),
        units=access.scope_queryset(request.user, Unit.objects.all()),
    )


def _detail(request, filing, *, status=200, **forms):
    today = timezone.localdate()
    holidays = holidays_between(min(today, filing.due_on), max(today, filing.due_on))
    actions = {a.name: a for a in FILINGS.available(request.user, filing)}
    context = {
        "filing": filing,
        "code": shown(filing.code),
        "actions": actions,
        "attachments": filing.attachments.all(),
        "history": filing.transitions.select_related("actor"),
        "days_left": deadlines.working_days_left(today, filing.due_on, holidays),
        "overdue": filing.waits_on_office and deadlines.is_overdue(today, filing.due_on),
        "more_form": forms.get("more_form")
        or RequestMoreForm(
            initial={"version": filing.version},
            action=FILINGS.actions["request_more"],
            auto_id="more_%s",
        ),
        "refuse_form": forms.get("refuse_form")
        or RefuseForm(
            initial={"version": filing.version},
            action=FILINGS.actions["refuse"],
            auto_id="refuse_%s",
        ),
        "accept_form": forms.get("accept_form") or _accept_form(request, filing),
        "workflow": FILINGS,
    }
    return render(request, "filings/filing_detail.html", context, status=status)


@login_required
def filing_detail(request, pk: int):
    return _detail(request, _filing(request, pk))


@login_required
@require_POST
def filing_request_more(request, pk: int):
    filing = _filing(request, pk)
    form = RequestMoreForm(request.POST, action=FILINGS.actions["request_more"], auto_id="more_%s")
    done = run_service(
        form,
        lambda: services.request_more(
            request.user,
            filing,
            reason=form.cleaned_data["note"],
            more_due_on=form.cleaned_data.get("more_due_on"),
            expected_version=form.cleaned_data.get("version"),
        ),
    )
    if done is None:
        return _detail(request, filing, status=400, more_form=form)
    messages.success(request, _("Đã gửi yêu cầu bổ sung tới người nộp."))
    return redirect("filings:filing_detail", pk=filing.pk)


@login_required
@require_POST
def filing_refuse(request, pk: int):
    filing = _filing(request, pk)
    form = RefuseForm(request.POST, action=FILINGS.actions["refuse"], auto_id="refuse_%s")
    done = run_service(
        form,
        lambda: services.refuse(
            request.user,
            filing,
            reason=form.cleaned_data["note"],
            expected_version=form.cleaned_data.get("version"),
        ),
    )
    if done is None:
        return _detail(request, filing, status=400, refuse_form=form)
    messages.success(request, _("Đã từ chối hồ sơ và báo lý do cho người nộp."))
    return redirect("filings:filing_detail", pk=filing.pk)


@login_required
@require_POST
def filing_accept(request, pk: int):
    filing = _filing(request, pk)
    form = _accept_form(request, filing, request.POST)
    done = run_service(
        form,
        lambda: services.accept(
            request.user,
            filing,
            expected_version=form.cleaned_data.get("version"),
            **form.for_service(),
        ),
    )
    if done is None:
        return _detail(request, filing, status=400, accept_form=form)
    messages.success(request, _("Đã chấp nhận hồ sơ và lập dự thảo hồ sơ đề nghị khen thưởng."))
    return redirect("awards:nomination_detail", pk=done.nomination_id)


@private_file_view
def attachment_file(request, pk: int, attachment_id: int):
    filing = _filing(request, pk)
    require(request.user, permissions.VIEW_FILING, filing)
    attachment = access.get_visible_or_404(
        request.user, FilingAttachment.objects.filter(filing=filing), pk=attachment_id
    )
    return serve_private(request, attachment.file, download_name=attachment.original_name)
