from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "vinhdanh.records"
    label = "records"
    verbose_name = _("Hồ sơ thành tích")
    menu_items = [
        ("records:kept", _("Xếp loại, sáng kiến, kỷ luật"), "bi-journal-check", None),
        ("records:screening", _("Rà soát đủ điều kiện"), "bi-clipboard-check", None),
    ]

    def ready(self) -> None:
        from vinhdanh.records.scopes import register_record_scopes

        register_record_scopes()

        from vinhdanh.core import kept
        from vinhdanh.records.models import PastAward

        kept.watch(PastAward)  # an award received outside counts in the statistics
