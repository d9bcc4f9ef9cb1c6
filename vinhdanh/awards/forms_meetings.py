"""The forms of the council meeting pages: one per action."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models import AttendanceStatus, Choice, Meeting, Nomination
from vinhdanh.awards.workflows_meetings import MEETINGS
from vinhdanh.org.models import CouncilMember
from vinhdanh.workflow.forms import ActionForm

INPUT = {"class": "form-control"}
SMALL_NUMBER = {"class": "form-control form-control-sm", "min": 0}


class MeetingForm(forms.Form):
    title = forms.CharField(
        label=_("Tên phiên họp"),
        max_length=255,
        widget=forms.TextInput(attrs=INPUT),
        error_messages={"required": _("Cần nhập tên phiên họp.")},
    )
    held_on = forms.DateField(
        label=_("Ngày họp"),
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Cần nhập ngày họp."),
            "invalid": _("Ngày họp không hợp lệ."),
        },
    )
    place = forms.CharField(
        label=_("Địa điểm"), max_length=255, required=False, widget=forms.TextInput(attrs=INPUT)
    )
    chair = forms.ModelChoiceField(
        CouncilMember.objects.none(),
        label=_("Chủ trì"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("Người chủ trì phải là thành viên Hội đồng.")},
    )
    secretary = forms.CharField(
        label=_("Thư ký"), max_length=255, required=False, widget=forms.TextInput(attrs=INPUT)
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("held_on", timezone.localdate())
        members = CouncilMember.objects.filter(council=council).select_related("person")
        self.fields["chair"].queryset = members.order_by("pk")
        self.fields["chair"].initial = members.filter(role="chairman").first()


class AgendaAddForm(forms.Form):
    """A dossier for this meeting (from the meeting page) or a meeting for this dossier."""

    nomination = forms.ModelChoiceField(
        Nomination.objects.none(),
        label=_("Hồ sơ"),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "required": _("Chọn một hồ sơ."),
            "invalid_choice": _("Hồ sơ này không đưa ra phiên họp được."),
        },
    )
    meeting = forms.ModelChoiceField(
        Meeting.objects.none(),
        label=_("Phiên họp"),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "required": _("Chọn một phiên họp."),
            "invalid_choice": _("Phiên họp này không nhận thêm hồ sơ."),
        },
    )

    def __init__(self, *args, nominations=None, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (("nomination", nominations), ("meeting", meetings)):
            if queryset is None:
                del self.fields[name]
            else:
                self.fields[name].queryset = queryset
        if nominations is not None:
            self.fields["nomination"].label_from_instance = lambda n: (
                f"{n.subject_name} – {n.title.name} ({n.year}, {n.get_state_display()})"
            )


class AttendanceForm(forms.Form):
    """One choice per member of the council."""

    def __init__(self, *args, meeting, members, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.members = list(members)
        for member in self.members:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=str(member.person),
                choices=AttendanceStatus.choices,
                initial=current.get(member.pk, AttendanceStatus.ABSENT),
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                error_messages={"invalid_choice": _("Tình trạng tham dự không hợp lệ.")},
            )

    def rows(self):
        return [(member, self[f"member_{member.pk}"]) for member in self.members]

    def statuses(self) -> dict[int, str]:
        return {member.pk: self.cleaned_data[f"member_{member.pk}"] for member in self.members}


def _count_field(label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=999,
        required=False,
        widget=forms.NumberInput(attrs=SMALL_NUMBER),
        error_messages={
            "invalid": _("Số phiếu phải là số nguyên không âm."),
            "min_value": _("Số phiếu phải là số nguyên không âm."),
            "max_value": _("Số phiếu quá lớn."),
        },
    )


class CountForm(forms.Form):
    """The secretary's count for one dossier, from the room and the written opinions."""

    room_agree = _count_field(_("Đồng ý"))
    room_disagree = _count_field(_("Không đồng ý"))
    room_abstain = _count_field(_("Không biểu quyết"))
    written_agree = _count_field(_("Đồng ý"))
    written_disagree = _count_field(_("Không đồng ý"))
    written_abstain = _count_field(_("Không biểu quyết"))

    def counts(self) -> dict[str, int]:
        return {name: self.cleaned_data.get(name) or 0 for name in self.fields}


class OnlineBallotForm(forms.Form):
    choice = forms.ChoiceField(
        choices=Choice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Chọn một phương án."),
            "invalid_choice": _("Lựa chọn không hợp lệ."),
        },
    )


class RemoveForm(forms.Form):
    """Taking a dossier off the agenda: nothing to fill in, it carries a refusal."""


class MeetingStepForm(ActionForm):
    action_name = ""

    def __init__(self, data=None, *, meeting, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("version", meeting.version)
        kwargs.setdefault("auto_id", f"id_{self.action_name}_%s")
        super().__init__(data, action=MEETINGS.action(self.action_name), **kwargs)
        self.meeting = meeting

    def arguments(self) -> dict:
        return {"expected_version": self.cleaned_data.get("version")}


class OpenMeetingForm(MeetingStepForm):
    action_name = "open"
    note = None


class CloseMeetingForm(MeetingStepForm):
    action_name = "close"
    note = None
    override_reason = forms.CharField(
        label=_("Lý do kết thúc khi còn thành viên có mặt chưa biểu quyết (người chủ trì)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
    )

    # Closing is final: every dossier's result is fixed and the minutes follow from it.
    confirm = forms.BooleanField(
        label=_("Tôi xác nhận kết thúc: kết quả biểu quyết được chốt, không sửa được nữa."),
        error_messages={"required": _("Đánh dấu ô xác nhận để kết thúc phiên họp.")},
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def arguments(self) -> dict:
        return {**super().arguments(), "override_reason": self.cleaned_data["override_reason"]}


MEETING_STEP_FORMS = {form.action_name: form for form in [OpenMeetingForm, CloseMeetingForm]}
