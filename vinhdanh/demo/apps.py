from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "vinhdanh.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"
