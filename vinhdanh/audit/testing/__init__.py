"""Test-only: lets the test runner empty the audit table between transactional tests.

Django's test machinery empties every table after a test that commits (live
server and `transactional_db` tests): with DELETE on SQLite, TRUNCATE on
PostgreSQL, which the audit table's triggers refuse. Only the test settings
install this app; its `flush` command, which overrides Django's, takes the
triggers off around the flush and puts them back at once. While the test session
keeps a copy of the demo (database_snapshot.py), the flush puts that copy back
instead. Production has no such path: there the triggers have no exception, no
flag a row could set, and the application's database role may not touch them
(docs/deploy.md).
"""
