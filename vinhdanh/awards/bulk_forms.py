"""The forms of bulk work on the nomination list: what is ticked, and what the action needs.

`BulkPickForm` is the list's: the dossiers ticked and the button pressed. `BulkApplyForm`
is the confirmation page's: the dossiers kept (those that can take the action, ticked at
first), and the fields of the action (the reason to return, the notice's days, the signing
day, where the dossiers go up). Every refusal is a Vietnamese message on the form.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.forms import DATE_ERRORS, NominationSelectionForm, _box, _date_input, _line
from vinhdanh.awards.guards import (
    decision_date_refusal,
    earliest_notice_end,
    min_notice_days,
    notice_problem,
)
from vinhdanh.awards.services.bulk import BULK_ACTIONS, BULK_MAX

ACTION_CHOICES = [(a.name, a.label) for a in BULK_ACTIONS.values()]


def _too_many(nominations) -> None:
    if len(nominations) > BULK_MAX:
        raise forms.ValidationError(
            _("Mỗi lần làm hàng loạt tối đa %(max)d hồ sơ; hãy chọn bớt.") % {"max": BULK_MAX}
        )


class BulkPickForm(NominationSelectionForm):
    """The list's tick boxes and the bulk button pressed (`action`)."""

    action = forms.ChoiceField(
        choices=ACTION_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Thao tác hàng loạt không hợp lệ.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].error_messages["required"] = _(
            "Chọn ít nhất một hồ sơ trong danh sách."
        )

    def clean(self):
        data = super().clean()
        if not data.get("action"):
            raise forms.ValidationError(_("Chọn thao tác cần làm cho các hồ sơ đã chọn."))
        _too_many(data.get("nominations") or [])
        return data


class BulkApplyForm(forms.Form):
    action = forms.ChoiceField(choices=ACTION_CHOICES, widget=forms.HiddenInput)
    # Every dossier the list sent (shown again with its exception), and those kept.
    picked = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.MultipleHiddenInput,
        error_messages={
            "invalid_choice": _(
                "Có hồ sơ đã chọn không còn trong danh sách; vui lòng quay lại danh sách."
            ),
            "invalid_pk_value": _("Hồ sơ đã chọn không hợp lệ."),
        },
    )
    nominations = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Không còn hồ sơ nào được chọn để thực hiện."),
            "invalid_choice": _(
                "Có hồ sơ đã chọn không còn trong danh sách; vui lòng quay lại danh sách."
            ),
            "invalid_pk_value": _("Hồ sơ đã chọn không hợp lệ."),
        },
    )
    note = forms.CharField(
        label=_("Ý kiến, lý do"), required=False, max_length=4000, widget=_box(_("Ý kiến"), 3)
    )
    starts_on = forms.DateField(
        label=_("Công khai từ ngày"),
        required=False,
        widget=_date_input(**{"class": "form-control"}),
        error_messages=DATE_ERRORS,
    )
    ends_on = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        widget=_date_input(**{"class": "form-control"}),
        error_messages=DATE_ERRORS,
    )
    where = forms.CharField(
        label=_("Hình thức, địa điểm công khai"),
        required=False,
        max_length=255,
        widget=_line(_("Hình thức, địa điểm công khai"), css="form-control"),
    )
    signed_on = forms.DateField(
        label=_("Ngày ký"),
        required=False,
        widget=_date_input(**{"class": "form-control"}),
        error_messages=DATE_ERRORS,
    )
    subject = forms.CharField(
        label=_("Trích yếu quyết định"),
        required=False,
        max_length=500,
        widget=_line(_("Trích yếu quyết định"), css="form-control"),
    )
    to_council = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Hội đồng cấp trên"),
        empty_label=_("— Cơ quan ngoài hệ thống —"),
        error_messages={"invalid_choice": _("Chỉ trình hồ sơ lên Hội đồng của đơn vị cấp trên.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    external_body = forms.CharField(
        label=_("Cơ quan cấp trên ngoài hệ thống"),
        required=False,
        max_length=255,
        widget=_line(_("Cơ quan cấp trên ngoài hệ thống (nếu có)"), css="form-control"),
    )
    letter_number = forms.CharField(
        label=_("Số tờ trình"),
        required=False,
        max_length=60,
        widget=_line(_("Số tờ trình"), css="form-control"),
    )
    letter_date = forms.DateField(
        label=_("Ngày tờ trình"),
        required=False,
        widget=_date_input(**{"class": "form-control", "aria-label": _("Ngày tờ trình")}),
        error_messages=DATE_ERRORS,
    )

    def __init__(self, *args, queryset, user, **kwargs):
        from vinhdanh.awards.services.review import council_of
        from vinhdanh.awards.services.upward import councils_above
        from vinhdanh.org.models import Council

        super().__init__(*args, **kwargs)
        self.fields["picked"].queryset = queryset
        self.fields["nominations"].queryset = queryset
        try:
            above = councils_above(council_of(user))
        except ValidationError:  # no council to act for: nothing goes up from here
            above = []
        self.fields["to_council"].queryset = Council.objects.filter(pk__in=[c.pk for c in above])
        today = timezone.localdate()
        self.initial.setdefault("starts_on", today)
        self.initial.setdefault("ends_on", earliest_notice_end(today))
        if above:
            self.initial.setdefault("to_council", above[0].pk)
        self.fields["ends_on"].help_text = _(
            "Ít nhất %(days)d ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết."
        ) % {"days": min_notice_days()}

    def boxes(self) -> dict:
        return {box.data["value"].value: box for box in self["nominations"]}

    def clean(self):
        data = super().clean()
        action = data.get("action")
        _too_many(data.get("nominations") or [])
        today = timezone.localdate()
        if action == "return" and not data.get("note", "").strip():
            self.add_error("note", _("Cần ghi rõ lý do trả lại và nội dung cần bổ sung."))
        if action == "announce":
            starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
            if starts_on is None or ends_on is None:
                self.add_error(None, _("Cần nhập ngày bắt đầu và kết thúc công khai."))
            else:
                for name, message in (
                    notice_problem(starts_on, ends_on, today=today) or {}
                ).items():
                    self.add_error(name, message)
        if action == "decide":
            refusal = decision_date_refusal(data.get("signed_on"), today=today)
            for name, message in (refusal or {}).items():
                self.add_error(name, message)
        if (
            action == "forward"
            and not data.get("to_council")
            and not data.get("external_body", "").strip()
        ):
            self.add_error(
                None, _("Chọn Hội đồng cấp trên hoặc ghi tên cơ quan cấp trên ngoài hệ thống.")
            )
        if action == "forward" and data.get("letter_date") is None:
            self.add_error("letter_date", _("Cần nhập ngày ký tờ trình."))
        return data

    def arguments(self) -> dict:
        data = self.cleaned_data
        names = {
            "appraise": ["note"],
            "return": ["note"],
            "announce": ["starts_on", "ends_on", "where"],
            "decide": ["signed_on", "subject"],
            "forward": ["to_council", "external_body", "letter_number", "letter_date", "note"],
        }[data["action"]]
        return {name: data[name] for name in names}
