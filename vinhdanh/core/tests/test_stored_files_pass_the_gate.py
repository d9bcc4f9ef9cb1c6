"""A module that stores file content calls the upload gate, unless it stores what it made.

Read from the source: a module that wraps bytes in a `ContentFile` to store them must
call `validate_upload` on them (the services and the demo alike), or be one of the
few that store a file the system wrote itself.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
# Modules that store only files the system renders (through the exporters).
SYSTEM_MADE = {
    "awards/printing.py": "the print job's PDF of a decision's certificates",
    "awards/services/batches.py": "the batch's submission letter (.docx)",
    "records/screening.py": "the screening job's result (.xlsx)",
    # Test settings only: puts back the files the demo stored (already gated) between tests.
    "audit/testing/database_snapshot.py": "copies of the demo's own stored files",
}


def _calls(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return names


def test_every_module_storing_file_content_calls_the_gate():
    storing, ungated = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in relative:
            continue
        calls = _calls(path)
        if "ContentFile" in calls:
            storing.append(relative)
            if "validate_upload" not in calls and relative not in SYSTEM_MADE:
                ungated.append(relative)
    assert set(SYSTEM_MADE) <= set(storing), "a module of SYSTEM_MADE no longer stores files"
    assert "plans/demo.py" in storing, "the reader is broken: the demo stores files"
    assert not ungated, (
        "These modules store file content without calling core.uploads.validate_upload: "
        f"{ungated}. Pass the bytes through the gate first (or, for a file the system "
        "renders itself, add the module to SYSTEM_MADE with what it stores)."
    )
