"""The pages open to anyone: choose a kind, file, look a filing up, supplement it.

As the objection form (`awards/views/public.py`): the body size and the rate are checked
before anything reads the body, then CSRF (`csrf_protect` on the inner view). A look-up
that fails says one neutral sentence whatever was wrong (no such code, a wrong second
factor, a malformed code), and the filing found is kept in the session, not in the address.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from vinhdanh.core.uploads import MB
from vinhdanh.filings import selectors, services
from vinhdanh.filings.actors import Filer
from vinhdanh.filings.codes import shown
from vinhdanh.filings.forms import LookupForm, PublicFilingForm, SupplementForm
from vinhdanh.filings.models import Channel, Filing, FilingState
from vinhdanh.workflow.views import run_service

SESSION_KEY = "filings.proven"
NOT_FOUND = _(
    "Không tìm thấy hồ sơ với thông tin đã nhập. Kiểm tra lại mã hồ sơ và 4 ký tự cuối của "
    "số điện thoại hoặc thư điện tử đã khai khi nộp."
)


def body_max() -> int:
    # Every file at its limit, base64-free multipart overhead, and the text fields.
    return settings.FILINGS_MAX_FILES * settings.FILINGS_MAX_FILE_MB * MB + 256 * 1024


def _refused(request, status: int, heading: str, message: str) -> HttpResponse:
    response = render(
        request, "filings/refused.html", {"heading": heading, "message": message}, status=status
    )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def _length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _limited(request, group: str, rates) -> bool:
    return any(
        is_ratelimited(
            request,
            group=f"{group}.{rate}",
            key="ip",
            rate=rate,
            method="POST",
            increment=True,
        )
        for rate in rates
    )


def kind_list(request):
    return render(
        request,
        "filings/public_kinds.html",
        {"kinds": selectors.open_kinds()},
    )


@csrf_protect
def _filing_form(request, kind):
    posted = request.method == "POST"
    form = PublicFilingForm(request.POST if posted else None, request.FILES or None, kind=kind)
    if posted:
        filing = run_service(
            form,
            lambda: services.file_filing(
                kind=kind, files=form.files_for_service(), **form.filing_fields()
            ),
        )
        if filing is not None:
            request.session[SESSION_KEY] = filing.pk
            request.session["filings.just_filed"] = True
            return redirect("filings:public_status")
    context = {"kind": kind, "form": form, "max_files": settings.FILINGS_MAX_FILES,
               "max_mb": settings.FILINGS_MAX_FILE_MB}  # fmt: skip
    return render(request, "filings/public_form.html", context, status=400 if posted else 200)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def public_form(request, code: str):
    kind = get_object_or_404(selectors.open_kinds(), code=code)
    if request.method == "POST":
        if _length(request) > body_max():
            return _refused(
                request,
                413,
                _("Hồ sơ gửi lên quá lớn"),
                _(
                    "Tổng dung lượng gửi lên vượt quá giới hạn: tối đa %(files)d tệp, mỗi tệp "
                    "%(mb)d MB. Xin giảm số tệp hoặc dung lượng rồi gửi lại."
                )
                % {"files": settings.FILINGS_MAX_FILES, "mb": settings.FILINGS_MAX_FILE_MB},
            )
        rates = (settings.FILINGS_FORM_RATE_BURST, settings.FILINGS_FORM_RATE_HOURLY)
        if _limited(request, "filings.public_form", rates):
            return _refused(
                request,
                429,
                _("Đã gửi quá nhiều hồ sơ"),
                _(
                    "Từ địa chỉ này đã có quá nhiều hồ sơ gửi trong thời gian ngắn. Xin vui "
                    "lòng thử lại sau một giờ, hoặc liên hệ trực tiếp cơ quan thường trực."
                ),
            )
    return _filing_form(request, kind)


@csrf_protect
def _lookup_form(request):
    posted = request.method == "POST"
    form = LookupForm(request.POST if posted else None)
    if posted and form.is_valid():
        filing = services.lookup(form.cleaned_data["code"], form.cleaned_data["last4"])
        if filing is not None:
            request.session.cycle_key()  # a proven session gets a fresh id
            request.session[SESSION_KEY] = filing.pk
            return redirect("filings:public_status")
        form.add_error(None, NOT_FOUND)
    return render(
        request, "filings/public_lookup.html", {"form": form}, status=400 if posted else 200
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def public_lookup(request):
    if request.method == "POST":
        if _length(request) > 16 * 1024:
            return _refused(request, 413, _("Yêu cầu quá lớn"), NOT_FOUND)
        if _limited(request, "filings.public_lookup", (settings.FILINGS_LOOKUP_RATE,)):
            return _refused(
                request,
                429,
                _("Tra cứu quá nhiều lần"),
                _("Từ địa chỉ này đã tra cứu quá nhiều lần. Xin vui lòng thử lại sau ít phút."),
            )
    return _lookup_form(request)


def _proven(request) -> Filing | None:
    pk = request.session.get(SESSION_KEY)
    if not pk:
        return None
    return (
        Filing.objects.select_related("kind", "council", "nomination__decision")
        .filter(pk=pk)
        .first()
    )


@csrf_protect
def _status(request, filing):
    posted = request.method == "POST"
    form = SupplementForm(
        request.POST if posted else None,
        request.FILES or None,
        initial={"version": filing.version},
    )
    if posted:
        done = run_service(
            form,
            lambda: services.supplement(
                Filer(filing.pk, Channel.WEB),
                filing,
                note=form.cleaned_data["note"],
                files=form.files_for_service(),
                expected_version=form.cleaned_data.get("version"),
            ),
        )
        if done is not None:
            messages.success(request, _("Đã gửi phần bổ sung. Cơ quan thường trực sẽ xem lại."))
            return redirect("filings:public_status")
    context = {
        "filing": filing,
        "code": shown(filing.code),
        "just_filed": request.session.pop("filings.just_filed", False),
        "form": form,
        "may_supplement": filing.state == FilingState.MORE_REQUESTED,
        "attachments": filing.attachments.all(),
        "today": timezone.localdate(),
    }
    return render(request, "filings/public_status.html", context, status=400 if posted else 200)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def public_status(request):
    filing = _proven(request)
    if filing is None:
        return redirect("filings:public_lookup")
    if request.method == "POST":
        if _length(request) > body_max():
            return _refused(
                request,
                413,
                _("Phần bổ sung quá lớn"),
                _("Tối đa %(files)d tệp, mỗi tệp %(mb)d MB.")
                % {"files": settings.FILINGS_MAX_FILES, "mb": settings.FILINGS_MAX_FILE_MB},
            )
        rates = (settings.FILINGS_FORM_RATE_BURST, settings.FILINGS_FORM_RATE_HOURLY)
        if _limited(request, "filings.public_form", rates):
            return _refused(
                request,
                429,
                _("Đã gửi quá nhiều lần"),
                _("Xin vui lòng thử lại sau một giờ, hoặc liên hệ trực tiếp cơ quan thường trực."),
            )
    return _status(request, filing)


@require_http_methods(["POST"])
def public_forget(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("filings:public_lookup")
