"""One form per write of the contests' pages, with Vietnamese messages.

Views bind the form and run the service through workflow.views.run_service, which shows a
service's refusal on the same form.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from vinhdanh.contests.models import (
    FORMAT_CHOICES,
    PRIZE_ORDER,
    TIE_BREAK_CHOICES,
    Contest,
    ContestJudge,
    PrizeRank,
    RoundKind,
)
from vinhdanh.contests.services import ENTRY_FILE_KINDS, ENTRY_FILE_MAX, plain
from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.years import year_field
from vinhdanh.workflow.forms import ActionForm

# The public form: a long essay at its limit, with room for the other fields.
ENTRY_TEXT_MAX = 60_000
DATE = {"type": "date"}
DATETIME = {"type": "datetime-local"}


def _style(form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        elif not isinstance(widget, forms.HiddenInput):
            widget.attrs.setdefault("class", "form-control")


class ContestForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    year = year_field(label=_("Năm"))
    formats = forms.MultipleChoiceField(
        label=_("Hình thức bài dự thi"),
        choices=FORMAT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một hình thức bài dự thi.")},
    )
    tie_break_1 = forms.ChoiceField(label=_("Khi bằng điểm, xét trước"), choices=TIE_BREAK_CHOICES)
    tie_break_2 = forms.ChoiceField(
        label=_("rồi đến"), choices=[("", "—"), *TIE_BREAK_CHOICES], required=False
    )
    tie_break_3 = forms.ChoiceField(
        label=_("rồi đến"), choices=[("", "—"), *TIE_BREAK_CHOICES], required=False
    )

    class Meta:
        model = Contest
        fields = [
            "title", "theme", "year", "task", "opens_at", "closes_at", "results_on",
            "eligibility", "length_unit", "length_min", "length_max", "rules_text",
        ]  # fmt: skip
        widgets = {
            "opens_at": forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
            "results_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "rules_text": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        for rank in PRIZE_ORDER:
            label = PrizeRank(rank).label
            self.fields[f"prize_{rank}_count"] = forms.IntegerField(
                label=_t("%(prize)s: số giải") % {"prize": label}, min_value=0, initial=0
            )
            self.fields[f"prize_{rank}_amount"] = forms.IntegerField(
                label=_t("mức thưởng (đồng)"), min_value=0, initial=0
            )
        if tasks is not None:
            self.fields["task"].queryset = tasks
        contest = self.instance
        if contest.pk:
            self.fields["version"].initial = contest.version
            self.fields["formats"].initial = contest.formats
            for index, rule in enumerate(contest.tie_breaks[:3], start=1):
                self.fields[f"tie_break_{index}"].initial = rule
            for prize in contest.prizes.all():
                self.fields[f"prize_{prize.rank}_count"].initial = prize.count
                self.fields[f"prize_{prize.rank}_amount"].initial = prize.amount
        _style(self)

    def prize_rows(self):
        return [(self[f"prize_{rank}_count"], self[f"prize_{rank}_amount"]) for rank in PRIZE_ORDER]

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        rules = [data.pop(f"tie_break_{i}") for i in (1, 2, 3)]
        data["tie_breaks"] = [rule for rule in rules if rule]
        data["prizes"] = {
            rank: (data.pop(f"prize_{rank}_count") or 0, data.pop(f"prize_{rank}_amount") or 0)
            for rank in PRIZE_ORDER
        }
        return data


def parse_criteria(text: str) -> list[tuple[str, Decimal]]:
    """Lines "Tên tiêu chí | điểm tối đa"; a ValidationError names the first bad line. Pure."""
    rows = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        name, sep, maximum = line.rpartition("|")
        if not sep or not name.strip():
            raise forms.ValidationError(
                _t("Dòng %(n)d: ghi “Tên tiêu chí | điểm tối đa”.") % {"n": number}
            )
        try:
            value = Decimal(maximum.strip().replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(
                _t("Dòng %(n)d: điểm tối đa “%(v)s” không phải là số.")
                % {"n": number, "v": maximum.strip()}
            ) from None
        if not value.is_finite() or value <= 0:
            raise forms.ValidationError(
                _t("Dòng %(n)d: điểm tối đa phải lớn hơn 0.") % {"n": number}
            )
        rows.append((name.strip(), value))
    if not rows:
        raise forms.ValidationError(_t("Ghi ít nhất một tiêu chí chấm."))
    return rows


class RoundForm(forms.Form):
    kind = forms.ChoiceField(label=_("Vòng"), choices=RoundKind.choices)
    judges_per_entry = forms.IntegerField(
        label=_("Số giám khảo chấm mỗi bài"), min_value=1, max_value=15, initial=2
    )
    advance_count = forms.IntegerField(
        label=_("Số bài vào vòng sau (vòng sơ khảo)"), min_value=1, required=False
    )
    ends_on = forms.DateField(
        label=_("Hạn chấm"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    criteria = forms.CharField(
        label=_("Tiêu chí, mỗi dòng “Tên tiêu chí | điểm tối đa”"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)

    def clean_criteria(self):
        return parse_criteria(self.cleaned_data["criteria"])


class JudgesForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Thành viên Hội đồng"), queryset=None, required=False
    )
    staff = forms.ModelMultipleChoiceField(label=_("Cán bộ"), queryset=None, required=False)
    experts = forms.ModelMultipleChoiceField(
        label=_("Chuyên gia bên ngoài (có tài khoản)"), queryset=None, required=False
    )

    def __init__(self, *args, users, contest, **kwargs):
        super().__init__(*args, **kwargs)
        current = {}
        for judge in contest.judges.all():
            current.setdefault(judge.kind, []).append(judge.user_id)
        for name, kind in (("members", "member"), ("staff", "staff"), ("experts", "expert")):
            self.fields[name].queryset = users
            self.fields[name].initial = current.get(kind, [])
            self.fields[name].widget.attrs["size"] = 6
        _style(self)

    def judges(self):
        chosen = {}
        for name, kind in (("experts", "expert"), ("staff", "staff"), ("members", "member")):
            for user in self.cleaned_data[name]:
                chosen[user.pk] = (user, getattr(ContestJudge.Kind, kind.upper()))
        return list(chosen.values())


class EntryForm(forms.Form):
    """The public entry form."""

    author_name = forms.CharField(label=_("Họ và tên tác giả"), max_length=200)
    contact = forms.CharField(label=_("Điện thoại hoặc thư điện tử"), max_length=200)
    address = forms.CharField(label=_("Đơn vị công tác hoặc địa chỉ nơi cư trú"), max_length=300)
    author_unit = forms.ModelChoiceField(
        label=_("Đơn vị gửi bài (nếu là cán bộ các đơn vị)"), queryset=None, required=False
    )
    title = forms.CharField(label=_("Tên bài viết"), max_length=300)
    text = forms.CharField(
        label=_("Nội dung bài viết (gõ trực tiếp)"),
        required=False,
        max_length=ENTRY_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    file = GatedFileField(
        label=_("Hoặc tải tệp bài viết"),
        required=False,
        allowed=ENTRY_FILE_KINDS,
        max_bytes=ENTRY_FILE_MAX,
    )
    publish_name = forms.BooleanField(
        label=_("Tôi đồng ý công bố họ tên nếu bài viết đoạt giải"), required=False
    )
    consent = forms.BooleanField(
        label=_(
            "Tôi đã đọc thể lệ, cam đoan bài viết là của tôi và đồng ý để cơ quan tổ chức "
            "xử lý thông tin cá nhân nêu trên cho cuộc thi"
        ),
        required=False,
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_unit"].queryset = units
        _style(self)

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        upload = data.pop("file", None)
        data["upload"] = (upload.name, upload.read()) if upload else None
        return data


class StatusForm(forms.Form):
    code = forms.CharField(label=_("Mã theo dõi bài dự thi"), max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class StepForm(ActionForm):
    """The button of a workflow step without more to say."""


class RejectForm(ActionForm):
    reason_label = _("Lý do không nhận bài")
    reason_missing = _("Ghi lý do bài không hợp lệ.")
    reason_box = True


class ConflictForm(ActionForm):
    reason_label = _("Xung đột lợi ích (quen biết tác giả, cùng đơn vị ...)")
    reason_missing = _("Ghi rõ lý do xung đột lợi ích.")
    reason_box = True


class ReplaceForm(ActionForm):
    judge = forms.ModelChoiceField(label=_("Giám khảo thay thế"), queryset=None)

    def __init__(self, *args, judges=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = judges
        _style(self)


class AssignForm(forms.Form):
    entry = forms.ModelChoiceField(label=_("Bài"), queryset=None)
    judge = forms.ModelChoiceField(label=_("Giám khảo"), queryset=None)

    def __init__(self, *args, entries, judges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries
        self.fields["entry"].label_from_instance = lambda e: e.anon_code
        self.fields["judge"].queryset = judges
        _style(self)


class ScoreForm(forms.Form):
    """One box per criterion; values are checked against the maxima by the service."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, sheet, **kwargs):
        super().__init__(*args, **kwargs)
        given = {s.criterion_id: s.value for s in sheet.scores.all()}
        self.criteria = list(sheet.round.criteria.all())
        for criterion in self.criteria:
            self.fields[f"c{criterion.pk}"] = forms.CharField(
                label=f"{criterion.name} (tối đa {plain(criterion.max_score)})",
                required=False,
                initial=given.get(criterion.pk),
                max_length=10,
            )
        self.fields["version"].initial = sheet.version
        _style(self)

    def values(self) -> dict:
        return {c.pk: self.cleaned_data.get(f"c{c.pk}") for c in self.criteria}


class DecideForm(ActionForm):
    number = forms.CharField(label=_("Số quyết định"), max_length=60)
    signed_on = forms.DateField(label=_("Ngày ký"), widget=forms.DateInput(attrs=DATE))
    signer = forms.CharField(label=_("Người ký"), max_length=200)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)
