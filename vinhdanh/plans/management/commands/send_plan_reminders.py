"""For cron: send the plan reminders that are due today (each event once)."""

from django.core.management.base import BaseCommand

from vinhdanh.plans.services import send_plan_reminders


class Command(BaseCommand):
    help = "Gửi nhắc việc các nhiệm vụ sắp đến hạn và quá hạn (mỗi sự kiện một lần)."

    def handle(self, *args, **options):
        count = send_plan_reminders()
        self.stdout.write(f"Đã gửi {count} nhắc việc.")
