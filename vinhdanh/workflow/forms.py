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

    def __init__(self, *args, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action is not None and action.note_required:
            self.fields["note"].required = True
            self.fields["note"].label = _("Lý do")
            self.fields["note"].error_messages["required"] = _("Vui lòng ghi rõ lý do.")
