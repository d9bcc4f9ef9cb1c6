"""Walks the audit log's hash chain and reports its first broken link."""

from contextlib import closing

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from vinhdanh.audit import chain, triggers
from vinhdanh.audit.models import AuditEntry

CHUNK = 2000


class Command(BaseCommand):
    help = (
        "Kiểm tra chuỗi băm của nhật ký thay đổi: báo mục đầu tiên bị sửa, xóa hoặc chèn "
        "(mã thoát 1), hoặc OK cùng số mục (mã thoát 0)."
    )

    def handle(self, *args, **options):
        # Streamed in id order, one chunk at a time, so millions of entries need little memory.
        rows = (
            AuditEntry.objects.order_by("pk")
            .values("id", *chain.HASHED_FIELDS, "previous_hash", "entry_hash")
            .iterator(chunk_size=CHUNK)
        )
        # Closed at once when the walk stops early, so no server-side cursor is left open.
        with closing(rows):
            verdict = chain.walk(rows)
        if verdict.broken is not None:
            raise CommandError(
                f"Chuỗi nhật ký bị đứt tại mục #{verdict.broken.entry_id}: "
                f"{verdict.broken.problem} ({verdict.count} mục trước đó còn nguyên vẹn.)",
                returncode=1,
            )
        missing = triggers.missing(connection)
        if missing:
            raise CommandError(
                f"Chuỗi nguyên vẹn ({verdict.count} mục) nhưng bảng nhật ký thiếu trigger bảo vệ: "
                f"{', '.join(sorted(missing))}. Chạy `manage.py migrate` để cài lại.",
                returncode=1,
            )
        self.stdout.write(
            self.style.SUCCESS(f"OK, {verdict.count} mục nhật ký; băm của mục cuối: {verdict.head}")
        )
