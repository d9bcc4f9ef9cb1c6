from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "vinhdanh.inspections"
    label = "inspections"
    verbose_name = _("Kiểm tra công tác thi đua, khen thưởng")
    # (url name, label, Bootstrap icon, permission or None for every signed-in user)
    menu_items = [
        ("inspections:plan_list", _("Kiểm tra"), "bi-clipboard2-check", None),
        ("inspections:follow_up_list", _("Việc khắc phục sau kiểm tra"), "bi-list-check", None),
    ]

    def ready(self) -> None:
        from vinhdanh.inspections.scopes import register_inspection_scopes
        from vinhdanh.inspections.selectors import plans_carrying_out
        from vinhdanh.plans.carried_out import register_provider

        register_inspection_scopes()
        register_provider(plans_carrying_out)
