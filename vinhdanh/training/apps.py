from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "vinhdanh.training"
    label = "training"
    verbose_name = _("Tập huấn công tác thi đua, khen thưởng")
    # (url name, label, Bootstrap icon, permission or None for every signed-in user)
    menu_items = [
        ("training:session_list", _("Tập huấn"), "bi-easel", None),
    ]

    def ready(self) -> None:
        from vinhdanh.plans.carried_out import register_provider
        from vinhdanh.training.scopes import register_training_scopes
        from vinhdanh.training.selectors import sessions_carrying_out

        register_training_scopes()
        register_provider(sessions_carrying_out)
