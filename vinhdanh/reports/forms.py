from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.reports.categories import Category
from vinhdanh.reports.models import WorkBody, WorkStaff

_REQUIRED = {"required": _("Vui lòng nhập trường này.")}


class WorkStaffForm(forms.ModelForm):
    class Meta:
        model = WorkStaff
        fields = ["full_name", "gender", "birth_year", "education", "started_year", "full_time"]
        error_messages = {
            "full_name": _REQUIRED,
            "gender": {"required": _("Vui lòng chọn giới tính.")},
            "birth_year": {**_REQUIRED, "invalid": _("Năm sinh phải là một số.")},
            "education": {"required": _("Vui lòng chọn trình độ đào tạo.")},
            "started_year": {**_REQUIRED, "invalid": _("Năm bắt đầu phải là một số.")},
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            "gender": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "birth_year": forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
            "education": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "started_year": forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
            "full_time": forms.CheckboxInput(attrs={"class": "form-check-input"}),
        }


class WorkBodyForm(forms.ModelForm):
    class Meta:
        model = WorkBody
        fields = ["kind", "name"]
        error_messages = {
            "kind": {"required": _("Vui lòng chọn cấp tổ chức.")},
            "name": _REQUIRED,
        }
        widgets = {
            "kind": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "name": forms.TextInput(attrs={"class": "form-control form-control-sm"}),
        }


class PersonCategoryForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    category = forms.ChoiceField(
        label=_("Phân loại"),
        choices=Category.choices,
        error_messages={"invalid_choice": _("Phân loại không hợp lệ."),
                        "required": _("Vui lòng chọn phân loại.")},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )  # fmt: skip


class ConfirmForm(forms.Form):
    """A delete button's form: nothing to fill, a refusal shown as its error."""
