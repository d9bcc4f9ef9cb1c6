"""Many councils in one instance: memberships, the acting council and each council's scope.

Two ward councils are added to the demo (Hoàng Liệt as ward A, Định Công as ward B), each
with its own standing office account; the Hoàng Mai council stays above them.
"""

import datetime
import importlib
import io
import re

import pytest
from django.apps import apps
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.accounts import access, councils
from vinhdanh.accounts.models import Membership, Role, User
from vinhdanh.accounts.tests.scope_rows import owned_by
from vinhdanh.awards.services.review import council_of
from vinhdanh.org.models import Council, CouncilMember, CouncilRole, Level, Person, Unit
from vinhdanh.plans import importing
from vinhdanh.plans.models import Plan, Task, TaskAssignment
from vinhdanh.rules.provincial import province_of

pytestmark = pytest.mark.django_db

ORGANISATION_WIDE = [Role.STANDING_OFFICE, Role.COUNCIL_MEMBER, Role.LEADER]


def _ward_council(code: str, name: str) -> Council:
    ward = Unit.objects.get(code=code)
    return Council.objects.create(unit=ward, name=name, standing_office=ward)


@pytest.fixture
def ward_a():
    return _ward_council("phuong-hoang-liet", "Hội đồng Thi đua - Khen thưởng phường Hoàng Liệt")


@pytest.fixture
def ward_b():
    return _ward_council("phuong-dinh-cong", "Hội đồng Thi đua - Khen thưởng phường Định Công")


def _account(username: str, council: Council, role: str = Role.STANDING_OFFICE) -> User:
    return User.objects.create_user(
        username=username, password="x", role=role, unit=council.unit, council=council
    )


@pytest.fixture
def office_a(ward_a):
    return _account("thuongtruc.hoangliet", ward_a)


@pytest.fixture
def office_b(ward_b):
    return _account("thuongtruc.dinhcong", ward_b)


@pytest.mark.parametrize("role", ORGANISATION_WIDE)
def test_no_registered_model_leaks_another_ward_councils_rows(ward_a, ward_b, role):
    user = _account(f"a-{role}", ward_a, role)
    checked = []
    for model, rule in access._RULES.items():
        if rule.extra_view is not None:
            continue  # shared on purpose within a council's tree, tested below
        manager = model._default_manager
        owned_by_b = manager.filter(owned_by(rule, [ward_b.unit.path]))
        owned_by_a = manager.filter(owned_by(rule, [ward_a.unit.path]))
        only_b = owned_by_b.exclude(pk__in=owned_by_a.values("pk"))
        for action in (access.VIEW, access.CHANGE):
            seen = access.scope_queryset(user, manager.all(), action)
            assert not seen.filter(pk__in=only_b.values("pk")).exists(), (model.__name__, action)
        checked.append((model.__name__, only_b.count()))
    assert len(checked) >= 8
    assert sum(count for _, count in checked) > 0, "ward B has rows to hide"


def test_a_ward_office_sees_its_own_rows_and_not_the_district_above(office_a, ward_a):
    people = access.scope_queryset(office_a, Person.objects.all())
    own = Person.objects.filter(unit__path__startswith=ward_a.unit.path)
    assert own.exists() and set(people) == set(own)
    # The district's own departments belong to the Hoàng Mai council, not to the ward's.
    assert not people.filter(unit__code="phong-noi-vu").exists()
    assert access.can_create_in(office_a, ward_a.unit)
    assert not access.can_create_in(office_a, Unit.objects.get(code="phuong-dinh-cong"))


def test_the_district_office_sees_its_wards_but_not_a_district_outside_its_tree(demo_user):
    office = demo_user("thuongtruc")
    other_district = Unit.objects.create(
        code="quan-khac",
        name="Ủy ban nhân dân quận Khác",
        kind="government",
        level=Level.objects.get(code="district"),
        parent=Unit.objects.get(code="ha-noi"),
    )
    stranger = Person.objects.create(
        code="nguoi-quan-khac", full_name="Trần Văn Khác", unit=other_district, gender="male"
    )
    people = access.scope_queryset(office, Person.objects.all())
    assert people.filter(unit__code="phuong-dinh-cong").exists()
    assert not people.filter(pk=stranger.pk).exists()
    assert not access.scope_queryset(office, Unit.objects.all()).filter(pk=other_district.pk)
    # The units above the council are on its tree (read only); their other branches are not.
    assert access.scope_queryset(office, Unit.objects.all()).filter(code="ha-noi").exists()
    assert not access.can_create_in(office, other_district)
    admin = demo_user("admin")
    assert access.scope_queryset(admin, Person.objects.all()).filter(pk=stranger.pk).exists()


