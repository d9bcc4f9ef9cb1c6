from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "vinhdanh.org"
    label = "org"
    verbose_name = _("Tổ chức")
    menu_items = [
        (
            "org:reorganisation_list",
            _("Sắp xếp đơn vị"),
            "bi-diagram-3",
            "org.manage_reorganisations",
        ),
    ]

    def ready(self) -> None:
        from vinhdanh.org.scopes import register_org_scopes

        register_org_scopes()
