from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "vinhdanh.org"
    label = "org"
    verbose_name = _("Tổ chức")

    def ready(self) -> None:
        from vinhdanh.org.scopes import register_org_scopes

        register_org_scopes()
