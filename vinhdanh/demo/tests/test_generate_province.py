import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, Max, Min

from vinhdanh.accounts import access
from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards.models import (
    Appraisal,
    Certificate,
    Decision,
    DecisionCounter,
    Nomination,
    State,
    Transition,
)
from vinhdanh.demo.management.commands.load_demo import CONFIRM_FLAG
from vinhdanh.demo.province import names, writers
from vinhdanh.demo.province.sizes import SizeError, plan_sizes
from vinhdanh.demo.province.tree import ROOT_CODE, plan_tree
from vinhdanh.movements.models import Registration, RegistrationEntry
from vinhdanh.org.models import Council, Person, Unit
from vinhdanh.plans.models import Plan, Task
from vinhdanh.records.models import Rating

TINY = 300
DECIDED = {State.DECIDED, State.HANDED_OVER}


# -- pure: sizes, names, tree --------------------------------------------------------------
def test_one_size_flag_scales_every_other_size():
    sizes = plan_sizes({"nominations": 20_000})
    assert (sizes.people, sizes.ratings, sizes.units, sizes.councils, sizes.audit) == (
        6_000, 60_000, 20, 3, 5_000,
    )  # fmt: skip
    assert list(sizes.year_range) == list(range(2016, 2026))


def test_the_defaults_are_the_province_of_the_issue():
    sizes = plan_sizes({})
    assert (sizes.councils, sizes.units, sizes.people, sizes.nominations, sizes.ratings) == (
        126, 1_000, 300_000, 1_000_000, 3_000_000,
    )  # fmt: skip


def test_flags_given_are_kept_and_the_first_one_sets_the_scale():
    sizes = plan_sizes({"people": 3_000, "councils": 5})
    assert sizes.people == 3_000 and sizes.councils == 5
    assert sizes.nominations == 10_000 and sizes.ratings == 30_000


def test_tiny_sizes_keep_two_wards_and_their_units():
    sizes = plan_sizes({"nominations": TINY})
    assert sizes.councils == 2 and sizes.units == 6 and sizes.people == 90


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ({"councils": 1}, "ít nhất 2 hội đồng"),
        ({"people": 10, "ratings": 10_000}, "Tối đa"),
        ({"nominations": -1}, "không âm"),
        ({"nominations": 100, "audit": 200}, "tối đa 100 mục"),
    ],
)
def test_sizes_that_cannot_make_a_province_are_refused_in_vietnamese(given, words):
    with pytest.raises(SizeError, match=words):
        plan_sizes(given)


def test_a_person_is_a_function_of_the_seed_and_ordinal():
    assert names.person_facts(2025, 7) == names.person_facts(2025, 7)
    everyone = {names.person_facts(2025, ordinal).full_name for ordinal in range(500)}
    assert len(everyone) > 200
    assert names.person_facts(2025, 7) != names.person_facts(2026, 7) or (
        names.person_facts(2025, 8) != names.person_facts(2026, 8)
    )


def test_ward_names_are_distinct():
    wards = names.ward_names(2025, 600)
    assert len(set(wards)) == 600
    assert wards[0].startswith("Xã ") and wards[1].startswith("Phường ")


def test_the_planned_tree_gives_every_unit_its_parents_path_and_every_person_a_unit():
    tree = plan_tree(seed=1, councils=4, units=30, people=1_000, first_id=100)
    by_id = {unit.id: unit for unit in tree.all_units()}
    assert len(by_id) == 30 + 4 + 1
    assert len({unit.name for unit in by_id.values()}) == len(by_id)
    for unit in by_id.values():
        parent = by_id.get(unit.parent_id)
        assert unit.path == (parent.path if parent else "/") + f"{unit.id}/"
    assert sum(block.person_count for block in tree.blocks) == 1_000
    for block in tree.blocks:
        for unit_id, _first, _count in block.people:
            assert by_id[unit_id].path.startswith(block.unit.path)


# -- the command on the test database -------------------------------------------------------
def _generate(*args) -> list[dict]:
    out = io.StringIO()
    call_command("generate_province", "--nominations", str(TINY), CONFIRM_FLAG, *args, stdout=out)
    text = out.getvalue()
    return json.loads(text[text.index("[") :])


