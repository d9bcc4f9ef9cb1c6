"""The public's pages of writing contests: the rules, the entry form, the status by code and
the winners. Without sign-in; the form is throttled and size-limited like the objection form
(awards/views/public.py)."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from vinhdanh.contests import selectors, services
from vinhdanh.contests.forms import ENTRY_TEXT_MAX, EntryForm, StatusForm
from vinhdanh.contests.models import ContestState, Entry, EntryState
from vinhdanh.org.models import Unit
from vinhdanh.workflow.views import run_service

# The largest body: the file at its limit plus the text at its limit, percent-encoded.
ENTRY_BODY_MAX = services.ENTRY_FILE_MAX + ENTRY_TEXT_MAX * 9 + 16 * 1024
STATUS_BODY_MAX = 4 * 1024

# What the author sees of their entry: the stage only, never scores or other entries.
PUBLIC_STAGE = {
    EntryState.SUBMITTED: gettext_lazy("Đã nhận, đang chờ kiểm tra thể lệ"),
    EntryState.ACCEPTED: gettext_lazy("Hợp lệ, đang được chấm"),
    EntryState.REJECTED: gettext_lazy("Không hợp lệ theo thể lệ"),
    EntryState.ELIMINATED: gettext_lazy("Đã chấm, không vào vòng chung khảo"),
    EntryState.FINALIST: gettext_lazy("Vào vòng chung khảo"),
    EntryState.AWARDED: gettext_lazy("Đoạt giải"),
    EntryState.NOT_AWARDED: gettext_lazy("Đã chấm chung khảo, không đoạt giải"),
}


def public_list(request):
    return render(
        request, "contests/public_list.html", {"contests": selectors.public_contests()[:100]}
    )


def public_detail(request, pk: int):
    contest = get_object_or_404(selectors.public_contests(), pk=pk)
    now = timezone.now()
    context = {
        "contest": contest,
        "prizes": contest.prizes.all(),
        "refusal": services.entry_refusal(contest, now),
        "winners": selectors.winners(contest) if contest.state == ContestState.DECIDED else None,
        "decision": getattr(contest, "decision", None),
    }
    return render(request, "contests/public_detail.html", context)


def _refused(request, status: int, heading: str, message: str) -> HttpResponse:
    response = render(
        request, "contests/public_refused.html", {"heading": heading, "message": message},
        status=status,
    )  # fmt: skip
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def _too_long(request, limit: int) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return False


def _over(request, group: str, rates) -> bool:
    # Every POST counts, accepted or not.
    return any(
        is_ratelimited(
            request, group=f"{group}.{rate}", key="ip", rate=rate, method="POST", increment=True
        )
        for rate in rates
    )


def _units(contest):
    return Unit.objects.filter(path__startswith=contest.unit.path).order_by("sort_key")


@csrf_protect
def _entry_form(request, contest):
    posted = request.method == "POST"
    form = EntryForm(request.POST if posted else None, request.FILES or None, units=_units(contest))
    refusal = services.entry_refusal(contest, timezone.now())
    if posted and refusal is None:
        entry = run_service(form, lambda: services.submit_entry(contest, **form.service_fields()))
        if entry is not None:
            context = {"entry": entry, "contest": contest}
            return render(request, "contests/public_received.html", context)
    context = {"contest": contest, "form": form, "refusal": refusal}
    return render(request, "contests/public_enter.html", context, status=400 if posted else 200)


# The size and the rate are checked before anything reads the body; the CSRF check runs right
# after, on the inner view.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def public_enter(request, pk: int):
    contest = get_object_or_404(selectors.public_contests(), pk=pk)
    if request.method == "POST":
        if _too_long(request, ENTRY_BODY_MAX):
            return _refused(
                request, 413, _("Bài gửi quá lớn"),
                _("Nội dung gửi lên vượt quá giới hạn: tệp tối đa %d MB.")
                % (services.ENTRY_FILE_MAX // services.MB),
            )  # fmt: skip
        rates = (settings.CONTEST_ENTRY_RATE_BURST, settings.CONTEST_ENTRY_RATE_HOURLY)
        if _over(request, "contests.public_enter", rates):
            return _refused(
                request, 429, _("Đã gửi quá nhiều bài"),
                _("Từ địa chỉ này đã có quá nhiều lượt gửi trong thời gian ngắn. Xin thử lại "
                  "sau một giờ, hoặc liên hệ cơ quan tổ chức cuộc thi."),
            )  # fmt: skip
    return _entry_form(request, contest)


@csrf_protect
def _status_form(request):
    form = StatusForm(request.POST if request.method == "POST" else None)
    entry = None
    looked = False
    if form.is_bound and form.is_valid():
        looked = True
        code = form.cleaned_data["code"].strip().upper()
        entry = Entry.objects.select_related("contest").filter(tracking_code=code).first()
    context = {
        "form": form,
        "entry": entry,
        "looked": looked,
        "stage": PUBLIC_STAGE.get(entry.state) if entry else "",
    }
    return render(request, "contests/public_status.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def public_status(request):
    """The author types their code; a wrong code gets the same neutral sentence for every
    code, and the page shows only that entry's stage."""
    if request.method == "POST":
        if _too_long(request, STATUS_BODY_MAX):
            return _refused(request, 413, _("Yêu cầu quá lớn"), _("Chỉ nhập mã theo dõi."))
        if _over(request, "contests.public_status", (settings.CONTEST_STATUS_RATE,)):
            return _refused(
                request, 429, _("Tra cứu quá nhiều lần"),
                _("Từ địa chỉ này đã tra cứu quá nhiều lần. Xin thử lại sau một giờ."),
            )  # fmt: skip
    return _status_form(request)
