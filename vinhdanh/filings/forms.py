"""The public filing form, the status look-up, the supplement, and one form per office action."""

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.forms import SearchChooser
from vinhdanh.awards.models import AwardBasis, Title
from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import MB
from vinhdanh.core.years import year_field
from vinhdanh.filings.models import FilerKind
from vinhdanh.filings.selectors import councils_in_force
from vinhdanh.org.models import Person, Unit
from vinhdanh.workflow.forms import ActionForm

CONTENT_MAX = 5000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class GatedFilesField(GatedFileField):
    """Several files in one input, each through the upload gate; one refused refuses all."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"class": "form-control"}))
        kwargs.setdefault("max_bytes", settings.FILINGS_MAX_FILE_MB * MB)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not uploads:
            if self.required:
                return super().clean(None, initial)
            return []
        if len(uploads) > settings.FILINGS_MAX_FILES:
            raise forms.ValidationError(
                _("Mỗi lần gửi tối đa %(count)d tệp.") % {"count": settings.FILINGS_MAX_FILES}
            )
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(super().clean(upload, initial))
            except forms.ValidationError as refused:
                errors.extend(
                    _("Tệp “%(name)s”: %(reason)s") % {"name": upload.name, "reason": message}
                    for message in refused.messages
                )
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


def _read(upload) -> bytes:
    upload.seek(0)
    return upload.read()


def _styled(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect):
            continue
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
            continue
        css = "form-select" if isinstance(widget, forms.Select) else "form-control"
        widget.attrs.setdefault("class", css)


class PublicFilingForm(forms.Form):
    filer_kind = forms.ChoiceField(
        label=_("Người nộp là"), choices=FilerKind.choices, widget=forms.RadioSelect,
        initial=FilerKind.CITIZEN,
        error_messages={"required": _("Chọn người nộp là cá nhân hay tổ chức.")},
    )  # fmt: skip
    filer_name = forms.CharField(
        label=_("Họ và tên người nộp"),
        max_length=200,
        error_messages={"required": _("Cần ghi họ và tên người nộp.")},
    )
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )
    address = forms.CharField(
        label=_("Địa chỉ liên hệ"),
        max_length=300,
        error_messages={"required": _("Cần ghi địa chỉ liên hệ.")},
    )
    organisation_name = forms.CharField(label=_("Tên tổ chức"), max_length=300, required=False)
    organisation_code = forms.CharField(
        label=_("Mã số thuế hoặc mã đơn vị"), max_length=30, required=False
    )
    council = forms.ModelChoiceField(
        queryset=None,
        label=_("Gửi tới Hội đồng Thi đua - Khen thưởng"),
        error_messages={
            "required": _("Chọn Hội đồng nhận hồ sơ."),
            "invalid_choice": _(
                "Hội đồng đã chọn không còn hoạt động; hãy chọn Hội đồng đang hoạt động ở "
                "địa phương."
            ),
        },
    )
    subject = forms.CharField(
        label=_("Tiêu đề"), max_length=300, error_messages={"required": _("Cần ghi tiêu đề.")}
    )
    content = forms.CharField(
        label=_("Nội dung đề nghị"),
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Cần ghi nội dung đề nghị."),
            "max_length": _("Nội dung tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."),
        },
    )
    others = GatedFilesField(label=_("Giấy tờ khác (chọn được nhiều tệp)"), required=False)
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để cơ quan thường trực Hội đồng Thi đua - Khen thưởng xử lý các thông tin "
            "trên để xem xét đề nghị này."
        ),
        error_messages={
            "required": _(
                "Cần đồng ý với việc xử lý dữ liệu cá nhân để cơ quan thường trực xem xét hồ sơ."
            )
        },
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["council"].queryset = councils_in_force()
        self.document_fields = []
        for document in kind.documents:
            name = f"doc_{document['code']}"
            self.fields[name] = GatedFileField(
                label=document["name"],
                max_bytes=settings.FILINGS_MAX_FILE_MB * MB,
                error_messages={
                    "required": _("Còn thiếu giấy tờ bắt buộc: %(name)s.")
                    % {"name": document["name"]}
                },
            )
            self.document_fields.append(name)
        if kind.filers and len(kind.filers) == 1:
            self.fields["filer_kind"].initial = kind.filers[0]
        _styled(self)

    def files_for_service(self) -> list[tuple[str, str, bytes]]:
        data = self.cleaned_data
        files = []
        for document in self.kind.documents:
            upload = data.get(f"doc_{document['code']}")
            if upload:
                files.append((document["code"], upload.name, _read(upload)))
        files += [("", upload.name, _read(upload)) for upload in data.get("others") or []]
        return files

    def filing_fields(self) -> dict:
        data = self.cleaned_data
        names = ("filer_kind", "filer_name", "phone", "email", "address", "organisation_name",
                 "organisation_code", "council", "subject", "content", "consent")  # fmt: skip
        return {name: data[name] for name in names}


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=20,
        error_messages={"required": _("Nhập mã hồ sơ.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "XXXX-XXXX"}),
    )
    last4 = forms.CharField(
        label=_("4 ký tự cuối của số điện thoại hoặc thư điện tử (phần trước @)"),
        max_length=8,
        error_messages={"required": _("Nhập 4 ký tự cuối của số điện thoại hoặc thư điện tử.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


class SupplementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    note = forms.CharField(
        label=_("Nội dung bổ sung"),
        required=False,
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    files = GatedFilesField(label=_("Giấy tờ bổ sung (chọn được nhiều tệp)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)

    def files_for_service(self) -> list[tuple[str, str, bytes]]:
        return [("", upload.name, _read(upload)) for upload in self.cleaned_data.get("files") or []]


class RequestMoreForm(ActionForm):
    reason_label = _("Nội dung cần bổ sung")
    reason_missing = _("Ghi rõ giấy tờ, nội dung người nộp cần bổ sung.")
    more_due_on = forms.DateField(
        label=_("Hạn bổ sung"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
        help_text=_("Để trống: %(days)s ngày làm việc kể từ ngày mai.")
        % {"days": settings.FILINGS_SUPPLEMENT_WORKING_DAYS},
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )


class RefuseForm(ActionForm):
    reason_label = _("Lý do từ chối")
    reason_missing = _("Ghi rõ lý do từ chối để báo cho người nộp.")


def _subject_field(model, label, search_url, placeholder, refused) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        model.objects.none(),
        label=label,
        required=False,
        error_messages={"invalid_choice": refused},
        widget=SearchChooser(search_url=search_url, placeholder=placeholder),
    )


class AcceptForm(ActionForm):
    """The draft nomination the filing becomes: who, which title, the summary."""

    person = _subject_field(
        Person,
        _("Cá nhân được đề nghị"),
        reverse_lazy("awards:person_choices"),
        _("Gõ tên hoặc mã cá nhân, có dấu hoặc không dấu"),
        _("Cá nhân đã chọn không thuộc phạm vi của bạn; hãy tìm và chọn lại."),
    )
    collective = _subject_field(
        Unit,
        _("hoặc tập thể được đề nghị"),
        reverse_lazy("awards:unit_choices"),
        _("Gõ tên hoặc mã đơn vị, có dấu hoặc không dấu"),
        _("Tập thể đã chọn không thuộc phạm vi của bạn; hãy tìm và chọn lại."),
    )
    title = forms.ModelChoiceField(
        Title.objects.filter(is_active=True),
        label=_("Danh hiệu, hình thức"),
        error_messages={"required": _("Chọn danh hiệu, hình thức khen thưởng.")},
    )
    basis = forms.ModelChoiceField(
        AwardBasis.objects.all(),
        label=_("Loại hình khen thưởng"),
        error_messages={"required": _("Chọn loại hình khen thưởng.")},
    )
    year = year_field(label=_("Năm"))
    achievements = forms.CharField(
        label=_("Tóm tắt thành tích"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Cần nhập tóm tắt thành tích.")},
    )

    def __init__(self, *args, people=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (("person", people), ("collective", units)):
            if queryset is not None:
                self.fields[name].queryset = queryset
                self.fields[name].widget.queryset = queryset
        _styled(self)

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("collective"):
            raise forms.ValidationError(_("Chọn cá nhân hoặc tập thể được đề nghị khen thưởng."))
        return data

    def for_service(self) -> dict:
        data = self.cleaned_data
        names = ("person", "collective", "title", "basis", "year", "achievements", "note")
        return {name: data.get(name) for name in names}
