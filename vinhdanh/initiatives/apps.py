from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "vinhdanh.initiatives"
    label = "initiatives"
    verbose_name = _("Sáng kiến")
    # (url name, label, Bootstrap icon, roles or None for every signed-in role)
    menu_items = [
        ("initiatives:initiative_list", _("Sáng kiến"), "bi-lightbulb", None),
        ("initiatives:council_list", _("Hội đồng sáng kiến"), "bi-people", None),
    ]

    def ready(self) -> None:
        from vinhdanh.initiatives.scopes import register_initiative_scopes

        register_initiative_scopes()
