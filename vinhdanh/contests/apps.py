from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "vinhdanh.contests"
    label = "contests"
    verbose_name = _("Cuộc thi viết")
    # (url name, label, Bootstrap icon, permission or None for every signed-in role)
    menu_items = [
        ("contests:contest_list", _("Cuộc thi viết"), "bi-pen", "contests.view_contests"),
        ("contests:my_sheets", _("Bài chờ chấm"), "bi-clipboard-check", None),
    ]

    def ready(self) -> None:
        from vinhdanh.contests.scopes import register_contest_scopes
        from vinhdanh.contests.selectors import contests_carrying_out
        from vinhdanh.plans.carried_out import register_provider

        register_contest_scopes()
        register_provider(contests_carrying_out)
