"""Removing a generated province (`generate_province --replace`).

Everything that points at its units goes with them, followed through every relation
(what was done on the province after it was generated too: histories, votes, files'
rows), in raw SQL, since a million rows through the ORM's collector would take hours and
decisions and certificates refuse `delete()` (they are revoked, never deleted, in use).
Two exceptions: the audit log is append-only, so its entries stay (they name objects by
id, and their actors are kept); and accounts are kept, detached from the province, so
the log's actors remain and the same usernames come back with the new province.
"""

from django.db import connection

from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.demo.province.tree import ROOT_CODE
from vinhdanh.org.models import Unit

MAX_DEPTH = 5


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _execute(sql: str, params: list) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _select_pks(model, where: str) -> str:
    return (
        f"SELECT {_quote(model._meta.pk.column)} FROM {_quote(model._meta.db_table)} WHERE {where}"
    )


def delete_rows(model, where: str, params: list, *, depth: int = 0, counts: dict) -> None:
    """DELETE the rows of `model` matching `where`, and first every row that points at them.

    Constraints are checked at commit (deferred), so only which rows go matters, not the
    order; a row of the same model pointing at one of them (a sub-unit) is in the set already.
    """
    if model is AuditEntry:
        raise RuntimeError("Nhật ký thay đổi chỉ được ghi thêm; không xóa mục nào.")
    selected = _select_pks(model, where)
    # Hidden relations too: "+" foreign keys and the rows of many-to-many tables.
    relations = [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_many or field.one_to_one)
    ]
    for relation in relations:
        related = relation.related_model
        if related is model or not getattr(relation.field, "concrete", False):
            continue
        column = _quote(relation.field.column)
        set_null = relation.field.null and relation.on_delete.__name__ == "SET_NULL"
        if related is User or set_null:
            _execute(
                f"UPDATE {_quote(related._meta.db_table)} SET {column} = NULL "
                f"WHERE {column} IN ({selected})",
                params,
            )
        elif depth < MAX_DEPTH:
            delete_rows(
                related, f"{column} IN ({selected})", params, depth=depth + 1, counts=counts
            )
    deleted = _execute(f"DELETE FROM {_quote(model._meta.db_table)} WHERE {where}", params)
    counts[model._meta.label] = counts.get(model._meta.label, 0) + max(deleted, 0)


def remove_province(log=None) -> dict:
    root = Unit.objects.filter(code=ROOT_CODE).first()
    counts: dict = {}
    if root is None:
        return counts
    # Many-to-many rows of the units (clusters, tasks, movements) go through the recursion.
    delete_rows(Unit, f"{_quote('path')} LIKE %s", [f"{root.path}%"], counts=counts)
    if log:
        log("Đã xóa tỉnh giả lập cũ: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    return counts
