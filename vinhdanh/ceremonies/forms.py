"""One form per action of ceremonies."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.ceremonies.models import Ceremony, Reception
from vinhdanh.workflow.forms import ActionForm, ButtonForm


class CeremonyForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = Ceremony
        fields = [
            "kind", "title", "year", "held_at", "place", "chair", "host", "plan_task",
            "programme", "guests", "invited_units",
        ]  # fmt: skip
        widgets = {
            "held_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "programme": forms.Textarea(attrs={"rows": 7}),
            "guests": forms.Textarea(attrs={"rows": 4}),
            "invited_units": forms.SelectMultiple(attrs={"size": 8}),
        }
        error_messages = {
            "title": {"required": _("Vui lòng nhập tên hội nghị.")},
            "held_at": {
                "required": _("Vui lòng nhập thời gian tổ chức."),
                "invalid": _("Thời gian không hợp lệ."),
            },
            "place": {"required": _("Vui lòng nhập địa điểm.")},
            "year": {"required": _("Vui lòng nhập năm công tác được tổng kết.")},
        }

    def __init__(self, *args, units=None, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if units is not None:
            self.fields["invited_units"].queryset = units
        if tasks is not None:
            self.fields["plan_task"].queryset = tasks
        self.fields["plan_task"].label_from_instance = lambda t: f"{t.number}. {t.content[:90]}"
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class InviteForm(ButtonForm):
    """Send the invitations."""


class HoldForm(ButtonForm):
    """The ceremony took place."""


class DrawForm(ButtonForm):
    """Draw the year's honourees."""


class MoveForm(ButtonForm):
    step = forms.TypedChoiceField(choices=[("-1", "-1"), ("1", "1")], coerce=int)


class ReportForm(ActionForm):
    note = None
    report = forms.CharField(
        label=_("Kết quả tổ chức"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )


class CancelForm(ActionForm):
    reason_label = _("Lý do hủy")
    reason_box = True


class AttendanceForm(forms.Form):
    present_units = forms.ModelMultipleChoiceField(queryset=None, required=False)
    received = forms.ModelMultipleChoiceField(queryset=None, required=False)

    def __init__(self, *args, units, honourees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present_units"].queryset = units
        self.fields["received"].queryset = honourees


class ReceptionForm(forms.ModelForm):
    class Meta:
        model = Reception
        fields = ["certificate", "unit", "held_on", "place", "presented_by", "note"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "certificate": {"required": _("Chọn danh hiệu, hình thức được đón nhận.")},
            "held_on": {
                "required": _("Vui lòng nhập ngày tổ chức."),
                "invalid": _("Ngày không hợp lệ."),
            },
            "place": {"required": _("Vui lòng nhập địa điểm.")},
        }

    def __init__(self, *args, certificates, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certificate"].queryset = certificates
        self.fields["certificate"].label_from_instance = lambda c: (
            f"{c.title_name} – {c.recipient} (QĐ {c.decision.reference})"
        )
        self.fields["unit"].queryset = units
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
