from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "vinhdanh.scoring"
    label = "scoring"
    verbose_name = _("Chấm điểm, xếp hạng cụm")
    menu_items = [("scoring:cluster_list", _("Cụm thi đua trong năm"), "bi-trophy", None)]

    def ready(self) -> None:
        from vinhdanh.scoring.scopes import register_scoring_scopes

        register_scoring_scopes()
