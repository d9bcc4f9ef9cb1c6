from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "vinhdanh.plans"
    label = "plans"
    verbose_name = "Kế hoạch"
