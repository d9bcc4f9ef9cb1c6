"""One form per action of the signing app; every file through the upload gate."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import CERTIFICATES, MB, PKCS12
from vinhdanh.org.models import Council


class _Styled(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class _CouncilForm(_Styled):
    council = forms.ModelChoiceField(
        label=_("Hội đồng"),
        queryset=Council.objects.none(),
        error_messages={
            "required": _("Hãy chọn Hội đồng."),
            "invalid_choice": _("Hội đồng không hợp lệ."),
        },
    )

    def __init__(self, *args, councils=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = (
            councils if councils is not None else Council.objects.none()
        )


class CertificateUploadForm(_CouncilForm):
    file = GatedFileField(
        label=_("Tệp chứng thư số (.p12, .pfx)"),
        allowed=PKCS12,
        max_bytes=1 * MB,
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx"}),
    )
    password = forms.CharField(
        label=_("Mật khẩu của tệp"),
        max_length=200,
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class TrustRootForm(_CouncilForm):
    file = GatedFileField(
        label=_("Chứng thư gốc của tổ chức chứng thực (.pem, .cer, .crt)"),
        allowed=CERTIFICATES,
        max_bytes=1 * MB,
        widget=forms.ClearableFileInput(attrs={"accept": ".pem,.cer,.crt"}),
    )


class ConfirmForm(forms.Form):
    """The form behind a button that only confirms (sign, retire, remove)."""


class PrepareForm(forms.Form):
    certificate = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SignedUploadForm(_Styled):
    file = GatedFileField(
        label=_("Tệp PDF đã ký số"),
        allowed=frozenset({"pdf"}),
        max_bytes=20 * MB,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}),
    )
