"""One form per action of the cluster's year: what a page posts, checked in one place.

Services check again what is theirs to check (permission, state, the rules of scoring);
a form turns what was typed into values and says in Vietnamese what it cannot read.
"""

from django import forms
from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET
from vinhdanh.scoring import rules
from vinhdanh.scoring.workflows import FINAL, REVIEW, SELF
from vinhdanh.workflow.forms import ActionForm

SMALL = "form-control form-control-sm"
DATE = forms.DateInput(attrs={"type": "date", "class": f"{SMALL} w-10rem"}, format="%Y-%m-%d")


# -- the criteria sheet -----------------------------------------------------------
class SheetImportForm(forms.Form):
    title = forms.CharField(
        label=_("Tên bảng tiêu chí"),
        required=False,
        max_length=255,
        widget=forms.TextInput(
            attrs={"class": f"{SMALL} w-14rem", "placeholder": _("Tên bảng tiêu chí")}
        ),
    )
    deadline = forms.DateField(
        label=_("Hạn chấm điểm"),
        required=False,
        widget=forms.DateInput(
            attrs={
                "type": "date",
                "class": f"{SMALL} w-10rem",
                "aria-label": _("Hạn chấm điểm"),
            },
            format="%Y-%m-%d",
        ),
    )
    file = GatedFileField(
        label=_("Tệp Excel (.xlsx)"),
        allowed=SPREADSHEET,
        max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        error_messages={"required": _("Vui lòng chọn tệp Excel (.xlsx).")},
        widget=forms.ClearableFileInput(attrs={"class": f"{SMALL} w-16rem", "accept": ".xlsx"}),
    )
    past_deadline_ok = forms.BooleanField(
        label=_("Vẫn nhập với hạn đã qua (bảng điểm khóa ngay)"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )


class SheetActionForm(ActionForm):
    """Lock or finalise: the button pressed names the action. The note is the reason, needed
    when units have not sent their scores or signed the covenant (services.closing_gaps)."""

    note = forms.CharField(
        label=_("Lý do"),
        required=False,
        max_length=4000,
        widget=forms.TextInput(
            attrs={
                "class": SMALL,
                "placeholder": _("Lý do (khi còn đơn vị chưa chấm điểm, chưa ký giao ước)"),
                "aria-label": _("Lý do khóa, chốt kết quả"),
            }
        ),
    )
    action = forms.ChoiceField(
        choices=[("lock", _("Khóa")), ("finalise", _("Chốt kết quả"))],
        error_messages={"invalid_choice": _("Thao tác không hợp lệ.")},
    )


class DeadlineForm(ActionForm):
    deadline = forms.DateField(
        label=_("Hạn chấm điểm mới"),
        required=False,
        widget=forms.DateInput(
            attrs={
                "type": "date",
                "class": f"{SMALL} w-10rem",
                "aria-label": _("Hạn chấm điểm mới"),
            },
            format="%Y-%m-%d",
        ),
    )


# -- a scorecard --------------------------------------------------------------------
# What each stage types, and how its note is called.
STAGE_FIELDS = {
    SELF: ("self_points", "evidence", _("Minh chứng")),
    REVIEW: ("review_points", "review_reason", _("Lý do điều chỉnh")),
    FINAL: ("final_points", "final_reason", _("Lý do điều chỉnh")),
}


class ScoresForm(forms.Form):
    """The points and notes of one stage, a trio of fields per criterion of the card.

    Only criteria whose points the page posted are saved (a page may show some of them);
    the hidden version of each is the one the page showed, so a stale save is refused.
    """

    def __init__(self, scores, stage: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scores = list(scores)
        self.stage = stage
        points_field, note_field, note_label = STAGE_FIELDS[stage]
        for score in self.scores:
            cid, code = score.criterion_id, score.criterion.code
            points = getattr(score, points_field)
            self.fields[f"points-{cid}"] = forms.CharField(
                label=_("Điểm %(code)s") % {"code": code},
                required=False,
                max_length=20,
                # Shown as the tables show numbers ("7,5"); both separators are read back.
                localize=True,
                initial="" if points is None else points,
                widget=forms.TextInput(
                    attrs={
                        "class": "form-control mw-5rem",
                        "aria-label": _("Điểm %(code)s") % {"code": code},
                    }
                ),
            )
            note_attrs = {"class": "form-control", "placeholder": note_label}
            if stage != SELF:
                note_attrs["aria-label"] = _("Lý do %(code)s") % {"code": code}
            self.fields[f"note-{cid}"] = forms.CharField(
                label=note_label,
                required=False,
                max_length=4000,
                strip=False,
                initial=getattr(score, note_field),
                widget=forms.TextInput(attrs=note_attrs),
            )
            self.fields[f"version-{cid}"] = forms.IntegerField(
                required=False, initial=score.version, widget=forms.HiddenInput
            )

    def rows(self):
        """The scores, each with its bound fields, for the page's table; a refused cell is
        marked (and says why) while every other cell keeps what was typed."""
        for score in self.scores:
            cid = score.criterion_id
            for part in ("points", "note"):
                name = f"{part}-{cid}"
                if name in self.errors:
                    attrs = self.fields[name].widget.attrs
                    attrs["class"] = attrs.get("class", "") + " is-invalid"
                    attrs["aria-invalid"] = "true"
                    attrs["aria-describedby"] = f"error-cell-{cid}"
            score.points_input = self[f"points-{cid}"]
            score.note_input = self[f"note-{cid}"]
            score.version_input = self[f"version-{cid}"]
            score.cell_errors = [
                *self.errors.get(f"points-{cid}", []),
                *self.errors.get(f"note-{cid}", []),
            ]
            score.error_id = f"error-cell-{cid}"
        return self.scores

    def add_cell_errors(self, cells: dict) -> None:
        """The service's refusals, each on its cell: {(criterion id, "points"|"note"): [msg]}."""
        for (cid, part), messages in cells.items():
            name = f"{part}-{cid}"
            self.add_error(name if name in self.fields else None, messages)

    def _posted(self):
        return [s for s in self.scores if self.add_prefix(f"points-{s.criterion_id}") in self.data]

    def clean(self):
        cleaned = super().clean()
        for score in self._posted():
            name = f"points-{score.criterion_id}"
            try:
                rules.parse_points(
                    cleaned.get(name),
                    max_points=score.criterion.max_points,
                    label=score.criterion.code,
                )
            except ValueError as error:
                self.add_error(name, str(error))
        return cleaned

    @property
    def changes(self) -> dict:
        """{criterion id: (points as typed, note)} of the criteria the page posted."""
        data = self.cleaned_data
        return {
            s.criterion_id: (data[f"points-{s.criterion_id}"], data[f"note-{s.criterion_id}"])
            for s in self._posted()
        }

    @property
    def versions(self) -> dict:
        """{criterion id: version the page showed}; none shown counts as stale."""
        data = self.cleaned_data
        versions = {}
        for score in self._posted():
            version = data.get(f"version-{score.criterion_id}")
            versions[score.criterion_id] = -1 if version is None else version
        return versions


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class GatedFilesField(GatedFileField):
    """Several files in one input, each through the upload gate (at most `max_files`)."""

    def __init__(self, *, max_files: int = 10, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"class": SMALL}))
        super().__init__(**kwargs)
        self.max_files = max_files

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not uploads:
            return super().clean(None, initial)
        if len(uploads) > self.max_files:
            raise forms.ValidationError(
                _("Mỗi lần đính kèm tối đa %(count)d tệp.") % {"count": self.max_files}
            )
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(super().clean(upload, initial))
            except forms.ValidationError as refused:
                errors.extend(
                    _("Tệp “%(name)s”: %(reason)s") % {"name": upload.name, "reason": message}
                    for message in refused.messages
                )
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class EvidenceForm(forms.Form):
    criterion = forms.TypedChoiceField(
        label=_("Tiêu chí"),
        coerce=int,
        error_messages={
            "required": _("Vui lòng chọn tiêu chí và tệp minh chứng."),
            "invalid_choice": _("Có tiêu chí không thuộc bảng điểm này."),
        },
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    file = GatedFilesField(
        label=_("Tệp minh chứng (chọn được nhiều tệp)"),
        error_messages={"required": _("Vui lòng chọn tiêu chí và tệp minh chứng.")},
    )

    def __init__(self, scores, *args, **kwargs):
        kwargs.setdefault("auto_id", "evidence-%s")
        super().__init__(*args, **kwargs)
        self.fields["criterion"].choices = [
            (s.criterion_id, f"{s.criterion.code}. {truncatechars(s.criterion.text, 60)}")
            for s in scores
        ]


class SubmitScorecardForm(ActionForm):
    """The unit sends its self-scoring; the version is the card's as the page showed it."""


# -- covenant, rotation, ballots ----------------------------------------------------
class CovenantForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung giao ước"),
        max_length=20000,
        error_messages={"required": _("Nội dung giao ước không được để trống.")},
        widget=forms.Textarea(
            attrs={"class": "form-control mb-2", "rows": 4, "placeholder": _("Nội dung giao ước")}
        ),
    )


