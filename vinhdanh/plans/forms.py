"""One form per action of the plan pages: the input's checks and their Vietnamese messages.

The services check again (they are also called from commands and tests); a refusal of theirs
lands on the same form through `workflow.views.run_service`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import PLAN_MAX_UNCOMPRESSED
from vinhdanh.org.models import Unit
from vinhdanh.plans.importing import PLAN_FILE_KINDS
from vinhdanh.plans.resolution import KEEP_AS_TEXT
from vinhdanh.plans.services import MAX_ATTACHMENTS
from vinhdanh.workflow.forms import ActionForm


class PlanUploadForm(forms.Form):
    file = GatedFileField(
        label=_("Tệp kế hoạch"),
        allowed=PLAN_FILE_KINDS,
        max_uncompressed=PLAN_MAX_UNCOMPRESSED,
        error_messages={"required": _("Hãy chọn tệp kế hoạch (.docx, .xlsx hoặc .txt).")},
        widget=forms.ClearableFileInput(
            attrs={
                "class": "form-control mb-3",
                "accept": ".docx,.xlsx,.txt,.md",
                "data-testid": "plan-file",
            }
        ),
    )


class ConfirmImportForm(forms.Form):
    """One choice per unit name the reader could not match, and whether to update."""

    update = forms.BooleanField(
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input", "id": "update"}),
    )

    def __init__(self, *args, names: dict, pending: list[str], units, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [(str(unit.pk), unit.name) for unit in units]
        self.pending = pending
        for index, name in enumerate(pending):
            suggestions = [(str(s["id"]), s["name"]) for s in names[name]["suggestions"]]
            choices = [
                ("", _("— Chọn —")),
                (KEEP_AS_TEXT, _("Giữ nguyên dạng chữ (không gắn đơn vị)")),
            ]
            if suggestions:
                choices.append((_("Gợi ý gần nhất"), suggestions))
            choices.append((_("Tất cả đơn vị"), everyone))
            message = _("Hãy chọn đơn vị cho “%(name)s” hoặc giữ nguyên dạng chữ.") % {"name": name}
            self.fields[f"name-{index}"] = forms.ChoiceField(
                label=name,
                choices=choices,
                error_messages={"required": message, "invalid_choice": message},
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def name_fields(self):
        return [self[f"name-{index}"] for index in range(len(self.pending))]

    def choices(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"name-{i}"] for i, name in enumerate(self.pending)}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class GatedFilesField(GatedFileField):
    """Several files in one input, each through the upload gate."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        items = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if not items:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(items) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Tối đa %(n)s tệp đính kèm.") % {"n": MAX_ATTACHMENTS}, code="too_many"
            )
        return [super(GatedFilesField, self).clean(item, initial) for item in items]


class ProgressReportForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị báo cáo"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": _("Đơn vị đã chọn không chủ trì nhiệm vụ này.")},
        widget=forms.Select(attrs={"class": "form-select mb-2"}),
    )
    text = forms.CharField(
        label=_("Nội dung báo cáo"),
        error_messages={"required": _("Hãy ghi nội dung báo cáo.")},
        widget=forms.Textarea(attrs={"class": "form-control mb-2", "id": "report-text", "rows": 4}),
    )
    percent = forms.IntegerField(
        label=_("Tiến độ (%)"),
        required=False,
        initial=0,
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": _("Tiến độ là một số nguyên từ 0 đến 100."),
            # Django fills these messages with "%": the sign is written twice.
            "min_value": _("Tiến độ phải từ 0 đến 100%%."),
            "max_value": _("Tiến độ phải từ 0 đến 100%%."),
        },
        widget=forms.NumberInput(attrs={"class": "form-control mb-2", "id": "report-percent"}),
    )
    done = forms.BooleanField(
        label=_("Đã hoàn thành nhiệm vụ"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input", "id": "report-done"}),
    )
    attachments = GatedFilesField(
        label=_("Tệp đính kèm"),
        required=False,
        widget=MultipleFileInput(attrs={"class": "form-control mb-3", "id": "report-files"}),
    )

    def __init__(self, *args, units: list[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units
        field = self.fields["unit"]
        field.queryset = Unit.objects.filter(pk__in=[unit.pk for unit in units])
        if len(units) <= 1:
            field.widget = forms.HiddenInput()
        if units:
            field.initial = units[0].pk

    def clean_unit(self):
        # A page with one reporting unit may send none: it reports for that unit.
        unit = self.cleaned_data.get("unit") or (self.units[0] if self.units else None)
        if unit is None:
            raise ValidationError(_("Đơn vị của bạn không chủ trì nhiệm vụ này."))
        return unit

    def clean_percent(self):
        return self.cleaned_data.get("percent") or 0


class ReopenTaskForm(forms.Form):
    """The button is the action; for a group task it names the unit's line to reopen."""

    unit = forms.ModelChoiceField(
        queryset=Unit.objects.all(),
        required=False,
        widget=forms.HiddenInput(),
        error_messages={"invalid_choice": _("Đơn vị này không được giao nhiệm vụ này.")},
    )


class UnitPlanForm(ActionForm):
    """A unit sends its own plan (or sends it again), with an optional note."""

    file = GatedFileField(
        label=_("Tệp kế hoạch của đơn vị"),
        error_messages={"required": _("Hãy chọn tệp kế hoạch của đơn vị.")},
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
    )
    field_order = ["file", "note", "version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].widget = forms.TextInput(
            attrs={"class": "form-control", "placeholder": _("Ghi chú (không bắt buộc)")}
        )
        self.fields["note"].max_length = 500


class UnitPlanDecisionForm(ActionForm):
    """The office accepts a unit's plan, or returns it with its reason."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].widget = forms.TextInput(
            attrs={
                "class": "form-control form-control-sm",
                "placeholder": _("Ghi chú, lý do trả lại"),
                "aria-label": _("Ghi chú, lý do trả lại"),
            }
        )


class FeedCreateForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        # Any unit: whose feed the user may read is the service's answer, with its reason.
        queryset=Unit.objects.filter(is_active=True),
        empty_label=None,
        error_messages={
            "required": _("Hãy chọn đơn vị."),
            "invalid_choice": _("Hãy chọn đơn vị."),
        },
        widget=forms.Select(attrs={"class": "form-select w-auto", "data-testid": "feed-unit"}),
    )

    def __init__(self, *args, offered=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The list offers the user's own feeds only (plans.feeds.feed_units).
        self.fields["unit"].widget.choices = [(unit.pk, str(unit)) for unit in offered]


class FeedRevokeForm(forms.Form):
    """Nothing to fill in: the button is the action."""


class MarkNotificationsReadForm(forms.Form):
    """Nothing to fill in: the button is the action."""


def _names(value: str) -> list[str]:
    return [part.strip() for part in (value or "").replace("\n", ";").split(";") if part.strip()]


class TaskForm(forms.Form):
    """A task of the living plan, added or edited by the standing office."""

    number = forms.CharField(
        label=_("Số thứ tự"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    section = forms.CharField(
        label=_("Nhóm (quý, phần)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "list": "sections"}),
    )
    content = forms.CharField(
        label=_("Nội dung thực hiện"),
        error_messages={"required": _("Hãy ghi nội dung nhiệm vụ.")},
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )
    directing = forms.CharField(
        label=_("Chỉ đạo, chủ trì"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    lead_units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị tham mưu, thực hiện"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Có đơn vị đã chọn không thuộc phạm vi kế hoạch.")},
        widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 6}),
    )
    lead_groups = forms.CharField(
        label=_("Nhóm đơn vị thực hiện (ví dụ “Các đơn vị thuộc Quận”)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    assigned_units = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị của nhóm (mỗi đơn vị một dòng tiến độ)"),
        help_text=_("Để trống: mọi đơn vị trực thuộc Hội đồng."),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Có đơn vị đã chọn không thuộc phạm vi kế hoạch.")},
        widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 10}),
    )
    coordinating_units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phối hợp"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Có đơn vị đã chọn không thuộc phạm vi kế hoạch.")},
        widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 6}),
    )
    coordinating_groups = forms.CharField(
        label=_("Nhóm đơn vị phối hợp"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    deadline_text = forms.CharField(
        label=_("Thời gian hoàn thành"),
        help_text=_("Ví dụ: “Trước ngày 30/6/2021”, “Quý III”, “Cả năm”, “Thường xuyên”."),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
    )
    reason = forms.CharField(
        label=_("Lý do điều chỉnh"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    # The task as the page showed it (history.fingerprint), against lost updates.
    fingerprint = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead_units", "assigned_units", "coordinating_units"):
            self.fields[name].queryset = units

    def clean_lead_groups(self):
        return _names(self.cleaned_data.get("lead_groups"))

    def clean_coordinating_groups(self):
        return _names(self.cleaned_data.get("coordinating_groups"))

    def clean(self):
        data = super().clean()
        if not data.get("lead_units") and not data.get("lead_groups"):
            raise ValidationError(_("Hãy chọn đơn vị chủ trì, thực hiện hoặc ghi nhóm đơn vị."))
        return data

    def task_data(self) -> dict:
        """The service's input: unit ids rather than model instances."""
        data = dict(self.cleaned_data)
        for name in ("lead_units", "assigned_units", "coordinating_units"):
            data[name] = [unit.pk for unit in data.get(name) or []]
        return data

    @classmethod
    def initial_of(cls, task) -> dict:
        return {
            "number": task.number,
            "section": task.section,
            "content": task.content,
            "directing": task.directing,
            "lead_units": [unit.pk for unit in task.lead_units.all()],
            "lead_groups": "; ".join(task.lead_groups),
            "assigned_units": [line.unit_id for line in task.assignments.all()],
            "coordinating_units": [unit.pk for unit in task.coordinating_units.all()],
            "coordinating_groups": "; ".join(task.coordinating_groups),
            "deadline_text": task.deadline_text,
            "note": task.note,
        }


class RemoveTaskForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do bỏ nhiệm vụ"),
        max_length=500,
        error_messages={"required": _("Hãy ghi lý do bỏ nhiệm vụ.")},
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-sm",
                "placeholder": _("Lý do bỏ nhiệm vụ"),
                "aria-label": _("Lý do bỏ nhiệm vụ"),
                "data-testid": "remove-reason",
            }
        ),
    )
    # Removing cannot be undone from the page: the office ticks that it means it.
    confirm = forms.BooleanField(
        label=_("Tôi xác nhận bỏ nhiệm vụ này khỏi kế hoạch"),
        error_messages={"required": _("Hãy đánh dấu xác nhận bỏ nhiệm vụ.")},
        widget=forms.CheckboxInput(attrs={"class": "form-check-input", "id": "remove-confirm"}),
    )
