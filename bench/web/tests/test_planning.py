import pytest

from bench.web.database import database_name, generator_available, pick_accounts
from bench.web.run import planned_sizes, requests_for, trivial_figures

ACCOUNTS = [
    {"username": "thuongtruc", "role": "standing_office"},
    {"username": "canbo.a", "role": "unit_officer"},
    {"username": "thuongtruc.hanoi", "role": "standing_office"},
    {"username": "canbo.b", "role": "unit_officer"},
]


def test_sizes_default_to_the_two_province_scales_and_one_quick_size_wins():
    assert planned_sizes({}) == ["100000", "1000000"]
    assert planned_sizes({"BENCH_SIZES": "5000 50000"}) == ["5000", "50000"]
    assert planned_sizes({"BENCH_SIZES": "5000", "BENCH_NOMINATIONS": "20000"}) == ["20000"]
    with pytest.raises(ValueError):
        planned_sizes({"BENCH_SIZES": "lots"})


def test_reports_get_their_own_number_of_requests():
    assert requests_for("report", 200, 40) == 40
    assert requests_for("list", 200, 40) == 200


def test_a_database_per_generated_size_and_one_for_the_demo():
    assert database_name(100000, "generate_province") == "vd_bench_100000"
    assert database_name(None, "demo") == "vd_bench"


def test_generator_is_detected_by_its_command_module(tmp_path):
    assert not generator_available(tmp_path)
    commands = tmp_path / "vinhdanh" / "demo" / "management" / "commands"
    commands.mkdir(parents=True)
    (commands / "generate_province.py").write_text("")
    assert generator_available(tmp_path)


def test_one_account_per_role_preferring_a_seat_in_force():
    assert [a["username"] for a in pick_accounts(ACCOUNTS)] == ["thuongtruc", "canbo.a"]
    chosen = pick_accounts(ACCOUNTS, in_force={"thuongtruc.hanoi", "canbo.a", "canbo.b"})
    assert [a["username"] for a in chosen] == ["thuongtruc.hanoi", "canbo.a"]


def test_accounts_can_be_named_or_all_taken():
    assert [a["username"] for a in pick_accounts(ACCOUNTS, "canbo.b")] == ["canbo.b"]
    assert len(pick_accounts(ACCOUNTS + ACCOUNTS[:1], "all")) == 4
    with pytest.raises(ValueError, match="nobody"):
        pick_accounts(ACCOUNTS, "nobody")


def test_the_trivial_page_throughput_is_the_mean_of_its_measurements():
    merged = trivial_figures([{"page": "accounts:login", "rps": 400.0}, {"rps": 300.0}])
    assert merged["rps"] == 350.0
    assert merged["rps_each"] == [400.0, 300.0]
