"""The Hà Nội 2026 chapter of the demo: the city, the seven wards of the reform, dossiers."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from tests.html_text import element_text
from vinhdanh.accounts import access
from vinhdanh.accounts.models import Membership, User
from vinhdanh.accounts.tests.scope_rows import owned_by
from vinhdanh.audit.services import loading_seed_data
from vinhdanh.awards import selectors, services
from vinhdanh.awards.models import Nomination, State, Submission
from vinhdanh.demo import hanoi_2026 as data
from vinhdanh.demo import hanoi_loader
from vinhdanh.demo.loader import load_demo
from vinhdanh.org.models import (
    Council,
    Person,
    PersonUnitHistory,
    Reorganisation,
    Unit,
    UnitSuccession,
)
from vinhdanh.plans.models import Plan, Task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("hanoi")]

REFORM_DAY = datetime.date(2025, 7, 1)


@pytest.fixture(scope="module")
def hanoi(django_db_setup, django_db_blocker):
    """The chapter loaded once for this module on top of the test database's 2021 demo, in a
    transaction rolled back at the end; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with loading_seed_data():
                hanoi_loader.load()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _counts() -> dict[str, int]:
    models = [Unit, Person, PersonUnitHistory, Council, User, Membership, Reorganisation,
              UnitSuccession, Plan, Task, Nomination, Submission]  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


def test_the_chapter_loads_again_without_creating_anything_twice(demo):
    before = _counts()
    load_demo()
    assert _counts() == before
    assert before["Council"] == 1 + 1 + 7  # Hoàng Mai (history), the city, its seven wards


def test_the_reform_is_recorded_as_applied_on_the_first_of_july_2025(demo):
    reform = Reorganisation.objects.get(name=data.REORGANISATION_NAME)
    assert (reform.state, reform.effective_on) == ("applied", REFORM_DAY)
    assert "chưa được đối chiếu" in reform.transitions.get(to_state="applied").note
    district = Unit.objects.get(code="hoang-mai")
    assert district.valid_to == REFORM_DAY
    old_wards = Unit.objects.filter(kind="ward", parent=district)
    assert old_wards.count() == 14 and not old_wards.filter(valid_to__isnull=True).exists()
    new_wards = Unit.objects.filter(kind="ward", parent__code="ha-noi", code__startswith="hn-")
    assert sorted(new_wards.values_list("name", flat=True)) == sorted(
        f"Phường {name}" for name, *_rest in data.NEW_WARDS
    )
    # Every old ward has a successor; Giáp Bát went whole into Tương Mai.
    successors = UnitSuccession.objects.filter(reorganisation=reform)
    assert set(successors.values_list("predecessor_id", flat=True)) == set(
        old_wards.values_list("pk", flat=True)
    )
    whole = successors.get(predecessor__code="phuong-giap-bat")
    assert (whole.share, whole.successor.code) == ("whole", "hn-phuong-tuongmai")
    # The district's council decides nothing from that day; the schools stay, under a ward.
    assert Council.objects.get(unit=district).valid_to == REFORM_DAY
    assert Unit.objects.get(code="thcs-hoang-liet").parent.code == "hn-phuong-hoangliet"


def test_a_person_of_a_split_ward_keeps_a_dated_history_of_units(demo):
    old = Unit.objects.get(code="phuong-hoang-liet")
    moved = Person.objects.filter(unit_history__unit=old).distinct()
    # Split three ways, one by one: its people went to each of its successors.
    assert set(moved.values_list("unit__code", flat=True)) == {
        "hn-phuong-dinhcong", "hn-phuong-hoangliet", "hn-phuong-yenso",
    }  # fmt: skip
    person = moved.first()
    rows = list(person.unit_history.order_by("pk").values_list("unit_id", "valid_from", "valid_to"))
    assert rows == [(old.pk, None, REFORM_DAY), (person.unit_id, REFORM_DAY, None)]


def _originals(username: str) -> set[int]:
    return {n.pk for n in selectors.nominations_for(User.objects.get(username=username), year=2026)}


