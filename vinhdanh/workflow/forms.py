"""What every action form shares: the version the page showed, and an optional note."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ActionForm(forms.Form):
    """Base of the form behind a workflow button: the version guards against a stale page."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    # When the action needs a written reason: how the page asks for it, and what it says when
    # it is missing. A form sets these instead of rewriting the field.
    reason_label = _("Lý do")
    reason_missing = _("Vui lòng ghi rõ lý do.")
    reason_placeholder = None
    # A compact box with the label as its placeholder, for reasons asked inside a card.
    reason_box = False

    def __init__(self, *args, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action is not None and action.note_required:
            note = self.fields["note"]
            note.required = True
            note.label = self.reason_label
            note.error_messages["required"] = self.reason_missing
            if self.reason_box:
                note.widget = forms.Textarea(
                    attrs={
                        "class": "form-control mb-1",
                        "rows": 2,
                        "placeholder": self.reason_placeholder or self.reason_label,
                    }
                )


class ButtonForm(ActionForm):
    """A button's form: only the hidden version, without an id (a page holds several)."""

    note = None

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)
