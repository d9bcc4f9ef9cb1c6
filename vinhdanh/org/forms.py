import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET
from vinhdanh.org.models import Person, Unit
from vinhdanh.org.people_import import PEOPLE_FILE_MAX_BYTES


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "code", "full_name", "unit", "position", "gender", "birth_year",
            "is_direct_worker", "is_manager", "email",
        ]  # fmt: skip

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        self.fields["unit"].error_messages["invalid_choice"] = _(
            "Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn."
        )
        for name, field in self.fields.items():
            css = (
                "form-check-input"
                if isinstance(field.widget, forms.CheckboxInput)
                else "form-control"
            )
            if isinstance(field.widget, forms.Select):
                css = "form-select"
            field.widget.attrs.setdefault("class", css)
            field.widget.attrs.setdefault("id", f"id_{name}")


class PeopleImportForm(forms.Form):
    file = GatedFileField(
        label=_("Tệp Excel (.xlsx)"),
        allowed=SPREADSHEET,
        max_bytes=PEOPLE_FILE_MAX_BYTES,
        max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )


class UnitMergeForm(forms.Form):
    """Units merged into the page's unit, from a day (the 2025 reform merged wards)."""

    sources = forms.ModelMultipleChoiceField(
        label=_("Đơn vị được sáp nhập"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": _("Chọn ít nhất một đơn vị được sáp nhập."),
            "invalid_choice": _("Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn."),
            "invalid_pk_value": _("Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn."),
        },
        widget=forms.SelectMultiple(
            attrs={"class": "form-select mb-2", "size": 6, "aria-label": _("Đơn vị được sáp nhập")}
        ),
    )
    effective_on = forms.DateField(
        label=_("Ngày sáp nhập"),
        error_messages={
            "required": _("Nhập ngày sáp nhập hợp lệ."),
            "invalid": _("Nhập ngày sáp nhập hợp lệ."),
        },
        widget=forms.DateInput(
            format="%Y-%m-%d",
            attrs={"type": "date", "class": "form-control", "aria-label": _("Ngày sáp nhập")},
        ),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = candidates
        self.fields["effective_on"].initial = datetime.date.today()