def test_each_ward_office_sees_its_own_dossiers_and_not_another_wards(demo):
    mine = Nomination.objects.filter(year=2026, unit__code="hn-phuong-hoangliet", received_in=None)
    theirs = Nomination.objects.filter(year=2026, unit__code="hn-phuong-dinhcong", received_in=None)
    assert mine.count() == 3 and theirs.count() == 2
    hoang_liet = _originals("thuongtruc.hoangliet")
    assert set(mine.values_list("pk", flat=True)) <= hoang_liet
    assert hoang_liet.isdisjoint(theirs.values_list("pk", flat=True))
    dinh_cong = _originals("thuongtruc.dinhcong")
    assert dinh_cong.isdisjoint(mine.values_list("pk", flat=True))
    assert set(theirs.values_list("pk", flat=True)) <= dinh_cong


def test_the_dossiers_are_at_every_stage_and_the_citys_decision_came_back(demo):
    states = {
        (n.unit.code, n.state)
        for n in Nomination.objects.filter(year=2026, received_in=None).select_related("unit")
    }
    assert {
        ("hn-phuong-hoangliet", State.DRAFT),
        ("hn-phuong-dinhcong", State.SUBMITTED),
        ("hn-phuong-hoangliet", State.FORWARDED),
        ("hn-phuong-tuongmai", State.FORWARDED),
        ("hn-phuong-dinhcong", State.RETURNED_FROM_ABOVE),
        ("hn-phuong-hoangliet", State.DECIDED),
    } <= states
    decided = Nomination.objects.get(
        year=2026, received_in=None, state=State.DECIDED, unit__code="hn-phuong-hoangliet"
    )
    assert decided.decision.issuer.code == "ha-noi" and decided.decision.signed_on > REFORM_DAY
    returned = Nomination.objects.get(year=2026, received_in=None, state=State.RETURNED_FROM_ABOVE)
    assert returned.transitions.get(action="returned_above").note == data.SENT_BACK_REASONS


def test_the_citys_inbox_holds_the_forwarded_dossiers(client, demo):
    forwarded = Nomination.objects.filter(year=2026, received_in=None, state=State.FORWARDED)
    draft = Nomination.objects.filter(year=2026, state=State.DRAFT).select_related("person")
    client.force_login(User.objects.get(username="thuongtruc.hanoi"))
    inbox = element_text(client.get(reverse("awards:inbox")).content.decode(), tag="body")
    for nomination in forwarded.select_related("person"):
        assert nomination.person.full_name in inbox
    assert "Hội đồng Thi đua - Khen thưởng phường Tương Mai" in inbox
    assert all(n.person.full_name not in inbox for n in draft)


def test_the_district_council_cannot_decide_on_a_2026_date(demo):
    voted = Nomination.objects.filter(year=2021, state=State.VOTED).first()
    with pytest.raises(PermissionDenied, match="đã chấm dứt hoạt động từ ngày 01/07/2025"):
        services.issue_decision(
            User.objects.get(username="chutich"), [voted], signed_on=datetime.date(2026, 3, 2)
        )
    voted.refresh_from_db()
    assert voted.state == State.VOTED and voted.decision is None


def test_demo_accounts_lists_every_new_account_with_its_council(demo, capsys):
    call_command("demo_accounts", "--json")
    rows = {row["username"]: row for row in json.loads(capsys.readouterr().out)}
    for username, role, unit_code, council_unit, _name in data.ACCOUNTS:
        row = rows[username]
        assert row["role"] == role
        assert row["council"] == Council.objects.get(unit__code=council_unit).name
        assert row["unit"] == Unit.objects.get(code=unit_code).name
    assert rows["canbo.phuong.hoangliet"]["council"] == (
        "Hội đồng Thi đua - Khen thưởng phường Hoàng Liệt"
    )
    assert "canbo.hoangliet" in rows  # the 2021 accounts keep working as they were


def test_the_reorganisation_page_says_what_is_illustrative(client, demo):
    reform = Reorganisation.objects.get(name=data.REORGANISATION_NAME)
    client.force_login(User.objects.get(username="thuongtruc.hanoi"))
    response = client.get(reverse("org:reorganisation_detail", args=[reform.pk]))
    page = element_text(response.content.decode(), tag="body")
    assert "Nghị quyết 1656/NQ-UBTVQH15" in page
    assert "chưa được đối chiếu với văn bản gốc, chỉ mang tính minh họa" in page


