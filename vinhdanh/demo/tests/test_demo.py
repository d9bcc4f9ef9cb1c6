import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from vinhdanh.accounts.models import Role, User
from vinhdanh.demo import hanoi_2026
from vinhdanh.demo.hoang_mai_2021 import ACCOUNTS
from vinhdanh.demo.loader import load_demo
from vinhdanh.org.models import Cluster, Council, CouncilMember, Person, Unit

pytestmark = pytest.mark.django_db

SEED_UNITS = [
    "Phòng Nội vụ", "Phòng Y tế", "Phòng Kinh tế", "Phòng Lao động - Thương binh và Xã hội",
    "Phòng Văn hóa và Thông tin", "Phòng Quản lý đô thị", "Phòng Giáo dục và Đào tạo",
    "Văn phòng HĐND và UBND Quận", "Ủy ban Mặt trận Tổ quốc Việt Nam quận Hoàng Mai",
]  # fmt: skip


def test_demo_holds_the_units_the_seed_names_and_the_fourteen_wards(demo):
    names = set(Unit.objects.values_list("name", flat=True))
    assert set(SEED_UNITS) <= names
    assert Unit.objects.filter(kind="ward", parent__code="hoang-mai").count() == 14
    assert Unit.objects.get(code="phuong-hoang-liet").level.code == "commune"


def test_demo_council_is_chaired_as_signed_in_the_seed(demo):
    chairman = CouncilMember.objects.get(role="chairman", council__unit__code="hoang-mai")
    assert chairman.person.full_name == "Nguyễn Minh Tâm"
    assert chairman.council.standing_office.name == "Phòng Nội vụ"
    assert chairman.user.username == "chutich"


def test_demo_has_clusters_people_and_one_account_per_role(demo):
    assert Cluster.objects.filter(year=2021).count() == 4
    assert all(c.head in c.members.all() for c in Cluster.objects.all())
    assert 300 <= Person.objects.filter(code__startswith="demo-").count() <= 600
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)


def test_loading_the_demo_twice_creates_nothing_twice(demo, capsys):
    # The test database holds the 2021 history only: the first load adds Hà Nội 2026.
    load_demo()
    counts = [
        Unit.objects.count(),
        Person.objects.count(),
        Cluster.objects.count(),
        User.objects.count(),
    ]
    call_command("load_demo", "--i-know-this-is-not-production")
    out = capsys.readouterr().out
    assert "canbo.hoangliet" in out and "canbo.phuong.hoangliet" in out
    assert counts == [
        Unit.objects.count(),
        Person.objects.count(),
        Cluster.objects.count(),
        User.objects.count(),
    ]


@override_settings(DEBUG=False)
def test_demo_refuses_to_load_with_debug_off_and_creates_no_account(db):
    User.objects.filter(username="admin").delete()
    with pytest.raises(CommandError, match="Không nạp dữ liệu mẫu khi DEBUG tắt") as refusal:
        call_command("load_demo")
    assert "--i-know-this-is-not-production" in str(refusal.value)
    assert not User.objects.filter(username="admin").exists()


@override_settings(DEBUG=True)
def test_demo_loads_with_debug_on_without_the_flag(db, capsys):
    User.objects.filter(username="admin").delete()
    call_command("load_demo")
    assert "Đã nạp dữ liệu mẫu" in capsys.readouterr().out
    assert User.objects.filter(username="admin").exists()


def test_demo_accounts_are_listed_as_json_with_their_council_and_unit(demo, capsys):
    import json

    call_command("demo_accounts", "--json")
    rows = {row["username"]: row for row in json.loads(capsys.readouterr().out)}
    # Hà Nội 2026's accounts are listed once loaded (test_hanoi_2026.py checks them).
    expected = {username for username, *_rest in ACCOUNTS}
    assert expected <= set(rows)
    assert set(rows) - expected <= {username for username, *_rest in hanoi_2026.ACCOUNTS}
    officer = rows["canbo.hoangliet"]
    assert officer["role"] == "unit_officer"
    assert officer["unit"] == "Phường Hoàng Liệt"
    assert officer["council"] == Council.objects.get(unit__code="hoang-mai").name


def test_loading_the_demo_prints_each_account_with_its_council(demo, capsys):
    call_command("load_demo", "--i-know-this-is-not-production")
    out = capsys.readouterr().out
    council = Council.objects.get(unit__code="hoang-mai").name
    line = next(line for line in out.splitlines() if "thuongtruc" in line)
    assert council in line and "Cơ quan thường trực" in line and "Phòng Nội vụ" in line
