"""List the catalogue of emulation titles and commendation forms."""

import json

from django.core.management.base import BaseCommand

from vinhdanh.rules.engine import default_catalogue
from vinhdanh.rules.engine.instruments import KIND_NAMES as INSTRUMENT_KINDS
from vinhdanh.rules.engine.instruments import QUESTIONS, Register

KIND_NAMES = {"emulation_title": "Danh hiệu thi đua", "commendation_form": "Hình thức khen thưởng"}
SUBJECT_NAMES = {"person": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}


class Command(BaseCommand):
    help = "Liệt kê danh hiệu thi đua và hình thức khen thưởng trong danh mục, kèm tên gọi khác."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")
        parser.add_argument(
            "--kind",
            choices=sorted(KIND_NAMES),
            help="Chỉ liệt kê danh hiệu thi đua hoặc hình thức khen thưởng.",
        )
        parser.add_argument(
            "--instruments",
            action="store_true",
            help="Liệt kê văn bản pháp luật (ngày hiệu lực, hết hiệu lực, nội dung điều chỉnh).",
        )

    def _instruments(self, register: Register, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps({"instruments": register.describe()}, ensure_ascii=False))
            return
        self.stdout.write(f"Văn bản pháp luật: {len(register.instruments)} văn bản")
        for item in register.instruments.values():
            kind = INSTRUMENT_KINDS.get(item.kind, item.kind)
            questions = ", ".join(QUESTIONS[q].lower() for q in item.questions) or "tham khảo"
            flag = " (ngày chưa xác nhận)" if {"from", "to"} & set(item.unconfirmed) else ""
            self.stdout.write(f"- {item.name} [{kind}; {item.period()}{flag}]: {questions}")
            if item.note:
                self.stdout.write(f"    {item.note}")

    def handle(self, *args, **options):
        catalogue = default_catalogue()
        if options.get("instruments"):
            self._instruments(Register(catalogue), options["json"])
            return
        titles = [
            title
            for title in catalogue.titles.values()
            if not options.get("kind") or title.kind == options["kind"]
        ]
        if options["json"]:
            payload = {
                "version": catalogue.version,
                "titles": [
                    {
                        "id": title.id,
                        "name": title.name,
                        "aliases": list(title.aliases),
                        "kind": title.kind,
                        "group": title.group,
                        "subjects": list(title.subjects),
                        "state_level": title.state_level,
                        "valid_from": title.valid_from.isoformat() if title.valid_from else None,
                        "valid_to": title.valid_to.isoformat() if title.valid_to else None,
                    }
                    for title in titles
                ],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        self.stdout.write(f"Danh mục phiên bản {catalogue.version}: {len(titles)} mục")
        for title in titles:
            who = ", ".join(SUBJECT_NAMES[s] for s in title.subjects)
            self.stdout.write(f"- {title.name} [{KIND_NAMES[title.kind]}; {who}] ({title.id})")
            if title.aliases:
                self.stdout.write(f"    Tên gọi khác: {'; '.join(title.aliases)}")
