from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET
from vinhdanh.movements.models import Movement


class MovementForm(forms.ModelForm):
    class Meta:
        model = Movement
        fields = [
            "name",
            "kind",
            "year",
            "launched_by",
            "parent",
            "starts_on",
            "ends_on",
            "registration_deadline",
            "document_number",
            "goals",
            "criteria",
            "target_units",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "registration_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "criteria": forms.Textarea(attrs={"rows": 4}),
            "target_units": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, units=None, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["launched_by"].queryset = units
            self.fields["target_units"].queryset = units
        if parents is not None:
            self.fields["parent"].queryset = parents
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Tên tài liệu"), max_length=255)
    file = GatedFileField(label=_("Tệp"))


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = GatedFileField(
        label=_("Tệp Excel (.xlsx)"), allowed=SPREADSHEET, max_uncompressed=IMPORT_MAX_UNCOMPRESSED
    )
