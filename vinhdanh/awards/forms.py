"""Every form of the awards pages: the fields a user fills, their checks and Vietnamese messages.

Views bind one of these from the request and run the service through
`workflow.views.run_service`; a service's refusal lands on the same form. The forms of
workflow steps derive from `workflow.forms.ActionForm` (hidden version, note) and say which
arguments their service takes (`arguments()`).
"""

from django import forms
from django.db.models import F
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.guards import earliest_notice_end, min_notice_days
from vinhdanh.awards.models import (
    AwardBasis,
    Choice,
    DossierComponent,
    RevocationGround,
    State,
    Title,
)
from vinhdanh.awards.models.review import (
    OBJECTION_CONTACT_MAX,
    OBJECTION_CONTENT_MAX,
    OBJECTION_NAME_MAX,
)
from vinhdanh.awards.workflows import DECISIONS, NOMINATIONS
from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.years import YEAR_MAX, YEAR_MIN, year_field  # the one range of years
from vinhdanh.org.models import CouncilMember, Person, Unit
from vinhdanh.workflow.forms import ActionForm
from vinhdanh.workflow.permissions import allows

DATE_ERRORS = {"invalid": _("Ngày không hợp lệ.")}


def _date_input(**attrs) -> forms.DateInput:
    # type=date posts ISO dates, which the field always accepts whatever the locale.
    return forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")


def _line(placeholder, css="form-control mb-1") -> forms.TextInput:
    return forms.TextInput(attrs={"class": css, "placeholder": placeholder})


def _box(placeholder, rows=2) -> forms.Textarea:
    return forms.Textarea(
        attrs={"class": "form-control mb-1", "rows": rows, "placeholder": placeholder}
    )


def _choice_of_verdict(value) -> bool:
    return value == "1"


VERDICTS = [("1", _("Đạt")), ("0", _("Không đạt"))]


# At most this many matches come back to a chooser: enough to pick from, few enough to read.
CHOICES_SHOWN = 20


class SearchChooser(forms.Widget):
    """A search box that offers matches as the user types (HTMX) and posts the chosen id.

    It replaces a <select> of every person or unit in the user's scope, which at province
    scale is megabytes of options. The field behind it still checks the posted id against
    the scope's queryset, so a forged id is refused like any invalid choice.
    """

    template_name = "awards/_chooser.html"

    def __init__(self, *, search_url: str, placeholder: str, attrs=None):
        super().__init__(attrs)
        self.search_url = search_url
        self.placeholder = placeholder
        self.queryset = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = None
        if value and self.queryset is not None and str(value).isdigit():
            chosen = self.queryset.filter(pk=value).first()
        context["widget"].update(
            {
                "search_url": self.search_url,
                "placeholder": self.placeholder,
                "chosen_label": str(chosen) if chosen else "",
                "chosen_value": chosen.pk if chosen else "",
            }
        )
        return context


def _subject_field(model, label, search_url, placeholder, refused) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        model.objects.none(),
        label=label,
        required=False,
        error_messages={"invalid_choice": refused},
        widget=SearchChooser(search_url=search_url, placeholder=placeholder),
    )


class NominationForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    person = _subject_field(
        Person,
        _("Cá nhân"),
        reverse_lazy("awards:person_choices"),
        _("Gõ tên hoặc mã cá nhân, có dấu hoặc không dấu"),
        _("Cá nhân đã chọn không thuộc phạm vi của bạn; hãy tìm và chọn lại trong danh sách."),
    )
    collective = _subject_field(
        Unit,
        _("Tập thể"),
        reverse_lazy("awards:unit_choices"),
        _("Gõ tên hoặc mã đơn vị, có dấu hoặc không dấu"),
        _("Tập thể đã chọn không thuộc phạm vi của bạn; hãy tìm và chọn lại trong danh sách."),
    )
    title = forms.ModelChoiceField(
        Title.objects.filter(is_active=True), label=_("Danh hiệu, hình thức")
    )
    basis = forms.ModelChoiceField(AwardBasis.objects.all(), label=_("Loại hình khen thưởng"))
    year = year_field(label=_("Năm"))
    event = forms.CharField(label=_("Đợt, sự kiện"), required=False, max_length=255)
    achievements = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, people=None, units=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # the subject of a nomination does not change; a new one is drafted instead
            del self.fields["person"], self.fields["collective"]
        else:  # the version guards an edit against a stale page; a new draft has none
            del self.fields["version"]
        for name, queryset in (("person", people), ("collective", units)):
            if queryset is not None and name in self.fields:
                self.fields[name].queryset = queryset
                self.fields[name].widget.queryset = queryset
        for field in self.visible_fields():
            widget = field.field.widget
            widget.attrs.setdefault(
                "class", "form-select" if isinstance(widget, forms.Select) else "form-control"
            )

    def changes(self) -> dict:
        """The edited fields, for `update_nomination`."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class AttachmentForm(forms.Form):
    component = forms.ModelChoiceField(
        DossierComponent.objects.none(),
        label=_("Thành phần hồ sơ"),
        to_field_name="code",
        empty_label=None,
        error_messages={
            "required": _("Chọn thành phần hồ sơ."),
            "invalid_choice": _("Thành phần này không thuộc hồ sơ của danh hiệu."),
        },
        widget=forms.Select(attrs={"class": "form-select", "aria-label": _("Thành phần hồ sơ")}),
    )
    file = GatedFileField(label=_("Tệp"), widget=forms.FileInput(attrs={"class": "form-control"}))

    def __init__(self, *args, nomination, **kwargs):
        super().__init__(*args, **kwargs)
        # The title's own components, in the catalogue's order; generated ones are not uploaded.
        self.fields["component"].queryset = (
            DossierComponent.objects.filter(
                titlecomponent__title_id=nomination.title_id, generated=False
            )
            .annotate(required_here=F("titlecomponent__required"))
            .order_by("titlecomponent__pk")
        )
        self.fields["component"].label_from_instance = lambda c: (
            f"{c.name} *" if c.required_here else c.name
        )


class ObjectionForm(forms.Form):
    """What the public sends about an announced nomination; the limits are the model's."""

    filed_by = forms.CharField(label=_("Họ và tên"), max_length=OBJECTION_NAME_MAX)
    contact = forms.CharField(
        label=_("Điện thoại hoặc email"), max_length=OBJECTION_CONTACT_MAX, required=False
    )
    content = forms.CharField(
        label=_("Nội dung ý kiến"),
        max_length=OBJECTION_CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _(
                "Nội dung ý kiến tối đa %(limit_value)d ký tự (hiện có %(show_value)d ký tự). "
                "Xin rút gọn hoặc gửi văn bản đầy đủ tới cơ quan thường trực."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class ObjectionAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Trả lời"),
        max_length=4000,
        error_messages={"required": _("Cần nhập nội dung trả lời.")},
        widget=forms.TextInput(
            attrs={"class": "form-control form-control-sm", "aria-label": _("Trả lời")}
        ),
    )


class BallotForm(forms.Form):
    """A member's own ballot, or (with `member`) a paper ballot the secretary enters."""

    choice = forms.ChoiceField(
        choices=Choice.choices, error_messages={"invalid_choice": _("Lựa chọn không hợp lệ.")}
    )
    member = forms.ModelChoiceField(
        CouncilMember.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Người này không phải thành viên Hội đồng.")},
    )

    def __init__(self, *args, vote, **kwargs):
        super().__init__(*args, **kwargs)
        if vote is not None:
            self.fields["member"].queryset = CouncilMember.objects.filter(
                council_id=vote.council_id
            )


# The steps of a nomination. Each names its action; the page renders its fields.


class NominationStepForm(ActionForm):
    action_name = ""
    reason_box = True

    def __init__(self, data=None, *, nomination, user=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("version", nomination.version)
        self.user = user
        # One page shows several steps: each keeps its own element ids.
        kwargs.setdefault("auto_id", f"id_{self.action_name}_%s")
        super().__init__(data, action=NOMINATIONS.action(self.action_name), **kwargs)
        self.nomination = nomination

    def arguments(self) -> dict:
        return {"expected_version": self.cleaned_data.get("version")}


class SubmitForm(NominationStepForm):
    action_name = "submit"
    note = None


class ResubmitForm(NominationStepForm):
    action_name = "resubmit"
    note = forms.CharField(
        label=_("Nội dung đã bổ sung"),
        required=False,
        max_length=4000,
        widget=_line(_("Nội dung đã bổ sung")),
    )

    def arguments(self) -> dict:
        return {**super().arguments(), "note": self.cleaned_data["note"]}


class ReturnForm(NominationStepForm):
    action_name = "return"
    reason_label = _("Lý do trả lại, nội dung cần bổ sung")
    reason_missing = _("Cần ghi rõ lý do trả lại và nội dung cần bổ sung.")

    def arguments(self) -> dict:
        return {**super().arguments(), "reasons": self.cleaned_data["note"]}


class AppraiseForm(NominationStepForm):
    """The appraisal: the checklist prefilled by the rules engine, a conclusion and an opinion."""

    action_name = "appraise"
    note = forms.CharField(
        label=_("Ý kiến thẩm định"),
        required=False,
        max_length=4000,
        widget=_box(_("Ý kiến thẩm định")),
    )
    # Sent by the button pressed: "Thẩm định đạt" or "Không đạt".
    passed = forms.TypedChoiceField(
        choices=VERDICTS,
        coerce=_choice_of_verdict,
        error_messages={"required": _("Chọn kết luận thẩm định: đạt hoặc không đạt.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows, self.verdict, self.law = prefilled_checklist(self.nomination)
        for row in self.rows:
            # The appraiser confirms or corrects each finding; an unsure engine starts at "đạt".
            self.fields[self._name(row)] = forms.TypedChoiceField(
                label=row["message"],
                choices=VERDICTS,
                coerce=_choice_of_verdict,
                required=False,
                empty_value=None,
                initial="0" if row["engine"] is False else "1",
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    @staticmethod
    def _name(row) -> str:
        return f"check_{row['rule']}"

    def checklist(self) -> list[tuple[dict, forms.BoundField]]:
        return [(row, self[self._name(row)]) for row in self.rows]

    def arguments(self) -> dict:
        confirmed = {
            row["rule"]: self.cleaned_data[self._name(row)]
            for row in self.rows
            if self.cleaned_data.get(self._name(row)) is not None
        }
        return {
            **super().arguments(),
            "passed": self.cleaned_data["passed"],
            "reasons": self.cleaned_data["note"],
            "confirmed": confirmed,
        }


def _required_date(label, message) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=_date_input(**{"class": "form-control"}),
        error_messages={**DATE_ERRORS, "required": message},
    )


class AnnounceForm(NominationStepForm):
    action_name = "announce"
    note = None
    starts_on = _required_date(_("Từ ngày"), _("Cần nhập ngày bắt đầu và kết thúc công khai."))
    ends_on = _required_date(_("Đến ngày"), _("Cần nhập ngày bắt đầu và kết thúc công khai."))
    where = forms.CharField(
        label=_("Hình thức, địa điểm công khai"),
        required=False,
        max_length=255,
        widget=_line(_("Hình thức, địa điểm công khai")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # From today for the shortest notice the law allows; the clerk may lengthen it.
        today = timezone.localdate()
        self.initial.setdefault("starts_on", today)
        self.initial.setdefault("ends_on", earliest_notice_end(today))
        self.fields["ends_on"].help_text = _(
            "Ít nhất %(days)d ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết."
        ) % {"days": min_notice_days()}

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {
            **super().arguments(),
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "where": data["where"],
        }


class OpenVoteForm(NominationStepForm):
    action_name = "open_vote"
    note = None


class CloseVoteForm(NominationStepForm):
    action_name = "close_vote"
    note = None
    # Asked of the chairman alone: closing while members have not voted needs a reason.
    override_reason = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(
            attrs={
                "class": "form-control mb-1",
                "rows": 2,
                "placeholder": _("Lý do kết thúc khi còn thành viên chưa biểu quyết"),
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.user is None or not allows(
            self.user, "awards.confirm_incomplete_vote", self.nomination
        ):
            del self.fields["override_reason"]

    def arguments(self) -> dict:
        return {
            **super().arguments(),
            "override_reason": self.cleaned_data.get("override_reason", ""),
        }


class DecideForm(NominationStepForm):
    action_name = "decide"
    note = None
    # The day decides who may sign: the catalogue's authority rows carry dates.
    signed_on = forms.DateField(
        label=_("Ngày ký"),
        widget=_date_input(**{"class": "form-control mb-1", "aria-label": _("Ngày ký")}),
        error_messages={**DATE_ERRORS, "required": _("Cần nhập ngày ký quyết định.")},
    )

    # No default: the decision carries the day it was signed, typed by the clerk.

    def arguments(self) -> dict:
        return {**super().arguments(), "signed_on": self.cleaned_data["signed_on"]}


class ForwardForm(NominationStepForm):
    """Where the dossier goes: the council above (the nearest by default) or a body outside."""

    action_name = "forward"
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=4000, widget=_line(_("Ghi chú"))
    )
    to_council = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Hội đồng cấp trên"),
        empty_label=_("— Cơ quan ngoài hệ thống —"),
        error_messages={
            "invalid_choice": _("Chỉ trình hồ sơ lên Hội đồng của đơn vị cấp trên."),
        },
        widget=forms.Select(attrs={"class": "form-select mb-1", "aria-label": _("Trình lên")}),
    )
    external_body = forms.CharField(
        label=_("Cơ quan cấp trên ngoài hệ thống"),
        required=False,
        max_length=255,
        widget=_line(_("Cơ quan cấp trên ngoài hệ thống (nếu có)")),
    )
    letter_number = forms.CharField(
        label=_("Số tờ trình"), required=False, max_length=60, widget=_line(_("Số tờ trình"))
    )
    # The day the tờ trình is signed: typed, never today by default.
    letter_date = forms.DateField(
        label=_("Ngày tờ trình"),
        widget=_date_input(**{"class": "form-control mb-1", "aria-label": _("Ngày tờ trình")}),
        error_messages={**DATE_ERRORS, "required": _("Cần nhập ngày ký tờ trình.")},
    )

    def __init__(self, *args, **kwargs):
        from vinhdanh.awards.services.review import council_of
        from vinhdanh.awards.services.upward import councils_above
        from vinhdanh.org.models import Council

        super().__init__(*args, **kwargs)
        above = councils_above(council_of(self.user)) if self.user is not None else []
        self.fields["to_council"].queryset = Council.objects.filter(pk__in=[c.pk for c in above])
        if above:
            self.initial.setdefault("to_council", above[0].pk)

    def clean(self):
        data = super().clean()
        if not data.get("to_council") and not data.get("external_body", "").strip():
            raise forms.ValidationError(
                _("Chọn Hội đồng cấp trên hoặc ghi tên cơ quan cấp trên ngoài hệ thống.")
            )
        return data

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {
            **super().arguments(),
            "note": data["note"],
            "to_council": data["to_council"],
            "external_body": data["external_body"],
            "letter_number": data["letter_number"],
            "letter_date": data["letter_date"],
        }


class SendBackForm(NominationStepForm):
    """The council above returns a received dossier to its sender, with the reasons."""

    action_name = "send_back"
    reason_label = _("Lý do trả lại cấp dưới")
    reason_missing = _("Cần ghi rõ lý do trả lại cấp dưới.")

    def arguments(self) -> dict:
        return {**super().arguments(), "reasons": self.cleaned_data["note"]}


class RecordHigherForm(NominationStepForm):
    action_name = "record_higher"
    note = None
    issuer_name = forms.CharField(
        label=_("Cơ quan ban hành"),
        max_length=255,
        widget=_line(_("Cơ quan ban hành")),
        error_messages={"required": _("Cần nhập cơ quan ban hành quyết định.")},
    )
    reference = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=120,
        widget=_line(_("Số, ký hiệu")),
        error_messages={"required": _("Cần nhập số, ký hiệu quyết định.")},
    )
    signed_on = forms.DateField(
        label=_("Ngày ký"),
        widget=_date_input(**{"class": "form-control mb-1", "aria-label": _("Ngày ký")}),
        error_messages={**DATE_ERRORS, "required": _("Cần nhập ngày ký quyết định.")},
    )

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {
            **super().arguments(),
            "issuer_name": data["issuer_name"],
            "reference": data["reference"],
            "signed_on": data["signed_on"],
        }


class HandOverForm(NominationStepForm):
    action_name = "hand_over"
    note = None
    on = forms.DateField(
        label=_("Ngày trao tặng"),
        widget=_date_input(**{"class": "form-control mb-1", "aria-label": _("Ngày trao tặng")}),
        error_messages={**DATE_ERRORS, "required": _("Cần nhập ngày trao tặng.")},
    )

    # No default: the day of the ceremony, typed by the clerk.

    def arguments(self) -> dict:
        return {**super().arguments(), "on": self.cleaned_data["on"]}


STEP_FORMS: dict[str, type[NominationStepForm]] = {
    form.action_name: form
    for form in [
        SubmitForm, ResubmitForm, ReturnForm, AppraiseForm, AnnounceForm, OpenVoteForm,
        CloseVoteForm, DecideForm, ForwardForm, SendBackForm, RecordHigherForm, HandOverForm,
    ]
}  # fmt: skip


class RevokeForm(ActionForm):
    reason_box = True
    reason_label = _("Lý do thu hồi")
    reason_missing = _("Cần ghi rõ lý do thu hồi.")
    reason_placeholder = _("Lý do thu hồi")
    # Law 2022, chapter VII: the ground the revocation decision cites (law.md §7.6).
    ground = forms.ChoiceField(
        label=_("Căn cứ thu hồi"),
        choices=[
            ("", _("— Căn cứ thu hồi (khoản 2, Chương VII Luật 2022) —")),
            *RevocationGround.choices,
        ],
        required=False,
        widget=forms.Select(attrs={"class": "form-select form-select-sm mb-1"}),
        error_messages={"invalid_choice": _("Căn cứ thu hồi không hợp lệ.")},
    )


class CertificateRevokeForm(RevokeForm):
    """Revoke one recipient's award: the certificate, and the nomination through NOMINATIONS."""

    def __init__(self, data=None, *, certificate, **kwargs):
        kwargs.setdefault("initial", {"version": certificate.nomination.version})
        super().__init__(data, action=NOMINATIONS.action("revoke"), **kwargs)

    def arguments(self) -> dict:
        return {
            "reason": self.cleaned_data["note"],
            "ground": self.cleaned_data.get("ground", ""),
            "expected_version": self.cleaned_data.get("version"),
        }


class DecisionRevokeForm(RevokeForm):
    reason_label = _("Thu hồi quyết định – lý do")

    def __init__(self, data=None, *, decision, **kwargs):
        kwargs.setdefault("initial", {"version": decision.version})
        super().__init__(data, action=DECISIONS.action("revoke"), **kwargs)

    def arguments(self) -> dict:
        return {
            "reason": self.cleaned_data["note"],
            "ground": self.cleaned_data.get("ground", ""),
            "expected_version": self.cleaned_data.get("version"),
        }


class FundPlanForm(forms.Form):
    """The planned fund of a year, typed by the standing office ("150.000.000" or 150000000)."""

    year = forms.IntegerField(
        label=_("Năm"),
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        error_messages={
            "required": _("Cần nhập năm."),
            "invalid": _("Năm phải là số, ví dụ 2026."),
            "min_value": _("Năm không hợp lệ."),
            "max_value": _("Năm không hợp lệ."),
        },
    )
    planned = forms.CharField(
        label=_("Quỹ dự kiến (đồng)"),
        max_length=30,
        widget=forms.TextInput(
            attrs={"class": "form-control", "inputmode": "numeric", "placeholder": "150.000.000"}
        ),
        error_messages={"required": _("Cần nhập số tiền quỹ dự kiến.")},
    )
    note = forms.CharField(
        label=_("Căn cứ, ghi chú"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def clean_planned(self) -> int:
        from vinhdanh.awards.services.fund import parse_amount, planned_amount_refusal

        amount = parse_amount(self.cleaned_data["planned"])
        if amount is None:
            raise forms.ValidationError(
                _(
                    "Số tiền không hợp lệ: chỉ gồm chữ số, có thể ngăn cách bằng dấu chấm "
                    "(ví dụ 150.000.000)."
                )
            )
        refusal = planned_amount_refusal(amount)
        if refusal:
            raise forms.ValidationError(refusal)
        return amount

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {"year": data["year"], "planned": data["planned"], "note": data["note"]}


# The nomination list: its filter, and what is done with the nominations ticked in it.


class NominationFilterForm(forms.Form):
    state = forms.ChoiceField(
        choices=[("", _("Mọi trạng thái")), *State.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select", "aria-label": _("Trạng thái")}),
    )
    year = forms.IntegerField(
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": _("Năm")}),
    )

    def filters(self) -> dict:
        """What the list is filtered by; a value that is not valid filters nothing."""
        self.is_valid()
        return {"state": self.cleaned_data.get("state", ""), "year": self.cleaned_data.get("year")}


class NominationSelectionForm(forms.Form):
    """The nominations ticked in the list, for a decision or (export button) for the dossier.

    Only those the list offers a box for may be sent.
    """

    nominations = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Chọn ít nhất một hồ sơ đã được Hội đồng thông qua."),
            "invalid_choice": _(
                "Có hồ sơ đã chọn không còn chờ xử lý; vui lòng tải lại trang rồi chọn lại."
            ),
            "invalid_pk_value": _("Hồ sơ đã chọn không hợp lệ."),
        },
    )
    signed_on = forms.DateField(
        label=_("Ngày ký"),
        required=False,
        widget=_date_input(**{"class": "form-control", "aria-label": _("Ngày ký")}),
        error_messages=DATE_ERRORS,
    )
    subject = forms.CharField(
        label=_("Trích yếu quyết định"),
        required=False,
        max_length=500,
        widget=_line(_("Trích yếu quyết định"), css="form-control"),
    )

    # For the "trình cấp trên" button: the council above by default, or a body outside.
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

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = queryset

    def boxes(self) -> dict[int, forms.BoundField]:
        """The tick box of each selectable nomination, by its id, for the rows of the list."""
        return {box.data["value"].value: box for box in self["nominations"]}

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {"signed_on": data["signed_on"], "subject": data["subject"]}


class DraftFromProposalsForm(forms.Form):
    year = forms.IntegerField(
        label=_("Năm"),
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        error_messages={
            "required": _("Chọn năm để lập hồ sơ từ kết quả suy tôn."),
            "invalid": _("Chọn năm để lập hồ sơ từ kết quả suy tôn."),
        },
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-sm w-6rem",
                "placeholder": _("Năm"),
                "aria-label": _("Năm"),
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_draft_%s")  # the list's filter has a year too
        super().__init__(*args, **kwargs)


# Batches, printing and the quota page.


class BatchForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={
            "invalid_choice": _("Chỉ đưa hồ sơ dự thảo của đơn vị vào đợt đề nghị."),
            "invalid_pk_value": _("Hồ sơ đã chọn không hợp lệ."),
        },
    )
    name = forms.CharField(
        label=_("Tên đợt"),
        required=False,
        max_length=255,
        widget=_line(_("Tên đợt"), css="form-control"),
    )
    year = year_field(
        label=_("Năm"),
        error_messages={"required": _("Cần nhập năm của đợt đề nghị.")},
        widget=forms.TextInput(attrs={"class": "form-control", "aria-label": _("Năm")}),
    )

    # A unit of a province may hold thousands of drafts: the form offers the newest ones (a
    # batch is sent a few hundred at a time), and accepts any of the unit's drafts.
    OFFERED = 200

    def __init__(self, *args, drafts, unit, **kwargs):
        offered = list(drafts[: self.OFFERED + 1])
        self.more_drafts = len(offered) > self.OFFERED
        offered = offered[: self.OFFERED]
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("year", timezone.localdate().year)
        # Every draft offered is ticked at first.
        kwargs["initial"].setdefault("nominations", [n.pk for n in offered])
        super().__init__(*args, **kwargs)
        self.unit = unit
        field = self.fields["nominations"]
        field.queryset = drafts
        field.widget.choices = [(n.pk, f"{n.subject_name} – {n.title}") for n in offered]

    def clean(self):
        data = super().clean()
        if self.unit is None:
            raise forms.ValidationError(_("Tài khoản chưa gắn với đơn vị."))
        return data

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "unit": self.unit,
            "year": data["year"],
            "name": data["name"] or str(_("Đề nghị khen thưởng năm %s") % data["year"]),
            "nominations": list(data["nominations"]),
        }


class BatchSubmitForm(forms.Form):
    number = forms.CharField(
        label=_("Số tờ trình"),
        required=False,
        max_length=60,
        widget=_line(_("Số tờ trình"), css="form-control w-auto"),
    )
    # The day the tờ trình is signed: typed, never today by default.
    letter_date = forms.DateField(
        label=_("Ngày tờ trình"),
        widget=_date_input(**{"class": "form-control w-auto", "aria-label": _("Ngày tờ trình")}),
        error_messages={**DATE_ERRORS, "required": _("Cần nhập ngày ký tờ trình.")},
    )


class PrintForm(forms.Form):
    """How to print a decision's certificates (or one): in full, or onto pre-printed blanks."""

    mode = forms.ChoiceField(
        choices=[
            ("full", _("In đầy đủ trên giấy trắng")),
            ("fields", _("Chỉ in phần thông tin lên phôi")),
        ],
        required=False,
        widget=forms.Select(attrs={"class": "form-select w-auto", "aria-label": _("Cách in")}),
    )
    printer = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label=_("Không chỉnh độ lệch"),
        error_messages={"invalid_choice": _("Máy in không còn trong danh sách.")},
        widget=forms.Select(attrs={"class": "form-select w-auto", "aria-label": _("Máy in")}),
    )

    def __init__(self, *args, **kwargs):
        from vinhdanh.awards.models import PrinterProfile

        super().__init__(*args, **kwargs)
        self.fields["printer"].queryset = PrinterProfile.objects.all()

    def options(self) -> dict:
        """The printing options; on a request that is not valid, the plain full print."""
        data = self.cleaned_data if self.is_valid() else {}
        return {"fields_only": data.get("mode") == "fields", "printer": data.get("printer")}


class QuotaYearForm(forms.Form):
    year = forms.IntegerField(
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control", "aria-label": _("Năm")}),
    )

    def year_or_this_year(self) -> int:
        if self.is_valid() and self.cleaned_data["year"]:
            return self.cleaned_data["year"]
        return timezone.localdate().year
