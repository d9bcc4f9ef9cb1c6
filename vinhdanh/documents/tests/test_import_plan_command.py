"""The ``import_plan`` command: JSON on a dry run, exit status 2 for anything else."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from . import builders

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_the_plan_as_json():
    data = json.loads(_run(str(builders.SEED_PATH), "--dry-run", "--json"))
    assert (data["number"], data["date"], data["year"]) == ("01/KH-HĐTĐKT", "2021-01-13", 2021)
    assert data["issuer"] == "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai"
    assert len(data["tasks"]) == 25
    task8 = data["tasks"][7]
    assert task8["lead_units"] == ["Phòng Y tế"]
    assert task8["coordinating_units"] == ["phòng Kinh tế", "Phòng Nội vụ"]
    assert data["tasks"][13]["deadline"]["kind"] == "higher_level"
    assert data["tasks"][0]["deadline"]["date"] == "2021-01-30"
    assert data["body_deadlines"][0]["date"] == "2021-01-30"


def test_dry_run_without_json_prints_a_summary(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(builders.seed_docx_bytes())
    output = _run(str(path), "--dry-run")
    assert "Số nhiệm vụ: 25" in output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Tệp rỗng"),
        (builders.PNG_BYTES, "ảnh PNG"),
        (builders.encrypted_ooxml_bytes(), "mật khẩu"),
        (builders.docx_without_plan_bytes(), "Không tìm thấy bảng"),
    ],
)
def test_unreadable_file_is_a_command_error_with_status_2(tmp_path, content, message):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as caught:
        _run(str(path), "--dry-run", "--json")
    assert caught.value.returncode == 2


def test_exit_status_and_stderr_of_the_real_command(tmp_path):
    bad = tmp_path / "anh.png"
    bad.write_bytes(builders.PNG_BYTES)
    failed = subprocess.run(
        [sys.executable, str(MANAGE), "import_plan", str(bad), "--dry-run", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode == 2
    assert "ảnh PNG" in failed.stderr
    assert failed.stdout == ""
    missing = subprocess.run(
        [sys.executable, str(MANAGE), "import_plan", str(tmp_path / "x.docx"), "--dry-run"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 2
    assert "Không tìm thấy tệp" in missing.stderr
    parsed = subprocess.run(
        [
            sys.executable,
            str(MANAGE),
            "import_plan",
            str(builders.SEED_PATH),
            "--dry-run",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert parsed.returncode == 0, parsed.stderr
    assert len(json.loads(parsed.stdout)["tasks"]) == 25
