"""What a locked-out login sees: the site's page in Vietnamese, or JSON on the API."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from vinhdanh.accounts.middleware import API_PREFIX


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    return _(
        "Tài khoản hoặc địa chỉ truy cập tạm thời bị khóa vì đăng nhập sai quá %(limit)d lần. "
        "Vui lòng thử lại sau %(minutes)d phút."
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": cooloff_minutes()}


def lockout_response(request, original_response=None, credentials=None):
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": lockout_message()}, status=status)
    context = {"message": lockout_message(), "cooloff_minutes": cooloff_minutes()}
    return render(request, "accounts/locked_out.html", context, status=status)
