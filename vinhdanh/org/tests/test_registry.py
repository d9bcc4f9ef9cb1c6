import pytest
from django.core.exceptions import ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org import services
from vinhdanh.org.models import Unit
from vinhdanh.org.tests import factories

pytestmark = pytest.mark.django_db


def test_unit_path_follows_the_tree_and_moves_with_its_parent():
    district = factories.unit("district", kind="government")
    ward = factories.unit("ward-a", parent=district)
    group = factories.unit("group-1", parent=ward, kind="small_collective")
    assert group.path == f"/{district.pk}/{ward.pk}/{group.pk}/"
    other = factories.unit("other-root", kind="government")
    ward.parent = other
    ward.save()
    group.refresh_from_db()
    assert group.path == f"/{other.pk}/{ward.pk}/{group.pk}/"
    assert [u.code for u in group.ancestors()] == ["other-root", "ward-a"]


def test_a_unit_cannot_become_its_own_ancestor():
    actor = factories.admin_user()
    district = factories.unit("district", kind="government")
    ward = factories.unit("ward-a", parent=district)
    with pytest.raises(ValidationError) as error:
        services.update_unit(actor=actor, unit=district, parent=ward)
    assert "không thể là cấp trên của chính nó" in str(error.value)
    district.refresh_from_db()
    assert district.parent is None
    assert not AuditEntry.objects.filter(action="org.unit.update").exists()


def test_duplicate_unit_and_person_codes_are_refused_in_vietnamese():
    actor = factories.admin_user()
    level = factories.level()
    services.create_unit(actor=actor, code="phuong-a", name="Phường A", kind="ward", level=level)
    with pytest.raises(ValidationError) as error:
        services.create_unit(
            actor=actor, code="phuong-a", name="Phường B", kind="ward", level=level
        )
    assert "Mã đơn vị này đã được dùng" in str(error.value)
    unit = Unit.objects.get(code="phuong-a")
    services.create_person(actor=actor, code="p1", full_name="Lê Văn An", unit=unit, gender="male")
    with pytest.raises(ValidationError) as error:
        services.create_person(
            actor=actor, code="p1", full_name="Lê Thị Hoa", unit=unit, gender="female"
        )
    assert "Mã cá nhân này đã được dùng" in str(error.value)


def test_person_form_refuses_a_unit_that_does_not_exist():
    from vinhdanh.org.forms import PersonForm

    form = PersonForm(
        data={"code": "p1", "full_name": "Lê Văn An", "unit": 999999, "gender": "male"},
        units=Unit.objects.all(),
    )
    assert not form.is_valid()
    assert form.errors["unit"] == ["Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn."]


def test_services_write_audit_entries_with_before_and_after():
    actor = factories.admin_user()
    ward = factories.unit("ward-a")
    person = services.create_person(
        actor=actor, code="p1", full_name="Lê Văn An", unit=ward, gender="male"
    )
    services.update_person(actor=actor, person=person, position="Chuyên viên")
    created, updated = AuditEntry.objects.filter(object_type="org.person", actor=actor).order_by(
        "pk"
    )
    assert (created.action, created.actor, created.before) == ("org.person.create", actor, None)
    assert created.after["full_name"] == "Lê Văn An"
    assert updated.action == "org.person.update"
    assert updated.before["position"] == ""
    assert updated.after["position"] == "Chuyên viên"
    assert updated.object_id == str(person.pk)
