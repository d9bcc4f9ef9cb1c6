"""The forms of the records a unit keeps: one per kind, and the import's upload.

A form turns what was typed into values and names what it cannot read, in Vietnamese;
the services check again who may record for whom.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET
from vinhdanh.org.models import Person
from vinhdanh.records.importing import RECORDS_FILE_MAX_BYTES, YEAR_RANGE
from vinhdanh.records.models import DisciplineForm, InitiativeScope, RatingLevel
from vinhdanh.records.services import KIND_FIELDS

DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


class RecordForm(forms.Form):
    """Subject (a person by code, or a collective) and year; each kind adds its fields."""

    kind = ""
    person_code = forms.CharField(
        label=_("Mã cá nhân"),
        required=False,
        max_length=64,
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}),
    )
    unit = forms.ModelChoiceField(
        label=_("Hoặc tập thể (đơn vị)"),
        required=False,
        queryset=None,
        error_messages={
            "invalid_choice": _("Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn.")
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    year = forms.IntegerField(
        label=_("Năm"),
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
        error_messages={
            "required": _("Nhập năm (ví dụ 2021)."),
            "invalid": _("Năm phải là một số (ví dụ 2021)."),
            "min_value": _("Năm không hợp lệ."),
            "max_value": _("Năm không hợp lệ."),
        },
        widget=forms.NumberInput(attrs={"class": "form-control w-10rem"}),
    )

    def __init__(self, *args, people=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people if people is not None else Person.objects.none()
        self.fields["unit"].queryset = units
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "form-select")
            else:
                field.widget.attrs.setdefault("class", "form-control")

    def clean(self):
        cleaned = super().clean()
        code, unit = (cleaned.get("person_code") or "").strip(), cleaned.get("unit")
        if "unit" in self.errors:
            return cleaned
        if bool(code) == bool(unit):
            self.add_error(
                "person_code", _("Ghi mã một cá nhân, hoặc chọn một tập thể (chỉ một trong hai).")
            )
            return cleaned
        cleaned["person"] = None
        if code:
            person = self.people.filter(code=code).select_related("unit").first()
            if person is None:
                self.add_error(
                    "person_code",
                    _("Không có cá nhân mã “%(code)s” trong phạm vi đơn vị của bạn.")
                    % {"code": code},
                )
            cleaned["person"] = person
        return cleaned

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data.get(name) for name in KIND_FIELDS[self.kind]}
        return {"person": data["person"], "unit": data.get("unit"), "year": data["year"], **fields}

    @classmethod
    def initial_for(cls, instance) -> dict:
        initial = {
            "person_code": instance.person.code if instance.person_id else "",
            "unit": instance.unit_id,
            "year": instance.year,
        }
        initial.update({name: getattr(instance, name) for name in KIND_FIELDS[cls.kind]})
        return initial


def _choice(label, choices, message):
    return forms.ChoiceField(
        label=label,
        choices=[("", "—"), *choices],
        error_messages={"required": message, "invalid_choice": message},
    )


class RatingForm(RecordForm):
    kind = "ratings"
    level = _choice(_("Mức xếp loại"), RatingLevel.choices, _("Chọn mức xếp loại."))


class InitiativeForm(RecordForm):
    kind = "initiatives"
    name = forms.CharField(
        label=_("Tên sáng kiến"),
        max_length=255,
        error_messages={"required": _("Nhập tên sáng kiến.")},
    )
    scope = _choice(_("Phạm vi ảnh hưởng"), InitiativeScope.choices, _("Chọn phạm vi ảnh hưởng."))
    recognised_by = forms.CharField(label=_("Cơ quan công nhận"), max_length=255, required=False)
    decision_number = forms.CharField(
        label=_("Số quyết định công nhận"), max_length=120, required=False
    )
    decision_date = forms.DateField(
        label=_("Ngày quyết định công nhận"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Ngày quyết định không hợp lệ.")},
    )


class DisciplineRecordForm(RecordForm):
    kind = "discipline"
    form = _choice(_("Hình thức kỷ luật"), DisciplineForm.choices, _("Chọn hình thức kỷ luật."))
    decision_number = forms.CharField(
        label=_("Số quyết định kỷ luật"), max_length=120, required=False
    )
    decision_date = forms.DateField(
        label=_("Ngày quyết định kỷ luật"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Ngày quyết định không hợp lệ.")},
    )
    until = forms.DateField(
        label=_("Hết thời hạn kỷ luật"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Ngày hết thời hạn không hợp lệ.")},
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("decision_date"), cleaned.get("until")
        if start and end and end < start:
            self.add_error("until", _("Ngày hết thời hạn phải sau ngày quyết định kỷ luật."))
        return cleaned


FORMS = {"ratings": RatingForm, "initiatives": InitiativeForm, "discipline": DisciplineRecordForm}


class RecordsImportForm(forms.Form):
    file = GatedFileField(
        label=_("Tệp Excel (.xlsx)"),
        allowed=SPREADSHEET,
        max_bytes=RECORDS_FILE_MAX_BYTES,
        max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )


class ApplyImportForm(forms.Form):
    """Nothing to type: the button applies the previewed file."""
