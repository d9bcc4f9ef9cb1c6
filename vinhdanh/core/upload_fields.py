"""The form field for every upload: a form that takes a file cannot skip the upload gate.

Services check again with `validate_upload` (they are also called from commands and
tests); the field makes the refusal appear on the form, beside the field, in Vietnamese.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.uploads import (
    DOCUMENT_KINDS,
    MAX_UNCOMPRESSED,
    MB,
    UploadRejected,
    validate_upload,
)


class GatedFileField(forms.FileField):
    """A FileField whose cleaned value has passed `validate_upload`; `value.kind` is its type."""

    def __init__(
        self,
        *,
        allowed: frozenset[str] = DOCUMENT_KINDS,
        max_bytes: int = 20 * MB,
        max_uncompressed: int = MAX_UNCOMPRESSED,
        **kwargs,
    ):
        kwargs.setdefault("error_messages", {"required": _("Hãy chọn tệp cần tải lên.")})
        super().__init__(**kwargs)
        self.allowed = allowed
        self.max_bytes = max_bytes
        self.max_uncompressed = max_uncompressed

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return upload
        if upload.size is not None and upload.size > self.max_bytes:
            # Refused before the whole file is read into memory.
            raise UploadRejected(_("Tệp quá lớn: tối đa %(mb)d MB.") % {"mb": self.max_bytes // MB})
        upload.seek(0)
        content = upload.read()
        upload.seek(0)
        upload.kind = validate_upload(
            upload.name,
            content,
            allowed=self.allowed,
            max_bytes=self.max_bytes,
            max_uncompressed=self.max_uncompressed,
        )
        return upload
