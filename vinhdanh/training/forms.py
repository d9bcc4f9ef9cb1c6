"""One form per action on training sessions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.training.models import Evaluation, TrainingSession
from vinhdanh.workflow.forms import ActionForm, ButtonForm

_DATETIME = {"type": "datetime-local"}


class SessionForm(forms.ModelForm):
    # The version the page showed: saving over someone else's later edit is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = TrainingSession
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "place",
            "capacity",
            "per_unit_limit",
            "registration_deadline",
            "plan_task",
            "trainers",
            "programme",
            "invited_units",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs=_DATETIME, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs=_DATETIME, format="%Y-%m-%dT%H:%M"),
            "registration_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "trainers": forms.Textarea(attrs={"rows": 3}),
            "programme": forms.Textarea(attrs={"rows": 5}),
            "invited_units": forms.SelectMultiple(attrs={"size": 10}),
        }
        error_messages = {
            "title": {"required": _("Vui lòng nhập tên lớp tập huấn.")},
            "starts_at": {
                "required": _("Vui lòng nhập giờ bắt đầu."),
                "invalid": _("Giờ bắt đầu không hợp lệ."),
            },
            "ends_at": {
                "required": _("Vui lòng nhập giờ kết thúc."),
                "invalid": _("Giờ kết thúc không hợp lệ."),
            },
            "place": {"required": _("Vui lòng nhập địa điểm.")},
            "capacity": {
                "required": _("Vui lòng nhập số chỗ của lớp."),
                "invalid": _("Số chỗ phải là số nguyên."),
            },
        }

    def __init__(self, *args, units=None, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if units is not None:
            self.fields["invited_units"].queryset = units
        if tasks is not None:
            self.fields["plan_task"].queryset = tasks
        self.fields["plan_task"].label_from_instance = lambda task: (
            f"{task.number}. {task.content[:90]}"
        )
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def fields_to_save(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        if data.get("starts_at"):
            data["year"] = data["starts_at"].year
        return data


class MaterialForm(forms.Form):
    name = forms.CharField(
        label=_("Tên tài liệu"),
        max_length=255,
        error_messages={"required": _("Vui lòng nhập tên tài liệu.")},
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    file = GatedFileField(
        label=_("Tệp"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control form-control-sm"}),
    )


class RegisterForm(forms.Form):
    """The people a unit sends: chosen among the unit's own, not yet on the list."""

    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=None,
        error_messages={"required": _("Chọn đơn vị cử người.")},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Người dự"),
        queryset=None,
        error_messages={"required": _("Chọn ít nhất một người để đăng ký.")},
        widget=forms.SelectMultiple(attrs={"class": "form-select form-select-sm", "size": 8}),
    )

    def __init__(self, *args, units, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["people"].queryset = people
        if units.count() == 1:
            self.fields["unit"].initial = units.first()
        self.fields["people"].label_from_instance = lambda person: (
            f"{person.full_name} – {person.position}" if person.position else person.full_name
        )


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Có mặt"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, attendees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = attendees
        self.fields["present"].label_from_instance = lambda a: f"{a.person.full_name} ({a.unit})"


_SCORES = [(n, str(n)) for n in range(5, 0, -1)]


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["content", "usefulness", "organisation", "comment"]
        widgets = {
            "content": forms.Select(choices=_SCORES, attrs={"class": "form-select form-select-sm"}),
            "usefulness": forms.Select(
                choices=_SCORES, attrs={"class": "form-select form-select-sm"}
            ),
            "organisation": forms.Select(
                choices=_SCORES, attrs={"class": "form-select form-select-sm"}
            ),
            "comment": forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
        }


class AnnounceForm(ButtonForm):
    """Send the invitations."""


class HoldForm(ButtonForm):
    """The session took place."""


class ReportForm(ActionForm):
    note = None
    result_summary = forms.CharField(
        label=_("Kết quả, đánh giá chung"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )


class CancelForm(ActionForm):
    reason_label = _("Lý do hủy lớp")
    reason_missing = _("Vui lòng ghi rõ lý do hủy lớp.")
    reason_box = True


class WithdrawForm(ButtonForm):
    """Take a registered person off the list."""
