from django.conf import settings
from django.core.management.base import BaseCommand

from vinhdanh.accounts.models import Role
from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD
from vinhdanh.demo.loader import load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu quận Hoàng Mai năm 2021 (chạy lại không tạo trùng)."

    def handle(self, *args, **options):
        accounts = load_demo()
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu quận Hoàng Mai 2021."))
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, role, unit in accounts:
            self.stdout.write(f"  {username:<18} {role}{' · ' + unit if unit else ''}")
        self.stdout.write(second_factor_notice())


def second_factor_notice() -> str:
    labels = dict(Role.choices)
    required = [
        str(labels[role]) for role in settings.SECOND_FACTOR_REQUIRED_ROLES if role in labels
    ]
    if not required:
        return "Không vai trò nào bắt buộc xác thực hai lớp."
    return (
        "Ở lần đăng nhập đầu, các vai trò sau phải đăng ký xác thực hai lớp "
        f"(ứng dụng TOTP trên điện thoại): {', '.join(required)}."
    )
