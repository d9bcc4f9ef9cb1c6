from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models import AwardBasis, Title
from vinhdanh.awards.models.review import (
    OBJECTION_CONTACT_MAX,
    OBJECTION_CONTENT_MAX,
    OBJECTION_NAME_MAX,
)
from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.org.models import Person, Unit


class NominationForm(forms.Form):
    person = forms.ModelChoiceField(Person.objects.none(), label=_("Cá nhân"), required=False)
    collective = forms.ModelChoiceField(Unit.objects.none(), label=_("Tập thể"), required=False)
    title = forms.ModelChoiceField(
        Title.objects.filter(is_active=True), label=_("Danh hiệu, hình thức")
    )
    basis = forms.ModelChoiceField(AwardBasis.objects.all(), label=_("Loại hình khen thưởng"))
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    event = forms.CharField(label=_("Đợt, sự kiện"), required=False, max_length=255)
    achievements = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, people=None, units=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # the subject of a nomination does not change; a new one is drafted instead
            del self.fields["person"], self.fields["collective"]
        if people is not None:
            self.fields["person"].queryset = people
        if units is not None:
            self.fields["collective"].queryset = units
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class AttachmentForm(forms.Form):
    component = forms.ChoiceField(label=_("Thành phần hồ sơ"))
    file = GatedFileField(label=_("Tệp"))


class ObjectionForm(forms.Form):
    """What the public sends about an announced nomination; the limits are the model's."""

    filed_by = forms.CharField(label=_("Họ và tên"), max_length=OBJECTION_NAME_MAX)
    contact = forms.CharField(
        label=_("Điện thoại hoặc email"), max_length=OBJECTION_CONTACT_MAX, required=False
    )
    content = forms.CharField(
        label=_("Nội dung ý kiến"),
        max_length=OBJECTION_CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _(
                "Nội dung ý kiến tối đa %(limit_value)d ký tự (hiện có %(show_value)d ký tự). "
                "Xin rút gọn hoặc gửi văn bản đầy đủ tới cơ quan thường trực."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
