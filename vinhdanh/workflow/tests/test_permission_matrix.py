"""Who may do what: the generated matrix is the committed one, and tables name real permissions."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from vinhdanh.workflow.matrix import as_markdown
from vinhdanh.workflow.permissions import defined
from vinhdanh.workflow.table import REGISTERED

pytestmark = pytest.mark.django_db


def test_the_committed_matrix_is_what_the_code_allows(demo):
    target = Path(settings.BASE_DIR) / "docs" / "permissions.md"
    generated = as_markdown()
    if os.environ.get("VINHDANH_WRITE_PERMISSIONS") == "1":
        target.write_text(generated, encoding="utf-8")
    assert generated == target.read_text(encoding="utf-8"), (
        "Who may do what changed: run `make permissions` and review the diff."
    )


def test_every_action_of_every_workflow_names_a_defined_permission():
    names = set(defined())
    missing = [
        f"{workflow.name}.{action.name} → {action.permission}"
        for workflow in REGISTERED.values()
        for action in workflow.actions.values()
        if action.permission not in names
    ]
    assert REGISTERED and not missing
