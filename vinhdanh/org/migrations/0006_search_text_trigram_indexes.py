"""The folded search column of people and units, refilled and served by a trigram index.

Searching "nguyen thi lan" is `search_text LIKE '% nguyen%'` and so on for each word: a
B-tree cannot serve a match inside the text, so at province scale every search read the
whole table. On PostgreSQL a pg_trgm GIN index serves LIKE '%...%' directly; SQLite keeps
the same LIKE on the same column without an index (it has no trigram index).

The refill recomputes the column of every row with the folding of this migration's time
(a copy, as a migration never imports the application), so rows written before their
`save()` kept it up to date search the same as new ones.
"""

import re
import unicodedata

from django.db import migrations

_SPACES = re.compile(r"\s+")
_BATCH = 2000

_TRIGRAM_INDEXES = (
    ("org_person_search_text_trgm", "org_person"),
    ("org_unit_search_text_trgm", "org_unit"),
)


def _fold(text):
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()


def _search_text(*parts):
    return " " + " | ".join(_fold(part) for part in parts if part) + " "


def _refill(model, fields):
    changed = []
    for row in model.objects.only("pk", "search_text", *fields).order_by("pk").iterator(_BATCH):
        folded = _search_text(*(getattr(row, field) for field in fields))
        if row.search_text != folded:
            row.search_text = folded
            changed.append(row)
        if len(changed) >= _BATCH:
            model.objects.bulk_update(changed, ["search_text"])
            changed = []
    model.objects.bulk_update(changed, ["search_text"])


def refill_search_text(apps, schema_editor):
    _refill(apps.get_model("org", "Person"), ("full_name", "code"))
    _refill(apps.get_model("org", "Unit"), ("name", "short_name", "code"))


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm ships with postgresql-contrib; creating it needs the owner's rights once.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in _TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table in _TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("org", "0005_reorganisation_belongs_to_a_council")]

    operations = [
        migrations.RunPython(refill_search_text, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
