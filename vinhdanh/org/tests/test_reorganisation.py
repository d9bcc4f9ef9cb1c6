"""The 2025 reform recorded as it happened: a ward split in parts, one merged whole, a new
ward formed from both; applied at once, or refused with nothing changed."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.core.workbook import template
from vinhdanh.org import reorganising, services
from vinhdanh.org.merging import merge_units
from vinhdanh.org.models import (
    Level,
    Person,
    PersonUnitHistory,
    Reorganisation,
    ReorganisationState,
    Unit,
    UnitSuccession,
)
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db
REFORM = datetime.date(2025, 7, 1)


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


@pytest.fixture
def wards(demo):
    """Thịnh Liệt merges whole; Hoàng Liệt is split between the new ward and Định Công."""
    return (
        Unit.objects.get(code="phuong-thinh-liet"),
        Unit.objects.get(code="phuong-hoang-liet"),
        Unit.objects.get(code="phuong-dinh-cong"),
    )


def _clear_children(*units):
    # Sub-units of a split ward would be orphaned (refused, tested elsewhere): end them first.
    Unit.objects.filter(parent__in=units).update(valid_to=REFORM, is_active=False)


@pytest.fixture
def draft(office, wards):
    whole, split, existing = wards
    _clear_children(split)
    reorganisation = reorganising.create_reorganisation(
        actor=office, name="Sắp xếp phường 2025", effective_on=REFORM, basis="NQ 1656"
    )
    new = reorganising.add_successor(
        actor=office,
        reorganisation=reorganisation,
        wholes=[whole],
        parts=[split],
        code="phuong-hoang-liet-moi",
        name="Phường Hoàng Liệt (mới)",
        kind="ward",
        level=split.level,
        parent=split.parent,
    )
    into_existing = reorganising.add_successor(
        actor=office, reorganisation=reorganisation, unit=existing, parts=[split]
    )
    reorganisation.refresh_from_db()
    return reorganisation, new, into_existing


def _assign_everyone(office, reorganisation, split, new, other):
    people = list(Person.objects.filter(unit=split).order_by("pk"))
    for index, person in enumerate(people):
        reorganisation.refresh_from_db()
        reorganising.assign_person(
            actor=office,
            reorganisation=reorganisation,
            person=person,
            planned=new if index % 2 else other,
        )
    reorganisation.refresh_from_db()
    return people


def test_applying_ends_creates_links_moves_and_dates_everyone(office, wards, draft):
    whole, split, existing = wards
    reorganisation, new, other = draft
    whole_people = set(Person.objects.filter(unit=whole).values_list("pk", flat=True))
    officer = User.objects.create_user(
        "canbo.thinhliet", password="x-Strong-pass-1", role="unit_officer", unit=whole
    )
    people = _assign_everyone(office, reorganisation, split, new, other)
    assert people, "the demo ward has people"
    reorganising.apply_reorganisation(
        office, reorganisation, expected_version=reorganisation.version
    )
    reorganisation.refresh_from_db()
    assert reorganisation.state == ReorganisationState.APPLIED
    created = Unit.objects.get(code="phuong-hoang-liet-moi")
    assert created.valid_from == REFORM and created.valid_to is None
    for ended in (whole, split):
        ended.refresh_from_db()
        assert (ended.valid_to, ended.is_active) == (REFORM, False)
    assert set(
        UnitSuccession.objects.filter(reorganisation=reorganisation).values_list(
            "predecessor__code", "successor__code", "share"
        )
    ) == {
        ("phuong-thinh-liet", "phuong-hoang-liet-moi", "whole"),
        ("phuong-hoang-liet", "phuong-hoang-liet-moi", "part"),
        ("phuong-hoang-liet", "phuong-dinh-cong", "part"),
    }
    assert set(Person.objects.filter(unit=created).values_list("pk", flat=True)) == (
        whole_people | {p.pk for p in people[1::2]}
    )
    assert set(Person.objects.filter(unit=existing, pk__in=[p.pk for p in people])) == set(
        people[::2]
    )
    officer.refresh_from_db()
    assert officer.unit == created
    history = list(PersonUnitHistory.objects.filter(person=people[0]).order_by("pk"))
    assert [(h.unit, h.valid_from, h.valid_to) for h in history] == [
        (split, None, REFORM),
        (existing, REFORM, None),
    ]
    ended = AuditEntry.objects.get(action="org.unit.end", object_id=str(split.pk))
    assert set(ended.after["moved_people"]) == {p.pk for p in people}
    assert AuditEntry.objects.filter(action="org.reorganisation.apply").count() == 1


def test_a_split_that_does_not_add_up_is_refused_and_changes_nothing(office, wards, draft):
    whole, split, _existing = wards
    reorganisation, new, other = draft
    people = _assign_everyone(office, reorganisation, split, new, other)
    reorganising.remove_move(
        actor=office, reorganisation=reorganisation, move=reorganisation.moves.last()
    )
    reorganisation.refresh_from_db()
    before = list(Person.objects.filter(unit=whole).values_list("pk", flat=True))
    with pytest.raises(ValidationError) as refused:
        reorganising.apply_reorganisation(
            office, reorganisation, expected_version=reorganisation.version
        )
    assert refused.value.messages == [
        f"1 cá nhân của “{split.name}” chưa được phân về đơn vị mới: {people[-1].full_name}."
    ]
    reorganisation.refresh_from_db()
    assert reorganisation.state == ReorganisationState.DRAFT
    assert not Unit.objects.filter(code="phuong-hoang-liet-moi").exists()
    assert list(Person.objects.filter(unit=whole).values_list("pk", flat=True)) == before
    whole.refresh_from_db()
    assert whole.valid_to is None and whole.is_active


def test_reassigning_twice_or_to_a_foreign_unit_is_refused(office, wards, draft):
    whole, split, _existing = wards
    reorganisation, new, other = draft
    person = Person.objects.filter(unit=split).first()
    reorganising.assign_person(
        actor=office, reorganisation=reorganisation, person=person, planned=new
    )
    reorganisation.refresh_from_db()
    with pytest.raises(ValidationError, match="đã được phân về “Phường Hoàng Liệt \\(mới\\)”"):
        reorganising.assign_person(
            actor=office, reorganisation=reorganisation, person=person, planned=other
        )
    outsider = Person.objects.filter(unit=whole).first()
    with pytest.raises(ValidationError, match="không thuộc đơn vị nào bị chia tách"):
        reorganising.assign_person(
            actor=office, reorganisation=reorganisation, person=outsider, planned=new
        )
    assert reorganisation.moves.count() == 1


def test_an_xlsx_list_is_taken_whole_or_not_at_all(office, wards, draft):
    whole, split, _existing = wards
    reorganisation, _new, _other = draft
    people = list(Person.objects.filter(unit=split).order_by("pk"))
    header = ["Mã cá nhân", "Mã đơn vị mới"]
    bad = template(
        "x",
        header,
        [
            [people[0].code, "phuong-hoang-liet-moi"],
            [people[0].code, "phuong-dinh-cong"],
            ["khong-co-ai", "phuong-dinh-cong"],
            [people[1].code, "phuong-tan-mai"],
            [Person.objects.filter(unit=whole).first().code, "phuong-dinh-cong"],
        ],
    )
    with pytest.raises(reorganising.MovesImportRefused) as refused:
        reorganising.import_moves(
            actor=office, reorganisation=reorganisation, filename="ds.xlsx", content=bad
        )
    assert [e.row for e in refused.value.errors] == [3, 4, 5, 6]
    assert "trùng với dòng 2" in refused.value.errors[0].message
    assert "Không có cá nhân mã “khong-co-ai”" in refused.value.errors[1].message
    assert "không phải đơn vị kế thừa" in refused.value.errors[2].message
    assert reorganisation.moves.count() == 0
    good = template("x", header, [[p.code, "phuong-dinh-cong"] for p in people])
    reorganisation.refresh_from_db()
    moves = reorganising.import_moves(
        actor=office, reorganisation=reorganisation, filename="ds.xlsx", content=good
    )
    assert len(moves) == len(people)
    assert reorganising.reorganisation_problems(reorganising.plan_of(reorganisation)) == []


def test_a_file_that_is_not_a_workbook_is_refused_at_the_gate(office, draft):
    reorganisation, _new, _other = draft
    with pytest.raises(reorganising.MovesImportRefused):
        reorganising.import_moves(
            actor=office, reorganisation=reorganisation, filename="ds.xlsx", content=b"MZ\x90\x00"
        )


def test_a_stale_page_an_applied_draft_and_a_ward_officer_are_refused(
    office, wards, draft, demo_user
):
    reorganisation, _new, _other = draft
    with pytest.raises(ConflictError):
        reorganising.apply_reorganisation(office, reorganisation, expected_version=0)
    with pytest.raises(PermissionDenied):
        reorganising.create_reorganisation(
            actor=demo_user("canbo.hoangliet"), name="x", effective_on=REFORM
        )
    reorganising.cancel_reorganisation(
        office, reorganisation, note="Ghi nhầm", expected_version=reorganisation.version
    )
    reorganisation.refresh_from_db()
    assert reorganisation.state == ReorganisationState.CANCELLED
    with pytest.raises(ValidationError, match="không thể sửa"):
        reorganising.set_dissolved(actor=office, reorganisation=reorganisation, units=[])


def test_a_split_ward_with_live_sub_units_is_refused(office, wards):
    _whole, split, existing = wards
    Unit.objects.create(
        code="to-dan-pho-9", name="Tổ dân phố 9", kind="small_collective",
        level=split.level, parent=split,
    )  # fmt: skip
    reorganisation = reorganising.create_reorganisation(
        actor=office, name="Thử", effective_on=REFORM
    )
    reorganising.add_successor(
        actor=office, reorganisation=reorganisation, unit=existing, parts=[split]
    )
    problems = reorganising.reorganisation_problems(reorganising.plan_of(reorganisation))
    assert f"“{split.name}” còn đơn vị trực thuộc “Tổ dân phố 9” đang hoạt động." in problems


def test_a_whole_merge_writes_the_same_dated_history(office, wards):
    target, absorbed = wards[1], wards[0]
    person = Person.objects.filter(unit=absorbed).first()
    merge_units(actor=office, sources=[absorbed], target=target, effective_on=REFORM)
    absorbed.refresh_from_db()
    assert absorbed.valid_to == REFORM
    assert UnitSuccession.objects.filter(
        predecessor=absorbed, successor=target, share="whole"
    ).exists()
    assert list(
        PersonUnitHistory.objects.filter(person=person).values_list("unit", "valid_to")
    ) == [(absorbed.pk, REFORM), (target.pk, None)]
    with pytest.raises(ValidationError, match="đã ngừng hoạt động"):
        merge_units(actor=office, sources=[absorbed], target=target, effective_on=REFORM)


def test_moving_a_person_in_the_form_keeps_the_old_unit_in_their_history(office, wards):
    person = Person.objects.filter(unit=wards[1]).first()
    services.update_person(actor=office, person=person, unit=wards[2])
    rows = list(PersonUnitHistory.objects.filter(person=person).order_by("pk"))
    assert [(r.unit, r.valid_to is None) for r in rows] == [(wards[1], False), (wards[2], True)]
    assert rows[0].valid_to == rows[1].valid_from


def test_the_pages_record_a_reorganisation_and_refuse_what_does_not_add_up(
    client, office, wards, draft
):
    reorganisation, _new, _other = draft
    client.force_login(office)
    url = reverse("org:reorganisation_detail", args=[reorganisation.pk])
    page = client.get(url).content.decode()
    assert "chưa được phân về đơn vị mới" in page
    # A draft offers its action forms, each posting to its own action.
    for name, testid in (
        ("org:reorganisation_add_successor", "successor-form"),
        ("org:reorganisation_assign", "assign-form"),
    ):
        action = reverse(name, args=[reorganisation.pk])
        assert f'action="{action}" data-testid="{testid}"' in page
    response = client.post(
        reverse("org:reorganisation_apply", args=[reorganisation.pk]),
        {"apply-version": reorganisation.version},
    )
    assert response.status_code == 400
    assert "chưa được phân về đơn vị mới" in response.context["apply_form"].non_field_errors()[0]
    created = client.post(
        reverse("org:reorganisation_create"),
        {"name": "Giải thể quận", "effective_on": "2025-07-01"},
    )
    made = Reorganisation.objects.get(name="Giải thể quận")
    assert created.url == reverse("org:reorganisation_detail", args=[made.pk])
    refused = client.post(reverse("org:reorganisation_create"), {"name": ""})
    assert refused.context["form"].errors == {
        "name": ["Nhập tên đợt sắp xếp."],
        "effective_on": ["Nhập ngày có hiệu lực hợp lệ."],
    }


def test_ward_officers_do_not_see_reorganisations(client, demo_user, draft):
    reorganisation = draft[0]
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.get(reverse("org:reorganisation_list")).status_code == 403
    detail = reverse("org:reorganisation_detail", args=[reorganisation.pk])
    assert client.get(detail).status_code == 404


def test_no_one_joins_a_unit_that_has_ended(office, wards):
    ended = wards[0]
    Unit.objects.filter(pk=ended.pk).update(valid_to=REFORM)
    ended.refresh_from_db()
    with pytest.raises(ValidationError, match="đã chấm dứt hoạt động từ ngày 01/07/2025"):
        services.create_person(
            actor=office, code="moi-1", full_name="Lê Văn Mới", unit=ended, gender="male"
        )
    person = Person.objects.filter(unit=wards[1]).first()
    with pytest.raises(ValidationError, match="đã chấm dứt hoạt động"):
        services.update_person(actor=office, person=person, unit=ended)
    person.refresh_from_db()
    assert person.unit == wards[1]
    assert not Person.objects.filter(code="moi-1").exists()


def test_a_reorganisation_is_seen_only_by_the_council_that_records_it(client, office, draft):
    """Another council's office finds neither the page nor the row in its list."""
    from vinhdanh.awards.tests import two_levels

    reorganisation, _new, _other = draft
    assert reorganisation.council == office.council
    detail = reverse("org:reorganisation_detail", args=[reorganisation.pk])
    client.force_login(office)
    assert client.get(detail).status_code == 200
    assert reorganisation.name in client.get(reverse("org:reorganisation_list")).content.decode()
    client.force_login(two_levels.build().ward_office)
    assert client.get(detail).status_code == 404
    assert (
        reorganisation.name not in client.get(reverse("org:reorganisation_list")).content.decode()
    )


