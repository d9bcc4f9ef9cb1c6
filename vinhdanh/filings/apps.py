from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingsConfig(AppConfig):
    name = "vinhdanh.filings"
    label = "filings"
    verbose_name = _("Hồ sơ trực tuyến")
    # (url name, label, Bootstrap icon, permission or None for every signed-in role)
    menu_items = [
        ("filings:filing_list", _("Hồ sơ trực tuyến"), "bi-inbox", "filings.view_filings"),
    ]

    def ready(self) -> None:
        from vinhdanh.filings.scopes import register_filing_scopes

        register_filing_scopes()
