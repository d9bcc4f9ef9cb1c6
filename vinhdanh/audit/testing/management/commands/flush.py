from django.core.management.commands import flush
from django.db import connections

from vinhdanh.audit import triggers


class Command(flush.Command):
    """Django's flush, with the audit table's triggers off for it (test settings only)."""

    def handle(self, **options):
        connection = connections[options["database"]]
        triggers.remove(connection)
        try:
            super().handle(**options)
        finally:
            triggers.install(connection)
