"""Import the council's yearly plan from a file.

The parsing is done by ``load_plan``; saving the plan is a separate step, so that the
web import and this command share the same reading and the same saving.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vinhdanh.documents.errors import PlanReadError
from vinhdanh.documents.reader import read_plan_file
from vinhdanh.documents.structure import Plan, to_json_dict

EXIT_NOT_A_PLAN = 2


def load_plan(path: str | Path) -> Plan:
    """The parsed plan, or a CommandError carrying the reader's Vietnamese message."""
    try:
        return read_plan_file(path)
    except PlanReadError as error:
        raise CommandError(error.message, returncode=EXIT_NOT_A_PLAN) from error


def summary_lines(plan: Plan) -> list[str]:
    header = plan.header
    date = header.date.strftime("%d/%m/%Y") if header.date else "?"
    lines = [
        f"Kế hoạch số {header.number or '?'} ngày {date}: {header.title or '(không rõ tên)'}",
        f"Cơ quan ban hành: {header.issuer or '?'}; năm {header.year or '?'}",
        f"Số nhiệm vụ: {len(plan.tasks)}",
    ]
    for task in plan.tasks:
        mark = " (cần kiểm tra)" if task.flags else ""
        lines.append(f"  {task.number or '-'}. [{task.section}] {task.content}{mark}")
    return lines


class Command(BaseCommand):
    help = "Đọc kế hoạch công tác thi đua, khen thưởng từ tệp .docx, .xlsx hoặc .txt."
    # Reading a file needs neither the database nor a clean project check.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp kế hoạch (.docx, .xlsx, .txt, .md)")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ đọc và hiển thị, không lưu gì."
        )
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args, **options):
        plan = load_plan(options["file"])
        if not options["dry_run"]:
            self.save(plan)
            return
        if options["json"]:
            self.stdout.write(json.dumps(to_json_dict(plan), ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(summary_lines(plan)))

    def save(self, plan: Plan) -> None:
        raise CommandError(
            "Lệnh này hiện chỉ đọc thử kế hoạch (dùng --dry-run). "
            "Để lưu kế hoạch, hãy nhập tệp qua trang web.",
            returncode=EXIT_NOT_A_PLAN,
        )
