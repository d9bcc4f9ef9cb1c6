from django.apps import AppConfig


class MovementsConfig(AppConfig):
    name = "vinhdanh.movements"
    label = "movements"
    verbose_name = "Phong trào thi đua"
    # (url name, label, Bootstrap icon, roles or None for every signed-in role)
    menu_items: list = []
