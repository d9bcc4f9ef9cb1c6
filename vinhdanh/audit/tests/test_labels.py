"""Every action code the code writes into the log has words: the log never shows a code.

The codes are read from the source: every `record(...)` and `save_and_record(...)` call's
`action` (its literal strings, the strings assigned to the name it passes, the stages of
`scoring.score.<stage>`), every action of every declared workflow, and the admin site's
`admin.<app>.<model>.<verb>` for every model it registers.
"""

import ast
import importlib
import importlib.util
from pathlib import Path

from django.apps import apps
from django.contrib import admin

from vinhdanh.audit.labels import ACTION_LABELS, action_label, is_known
from vinhdanh.plans.models import PlanChangeKind
from vinhdanh.records.services import _ACTION_NAMES

PACKAGE = Path(__file__).resolve().parents[2]
SKIPPED = {"tests", "migrations", "testing"}
RECORDERS = {"record", "save_and_record"}


def _strings(node) -> set[str]:
    return {
        sub.value
        for sub in ast.walk(node)
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str)
    }


def codes_in_source() -> dict[str, str]:
    """code -> where it is written; f-strings and names are expanded as explained above."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if SKIPPED & set(path.relative_to(PACKAGE).parts):
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            assigned: dict[str, set[str]] = {}
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, set()).update(_strings(node.value))
            for call in ast.walk(function):
                if not isinstance(call, ast.Call):
                    continue
                name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
                if name not in RECORDERS:
                    continue
                for keyword in call.keywords:
                    if keyword.arg != "action":
                        continue
                    where = f"{path.relative_to(PACKAGE)}:{call.lineno}"
                    value = keyword.value
                    if isinstance(value, ast.Constant):
                        found.setdefault(value.value, where)
                    elif isinstance(value, ast.Name):
                        for code in assigned.get(value.id, ()):
                            found.setdefault(code, where)
                    elif isinstance(value, ast.JoinedStr):
                        found.setdefault(ast.unparse(value), where)
                    elif not isinstance(value, ast.Call):
                        for code in _strings(value):
                            found.setdefault(code, where)
    return found


def workflow_codes() -> set[str]:
    for app in apps.get_app_configs():
        module = f"{app.name}.workflows"
        if app.name.startswith("vinhdanh.") and importlib.util.find_spec(module):
            importlib.import_module(module)
    from vinhdanh.workflow.table import REGISTERED

    return {
        f"{workflow.name}.{action}"
        for workflow in REGISTERED.values()
        if not workflow.name.startswith("workflow_testing.")
        for action in workflow.actions
    }


# The f-strings of the source and the codes they stand for.

EXPANDED = {
    "f'{workflow.name}.{action.name}'": workflow_codes,
    "f'scoring.score.{stage}'": lambda: {f"scoring.score.{s}" for s in ("self", "review", "final")},
    "f'plans.task.{kind}'": lambda: {f"plans.task.{kind}" for kind in PlanChangeKind.values},
    "f'records.{_ACTION_NAMES[kind]}.{verb}'": lambda: {
        f"records.{name}.{verb}" for name in _ACTION_NAMES.values() for verb in ("create", "update")
    },
    "f'records.{_ACTION_NAMES[kind]}.delete'": lambda: {
        f"records.{name}.delete" for name in _ACTION_NAMES.values()
    },
}


def test_the_source_is_read():
    codes = codes_in_source()
    # A sample of each way a code is written, so a reader that misses them fails here.
    assert {"awards.vote.close", "plans.task.done", "plans.task.progress"} <= set(codes)
    assert set(EXPANDED) <= set(codes)


def test_every_action_code_written_has_a_label():
    missing = []
    for code, where in codes_in_source().items():
        if code in EXPANDED:
            missing += [f"{c} ({where})" for c in EXPANDED[code]() if c not in ACTION_LABELS]
        elif code.startswith("f'"):
            missing.append(f"{code} ({where}): an f-string this test does not expand")
        elif "." in code and code not in ACTION_LABELS:
            missing.append(f"{code} ({where})")
    assert not missing, "action codes without a label in audit/labels.py: " + ", ".join(missing)


def test_every_workflow_action_has_a_label():
    assert workflow_codes() - set(ACTION_LABELS) == set()


def test_the_admin_sites_codes_read_as_words():
    for model in admin.site._registry:
        for verb in ("add", "change", "delete"):
            code = f"admin.{model._meta.label_lower}.{verb}"
            assert is_known(code)
            label = action_label(code)
            assert str(model._meta.verbose_name).lower() in label and "admin." not in label


def test_labels_are_words_not_codes():
    for code, label in ACTION_LABELS.items():
        text = str(label)
        assert text and "." not in text and "_" not in text, code
        assert text[0].islower(), f"{code}: the label follows 'đã', lower case first"
    assert action_label("no.such.code") == "thực hiện một thao tác trên"
    assert action_label("admin.accounts.user.password").startswith("đặt lại mật khẩu")
