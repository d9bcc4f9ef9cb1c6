"""Migrations run the code they were written with, not whatever the application has become.

A migration that imports application code (a loader, a helper, a hash) breaks fresh
installs, or does something else than it did, as soon as that code changes. So a data
migration carries its own logic and data (`apps.get_model` for the models, a copy of the
function, a frozen data file beside it).

The one exception is what Django itself writes into a migration: the callables and
values a field definition names, such as `upload_to=vinhdanh.core.files.PrivateUploadTo(...)`
or `default=vinhdanh.awards.models.certificate.new_token`. Django imports them with
`import vinhdanh...` to rebuild the field; they must stay importable under that name, as
they must for any migration that references them.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIGRATIONS = sorted(ROOT.glob("vinhdanh/*/migrations/[0-9]*.py"))
# The keyword arguments of a field whose values Django writes as references to the code.
FIELD_ARGUMENTS = {"upload_to", "default", "validators", "storage"}


def _whole_reference(node: ast.AST, parents: dict) -> ast.AST:
    """`vinhdanh.core.files.f(...)` for the name `vinhdanh` at its start."""
    while isinstance(parent := parents.get(node), ast.Attribute) or (
        isinstance(parent, ast.Call) and parent.func is node
    ):
        node = parent
    return node


def application_code_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) for each use of application code that is not a field's argument."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "vinhdanh":
            found.append((node.lineno, f"from {node.module} import ..."))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            module = node.args[0] if node.args else None
            if (
                name in {"import_module", "__import__"}
                and isinstance(module, ast.Constant)
                and str(module.value).startswith("vinhdanh")
            ):
                found.append((node.lineno, f"{name}({module.value!r})"))
        elif isinstance(node, ast.Name) and node.id == "vinhdanh":
            ancestor = parents.get(node)
            while ancestor is not None and not isinstance(ancestor, ast.keyword | ast.stmt):
                ancestor = parents.get(ancestor)
            if not (isinstance(ancestor, ast.keyword) and ancestor.arg in FIELD_ARGUMENTS):
                found.append((node.lineno, ast.unparse(_whole_reference(node, parents))))
    return found


def test_the_reader_tells_field_references_from_running_code():
    source = (
        "import vinhdanh.core.files\n"
        "from django.db import migrations, models\n"
        "def load(apps, schema_editor):\n"
        "    from vinhdanh.awards.catalogue_loader import load_catalogue\n"
        "class Migration(migrations.Migration):\n"
        "    operations = [\n"
        "        migrations.AddField('m', 'f', models.FileField(\n"
        "            upload_to=vinhdanh.core.files.PrivateUploadTo('x'))),\n"
        "        migrations.RunPython(vinhdanh.core.files.migrate('a', 'M', 'f')),\n"
        "    ]\n"
    )
    uses = application_code_uses(source)
    assert [line for line, _ in uses] == [4, 9]
    assert "catalogue_loader" in uses[0][1] and "migrate" in uses[1][1]


def test_no_migration_runs_application_code():
    assert len(MIGRATIONS) > 10, "the migrations were not found"
    problems = [
        f"  {path.relative_to(ROOT)}:{line} {what}"
        for path in MIGRATIONS
        for line, what in application_code_uses(path.read_text())
    ]
    assert not problems, (
        "These migrations use application code, which changes after them. Copy the logic "
        "and the data the migration needs into it (models through apps.get_model):\n"
        + "\n".join(problems)
    )