def test_the_city_and_each_new_ward_have_a_2026_plan_with_tasks(demo):
    plans = Plan.objects.filter(year=2026).select_related("council__unit")
    assert sorted(p.council.unit.code for p in plans) == sorted(
        ["ha-noi"] + [data.ward_code(slug) for _name, slug, *_rest in data.NEW_WARDS]
    )
    assert all(plan.tasks.count() >= 3 for plan in plans)


def test_another_wards_dossier_is_not_found_for_a_ward_office(client, demo):
    theirs = Nomination.objects.filter(year=2026, unit__code="hn-phuong-dinhcong", received_in=None)
    mine = Nomination.objects.filter(year=2026, unit__code="hn-phuong-hoangliet", received_in=None)
    client.force_login(User.objects.get(username="thuongtruc.hoangliet"))
    for nomination in theirs:
        url = reverse("awards:nomination_detail", args=[nomination.pk])
        assert client.get(url).status_code == 404
    page = client.get(reverse("awards:nomination_detail", args=[mine.first().pk]))
    assert mine.first().person.full_name in element_text(page.content.decode(), tag="body")


@pytest.mark.parametrize("username", ["thuongtruc.hanoi", "chutich.hanoi"])
def test_the_city_reads_none_of_its_wards_own_work_beyond_what_they_sent_up(demo, username):
    user = User.objects.get(username=username)
    city = Council.objects.get(unit__code="ha-noi")
    wards = access.lower_council_paths(city)
    assert len(wards) >= 7
    checked = 0
    for model, rule in access._RULES.items():
        if not rule.council_own:
            continue
        manager = model._default_manager
        sent_up = rule.extra_view(user) if rule.extra_view else Q(pk__in=[])
        if rule.council_work is not None:
            sent_up |= rule.council_work(city)
        kept_below = manager.filter(owned_by(rule, wards)).exclude(
            pk__in=manager.filter(sent_up).values("pk")
        )
        seen = access.scope_queryset(user, manager.all())
        assert not seen.filter(pk__in=kept_below.values("pk")).exists(), model.__name__
        checked += kept_below.count()
    assert checked > 0, "the wards keep work of their own in the demo"


def test_the_city_sees_every_dossier_sent_to_it_and_changes_only_the_received_copies(client, demo):
    office = User.objects.get(username="thuongtruc.hanoi")
    seen = access.scope_queryset(office, Nomination.objects.filter(year=2026))
    changeable = access.scope_queryset(office, Nomination.objects.filter(year=2026), access.CHANGE)
    received = Nomination.objects.filter(year=2026, received_in__to_council__unit__code="ha-noi")
    assert received.exists()
    assert set(changeable) == set(received)
    originals = Nomination.objects.filter(pk__in=received.values("forwarded_from"))
    assert set(seen) == set(received) | set(originals)
    assert not seen.filter(state=State.DRAFT).exists()
    # The wards' drafts are theirs: not in the city's list of dossiers either.
    client.force_login(office)
    response = client.get(reverse("awards:nomination_list"), {"year": 2026})
    listed = element_text(response.content.decode(), tag="body")
    for draft in Nomination.objects.filter(year=2026, state=State.DRAFT).select_related("person"):
        assert draft.person.full_name not in listed
    for copy in received.select_related("person"):
        assert copy.person.full_name in listed


def test_two_wards_capital_citizen_dossiers_went_up_and_one_is_on_public_notice(demo):
    """Công dân Thủ đô ưu tú (awards/demo_capital_citizen_2026.py): Yên Sở's and Lĩnh Nam's
    dossiers passed their wards and went up; the city announced Yên Sở's before its vote."""
    originals = Nomination.objects.filter(
        year=2026, title__code="cong_dan_thu_do_uu_tu", received_in=None
    ).select_related("unit")
    assert {(n.unit.code, n.state) for n in originals} == {
        ("hn-phuong-yenso", State.FORWARDED),
        ("hn-phuong-linhnam", State.FORWARDED),
    }
    copies = {
        n.forwarded_from.unit.code: n
        for n in Nomination.objects.filter(title__code="cong_dan_thu_do_uu_tu").exclude(
            received_in=None
        )
    }
    assert copies["hn-phuong-yenso"].state == State.ANNOUNCED
    assert copies["hn-phuong-linhnam"].state == State.SUBMITTED
    notice = copies["hn-phuong-yenso"].notices.get()
    assert notice.ends_on > notice.starts_on
    received = _originals("thuongtruc.hanoi")
    assert {c.pk for c in copies.values()} <= received
