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
        parser.add_argument(
            "--update",
            action="store_true",
            help="Cập nhật kế hoạch đã có cùng số và năm (mặc định: từ chối nhập trùng).",
        )
        parser.add_argument(
            "--council",
            metavar="MA_DON_VI",
            help="Mã đơn vị của hội đồng ban hành kế hoạch (bắt buộc khi có nhiều hội đồng).",
        )

    def handle(self, *args, **options):
        plan = load_plan(options["file"])
        if not options["dry_run"]:
            self.save(plan, update=options["update"], council_unit=options["council"])
            return
        if options["json"]:
            self.stdout.write(json.dumps(to_json_dict(plan), ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(summary_lines(plan)))

    def save(self, plan: Plan, *, update: bool, council_unit: str | None = None) -> None:
        """Save through the same service as the web import, run as the operator.

        Names that match no unit cannot be asked about here: they are kept as text and
        flagged on their tasks, and listed so the office can fix them on the task pages.
        """
        from django.core.exceptions import ValidationError

        from vinhdanh.plans import importing, resolution, services

        parsed = to_json_dict(plan)
        if not parsed.get("number") or not parsed.get("year"):
            raise CommandError(
                "Không đọc được số hiệu hoặc năm của kế hoạch.", returncode=EXIT_NOT_A_PLAN
            )
        if not update and importing.existing_plan(parsed) is not None:
            raise CommandError(
                f"Kế hoạch số {parsed['number']} năm {parsed['year']} đã có trong hệ thống. "
                "Dùng --update để cập nhật kế hoạch đã có.",
                returncode=1,
            )
        try:
            council = importing.council_named(council_unit)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=1) from error
        candidates = importing.unit_candidates(council)
        names = resolution.resolve_names(resolution.names_in(parsed), candidates)
        parsed["names"] = names
        unknown = resolution.unmatched(names)
        choices = dict.fromkeys(unknown, resolution.KEEP_AS_TEXT)
        try:
            saved = services.save_parsed_plan(
                actor=None,
                parsed=parsed,
                unit_of_name=resolution.apply_choices(names, choices),
                update=update,
                council=council,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=1) from error
        verb = "Đã cập nhật" if update else "Đã lưu"
        self.stdout.write(
            f"{verb} kế hoạch số {saved.number} năm {saved.year}: {saved.tasks.count()} nhiệm vụ."
        )
        for name in unknown:
            self.stderr.write(f"Chưa khớp đơn vị nào, giữ dạng chữ: {name}")
