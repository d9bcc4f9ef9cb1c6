"""Database triggers that refuse UPDATE, DELETE and TRUNCATE on the audit table.

The model already refuses `save()` on a stored entry and `delete()`, but
`QuerySet.update()`, `.delete()` and raw SQL go around Python; these triggers
make the database itself refuse. They are installed by migration
0004_entries_cannot_be_rewritten and again after every `migrate` (SQLite drops a
table's triggers when a migration rebuilds the table). Nothing in the
application removes them: only `vinhdanh.audit.testing`, which only the test
settings install, does so around the test runner's flush.
"""

TABLE = "audit_auditentry"
MESSAGE = "Nhật ký thay đổi chỉ được ghi thêm: không được sửa, xóa hay làm rỗng."

_POSTGRES_INSTALL = f"""
CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE} (%)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER IF EXISTS audit_entry_no_update_delete ON {TABLE};
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON {TABLE};
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
"""
_POSTGRES_REMOVE = f"""
DROP TRIGGER IF EXISTS audit_entry_no_update_delete ON {TABLE};
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON {TABLE};
DROP FUNCTION IF EXISTS audit_entry_refuse_change();
"""
# SQLite has no TRUNCATE: `DELETE FROM` without WHERE fires the DELETE trigger too.
_SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update;",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete;",
]
EXPECTED = {
    "postgresql": {"audit_entry_no_update_delete", "audit_entry_no_truncate"},
    "sqlite": {"audit_entry_no_update", "audit_entry_no_delete"},
}


def _statements(vendor: str, *, install: bool) -> list[str]:
    if vendor == "postgresql":
        return [_POSTGRES_INSTALL if install else _POSTGRES_REMOVE]
    if vendor == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_REMOVE
    raise NotImplementedError(f"Không có trigger bảo vệ nhật ký cho CSDL {vendor}.")


def _run(connection, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection) -> None:
    _run(connection, _statements(connection.vendor, install=True))


def remove(connection) -> None:
    _run(connection, _statements(connection.vendor, install=False))


def active(connection) -> set[str]:
    """The names of the protecting triggers present (and enabled) on the audit table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND tgenabled <> 'D'",
                [TABLE],
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE]
            )
        return {name for (name,) in cursor.fetchall()} & EXPECTED[connection.vendor]


def missing(connection) -> set[str]:
    return EXPECTED[connection.vendor] - active(connection)
