"""One form per write of the exemplar pages, with Vietnamese messages.

Views bind the form and run the service through workflow.views.run_service, which shows a
service's refusal on the same form. Files come only through the upload gate's fields.
"""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.forms import SearchChooser
from vinhdanh.core.years import year_field
from vinhdanh.exemplars.models import (
    ConsentMethod,
    ExemplarCategory,
    SubjectKind,
)
from vinhdanh.exemplars.services import (
    IMAGE_KINDS,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
)
from vinhdanh.org.models import Person, Unit
from vinhdanh.scoring.forms import GatedFilesField, MultipleFileInput
from vinhdanh.workflow.forms import ActionForm

DATE = {"type": "date"}


def _chooser(model, label, url, placeholder):
    return forms.ModelChoiceField(
        model.objects.none(),
        label=label,
        required=False,
        error_messages={
            "invalid_choice": _("Đối tượng đã chọn không thuộc phạm vi của bạn; hãy chọn lại.")
        },
        widget=SearchChooser(search_url=url, placeholder=placeholder),
    )


class ExemplarForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    unit = forms.ModelChoiceField(
        Unit.objects.none(),
        label=_("Đơn vị đề xuất"),
        error_messages={"required": _("Chọn đơn vị đề xuất.")},
    )
    year = year_field(label=_("Năm"))
    category = forms.ChoiceField(label=_("Loại gương"), choices=ExemplarCategory.choices)
    subject_kind = forms.ChoiceField(label=_("Cá nhân hay tập thể"), choices=SubjectKind.choices)
    subject_name = forms.CharField(
        label=_("Tên cá nhân, tập thể"),
        max_length=255,
        required=False,
        help_text=_("Để trống nếu chọn người, tập thể trong danh sách bên dưới."),
    )
    person = _chooser(
        Person,
        _("Cá nhân trong danh sách (nếu có)"),
        reverse_lazy("awards:person_choices"),
        _("Gõ tên hoặc mã cá nhân"),
    )
    collective = _chooser(
        Unit,
        _("Tập thể trong danh sách (nếu có)"),
        reverse_lazy("awards:unit_choices"),
        _("Gõ tên hoặc mã đơn vị"),
    )
    headline = forms.CharField(
        label=_("Tiêu đề"),
        max_length=255,
        error_messages={"required": _("Vui lòng nhập tiêu đề của gương.")},
    )
    story = forms.CharField(
        label=_("Việc tốt, thành tích (đã làm gì)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _(
                "Vui lòng kể lại việc tốt, thành tích: đã làm gì, khi nào, ở đâu, hiệu quả ra sao."
            )
        },
        max_length=20000,
    )
    happened_on = forms.DateField(
        label=_("Thời gian"), required=False, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    effect = forms.CharField(
        label=_("Hiệu quả, sức lan tỏa"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photos = GatedFilesField(
        label=_("Ảnh (chọn nhiều ảnh một lần; PNG hoặc JPEG)"),
        required=False,
        allowed=IMAGE_KINDS,
        max_bytes=MAX_PHOTO_BYTES,
        max_files=MAX_PHOTOS,
        widget=MultipleFileInput(attrs={"class": "form-control", "accept": "image/png,image/jpeg"}),
    )
    evidence = GatedFilesField(
        label=_("Minh chứng (văn bản, ảnh chụp giấy tờ)"),
        required=False,
        widget=MultipleFileInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, units=None, people=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
            self.fields["collective"].queryset = units
            self.fields["collective"].widget.queryset = units
        if people is not None:
            self.fields["person"].queryset = people
            self.fields["person"].widget.queryset = people
        if editing:
            # Files are added on the exemplar's page; the proposing unit stays.
            for name in ("unit", "photos", "evidence"):
                del self.fields[name]
        else:
            del self.fields["version"]
        for field in self.visible_fields():
            widget = field.field.widget
            widget.attrs.setdefault(
                "class", "form-select" if isinstance(widget, forms.Select) else "form-control"
            )

    def fields_to_save(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("version", "photos", "evidence", "unit"):
            data.pop(name, None)
        return data

    @staticmethod
    def files_of(uploads) -> list[tuple[str, bytes]]:
        files = []
        for upload in uploads or []:
            upload.seek(0)
            files.append((upload.name, upload.read()))
        return files


class PhotosForm(forms.Form):
    photos = GatedFilesField(
        label=_("Ảnh"),
        allowed=IMAGE_KINDS,
        max_bytes=MAX_PHOTO_BYTES,
        max_files=MAX_PHOTOS,
        error_messages={"required": _("Hãy chọn ít nhất một ảnh.")},
        widget=MultipleFileInput(
            attrs={"class": "form-control form-control-sm", "accept": "image/png,image/jpeg"}
        ),
    )


class EvidenceForm(forms.Form):
    evidence = GatedFilesField(
        label=_("Minh chứng"),
        error_messages={"required": _("Hãy chọn ít nhất một tệp minh chứng.")},
        widget=MultipleFileInput(attrs={"class": "form-control form-control-sm"}),
    )


class ConsentForm(ActionForm):
    """Who consented to publishing the name and photos, when and how (or its withdrawal)."""

    note = None
    given = forms.TypedChoiceField(
        label=_("Sự đồng ý"),
        choices=[("1", _("Đồng ý công bố tên và ảnh")), ("0", _("Không đồng ý / rút lại"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    consent_by = forms.CharField(label=_("Người đồng ý"), max_length=255, required=False)
    consent_on = forms.DateField(
        label=_("Ngày đồng ý"),
        required=False,
        widget=forms.DateInput(attrs=DATE | {"class": "form-control"}, format="%Y-%m-%d"),
    )
    consent_method = forms.ChoiceField(
        label=_("Hình thức"),
        choices=[("", "—"), *ConsentMethod.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent_by"].widget.attrs["class"] = "form-control"


class StepForm(ActionForm):
    """The button of one workflow step; the note is the reason where the step needs one."""

    reason_box = True


class CommendForm(ActionForm):
    note = None
    title = forms.ChoiceField(
        label=_("Hình thức khen thưởng đột xuất"),
        choices=[
            ("giay_khen", _("Giấy khen (của Chủ tịch Ủy ban nhân dân cấp Hội đồng)")),
            ("bang_khen_tinh", _("Bằng khen của Chủ tịch Ủy ban nhân dân thành phố, tỉnh")),
        ],
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class BoardYearForm(forms.Form):
    year = year_field(label=_("Năm"), required=False)
