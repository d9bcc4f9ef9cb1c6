from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from vinhdanh.accounts.models import Role
from vinhdanh.demo.accounts import demo_account_rows
from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD
from vinhdanh.demo.loader import load_demo
from vinhdanh.demo.management.commands.demo_accounts import format_row

CONFIRM_FLAG = "--i-know-this-is-not-production"


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu quận Hoàng Mai năm 2021 và thành phố Hà Nội năm 2026 "
        "(chạy lại không tạo trùng)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            CONFIRM_FLAG,
            action="store_true",
            dest="not_production",
            help="Nạp cả khi DEBUG tắt (máy thử nghiệm, không phải máy thật).",
        )

    def handle(self, *args, **options):
        # The demo creates accounts with a published password (admin among them):
        # on a production server that is an open door.
        if not settings.DEBUG and not options["not_production"]:
            raise CommandError(
                "Không nạp dữ liệu mẫu khi DEBUG tắt: dữ liệu mẫu tạo các tài khoản "
                f"(có cả admin) với mật khẩu công khai. Nếu đây không phải máy chạy thật, "
                f"hãy đặt DEBUG=1 hoặc chạy lại với {CONFIRM_FLAG}."
            )
        load_demo()
        self.stdout.write(
            self.style.SUCCESS("Đã nạp dữ liệu mẫu quận Hoàng Mai 2021 và Hà Nội 2026.")
        )
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        # Each account with the council it acts for: one line per seat.
        for row in demo_account_rows():
            self.stdout.write(format_row(row))
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