class SignCovenantForm(forms.Form):
    """The unit confirms the covenant: nothing to type, the button is the signature."""


class RotateClusterForm(forms.Form):
    """Next year's cluster: nothing to type, the rotation is the rule's."""


class AppointHeadForm(forms.Form):
    """The office names the cluster's head among its members."""

    unit = forms.ModelChoiceField(
        queryset=None,
        label=_("Đơn vị cụm trưởng"),
        error_messages={
            "required": _("Chọn đơn vị làm cụm trưởng."),
            "invalid_choice": _("Cụm trưởng phải là một đơn vị thành viên của cụm."),
        },
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, members, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = members


class OpenBallotForm(forms.Form):
    title = forms.CharField(
        label=_("Nội dung bỏ phiếu"),
        required=False,
        max_length=255,
        widget=forms.TextInput(attrs={"class": SMALL, "placeholder": _("Nội dung bỏ phiếu")}),
    )
    seats = forms.IntegerField(
        label=_("Số đơn vị"),
        initial=2,
        min_value=1,
        max_value=10,
        error_messages={
            "required": _("Nhập số đơn vị được suy tôn (từ 1 đến 10)."),
            "invalid": _("Số đơn vị được suy tôn phải là một số (từ 1 đến 10)."),
            "min_value": _("Số đơn vị được suy tôn từ 1 đến 10."),
            "max_value": _("Số đơn vị được suy tôn từ 1 đến 10."),
        },
        widget=forms.NumberInput(attrs={"class": f"{SMALL} w-5rem", "aria-label": _("Số đơn vị")}),
    )
    days = forms.IntegerField(
        label=_("Số ngày"),
        initial=3,
        min_value=1,
        max_value=60,
        error_messages={
            "required": _("Nhập số ngày bỏ phiếu (từ 1 đến 60)."),
            "invalid": _("Số ngày bỏ phiếu phải là một số (từ 1 đến 60)."),
            "min_value": _("Số ngày bỏ phiếu từ 1 đến 60."),
            "max_value": _("Số ngày bỏ phiếu từ 1 đến 60."),
        },
        widget=forms.NumberInput(attrs={"class": f"{SMALL} w-5rem", "aria-label": _("Số ngày")}),
    )


class CastBallotForm(forms.Form):
    """The units a member votes for, among the cluster's members (checkboxes)."""

    unit = forms.TypedMultipleChoiceField(
        label=_("Đơn vị được suy tôn"),
        coerce=int,
        required=False,
        error_messages={"invalid_choice": _("Chỉ được chọn các đơn vị thành viên của cụm.")},
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    def __init__(self, members, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(unit.pk, str(unit)) for unit in members]


class BallotActionForm(ActionForm):
    """Count a round, or propose titles for the units it elected."""

    action = forms.ChoiceField(
        choices=[("count", _("Kiểm phiếu")), ("propose", _("Lập đề nghị khen thưởng"))],
        initial="count",
        required=False,
        error_messages={"invalid_choice": _("Thao tác không hợp lệ.")},
    )