def test_refused_on_a_server_without_debug_and_nothing_is_made(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG tắt"):
        call_command("generate_province", "--nominations", str(TINY), stdout=io.StringIO())
    assert not Unit.objects.filter(code=ROOT_CODE).exists()


@pytest.fixture
def province(db, tmp_path):
    audit_before = AuditEntry.objects.count()
    accounts = _generate("--accounts-json", str(tmp_path / "accounts.json"))
    root = Unit.objects.get(code=ROOT_CODE)
    return {
        "root": root,
        "accounts": accounts,
        "json": json.loads((tmp_path / "accounts.json").read_text(encoding="utf-8")),
        "audit_before": audit_before,
    }


def _in_province(root):
    return {"unit__path__startswith": root.path}


def test_counts_follow_the_flags_rule(province):
    sizes = plan_sizes({"nominations": TINY})
    root = province["root"]
    units = Unit.objects.filter(path__startswith=root.path)
    assert units.count() == sizes.units + sizes.councils + 1
    assert Council.objects.filter(**_in_province(root)).count() == sizes.councils + 1
    assert Person.objects.filter(**_in_province(root)).count() == sizes.people
    assert Nomination.objects.filter(**_in_province(root)).count() == sizes.nominations
    ratings = Rating.objects.filter(person__unit__path__startswith=root.path)
    assert ratings.count() == sizes.ratings
    new_entries = AuditEntry.objects.order_by("-pk")[: sizes.audit]
    assert AuditEntry.objects.count() - province["audit_before"] == sizes.audit
    steps = [entry.action for entry in new_entries if entry.action != "awards.nomination.create"]
    history = Transition.objects.filter(nomination__unit__path__startswith=root.path)
    assert sorted(f"awards.nomination.{row.action}" for row in history) == sorted(steps)
    years = Nomination.objects.filter(**_in_province(root)).aggregate(Min("year"), Max("year"))
    assert (years["year__min"], years["year__max"]) == (2016, 2025)
    councils = sizes.councils + 1
    assert Plan.objects.filter(council__unit__path__startswith=root.path).count() == councils * 10
    assert Task.objects.filter(plan__council__unit__path__startswith=root.path).count() == (
        councils * 10 * 6
    )
    assert Registration.objects.filter(**_in_province(root)).count() > 0


def test_every_path_is_its_parents_path_and_its_own_id(province):
    units = {unit.pk: unit for unit in Unit.objects.filter(path__startswith=province["root"].path)}
    for unit in units.values():
        parent_path = units[unit.parent_id].path if unit.parent_id else "/"
        assert unit.path == f"{parent_path}{unit.pk}/"
        assert unit.search_text and unit.sort_key


def _council_unit_of(unit, council_paths: list[str]) -> str:
    # The nearest council up the unit's tree: the longest council path that contains it.
    return max((path for path in council_paths if unit.path.startswith(path)), key=len)


def test_every_nomination_is_inside_its_councils_subtree_and_decided_by_it(province):
    root = province["root"]
    council_paths = list(
        Council.objects.filter(**_in_province(root)).values_list("unit__path", flat=True)
    )
    nominations = Nomination.objects.filter(**_in_province(root)).select_related(
        "unit", "person__unit", "collective", "decision__issuer"
    )
    for nomination in nominations:
        own = _council_unit_of(nomination.unit, council_paths)
        if nomination.person_id:
            assert nomination.person.unit_id == nomination.unit_id
        else:
            assert nomination.collective.path.startswith(own)
        if nomination.decision_id:
            assert nomination.decision.issuer.path == own
            assert nomination.decision.year == nomination.year


def test_decided_nominations_have_numbered_decisions_and_certificates(province):
    root = province["root"]
    nominations = Nomination.objects.filter(**_in_province(root))
    decided = nominations.filter(state__in=DECIDED)
    assert decided.count() > nominations.count() * 0.7
    assert not decided.filter(decision__isnull=True).exists()
    assert not nominations.exclude(state__in=DECIDED).filter(decision__isnull=False).exists()
    assert Certificate.objects.filter(nomination__in=decided).count() == decided.count()
    last_year = set(nominations.filter(year=2025).values_list("state", flat=True))
    assert {State.DRAFT, State.SUBMITTED, State.DECIDED} <= last_year
    decisions = Decision.objects.filter(issuer__path__startswith=root.path)
    for row in decisions.values("issuer", "year").annotate(n=Count("pk"), top=Max("number")):
        # Numbered 1..n for each issuer and year, and the counter is at n.
        assert row["top"] == row["n"]
        counter = DecisionCounter.objects.get(issuer_id=row["issuer"], year=row["year"])
        assert counter.last_number == row["n"]


def test_registrations_name_their_units_own_people(province):
    root = province["root"]
    registrations = Registration.objects.filter(**_in_province(root))
    # Every year, each ward and each city department registers for the city's movement.
    targets = Unit.objects.filter(parent=root).count()
    assert registrations.count() == targets * 10
    entries = RegistrationEntry.objects.filter(registration__in=registrations)
    assert entries.filter(person__isnull=True).count() == registrations.count()
    people = entries.filter(person__isnull=False).select_related("person", "registration")
    assert people.exists()
    for entry in people:
        assert entry.person.unit_id == entry.registration.unit_id


def _digest(root) -> str:
    in_province = Nomination.objects.filter(**_in_province(root)).order_by("pk")
    rows = [
        list(Unit.objects.filter(path__startswith=root.path).values_list("code", "name", "kind")),
        list(
            Person.objects.filter(**_in_province(root))
            .order_by("pk")
            .values_list("code", "full_name", "unit__code")
        ),
        list(
            in_province.values_list(
                "unit__code", "person__code", "collective__code", "title__code", "year", "state",
                "decision__number", "certificate__token",
            )
        ),
        list(
            Rating.objects.filter(person__unit__path__startswith=root.path)
            .order_by("pk")
            .values_list("person__code", "year", "level")
        ),
    ]  # fmt: skip
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def test_the_same_seed_gives_the_same_province_and_replace_is_needed(province):
    before = _digest(province["root"])
    with pytest.raises(CommandError, match=r"đã có một tỉnh giả lập.*--replace"):
        _generate()
    _generate("--replace")
    assert _digest(Unit.objects.get(code=ROOT_CODE)) == before
    _generate("--replace", "--seed", "7")
    assert _digest(Unit.objects.get(code=ROOT_CODE)) != before


def test_replace_also_removes_what_was_done_on_the_province_and_keeps_accounts(province):
    root = province["root"]
    nomination = Nomination.objects.filter(**_in_province(root), state=State.SUBMITTED).first()
    office = User.objects.get(username=province["accounts"][0]["username"])
    Transition.objects.create(
        nomination=nomination, action="return", from_state="submitted", to_state="returned",
        actor=office, note="Bổ sung minh chứng",
    )  # fmt: skip
    Appraisal.objects.create(nomination=nomination, appraiser=office, passed=True)
    ward = Unit.objects.get(code="sp-x0001")
    stranger = User.objects.create(username="nguoi-dung-phuong", role="unit_officer", unit=ward)
    entries = AuditEntry.objects.count()
    _generate("--replace")
    assert not Unit.objects.filter(pk=root.pk).exists()
    assert not Nomination.objects.filter(pk=nomination.pk).exists()
    # No id of the removed province is given again: the log's entries of it name no new row.
    new_root = Unit.objects.get(code=ROOT_CODE)
    new_ids = Nomination.objects.filter(**_in_province(new_root)).aggregate(Min("pk"))
    assert new_root.pk > root.pk and new_ids["pk__min"] > nomination.pk
    assert not Appraisal.objects.filter(appraiser=office).exists()
    assert not Transition.objects.filter(note="Bổ sung minh chứng").exists()
    stranger.refresh_from_db()
    assert stranger.unit_id is None
    # The log is append-only: the old province's entries stay, the new one's follow them.
    assert AuditEntry.objects.count() == entries + plan_sizes({"nominations": TINY}).audit
    assert User.objects.get(pk=office.pk).council.unit.code == "sp-thanh-pho"


def test_the_audit_chain_still_holds(province):
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert out.getvalue().startswith("OK")


def test_accounts_are_written_as_json_and_sign_in(province, client):
    accounts = province["json"]
    assert accounts == province["accounts"]
    assert len(accounts) == 12
    assert {row["role"] for row in accounts} == {
        "standing_office", "council_member", "leader", "unit_officer",
    }  # fmt: skip
    user = User.objects.get(username=accounts[0]["username"])
    assert user.check_password("vinhdanh2021")
    assert user.memberships.get().council_id == accounts[0]["council_id"]


def test_a_generated_wards_office_sees_only_its_ward(province):
    root = province["root"]
    ward_rows = [row for row in province["accounts"] if row["username"].endswith(".x0001")]
    office = User.objects.get(username=next(r["username"] for r in ward_rows
                                            if r["role"] == "standing_office"))  # fmt: skip
    ward = office.council.unit
    seen = access.scope_queryset(office, Nomination.objects.all())
    own = Nomination.objects.filter(unit__path__startswith=ward.path)
    assert own.exists() and set(seen) == set(own)
    people = access.scope_queryset(office, Person.objects.all())
    assert set(people) == set(Person.objects.filter(unit__path__startswith=ward.path))
    assert not people.filter(unit=root).exists()
    officer = User.objects.get(username=next(r["username"] for r in ward_rows
                                             if r["role"] == "unit_officer"))  # fmt: skip
    officer_people = access.scope_queryset(officer, Person.objects.all())
    assert officer_people.exists()
    assert set(officer_people) < set(people)


@pytest.mark.postgres
def test_on_postgresql_the_big_tables_are_copied(province):
    assert connection.vendor == "postgresql" and writers.uses_copy()
    root = province["root"]
    assert Nomination.objects.filter(**_in_province(root)).count() == TINY
    # The sequences moved past the ids the generator gave.
    person = Person.objects.create(code="sau-tinh-gia-lap", full_name="Lê Văn Sau",
                                   unit=root, gender="male")  # fmt: skip
    assert (
        person.pk
        > Person.objects.filter(**_in_province(root))
        .exclude(pk=person.pk)
        .aggregate(Max("pk"))["pk__max"]
    )
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert out.getvalue().startswith("OK")
