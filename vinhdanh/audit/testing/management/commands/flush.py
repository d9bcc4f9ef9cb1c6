from django.core.management.commands import flush
from django.db import connections

from vinhdanh.audit import triggers
from vinhdanh.audit.testing import database_snapshot


class Command(flush.Command):
    """Django's flush, with the audit table's triggers off for it (test settings only).

    While the test session keeps a copy of the database (database_snapshot), the
    flush that ends a test that committed puts the copy back instead of emptying
    the tables: the next test starts from the demo, as every other test does.
    """

    def handle(self, **options):
        connection = connections[options["database"]]
        snapshot = database_snapshot.kept(connection)
        if snapshot is not None:
            database_snapshot.restore(connection, snapshot)
            return
        triggers.remove(connection)
        try:
            super().handle(**options)
        finally:
            triggers.install(connection)
