import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET
from vinhdanh.org.models import Level, Person, PlannedUnit, Reorganisation, Unit, UnitKind
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


def _styled(form: forms.Form) -> None:
    for name, field in form.fields.items():
        css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
        field.widget.attrs.setdefault("class", css)
        field.widget.attrs.setdefault("id", f"id_{form.prefix + '-' if form.prefix else ''}{name}")


_UNIT_CHOICE_ERRORS = {
    "invalid_choice": _("Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn."),
    "invalid_pk_value": _("Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn."),
}


class ReorganisationForm(forms.ModelForm):
    class Meta:
        model = Reorganisation
        fields = ["name", "basis", "effective_on"]
        widgets = {"effective_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}
        error_messages = {
            "name": {"required": _("Nhập tên đợt sắp xếp.")},
            "effective_on": {
                "required": _("Nhập ngày có hiệu lực hợp lệ."),
                "invalid": _("Nhập ngày có hiệu lực hợp lệ."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)


class SuccessorForm(forms.Form):
    """A successor: an existing unit, or a new one; formed from wholes and parts of others."""

    unit = forms.ModelChoiceField(
        label=_("Đơn vị đã có"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages=_UNIT_CHOICE_ERRORS,
    )
    code = forms.SlugField(
        label=_("Mã đơn vị mới"),
        max_length=60,
        required=False,
        error_messages={"invalid": _("Mã đơn vị chỉ gồm chữ không dấu, số, “-” và “_”.")},
    )
    name = forms.CharField(label=_("Tên đơn vị mới"), max_length=255, required=False)
    kind = forms.ChoiceField(
        label=_("Loại đơn vị"), choices=[("", "—"), *UnitKind.choices], required=False
    )
    level = forms.ModelChoiceField(label=_("Cấp"), queryset=Level.objects.all(), required=False)
    parent = forms.ModelChoiceField(
        label=_("Đơn vị cấp trên"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages=_UNIT_CHOICE_ERRORS,
    )
    wholes = forms.ModelMultipleChoiceField(
        label=_("Sáp nhập toàn bộ"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages=_UNIT_CHOICE_ERRORS,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    parts = forms.ModelMultipleChoiceField(
        label=_("Nhận một phần của"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages=_UNIT_CHOICE_ERRORS,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, prefix="successor", **kwargs)
        for name in ("unit", "parent", "wholes", "parts"):
            self.fields[name].queryset = units
        _styled(self)

    def clean(self):
        data = super().clean()
        if not data.get("unit") and not all(data.get(n) for n in ("code", "name", "kind", "level")):
            raise forms.ValidationError(
                _("Chọn một đơn vị đã có, hoặc nhập mã, tên, loại và cấp của đơn vị mới.")
            )
        if not data.get("wholes") and not data.get("parts"):
            raise forms.ValidationError(
                _("Chọn ít nhất một đơn vị tiền thân (toàn bộ hoặc một phần).")
            )
        return data


class DissolvedForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị giải thể (không có đơn vị kế thừa riêng)"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages=_UNIT_CHOICE_ERRORS,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, prefix="dissolved", **kwargs)
        self.fields["units"].queryset = units
        _styled(self)


class AssignForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Cá nhân"),
        queryset=Person.objects.none(),
        error_messages={
            "required": _("Chọn cá nhân."),
            "invalid_choice": _("Cá nhân đã chọn không thuộc đơn vị bị chia tách."),
        },
    )
    planned = forms.ModelChoiceField(
        label=_("Về đơn vị"),
        queryset=PlannedUnit.objects.none(),
        error_messages={
            "required": _("Chọn đơn vị mới."),
            "invalid_choice": _("Đơn vị đã chọn không phải đơn vị kế thừa của đợt này."),
        },
    )

    def __init__(self, *args, people, planned, **kwargs):
        super().__init__(*args, prefix="assign", **kwargs)
        self.fields["person"].queryset = people
        self.fields["planned"].queryset = planned
        _styled(self)


class MovesImportForm(forms.Form):
    file = GatedFileField(
        label=_("Danh sách (.xlsx): mã cá nhân → mã đơn vị mới"),
        allowed=SPREADSHEET,
        max_bytes=PEOPLE_FILE_MAX_BYTES,
        max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )


class RemoveRowForm(forms.Form):
    """Which row of the draft to remove (a successor or a person's assignment)."""

    row = forms.IntegerField(
        min_value=1, error_messages={"required": _("Dòng cần xóa không tồn tại.")}
    )
