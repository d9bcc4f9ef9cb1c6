"""The site's own error pages (400, 403, 404, 500 and a refused CSRF check), in Vietnamese.

A refusal raised with a sentence for the user (accounts/access.py raises
`PermissionDenied("Bạn không có quyền …")`) is shown on the page; anything else the
exception carries (Django's English internals, paths tried, class names) is not.
"""

import logging

from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader

logger = logging.getLogger(__name__)

# A sentence for the user is short and on one line; a longer text is a detail.
MAX_REFUSAL_LENGTH = 300
# Shown if even the minimal 500 template cannot be rendered.
LAST_RESORT_500 = "Lỗi máy chủ (500). Hệ thống gặp sự cố; xin thử lại sau ít phút."


def is_vietnamese(text: str) -> bool:
    """Vietnamese writing has letters outside ASCII (ă, â, đ, ê, ô, ơ, ư and the tones)."""
    return any(not char.isascii() and char.isalpha() for char in text)


def refusal_sentence(exception: BaseException | None) -> str:
    """The Vietnamese sentence a view raised for the user, or "" when there is none."""
    args = getattr(exception, "args", ())
    if not args or not isinstance(args[0], str):
        return ""
    text = args[0].strip()
    if not text or len(text) > MAX_REFUSAL_LENGTH or "\n" in text:
        return ""
    return text if is_vietnamese(text) else ""


def _render(request, template_name: str, response_class, exception=None):
    context = {"refusal": refusal_sentence(exception)}
    body = loader.get_template(template_name).render(context, request)
    return response_class(body)


def bad_request(request, exception=None):
    return _render(request, "400.html", HttpResponseBadRequest, exception)


def permission_denied(request, exception=None):
    return _render(request, "403.html", HttpResponseForbidden, exception)


def page_not_found(request, exception=None):
    return _render(request, "404.html", HttpResponseNotFound, exception)


def csrf_failure(request, reason=""):
    # `reason` is Django's English diagnosis for developers; the user gets what to do.
    return _render(request, "403_csrf.html", HttpResponseForbidden)


def server_error(request):
    """Rendered without the request: its context (the user, the menu) needs the database,
    which may be what failed."""
    try:
        return HttpResponseServerError(loader.get_template("500.html").render({}))
    except Exception:
        logger.exception("The 500 page itself could not be rendered")
        return HttpResponseServerError(LAST_RESORT_500, content_type="text/plain; charset=utf-8")
