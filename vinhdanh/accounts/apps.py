from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "vinhdanh.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"
