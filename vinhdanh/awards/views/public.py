"""Pages for the public, without sign-in: the certificate check and announced nominations."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from vinhdanh.awards import paging, selectors, services, verification
from vinhdanh.awards.forms import NominationFilterForm, ObjectionForm
from vinhdanh.awards.models import Certificate, State
from vinhdanh.awards.models.review import OBJECTION_CONTENT_MAX, PublicNotice
from vinhdanh.workflow.views import run_service

# The largest objection form body: the text at its limit, each character
# percent-encoded as up to three UTF-8 bytes, with room for the other fields.
OBJECTION_BODY_MAX = OBJECTION_CONTENT_MAX * 9 + 8 * 1024


def verify(request, token: str):
    """The QR code's page; the code or golden-book number typed in its form lands here too."""
    certificate = (
        Certificate.objects.select_related("decision", "nomination__title")
        .filter(token=token)
        .first()
    )
    typed = certificate is None
    if typed and not _typing_too_fast(request):
        certificate = verification.find_typed(token)
    status = 404 if certificate is None else 200
    context = {"certificate": certificate, "typed": token if typed else ""}
    return render(request, "awards/verify.html", context, status=status)


def _typing_too_fast(request) -> bool:
    # Typed numbers are counted per address: golden-book numbers cannot be walked through.
    return is_ratelimited(
        request,
        group="awards.verify_typed",
        key="ip",
        rate=settings.VERIFY_TYPED_RATE,
        increment=True,
    )


def public_list(request):
    """Announced and decided nominations, one year at a time (the newest by default)."""
    # Each row shows the dates of its latest public notice: one query for the page's rows.
    nominations = selectors.public_nominations().prefetch_related(
        Prefetch("notices", queryset=PublicNotice.objects.order_by("-pk"), to_attr="notice_list")
    )
    query = paging.list_query(request, nominations)
    year = NominationFilterForm(query).filters()["year"]
    if year:
        nominations = nominations.filter(year=year)
    page = paging.keyset_page(nominations, query.get("after"))
    return render(
        request,
        "awards/public_list.html",
        {
            "nominations": page.rows,
            "links": paging.page_links(query, page),
            "year": year,
            "today": timezone.localdate(),
            "announced": State.ANNOUNCED,
        },
    )


def _open_notice(nomination):
    """The notice under which the public may object now, if any."""
    notice = nomination.notices.first()
    today = timezone.localdate()
    if notice is None or nomination.state != State.ANNOUNCED:
        return None
    return notice if notice.starts_on <= today <= notice.ends_on else None


def _refused(request, status: int, heading: str, message: str) -> HttpResponse:
    response = render(
        request,
        "awards/objection_refused.html",
        {"heading": heading, "message": message},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def _over_the_limit(request) -> bool:
    # Every POST counts, accepted or not, so a flood cannot probe for free.
    rates = (settings.OBJECTION_RATE_BURST, settings.OBJECTION_RATE_HOURLY)
    return any(
        is_ratelimited(
            request,
            group=f"awards.public_objection.{rate}",
            key="ip",
            rate=rate,
            method="POST",
            increment=True,
        )
        for rate in rates
    )


@csrf_protect
def _objection_form(request, nomination):
    notice = _open_notice(nomination)
    posted = request.method == "POST"
    form = ObjectionForm(request.POST if posted else None)
    status = 400 if posted else 200
    if posted and notice is not None:
        filed = run_service(form, lambda: services.file_objection(notice, **form.cleaned_data))
        if filed is not None:
            messages.success(request, _("Đã gửi ý kiến. Cơ quan thường trực sẽ trả lời."))
            return redirect("awards:public_list")
    context = {
        "nomination": nomination,
        "notice": notice,
        "form": form,
        "content_max": OBJECTION_CONTENT_MAX,
        "retention_years": settings.OBJECTION_RETENTION_YEARS,
    }
    return render(request, "awards/objection_form.html", context, status=status)


# The size and the rate are checked before anything reads the body; the CSRF check
# would otherwise parse a multi-megabyte form first. It still runs, through
# csrf_protect on the inner view, right after these two checks.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def public_objection(request, pk: int):
    nomination = get_object_or_404(selectors.public_nominations(), pk=pk)
    if request.method == "POST":
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > OBJECTION_BODY_MAX:
            return _refused(
                request,
                413,
                _("Ý kiến quá dài"),
                _(
                    "Nội dung gửi lên vượt quá giới hạn. Nội dung ý kiến tối đa %d ký tự; "
                    "văn bản dài hơn xin gửi trực tiếp tới cơ quan thường trực."
                )
                % OBJECTION_CONTENT_MAX,
            )
        if _over_the_limit(request):
            return _refused(
                request,
                429,
                _("Đã gửi quá nhiều ý kiến"),
                _(
                    "Từ địa chỉ này đã có quá nhiều ý kiến gửi trong thời gian ngắn. "
                    "Xin vui lòng thử lại sau một giờ, hoặc liên hệ trực tiếp "
                    "cơ quan thường trực."
                ),
            )
    return _objection_form(request, nomination)
