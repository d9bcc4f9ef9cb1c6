from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
        error_messages={"required": _("Vui lòng nhập mã xác thực.")},
    )


class ConfirmPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Vui lòng nhập mật khẩu hiện tại.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mật khẩu hiện tại không đúng."))
        return password


class ActingCouncilForm(forms.Form):
    """The top bar's choice of the council the user acts for (one of their memberships)."""

    membership = forms.TypedChoiceField(
        label=_("Làm việc cho hội đồng"),
        coerce=int,
        error_messages={
            "required": _("Vui lòng chọn hội đồng mà bạn làm việc nhân danh."),
            "invalid_choice": _(
                "Bạn không phải là thành viên (hoặc không còn là thành viên) của hội đồng này, "
                "nên không thể làm việc nhân danh hội đồng đó."
            ),
        },
    )

    def __init__(self, choices, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].choices = choices
