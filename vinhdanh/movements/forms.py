"""One form per write of the movements pages: what may be posted, with Vietnamese messages.

Views bind the form and run the service through workflow.views.run_service, which shows a
service's refusal on the same form.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET
from vinhdanh.core.years import year_field
from vinhdanh.movements.models import Movement
from vinhdanh.movements.titles import COLLECTIVE, INDIVIDUAL, REGISTRABLE_TITLES
from vinhdanh.workflow.forms import ActionForm, ButtonForm


class MovementForm(forms.ModelForm):
    # The version the page showed: saving over someone else's later edit is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    year = year_field(label=_("Năm"))

    class Meta:
        model = Movement
        fields = [
            "name",
            "kind",
            "year",
            "launched_by",
            "parent",
            "starts_on",
            "ends_on",
            "registration_deadline",
            "document_number",
            "goals",
            "criteria",
            "target_units",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "registration_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "criteria": forms.Textarea(attrs={"rows": 4}),
            "target_units": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, units=None, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if units is not None:
            self.fields["launched_by"].queryset = units
            self.fields["target_units"].queryset = units
        if parents is not None:
            self.fields["parent"].queryset = parents
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def fields_to_save(self) -> dict:
        """The movement's fields as the services take them (the version goes apart)."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Tên tài liệu"),
        max_length=255,
        error_messages={"required": _("Vui lòng nhập tên tài liệu.")},
        widget=forms.TextInput(
            attrs={"class": "form-control form-control-sm mb-2", "placeholder": _("Tên tài liệu")}
        ),
    )
    file = GatedFileField(
        label=_("Tệp"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control form-control-sm mb-2"}),
    )


class LaunchForm(ButtonForm):
    """The launch button."""


class StartRegistrationForm(forms.Form):
    """The "register" button of a movement sent to the user's unit: nothing to fill in."""


class _TitleCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes without visible labels (a grid of people × titles) named for screen readers."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        option["attrs"]["aria-label"] = str(option["label"])
        return option


class RegistrationForm(ActionForm):
    """The unit's list: titles of the unit itself, titles of its people, and its commitment."""

    note = None
    unit_title = forms.MultipleChoiceField(
        label=_("Danh hiệu của tập thể đơn vị"),
        required=False,
        choices=[(code, name) for code, name, kind in REGISTRABLE_TITLES if kind == COLLECTIVE],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    # Values are "<person id>:<title id>", one checkbox per person and individual title.
    person_title = forms.MultipleChoiceField(
        label=_("Danh hiệu của cá nhân"),
        required=False,
        widget=_TitleCheckboxes(attrs={"class": "form-check-input"}),
    )
    commitment = forms.CharField(
        label=_("Nội dung đăng ký, cam kết"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )
    then = forms.ChoiceField(
        choices=[("save", _("Lưu")), ("submit", _("Lưu và gửi"))],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, registration, people, **kwargs):
        # `people` is the page of the unit's people the grid shows (a ward has thousands);
        # the titles of the people on other pages are kept as they are (`entries`).
        self.people = list(people)
        chosen = set(registration.entries.values_list("person_id", "title"))
        self.kept = [
            (person, title)
            for person, title in chosen
            if person is not None and person not in {p.pk for p in self.people}
        ]
        kwargs.setdefault(
            "initial",
            {
                "version": registration.version,
                "unit_title": [title for person, title in chosen if person is None],
                "person_title": [f"{person}:{title}" for person, title in chosen if person],
                "commitment": registration.commitment,
            },
        )
        super().__init__(*args, **kwargs)
        self.person_titles = [
            (code, name) for code, name, kind in REGISTRABLE_TITLES if kind == INDIVIDUAL
        ]
        self.fields["person_title"].choices = [
            (f"{person.pk}:{code}", f"{person.full_name} {name}")
            for person in self.people
            for code, name in self.person_titles
        ]

    def person_rows(self):
        """(person, their checkboxes in the order of `person_titles`) for the grid."""
        boxes = list(self["person_title"])
        width = len(self.person_titles)
        return [
            (person, boxes[row * width : (row + 1) * width])
            for row, person in enumerate(self.people)
        ]

    def entries(self) -> list[tuple[int | None, str]]:
        """The chosen titles as the service takes them: (person id or None, title id): the
        unit's, those ticked on this page, and those of the people on other pages."""
        chosen = [(None, title) for title in self.cleaned_data["unit_title"]]
        for value in self.cleaned_data["person_title"]:
            person_id, _sep, title = value.partition(":")
            chosen.append((int(person_id), title))
        return chosen + sorted(self.kept)

    @property
    def submits(self) -> bool:
        return self.cleaned_data.get("then") == "submit"


class ImportForm(ActionForm):
    """The list from a workbook, replacing the one on the page (same version)."""

    note = None
    file = GatedFileField(
        label=_("Tệp Excel (.xlsx)"),
        allowed=SPREADSHEET,
        max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_import_%s")
        super().__init__(*args, **kwargs)


class RegistrationActionForm(ButtonForm):
    """Send or approve."""


class ReturnForm(ActionForm):
    """Return to the unit: the reason is required and shown to it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)
        note = self.fields["note"]
        note.required = True
        note.label = _("Lý do trả lại")
        note.error_messages["required"] = _("Vui lòng ghi rõ lý do trả lại để đơn vị bổ sung.")
        note.widget.attrs.update(
            {
                "class": "form-control mb-2",
                "rows": 2,
                "placeholder": _("Lý do trả lại"),
                "data-testid": "return-reason-input",
            }
        )
