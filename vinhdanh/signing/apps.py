from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigningConfig(AppConfig):
    name = "vinhdanh.signing"
    label = "signing"
    verbose_name = _("Ký số văn bản")
    # (url name, label, Bootstrap icon, permission or None for every signed-in role)
    menu_items = [
        (
            "signing:certificate_list",
            _("Chứng thư số"),
            "bi-patch-check",
            "signing.view_certificates",
        ),
    ]

    def ready(self) -> None:
        from vinhdanh.signing import permissions  # noqa: F401 - defines them
        from vinhdanh.signing.scopes import register_signing_scopes

        register_signing_scopes()
