"""Session lifetime and the second factor, checked on every request after authentication."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.accounts import councils
from vinhdanh.accounts.access import role_of
from vinhdanh.accounts.models import Role
from vinhdanh.accounts.second_factor import (
    has_confirmed_device,
    is_verified,
    requires_second_factor,
)
from vinhdanh.accounts.session_lifetime import (
    LAST_ACTIVITY_KEY,
    LOGGED_IN_AT_KEY,
    expiry_reason,
    should_record_activity,
)

API_PREFIX = "/api/"


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _send_to(request, url: str):
    """A redirect the page can follow: htmx swaps would otherwise put a page in a fragment."""
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _with_next(url: str, request) -> str:
    if request.method == "GET":
        return f"{url}?{urlencode({'next': request.get_full_path()})}"
    return url


class SessionLifetimeMiddleware:
    """Log out a session idle too long (shorter for the admin role) or older than its lifetime.

    Django's own expiry is moved forward whenever the session is saved, so the absolute
    lifetime is kept here from the login time.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            idle_minutes = (
                settings.SESSION_IDLE_MINUTES_ADMIN
                if role_of(user) == Role.ADMIN
                else settings.SESSION_IDLE_MINUTES
            )
            reason = expiry_reason(
                now=now,
                last_activity=session.get(LAST_ACTIVITY_KEY),
                logged_in_at=session.get(LOGGED_IN_AT_KEY),
                idle_seconds=idle_minutes * 60,
                lifetime_seconds=settings.SESSION_COOKIE_AGE,
            )
            if reason is not None:
                return self._expire(request, reason, idle_minutes)
            if LOGGED_IN_AT_KEY not in session:
                session[LOGGED_IN_AT_KEY] = now
            if should_record_activity(now, session.get(LAST_ACTIVITY_KEY)):
                session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)

    def _expire(self, request, reason: str, idle_minutes: int):
        logout(request)
        if reason == "idle":
            message = _(
                "Phiên làm việc đã hết hạn vì không hoạt động quá %(minutes)d phút. "
                "Vui lòng đăng nhập lại."
            ) % {"minutes": idle_minutes}
        else:
            message = _("Phiên làm việc đã quá thời hạn tối đa. Vui lòng đăng nhập lại.")
        if _is_api(request):
            return JsonResponse({"detail": message}, status=401)
        messages.warning(request, message)
        return _send_to(request, _with_next(reverse(settings.LOGIN_URL), request))


class SecondFactorMiddleware:
    """Send a signed-in user who owes a second factor to enrol or to verify first.

    Owing one means: the role requires it, or the user enrolled one, or the page is in /admin/.
    The enrolment, verification and logout pages and the language switch stay open, as do
    static files.
    """

    OPEN_URL_NAMES = (
        "accounts:second_factor_enrol",
        "accounts:second_factor_verify",
        "accounts:logout",
        "set_language",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self._is_open(request.path):
            destination = self._destination(request, user)
            if destination is not None:
                if _is_api(request):
                    return JsonResponse(
                        {"detail": _("Tài khoản cần xác thực hai lớp trước khi dùng API.")},
                        status=403,
                    )
                return _send_to(request, _with_next(destination, request))
        return self.get_response(request)

    def _is_open(self, path: str) -> bool:
        if path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return True
        return path in {reverse(name) for name in self.OPEN_URL_NAMES}

    def _destination(self, request, user) -> str | None:
        if is_verified(user):
            return None
        owes = (
            requires_second_factor(user)
            or (settings.SECOND_FACTOR_FOR_ADMIN_SITE and request.path.startswith("/admin/"))
            or has_confirmed_device(user)
        )
        if not owes:
            return None
        if has_confirmed_device(user):
            return reverse("accounts:second_factor_verify")
        return reverse("accounts:second_factor_enrol")


class ActingMembershipMiddleware:
    """Put the session's chosen membership on the request's user (`accounts.councils`).

    Right after authentication, so every later middleware, view and template reads the
    acting council's role, unit and council from the user as if it were the only one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        chosen = session.get(councils.SESSION_KEY) if session is not None else None
        if chosen is not None and request.user.is_authenticated:
            councils.apply_session_choice(request)
        return self.get_response(request)
