"""List the catalogue of emulation titles and commendation forms."""

import json

from django.core.management.base import BaseCommand

from vinhdanh.rules.engine import default_catalogue

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

    def handle(self, *args, **options):
        catalogue = default_catalogue()
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
