from django.core.management.base import BaseCommand

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
