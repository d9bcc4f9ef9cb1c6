"""The command-line contract: check_eligibility and list_titles, run as real processes."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .helpers import HTXS, case, rated

ROOT = Path(__file__).resolve().parents[3]
GOOD = case(
    2024,
    "Chiến sĩ thi đua cơ sở",
    ratings=rated(2023, 2024, HTXS),
    awards=[{"year": 2023, "title": "Lao động tiên tiến"}],
    initiatives=[{"year": 2024, "scope": "cơ sở"}],
)


def manage(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "vinhdanh.settings_test",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_eligible_case_prints_the_json_shape(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    result = manage("check_eligibility", str(path), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["verdict"] == "eligible"
    assert "Luật Thi đua, khen thưởng 2022" in payload["law"]
    assert "\\u" not in result.stdout  # ensure_ascii=False
    for check in payload["checks"]:
        assert set(check) >= {"rule", "passed", "message", "basis"}
        assert check["passed"] in (True, False, None)


def test_standard_input_with_dash():
    data = case(2021, "Chiến sĩ thi đua cơ sở", ratings=rated(2021, 2021, HTXS))
    result = manage("check_eligibility", "-", "--json", stdin=json.dumps(data))
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["verdict"] == "ineligible"
    assert "2003" in payload["law"]


def test_human_readable_output():
    result = manage("check_eligibility", "-", stdin=json.dumps(GOOD))
    assert result.returncode == 0, result.stderr
    assert "Đủ điều kiện" in result.stdout and "Căn cứ:" in result.stdout


MALFORMED = [
    ("unknown-title", json.dumps({"year": 2024, "title": "Chiến sĩ vũ trụ"}), "không có danh hiệu"),
    ("missing-year", json.dumps({"title": "Lao động tiên tiến"}), "Thiếu năm"),
    (
        "bad-rating",
        json.dumps(case(2024, "Lao động tiên tiến", ratings={"2024": "rất tốt"})),
        "xếp loại",
    ),
    ("not-json", "đây không phải JSON", "không phải JSON"),
]


@pytest.mark.parametrize(("text", "needle"), [pytest.param(t, n, id=i) for i, t, n in MALFORMED])
def test_malformed_case_exits_2_with_vietnamese_message(text, needle):
    result = manage("check_eligibility", "-", "--json", stdin=text)
    assert result.returncode == 2
    assert needle.lower() in result.stderr.lower()
    assert result.stdout == ""


def test_missing_file_exits_2():
    result = manage("check_eligibility", "/khong/co/tep.json", "--json")
    assert result.returncode == 2
    assert "Không tìm thấy tệp" in result.stderr


def test_list_titles_json_has_names_and_aliases():
    result = manage("list_titles", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["version"]
    by_id = {item["id"]: item for item in payload["titles"]}
    assert "Chiến sĩ thi đua cấp tỉnh" in by_id["chien_si_thi_dua_tinh"]["aliases"]
    assert "Bằng khen Thủ tướng" in by_id["bang_khen_thu_tuong"]["aliases"]
    assert "Cờ thi đua cấp tỉnh" in by_id["co_thi_dua_tinh"]["aliases"]
    assert by_id["giay_khen"]["kind"] == "commendation_form"
    assert by_id["lao_dong_tien_tien"]["kind"] == "emulation_title"


# In-process variants: quicker, and they pin the CommandError return code.


def test_call_command_reads_stdin_and_writes_json():
    out = io.StringIO()
    call_command(
        "check_eligibility", "-", json=True, stdin=io.StringIO(json.dumps(GOOD)), stdout=out
    )
    assert json.loads(out.getvalue())["verdict"] == "eligible"


@pytest.mark.parametrize(("text", "needle"), [pytest.param(t, n, id=i) for i, t, n in MALFORMED])
def test_call_command_raises_with_return_code_2(text, needle):
    with pytest.raises(CommandError) as error:
        call_command("check_eligibility", "-", json=True, stdin=io.StringIO(text))
    assert error.value.returncode == 2
    assert needle.lower() in str(error.value).lower()


def test_province_config_file(tmp_path):
    config = tmp_path / "bac-ninh.json"
    config.write_text(json.dumps({"province": "Bắc Ninh", "cstdcs_quota": 0.15}), encoding="utf-8")
    data = case(2024, "CSTĐCS", ratings=rated(2024, 2024, HTXS), quota={"base": 20, "nominated": 5})
    out = io.StringIO()
    call_command(
        "check_eligibility",
        "-",
        json=True,
        config=str(config),
        stdin=io.StringIO(json.dumps(data)),
        stdout=out,
    )
    assert json.loads(out.getvalue())["verdict"] == "ineligible"
    config.write_text(json.dumps({"khong_co": 1}), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command(
            "check_eligibility", "-", config=str(config), stdin=io.StringIO(json.dumps(data))
        )
    assert error.value.returncode == 2
