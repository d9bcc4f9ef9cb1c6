from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models import AwardBasis, Title
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
