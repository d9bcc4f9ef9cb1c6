from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CeremoniesConfig(AppConfig):
    name = "vinhdanh.ceremonies"
    label = "ceremonies"
    verbose_name = _("Hội nghị tổng kết, lễ trao tặng")
    # (url name, label, Bootstrap icon, permission or None for every signed-in user)
    menu_items = [
        ("ceremonies:ceremony_list", _("Hội nghị, lễ trao tặng"), "bi-award", None),
    ]

    def ready(self) -> None:
        from vinhdanh.ceremonies.scopes import register_ceremony_scopes
        from vinhdanh.ceremonies.selectors import ceremonies_carrying_out
        from vinhdanh.plans.carried_out import register_provider

        register_ceremony_scopes()
        register_provider(ceremonies_carrying_out)
