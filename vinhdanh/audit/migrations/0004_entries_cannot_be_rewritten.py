"""The database refuses UPDATE, DELETE and TRUNCATE on the audit table.

The SQL is the one `vinhdanh/audit/triggers.py` held when this migration was written,
copied here so the migration does the same whatever that module becomes. The module
re-installs its own (current) triggers after every `migrate` and `verify_audit` checks
them; a change to them needs a new migration.
"""

from django.db import migrations, models

TABLE = "audit_auditentry"
MESSAGE = "Nhật ký thay đổi chỉ được ghi thêm: không được sửa, xóa hay làm rỗng."

INSTALL = {
    "postgresql": [
        f"""
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
    ],
    # SQLite has no TRUNCATE: `DELETE FROM` without WHERE fires the DELETE trigger too.
    "sqlite": [
        f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
        f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    ],
}
REMOVE = {
    "postgresql": [
        f"""
DROP TRIGGER IF EXISTS audit_entry_no_update_delete ON {TABLE};
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON {TABLE};
DROP FUNCTION IF EXISTS audit_entry_refuse_change();
"""
    ],
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_entry_no_update;",
        "DROP TRIGGER IF EXISTS audit_entry_no_delete;",
    ],
}


def _run(statements, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in statements:
        raise NotImplementedError(f"Không có trigger bảo vệ nhật ký cho CSDL {vendor}.")
    with schema_editor.connection.cursor() as cursor:
        for statement in statements[vendor]:
            cursor.execute(statement)


def install(apps, schema_editor):
    _run(INSTALL, schema_editor)


def remove(apps, schema_editor):
    _run(REMOVE, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_chain_existing_entries"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="previous_hash",
            field=models.CharField(editable=False, max_length=64, unique=True, verbose_name="Băm của mục trước"),
        ),
        migrations.RunPython(install, remove),
    ]
