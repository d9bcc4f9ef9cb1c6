"""One form per action of inspections."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.years import year_field
from vinhdanh.inspections.models import InspectionPlan, Result
from vinhdanh.workflow.forms import ActionForm, ButtonForm

_CONTROL = {"class": "form-control"}


class PlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    year = year_field(label=_("Năm"))
    checklist = forms.CharField(
        label=_("Nội dung kiểm tra (mỗi dòng một nội dung)"),
        widget=forms.Textarea(attrs={"rows": 9, **_CONTROL}),
        error_messages={"required": _("Kế hoạch cần ít nhất một nội dung kiểm tra.")},
    )

    class Meta:
        model = InspectionPlan
        fields = ["title", "year", "document_number", "plan_task", "purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"title": {"required": _("Vui lòng nhập tên kế hoạch kiểm tra.")}}

    def __init__(self, *args, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["checklist"].initial = "\n".join(
                self.instance.items.values_list("text", flat=True)
            )
        if tasks is not None:
            self.fields["plan_task"].queryset = tasks
        self.fields["plan_task"].label_from_instance = lambda task: (
            f"{task.number}. {task.content[:90]}"
        )
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class TeamForm(forms.Form):
    name = forms.CharField(
        label=_("Tên đoàn"),
        max_length=120,
        error_messages={"required": _("Vui lòng nhập tên đoàn kiểm tra.")},
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    leader = forms.ModelChoiceField(
        label=_("Trưởng đoàn"),
        queryset=None,
        error_messages={"required": _("Chọn trưởng đoàn.")},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Thành viên"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "form-select form-select-sm", "size": 5}),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("leader", "members"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = lambda u: u.get_full_name() or u.username


class VisitForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị được kiểm tra"),
        queryset=None,
        error_messages={"required": _("Chọn đơn vị được kiểm tra.")},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    team = forms.ModelChoiceField(
        label=_("Đoàn kiểm tra"),
        queryset=None,
        error_messages={"required": _("Chọn đoàn kiểm tra (lập đoàn trước).")},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    scheduled_on = forms.DateField(
        label=_("Ngày kiểm tra"),
        error_messages={
            "required": _("Vui lòng nhập ngày kiểm tra."),
            "invalid": _("Ngày kiểm tra không hợp lệ."),
        },
        widget=forms.DateInput(
            attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"
        ),
    )
    place = forms.CharField(
        label=_("Địa điểm"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )

    def __init__(self, *args, units, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["team"].queryset = teams


class FindingsForm(forms.Form):
    """The findings sheet: for each checklist item, its result, remarks, evidence and file."""

    def __init__(self, *args, items, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.rows = []
        for item in self.items:
            kept = findings.get(item.pk)
            prefix = f"item_{item.pk}"
            self.fields[f"{prefix}_result"] = forms.ChoiceField(
                label=_("Kết quả"),
                choices=[("", "—"), *Result.choices],
                required=False,
                initial=kept.result if kept else "",
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
            self.fields[f"{prefix}_note"] = forms.CharField(
                label=_("Nhận xét"),
                required=False,
                max_length=4000,
                initial=kept.note if kept else "",
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            )
            self.fields[f"{prefix}_evidence"] = forms.CharField(
                label=_("Minh chứng"),
                required=False,
                max_length=2000,
                initial=kept.evidence if kept else "",
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            )
            self.fields[f"{prefix}_file"] = GatedFileField(
                label=_("Tệp minh chứng"),
                required=False,
                widget=forms.ClearableFileInput(attrs={"class": "form-control form-control-sm"}),
            )
            self.rows.append(
                (
                    item,
                    kept,
                    *(self[f"{prefix}_{name}"] for name in ("result", "note", "evidence", "file")),
                )
            )

    def answered(self) -> list[dict]:
        """The rows given a result (a row left at "—" is not part of this save)."""
        rows = []
        for item in self.items:
            prefix = f"item_{item.pk}"
            result = self.cleaned_data.get(f"{prefix}_result")
            if not result:
                continue
            upload = self.cleaned_data.get(f"{prefix}_file")
            rows.append(
                {
                    "item": item,
                    "result": result,
                    "note": self.cleaned_data.get(f"{prefix}_note", ""),
                    "evidence": self.cleaned_data.get(f"{prefix}_evidence", ""),
                    "evidence_upload": (upload.name, upload.read()) if upload else None,
                }
            )
        return rows


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung cần khắc phục"),
        max_length=500,
        error_messages={"required": _("Vui lòng ghi nội dung cần khắc phục.")},
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    due_on = forms.DateField(
        label=_("Hạn khắc phục"),
        error_messages={
            "required": _("Vui lòng nhập hạn khắc phục."),
            "invalid": _("Hạn khắc phục không hợp lệ."),
        },
        widget=forms.DateInput(
            attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"
        ),
    )


class IssuePlanForm(ButtonForm):
    """Issue the plan."""


class ClosePlanForm(ActionForm):
    note = None
    summary = forms.CharField(
        label=_("Tổng kết"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4, **_CONTROL}),
    )


class ConductForm(ActionForm):
    note = None
    conclusion = forms.CharField(
        label=_("Kết luận của đoàn"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4, **_CONTROL}),
    )


class ReopenVisitForm(ActionForm):
    reason_label = _("Lý do sửa lại kết quả")
    reason_box = True


class SignForm(ActionForm):
    note = None
    unit_representative = forms.CharField(
        label=_("Đại diện đơn vị ký biên bản (họ tên, chức vụ)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )


class CompleteFollowUpForm(ActionForm):
    note = None
    result = forms.CharField(
        label=_("Kết quả khắc phục"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )


class ReopenFollowUpForm(ActionForm):
    reason_label = _("Lý do yêu cầu tiếp tục khắc phục")
    reason_box = True
