"""The project's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import DatabaseError
from django.http import Http404
from django.urls import path

from vinhdanh.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def vietnamese_refusal(request):
    raise PermissionDenied("Chức năng này không dành cho vai trò của bạn.")


def internal_refusal(request):
    raise PermissionDenied("CSRF cookie not set; see /srv/vinhdanh/settings.py")


def internal_not_found(request):
    raise Http404("No Plan matches the given query.")


def suspicious(request):
    raise SuspiciousOperation("Attempted access to '/etc/passwd' denied.")


def broken(request):
    raise DatabaseError("connection to server at 10.0.0.5 failed: secret-detail")


urlpatterns = [
    path("test-errors/refusal/", vietnamese_refusal),
    path("test-errors/internal-refusal/", internal_refusal),
    path("test-errors/internal-not-found/", internal_not_found),
    path("test-errors/suspicious/", suspicious),
    path("test-errors/broken/", broken),
    *urlpatterns,
]
