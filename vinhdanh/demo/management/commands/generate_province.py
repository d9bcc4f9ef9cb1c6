import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD
from vinhdanh.demo.management.commands.load_demo import CONFIRM_FLAG
from vinhdanh.demo.province.generate import ProvinceExists, generate
from vinhdanh.demo.province.sizes import (
    DEFAULT_LAST_YEAR,
    DEFAULT_YEARS,
    DEFAULTS,
    RULE_HELP,
    SizeError,
    plan_sizes,
)

SIZE_HELP = {
    "councils": "số hội đồng cấp xã (phường, xã) dưới hội đồng thành phố",
    "units": "số đơn vị (sở, trường học, tập thể nhỏ) dưới thành phố và các phường, xã",
    "people": "số cá nhân",
    "nominations": "số hồ sơ đề nghị khen thưởng",
    "ratings": "số lượt xếp loại hằng năm (mỗi cá nhân, rồi mỗi đơn vị, một lượt mỗi năm)",
    "audit": "số mục nhật ký thay đổi (nối tiếp chuỗi băm hiện có)",
}


class Command(BaseCommand):
    help = (
        "Tạo một tỉnh giả lập để đo hiệu năng: một hội đồng thành phố, các hội đồng cấp xã, "
        "đơn vị, cá nhân, hồ sơ đề nghị qua nhiều năm (phần lớn đã có quyết định), quyết "
        "định, giấy chứng nhận, xếp loại, đăng ký thi đua, kế hoạch và nhật ký; cùng các tài "
        "khoản đo hiệu năng (thành phố và hai phường, mỗi vai trò một tài khoản). Cùng "
        "--seed cho cùng dữ liệu. " + RULE_HELP
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2025, help="Hạt giống ngẫu nhiên.")
        for name, text in SIZE_HELP.items():
            parser.add_argument(
                f"--{name}",
                type=int,
                default=None,
                help=f"{text[0].upper()}{text[1:]} (mặc định {DEFAULTS[name]}, hoặc theo tỷ lệ).",
            )
        parser.add_argument(
            "--years",
            type=int,
            default=DEFAULT_YEARS,
            help=f"Số năm, kết thúc năm {DEFAULT_LAST_YEAR} (mặc định {DEFAULT_YEARS}).",
        )
        parser.add_argument(
            "--password", default=DEMO_PASSWORD, help="Mật khẩu của các tài khoản đo hiệu năng."
        )
        parser.add_argument(
            "--accounts-json",
            dest="accounts_json",
            default=None,
            help="Ghi danh sách tài khoản (JSON) vào tệp này.",
        )
        parser.add_argument(
            "--replace", action="store_true", help="Xóa tỉnh giả lập đã có rồi tạo lại."
        )
        parser.add_argument(
            CONFIRM_FLAG,
            action="store_true",
            dest="not_production",
            help="Chạy cả khi DEBUG tắt (máy thử nghiệm).",
        )

    def handle(self, *args, **options):
        # The benchmark accounts have a known password: never on a production server.
        if not settings.DEBUG and not options["not_production"]:
            raise CommandError(
                "Không tạo tỉnh giả lập khi DEBUG tắt: lệnh tạo tài khoản với mật khẩu đã "
                f"biết. Nếu đây không phải máy chạy thật, đặt DEBUG=1 hoặc thêm {CONFIRM_FLAG}."
            )
        try:
            sizes = plan_sizes({name: options[name] for name in SIZE_HELP}, years=options["years"])
        except SizeError as error:
            raise CommandError(str(error)) from error
        verbosity = options["verbosity"]
        started = time.monotonic()
        try:
            result = generate(
                sizes,
                seed=options["seed"],
                password=options["password"],
                replace_existing=options["replace"],
                log=self.stdout.write if verbosity > 1 else None,
            )
        except ProvinceExists as error:
            raise CommandError(str(error)) from error
        except IntegrityError as error:
            raise CommandError(
                "Không tạo được tỉnh giả lập: dữ liệu khác trong cơ sở dữ liệu vướng với nó "
                f"({error}). Không có gì thay đổi."
            ) from error
        elapsed = round(time.monotonic() - started, 1)
        summary = ", ".join(f"{name} {count}" for name, count in result.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Đã tạo tỉnh giả lập trong {elapsed} s: {summary}."))
        if verbosity > 1:
            self.stdout.write(json.dumps(result.timings))
        accounts = json.dumps(result.accounts, ensure_ascii=False, indent=2)
        if options["accounts_json"]:
            Path(options["accounts_json"]).write_text(accounts + "\n", encoding="utf-8")
            self.stdout.write(f"Danh sách tài khoản đã ghi vào {options['accounts_json']}.")
        self.stdout.write(accounts)
