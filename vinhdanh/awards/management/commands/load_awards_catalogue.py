from django.core.management.base import BaseCommand

from vinhdanh.awards.catalogue_loader import load_catalogue


class Command(BaseCommand):
    help = "Nạp danh mục danh hiệu, hình thức khen thưởng từ tệp dữ liệu của bộ quy tắc."

    def handle(self, *args, **options):
        counts = load_catalogue()
        self.stdout.write(
            f"Danh hiệu mới: {counts['titles']}, cập nhật: {counts['updated']}, "
            f"loại hình: {counts['bases']}, thành phần hồ sơ: {counts['components']}."
        )