def test_a_councils_plan_members_and_group_tasks_stay_in_its_tree(
    ward_a, ward_b, office_a, office_b, demo_user
):
    plan_b = Plan.objects.create(number="01/KH-DC", year=2026, title="Kế hoạch", council=ward_b)
    task_b = Task.objects.create(
        plan=plan_b, position=1, content="Nhiệm vụ", lead_groups=["Các đơn vị thuộc Phường"]
    )
    # A group's task is one line per unit of the group (plans.TaskAssignment).
    TaskAssignment.objects.create(task=task_b, unit=demo_user("canbo.dinhcong").unit)
    seat_b = CouncilMember.objects.create(
        council=ward_b,
        person=Person.objects.filter(unit=ward_b.unit).first(),
        role=CouncilRole.CHAIRMAN,
    )
    officer_a = demo_user("canbo.hoangliet")
    for outsider in (office_a, officer_a):
        assert not access.scope_queryset(outsider, Plan.objects.all()).filter(pk=plan_b.pk)
        assert not access.scope_queryset(outsider, Task.objects.all()).filter(pk=task_b.pk)
        assert not access.scope_queryset(outsider, Council.objects.all()).filter(pk=ward_b.pk)
        members = access.scope_queryset(outsider, CouncilMember.objects.all())
        assert not members.filter(pk=seat_b.pk).exists()
    for insider in (office_b, demo_user("canbo.dinhcong")):
        assert access.scope_queryset(insider, Plan.objects.all()).filter(pk=plan_b.pk)
        assert access.scope_queryset(insider, Task.objects.all()).filter(pk=task_b.pk)
    # Ward B's plan is its council's own work: the district council above does not read it.
    district_office = demo_user("thuongtruc")
    assert not access.scope_queryset(district_office, Plan.objects.all()).filter(pk=plan_b.pk)
    assert not access.scope_queryset(district_office, Task.objects.all()).filter(pk=task_b.pk)
    # The Hoàng Mai plan and council govern ward A too: still visible to its office.
    district_plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    assert access.scope_queryset(office_a, Plan.objects.all()).filter(pk=district_plan.pk)
    assert access.scope_queryset(office_a, Council.objects.all()).filter(unit__code="hoang-mai")


def test_every_demo_account_holds_its_seat_as_a_membership():
    for user in User.objects.exclude(role=""):
        assert list(user.memberships.values_list("council_id", "role", "unit_id")) == [
            (user.council_id, user.role, user.unit_id)
        ], user.username


def test_the_data_migration_turns_each_account_into_one_membership(demo_user):
    Membership.objects.all().delete()
    officer = demo_user("canbo.hoangliet")
    User.objects.filter(pk=officer.pk).update(council=None)  # found from the unit's tree
    migration = importlib.import_module(
        "vinhdanh.accounts.migrations.0004_memberships_from_accounts"
    )
    migration.forwards(apps, None)
    hoang_mai = Council.objects.get(unit__code="hoang-mai")
    assert Membership.objects.count() == User.objects.exclude(role="").count()
    seat = Membership.objects.get(user=officer)
    assert (seat.council, seat.role) == (hoang_mai, Role.UNIT_OFFICER)
    assert seat.unit_id == officer.unit_id


def test_changing_an_accounts_role_replaces_its_single_membership(demo_user):
    officer = demo_user("canbo.hoangliet")
    officer.role = Role.CLUSTER_HEAD
    officer.save()
    assert list(officer.memberships.values_list("role", flat=True)) == [Role.CLUSTER_HEAD]


@pytest.fixture
def two_seats(demo_user, ward_b):
    """The district's office account also serves as ward B's standing office."""
    user = demo_user("thuongtruc")
    seat_b = Membership.objects.create(
        user=user, council=ward_b, role=Role.STANDING_OFFICE, unit=ward_b.unit
    )
    return user, seat_b