def test_a_council_reorganises_only_the_units_of_its_own_tree(client, office, draft):
    """Hoàng Mai's office cannot name a unit of another district, by service or by form."""
    reorganisation, _new, _other = draft
    outside = Unit.objects.create(
        code="quan-ba-dinh-cu",
        name="Ủy ban nhân dân quận Ba Đình",
        kind="government",
        level=Level.objects.get(code="district"),
        parent=Unit.objects.get(code="ha-noi"),
    )
    version = Reorganisation.objects.get(pk=reorganisation.pk).version
    with pytest.raises(
        ValidationError,
        match="“Ủy ban nhân dân quận Ba Đình” không thuộc Ủy ban nhân dân quận Hoàng Mai",
    ):
        reorganising.add_successor(
            actor=office, reorganisation=reorganisation, unit=outside, parts=[outside]
        )
    with pytest.raises(ValidationError, match="do Hội đồng Thi đua"):
        reorganising.set_dissolved(actor=office, reorganisation=reorganisation, units=[outside])
    reorganisation.refresh_from_db()
    assert reorganisation.version == version
    assert not reorganisation.dissolved.exists()
    assert not reorganisation.planned_units.filter(unit=outside).exists()
    client.force_login(office)
    page = client.get(reverse("org:reorganisation_detail", args=[reorganisation.pk]))
    assert f'value="{outside.pk}"' not in page.content.decode()
    assert f'value="{Unit.objects.get(code="phuong-dinh-cong").pk}"' in page.content.decode()
