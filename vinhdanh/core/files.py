"""Stored files are private: unguessable names, no public URL, served only after a scope check.

Every model field that stores a file names it with `PrivateUploadTo`, keeps it in
`PrivateFileStorage` (a root no web server publishes), and registers the view that
serves it with `register_serving_view`; that view checks scope with accounts.access
and answers through `serve_private`.

Serving is written here rather than taken from a library because it works on the
storage's file (not a filesystem path) and needs only Django's own
`content_disposition_header` for RFC 5987 names.
"""

import mimetypes
import re
import secrets
from collections.abc import Callable
from functools import wraps
from pathlib import PurePath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

_EXTENSION = re.compile(r"\.[a-z0-9]{1,10}")
_TOKEN_BYTES = 24  # 32 URL-safe characters: not guessable, not enumerable
PRIVATE_NAME = re.compile(r"[a-z0-9_/]+/[A-Za-z0-9_-]{32}(\.[a-z0-9]{1,10})?")


class NoPublicURL(RuntimeError):
    """Raised where code asks a private file for a public address."""


class PrivateFileStorage(FileSystemStorage):
    """Files under MEDIA_ROOT, which nothing serves: a link must go to a view that checks scope."""

    def url(self, name):
        raise NoPublicURL(
            "Stored files have no public URL; link to the view that serves them "
            "(vinhdanh.core.files.serving_url)."
        )


@deconstructible
class PrivateUploadTo:
    """`upload_to` giving `<folder>/<random token><original extension>`.

    The name says nothing about the year, the dossier or the person, and cannot be
    guessed; the name shown to people is kept in the model beside the file.
    """

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        return f"{self.folder}/{secrets.token_urlsafe(_TOKEN_BYTES)}{safe_extension(filename)}"

    def __eq__(self, other) -> bool:
        return isinstance(other, PrivateUploadTo) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)


def safe_extension(filename: str) -> str:
    """The file's extension in lower case, or nothing when it is not a plain one."""
    extension = PurePath(filename or "").suffix.lower()
    return extension if _EXTENSION.fullmatch(extension) else ""


# (model, field name) -> the address of the scope-checked view that serves that file.
_SERVING_VIEWS: dict[tuple[type[Model], str], Callable[[Model], str]] = {}


def register_serving_view(model: type[Model], field_name: str, url: Callable[[Model], str]):
    _SERVING_VIEWS[(model, field_name)] = url


def serving_url(instance: Model, field_name: str) -> str:
    try:
        url = _SERVING_VIEWS[(type(instance), field_name)]
    except KeyError:
        raise LookupError(
            f"{type(instance).__name__}.{field_name} has no serving view in core.files"
        ) from None
    return url(instance)


def has_serving_view(model: type[Model], field_name: str) -> bool:
    return (model, field_name) in _SERVING_VIEWS


def private_file_view(view):
    """For the views that serve files: the anonymous get "not found", never a login page,
    so a file's address reveals nothing."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404(_("Không tìm thấy."))
        return view(request, *args, **kwargs)

    return wrapper


def serve_private(
    request, field_file: FieldFile, *, download_name: str, as_attachment: bool = True
) -> HttpResponse:
    """The stored file as a download, once the calling view has checked scope.

    With PRIVATE_FILES_ACCEL_PREFIX set (filesystem storage), the bytes are left to nginx
    through X-Accel-Redirect to an `internal` location; with object storage and
    PRIVATE_FILES_S3_REDIRECT_SECONDS set, the browser is sent to a presigned address
    valid that many seconds; otherwise Django streams them from the storage.
    """
    storage = field_file.storage if field_file else None
    if not field_file or not storage.exists(field_file.name):
        raise Http404(_("Không tìm thấy tệp."))
    content_type = (
        mimetypes.guess_type(field_file.name)[0]
        or mimetypes.guess_type(download_name)[0]
        or "application/octet-stream"
    )
    disposition = content_disposition_header(as_attachment, download_name)
    prefix = getattr(settings, "PRIVATE_FILES_ACCEL_PREFIX", "")
    redirect_seconds = getattr(settings, "PRIVATE_FILES_S3_REDIRECT_SECONDS", 0)
    if redirect_seconds and hasattr(storage, "short_lived_url"):
        response = HttpResponseRedirect(
            storage.short_lived_url(
                field_file.name,
                seconds=redirect_seconds,
                content_type=content_type,
                content_disposition=disposition,
            )
        )
    elif prefix and isinstance(storage, FileSystemStorage):
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"/{prefix.strip('/')}/{quote(field_file.name)}"
    else:
        response = FileResponse(storage.open(field_file.name, "rb"), content_type=content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    # Personal data: no shared cache keeps a copy (nor of the presigned address).
    response["Cache-Control"] = "private, no-store"
    return response
