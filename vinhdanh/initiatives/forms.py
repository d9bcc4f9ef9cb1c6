"""One form per action of initiatives: the filing, each workflow step, scores, the vote,
the decision, and the council's members."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.initiatives.models import (
    CouncilLevel,
    InitiativeKind,
    InitiativeState,
    MemberRole,
)
from vinhdanh.org.models import Person
from vinhdanh.scoring.forms import GatedFilesField
from vinhdanh.workflow.forms import ActionForm

AUTHOR_ROWS = 5
DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
TEXT = {"class": "form-control"}


def _area(rows=3):
    return forms.Textarea(attrs={"class": "form-control", "rows": rows})


class InitiativeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại"),
        choices=InitiativeKind.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị áp dụng"),
        queryset=None,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "required": _("Vui lòng chọn đơn vị."),
            "invalid_choice": _("Đơn vị không thuộc phạm vi của bạn."),
        },
    )
    year = forms.IntegerField(
        label=_("Năm xét"), min_value=2000, max_value=2100, widget=forms.NumberInput(attrs=TEXT)
    )
    name = forms.CharField(
        label=_("Tên sáng kiến"),
        max_length=400,
        widget=forms.TextInput(attrs=TEXT),
        error_messages={"required": _("Vui lòng nhập tên sáng kiến.")},
    )
    field = forms.CharField(
        label=_("Lĩnh vực"),
        max_length=200,
        widget=forms.TextInput(attrs=TEXT),
        error_messages={"required": _("Vui lòng nhập lĩnh vực.")},
    )
    problem = forms.CharField(
        label=_("Thực trạng, vấn đề cần giải quyết"),
        max_length=20000,
        widget=_area(),
        error_messages={"required": _("Vui lòng nêu thực trạng.")},
    )
    content = forms.CharField(
        label=_("Nội dung và cách thức áp dụng"),
        max_length=20000,
        widget=_area(4),
        error_messages={"required": _("Vui lòng nêu nội dung sáng kiến.")},
    )
    first_applied_on = forms.DateField(
        label=_("Ngày áp dụng lần đầu"),
        widget=DATE,
        error_messages={
            "required": _("Vui lòng nhập ngày áp dụng lần đầu."),
            "invalid": _("Ngày áp dụng lần đầu không hợp lệ."),
        },
    )
    effect = forms.CharField(
        label=_("Hiệu quả đạt được"), max_length=20000, widget=_area(), required=False
    )
    influence = forms.CharField(
        label=_("Phạm vi ảnh hưởng, khả năng nhân rộng"),
        max_length=20000,
        widget=_area(2),
        required=False,
    )
    files = GatedFilesField(label=_("Tệp minh chứng (chọn được nhiều tệp)"), required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        for n in range(1, AUTHOR_ROWS + 1):
            self.fields[f"author_{n}"] = forms.CharField(
                label=_("Mã cá nhân tác giả %(n)d") % {"n": n},
                required=False,
                max_length=60,
                widget=forms.TextInput(
                    attrs={**TEXT, "list": "people-codes", "aria-label": f"Mã cá nhân tác giả {n}"}
                ),
            )
            self.fields[f"share_{n}"] = forms.IntegerField(
                label=_("Tỷ lệ đóng góp (%)"),
                required=False,
                min_value=0,
                max_value=100,
                widget=forms.NumberInput(
                    attrs={**TEXT, "aria-label": f"Tỷ lệ đóng góp tác giả {n} (%)"}
                ),
            )

    def text_fields(self):
        names = (
            "name",
            "field",
            "first_applied_on",
            "problem",
            "content",
            "effect",
            "influence",
            "files",
        )
        return [self[name] for name in names]

    def author_rows(self):
        return [(self[f"author_{n}"], self[f"share_{n}"]) for n in range(1, AUTHOR_ROWS + 1)]

    def clean(self):
        data = super().clean()
        authors = []
        for n in range(1, AUTHOR_ROWS + 1):
            code = (data.get(f"author_{n}") or "").strip()
            share = data.get(f"share_{n}")
            if not code and share in (None, ""):
                continue
            if not code:
                self.add_error(f"author_{n}", _("Vui lòng nhập mã cá nhân của tác giả."))
                continue
            person = Person.objects.select_related("unit").filter(code=code).first()
            if person is None:
                self.add_error(f"author_{n}", _("Không có cá nhân mã “%(code)s”.") % {"code": code})
                continue
            if share is None:
                self.add_error(f"share_{n}", _("Vui lòng nhập tỷ lệ đóng góp của tác giả."))
                continue
            authors.append((person, share))
        if not authors and not self.errors:
            self.add_error(None, _("Sáng kiến phải có ít nhất một tác giả."))
        data["authors"] = authors
        return data


class SubmitForm(ActionForm):
    pass


class StartReviewForm(ActionForm):
    pass


class ReturnForm(ActionForm):
    reason_label = _("Lý do trả lại, nội dung cần bổ sung")
    reason_missing = _("Vui lòng ghi rõ lý do trả lại.")


class RejectForm(ActionForm):
    reason_label = _("Lý do không công nhận")
    reason_missing = _("Vui lòng ghi rõ lý do không công nhận.")


class ProposeUpForm(ActionForm):
    pass


ACTION_FORMS = {
    "submit": SubmitForm,
    "start_review": StartReviewForm,
    "return": ReturnForm,
    "reject": RejectForm,
    "propose_up": ProposeUpForm,
}


class VoteForm(ActionForm):
    meeting_on = forms.DateField(
        label=_("Ngày họp"), widget=DATE, error_messages={"required": _("Vui lòng nhập ngày họp.")}
    )
    present = forms.IntegerField(
        label=_("Số thành viên dự"), min_value=0, widget=forms.NumberInput(attrs=TEXT)
    )
    agree = forms.IntegerField(
        label=_("Số phiếu đồng ý công nhận"), min_value=0, widget=forms.NumberInput(attrs=TEXT)
    )


class RecogniseForm(ActionForm):
    decision_number = forms.CharField(
        label=_("Số quyết định"),
        max_length=120,
        widget=forms.TextInput(attrs=TEXT),
        error_messages={"required": _("Vui lòng nhập số quyết định.")},
    )
    decision_date = forms.DateField(
        label=_("Ngày quyết định"),
        widget=DATE,
        error_messages={"required": _("Vui lòng nhập ngày quyết định.")},
    )
    signer = forms.CharField(
        label=_("Người ký"),
        max_length=200,
        widget=forms.TextInput(attrs=TEXT),
        error_messages={"required": _("Vui lòng nhập người ký.")},
    )
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    valid_until = forms.DateField(label=_("Hiệu lực công nhận đến"), widget=DATE, required=False)


class ResultAboveForm(ActionForm):
    """The city's answer to a proposal sent out on paper, typed by the base council's office."""

    recognised = forms.TypedChoiceField(
        label=_("Kết quả"),
        choices=[("1", _("Cấp thành phố công nhận")), ("0", _("Cấp thành phố không công nhận"))],
        coerce=lambda value: value == "1",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    body = forms.CharField(
        label=_("Cơ quan công nhận"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    decision_number = forms.CharField(
        label=_("Số quyết định"), max_length=120, required=False, widget=forms.TextInput(attrs=TEXT)
    )
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DATE, required=False)


class ScoreForm(forms.Form):
    """One member's sheet: a field per criterion of the council, with its maximum."""

    member = forms.ChoiceField(
        label=_("Thành viên chấm"), widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, criteria, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.fields["member"].choices = [(m.pk, str(m)) for m in members]
        for criterion in criteria:
            self.fields[f"c_{criterion.code}"] = forms.IntegerField(
                label=f"{criterion.label} (tối đa {criterion.maximum})",
                required=False,
                widget=forms.NumberInput(attrs={**TEXT, "min": 0}),
            )

    def points(self) -> dict:
        return {c.code: self.cleaned_data.get(f"c_{c.code}") for c in self.criteria}


class CouncilForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, widget=forms.Select(attrs={"class": "form-select"})
    )
    level = forms.ChoiceField(
        label=_("Cấp hội đồng"),
        choices=CouncilLevel.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    name = forms.CharField(
        label=_("Tên hội đồng"), max_length=255, widget=forms.TextInput(attrs=TEXT)
    )
    established_by = forms.CharField(
        label=_("Quyết định thành lập"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    valid_from = forms.DateField(label=_("Hoạt động từ ngày"), required=False, widget=DATE)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MemberForm(forms.Form):
    person_code = forms.CharField(
        label=_("Mã cá nhân"),
        max_length=60,
        widget=forms.TextInput(attrs={**TEXT, "list": "people-codes"}),
    )
    role = forms.ChoiceField(
        label=_("Vai trò"),
        choices=MemberRole.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    username = forms.CharField(
        label=_("Tài khoản chấm điểm (nếu có)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    valid_from = forms.DateField(label=_("Từ ngày"), required=False, widget=DATE)
    valid_to = forms.DateField(label=_("Đến ngày (không kể)"), required=False, widget=DATE)

    def clean_person_code(self):
        code = self.cleaned_data["person_code"].strip()
        person = Person.objects.filter(code=code).first()
        if person is None:
            raise forms.ValidationError(_("Không có cá nhân mã “%(code)s”.") % {"code": code})
        return person

    def clean_username(self):
        from vinhdanh.accounts.models import User

        name = (self.cleaned_data.get("username") or "").strip()
        if not name:
            return None
        user = User.objects.filter(username=name).first()
        if user is None:
            raise forms.ValidationError(_("Không có tài khoản “%(name)s”.") % {"name": name})
        return user


class EndMemberForm(forms.Form):
    valid_to = forms.DateField(label=_("Thôi tham gia từ ngày"), widget=DATE)


class FilterForm(forms.Form):
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    state = forms.ChoiceField(required=False, choices=[("", ""), *list(InitiativeState.choices)])
    field = forms.CharField(required=False, max_length=100)
    unit = forms.IntegerField(required=False)
