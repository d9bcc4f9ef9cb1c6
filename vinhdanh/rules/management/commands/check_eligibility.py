"""Judge one case file against the rules: ``manage.py check_eligibility CASE.json --json``."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vinhdanh.rules.engine import CaseError, make_config
from vinhdanh.rules.engine.judge import judge_data

VERDICT_NAMES = {
    "eligible": "Đủ điều kiện",
    "ineligible": "Không đủ điều kiện",
    "needs_review": "Cần thẩm định thêm",
}
PASSED_MARKS = {True: "[đạt]", False: "[không đạt]", None: "[chưa rõ]"}


def _fail(message: str) -> CommandError:
    # Exit status 2 tells scripts "the case is malformed", apart from Django's usual 1.
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Xét điều kiện tặng danh hiệu thi đua, hình thức khen thưởng cho một hồ sơ (JSON)."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "case", help="Tệp JSON của hồ sơ xét, hoặc '-' để đọc từ đầu vào chuẩn."
        )
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")
        parser.add_argument(
            "--config",
            help="Tệp JSON các tham số cấu hình của tỉnh (ghi đè giá trị mặc định).",
        )

    def _read(self, source: str, stdin) -> str:
        if source == "-":
            return (stdin or sys.stdin).read()
        path = Path(source)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise _fail(f"Không tìm thấy tệp hồ sơ “{source}”.") from None
        except IsADirectoryError:
            raise _fail(f"“{source}” là thư mục, không phải tệp hồ sơ.") from None
        except UnicodeDecodeError:
            raise _fail(f"Tệp hồ sơ “{source}” không được mã hóa UTF-8.") from None
        except OSError as error:
            raise _fail(f"Không đọc được tệp hồ sơ “{source}”: {error.strerror}.") from None

    def _config(self, source: str | None):
        if not source:
            return None
        try:
            overrides = json.loads(Path(source).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise _fail(f"Không tìm thấy tệp cấu hình “{source}”.") from None
        except (ValueError, UnicodeDecodeError):
            raise _fail(f"Tệp cấu hình “{source}” không phải JSON hợp lệ.") from None
        if not isinstance(overrides, dict):
            raise _fail("Tệp cấu hình phải là một đối tượng JSON {tên tham số: giá trị}.")
        province = overrides.pop("province", None)
        try:
            return make_config(overrides, province=province)
        except KeyError as error:
            raise _fail(str(error.args[0])) from None

    def handle(self, *args, **options):
        text = self._read(options["case"], options.get("stdin"))
        config = self._config(options.get("config"))
        try:
            # The one function the pages and the API call too: same verdict, same refusals.
            judgement = judge_data(text, config)
        except CaseError as error:
            raise _fail(str(error)) from None
        verdict, bonus = judgement.verdict, judgement.bonus
        if options["json"]:
            self.stdout.write(json.dumps(judgement.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(
            f"{verdict.title_name} năm {verdict.year}: {VERDICT_NAMES[verdict.verdict]}"
        )
        self.stdout.write(f"Văn bản áp dụng: {verdict.law_name}")
        if verdict.law_reason:
            self.stdout.write(f"  {verdict.law_reason}")
        for answer in verdict.instruments:
            self.stdout.write(
                f"  - {answer.as_dict()['question_name']}: {'; '.join(answer.instruments)} "
                f"(theo {answer.why})"
            )
        for check in verdict.checks:
            flag = " (giá trị chưa xác nhận)" if check.unconfirmed else ""
            self.stdout.write(f"  {PASSED_MARKS[check.passed]} {check.message}{flag}")
            self.stdout.write(f"      Căn cứ: {check.basis}")
        if bonus.amount is not None:
            self.stdout.write(f"Tiền thưởng: {bonus.amount_text} ({bonus.basis_text})")
        else:
            self.stdout.write(f"Tiền thưởng: chưa tính được ({bonus.note})")