def test_one_membership_shows_no_picker(client, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    page = client.get(reverse("home:index")).content.decode()
    assert 'data-testid="council-picker"' not in page
    assert "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai" in page


def test_a_user_with_two_seats_switches_the_council_they_act_for(client, two_seats, ward_b):
    user, seat_b = two_seats
    client.force_login(user)
    page = client.get(reverse("home:index")).content.decode()
    assert 'data-testid="council-picker"' in page and ward_b.name in page
    people_before = client.get(reverse("org:person_list")).context["page"].paginator.count
    response = client.post(
        reverse("accounts:act_for_council"), {"membership": seat_b.pk, "next": "/org/people/"}
    )
    assert response.status_code == 302 and response["Location"] == "/org/people/"
    assert client.session[councils.SESSION_KEY] == seat_b.pk
    listed = client.get(reverse("org:person_list"))
    ward_people = Person.objects.filter(unit__path__startswith=ward_b.unit.path).count()
    assert listed.context["page"].paginator.count == ward_people < people_before
    assert listed.context["user"].council == ward_b
    council_page = client.get(reverse("org:council"))
    assert council_page.context["council"] == ward_b
    assert re.search(rf'value="{seat_b.pk}"\s+selected', council_page.content.decode())


def test_acting_for_a_council_one_is_not_a_member_of_is_refused(client, two_seats, office_b):
    user, seat_b = two_seats
    foreign = office_b.memberships.get()
    client.force_login(user)
    for refused in (foreign.pk, 999999, "abc"):
        response = client.post(
            reverse("accounts:act_for_council"), {"membership": refused}, follow=True
        )
        messages = [str(m) for m in response.context["messages"]]
        assert any("không thể làm việc nhân danh hội đồng đó" in m for m in messages), refused
        assert councils.SESSION_KEY not in client.session
        assert response.context["user"].council.unit.code == "hoang-mai"
    # An ended seat is no seat: refused too, and the choice made while it held is dropped.
    client.post(reverse("accounts:act_for_council"), {"membership": seat_b.pk})
    Membership.objects.filter(pk=seat_b.pk).update(
        valid_to=datetime.date.today() - datetime.timedelta(days=1)
    )
    page = client.get(reverse("home:index"))
    assert page.context["user"].council.unit.code == "hoang-mai"
    assert councils.SESSION_KEY not in client.session
    response = client.post(
        reverse("accounts:act_for_council"), {"membership": seat_b.pk}, follow=True
    )
    assert any("không thể" in str(m) for m in response.context["messages"])


def test_the_former_first_council_call_sites_follow_the_acting_council(client, two_seats, ward_b):
    user, seat_b = two_seats
    client.force_login(user)
    client.post(reverse("accounts:act_for_council"), {"membership": seat_b.pk})
    assert client.get(reverse("home:index")).context["council"] == ward_b
    export = client.get(reverse("reports:award_statistics"), {"year": 2020, "format": "xlsx"})
    cells = [
        str(cell.value) for row in load_workbook(io.BytesIO(export.content)).active for cell in row
    ]
    assert any(ward_b.name.upper() in cell.upper() for cell in cells)
    district_council = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG QUẬN HOÀNG MAI"
    assert not any(district_council in cell.upper() for cell in cells)
    form = client.get(reverse("reports:form_0601"), {"year": 2021})
    assert form.context["council"] == ward_b

    councils.apply_membership(user, seat_b)
    assert importing.council_for(user) == ward_b
    assert council_of(user) == ward_b
    assert importing.council_for(None) is None
    # A command run without a user names its council once there are several.
    with pytest.raises(Exception, match="--council"):
        importing.council_named(None)
    assert importing.council_named("phuong-dinh-cong") == ward_b


def test_the_province_of_a_unit_is_found_in_its_own_tree(ward_b):
    assert province_of(ward_b.unit).code == "ha-noi"
    assert province_of(None) is None
    island = Unit.objects.create(
        code="tinh-khac",
        name="Ủy ban nhân dân tỉnh Khác",
        kind="government",
        level=Level.objects.get(code="province"),
    )
    commune = Unit.objects.create(
        code="xa-khac",
        name="Xã Khác",
        kind="ward",
        level=Level.objects.get(code="commune"),
        parent=island,
    )
    assert province_of(commune) == island


def test_a_ward_office_reads_the_audit_entries_of_its_own_council_only(
    client, office_a, ward_a, demo_user
):
    from vinhdanh.audit.services import record

    record(actor=demo_user("thuongtruc"), action="test.district", instance=ward_a.unit)
    record(actor=office_a, action="test.ward", instance=ward_a.unit)
    client.force_login(office_a)
    page = client.get(reverse("home:audit_log"))
    actions = {entry.action for entry in page.context["entries"]}
    assert actions == {"test.ward"}
    client.force_login(demo_user("admin"))
    actions = {entry.action for entry in client.get(reverse("home:audit_log")).context["entries"]}
    assert {"test.ward", "test.district"} <= actions


def test_a_ward_plans_unit_names_match_only_the_wards_own_units(ward_b):
    candidates = {candidate.id for candidate in importing.unit_candidates(ward_b)}
    own = set(Unit.objects.filter(path__startswith=ward_b.unit.path).values_list("pk", flat=True))
    assert candidates == own and ward_b.unit_id in candidates
    assert Unit.objects.get(code="phuong-hoang-liet").pk not in candidates


def test_the_years_registrations_are_issued_by_the_acting_council(client, two_seats, ward_b):
    user, seat_b = two_seats
    client.force_login(user)
    client.post(reverse("accounts:act_for_council"), {"membership": seat_b.pk})
    export = client.get(reverse("movements:registrations_year_export", args=[2021, "xlsx"]))
    cells = [
        str(cell.value) for row in load_workbook(io.BytesIO(export.content)).active for cell in row
    ]
    assert any(ward_b.unit.name.upper() in cell.upper() for cell in cells)
