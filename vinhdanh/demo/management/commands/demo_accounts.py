import importlib
import importlib.util
import json

from django.core.management.base import BaseCommand

from vinhdanh.demo.accounts import demo_account_rows
from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD

# Apps whose demo holds credentials other than accounts (the one-stop API's client): each
# module's `demo_credentials()` gives the lines to print. Imported by name, as the loader does.
CREDENTIAL_EXTENSIONS = ["vinhdanh.filings.demo"]


class Command(BaseCommand):
    help = "Liệt kê các tài khoản mẫu: tên đăng nhập, vai trò, hội đồng, đơn vị."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="In ra dạng JSON.")

    def handle(self, *args, **options):
        rows = demo_account_rows()
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for row in rows:
            self.stdout.write(format_row(row))
        for module_name in CREDENTIAL_EXTENSIONS:
            if importlib.util.find_spec(module_name) is not None:
                for line in importlib.import_module(module_name).demo_credentials():
                    self.stdout.write(line)


def format_row(row: dict) -> str:
    where = " · ".join(part for part in (row["council"], row["unit"]) if part)
    return f"  {row['username']:<24} {row['role_label']}{' · ' + where if where else ''}"
