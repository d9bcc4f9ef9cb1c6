from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "vinhdanh.awards"
    label = "awards"
    verbose_name = "Khen thưởng"
    menu_items: list = []
