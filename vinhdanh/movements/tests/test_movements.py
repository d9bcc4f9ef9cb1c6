import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document

from vinhdanh.audit.models import AuditEntry
from vinhdanh.movements import documents, selectors, services
from vinhdanh.movements.demo import MAIN
from vinhdanh.movements.models import Movement, MovementNotice, MovementStatus
from vinhdanh.org.models import Unit

pytestmark = pytest.mark.django_db


def _unit(code):
    return Unit.objects.get(code=code)


def _draft(actor, **extra):
    fields = {
        "name": "Thi đua chào mừng Đại hội",
        "kind": "campaign",
        "year": 2021,
        "starts_on": datetime.date(2021, 3, 1),
        "ends_on": datetime.date(2021, 6, 30),
        "goals": "Lập thành tích chào mừng",
        "criteria": "Hoàn thành chỉ tiêu\nKhông vi phạm",
    }
    fields.update(extra)
    fields.setdefault("launched_by", _unit("hoang-mai"))
    fields.setdefault("target_units", [_unit("phuong-hoang-liet"), _unit("phuong-dinh-cong")])
    return services.create_movement(actor, **fields)


def test_demo_has_the_seed_movements(demo):
    names = set(Movement.objects.filter(year=2021).values_list("name", flat=True))
    for expected in [
        "Cả nước chung tay vì người nghèo - không để ai bị bỏ lại phía sau",
        "Doanh nghiệp Thủ đô hội nhập và phát triển",
        "An toàn thực phẩm",
        "Sáng kiến, sáng tạo Hà Nội",
        "Người tốt, việc tốt",
        "Trật tự văn minh đô thị",
    ]:
        assert expected in names
    kinds = set(Movement.objects.values_list("kind", flat=True))
    assert kinds == {"regular", "campaign", "thematic"}
    assert Movement.objects.filter(parent__isnull=False, launched_by__code="phuong-dinh-cong")


def test_launch_notifies_targets_and_makes_it_visible(demo_user):
    office = demo_user("thuongtruc")
    officer = demo_user("canbo.hoangliet")
    movement = _draft(office)
    assert not selectors.movements_for(officer).filter(pk=movement.pk).exists()
    services.launch_movement(office, movement)
    movement.refresh_from_db()
    assert movement.status == MovementStatus.LAUNCHED
    assert selectors.movements_for(officer).filter(pk=movement.pk).exists()
    assert selectors.unread_notices(officer).filter(movement=movement).count() == 1
    assert MovementNotice.objects.filter(movement=movement).count() == 2
    assert AuditEntry.objects.filter(action="movements.movement.launch").exists()
    services.mark_notices_read(officer, movement)
    assert not selectors.unread_notices(officer).filter(movement=movement).exists()
    # The engine's refusal names the state the movement is in.
    with pytest.raises(ValidationError, match="trạng thái “Đã phát động”"):
        services.launch_movement(office, movement)


def test_launch_without_targets_is_refused(demo_user):
    office = demo_user("thuongtruc")
    movement = _draft(office, target_units=[])
    with pytest.raises(ValidationError, match="ít nhất một đơn vị"):
        services.launch_movement(office, movement)


def test_unit_officer_cannot_launch_district_movement(demo_user):
    movement = _draft(demo_user("thuongtruc"))
    with pytest.raises(PermissionDenied):
        services.launch_movement(demo_user("canbo.hoangliet"), movement)


def test_ward_cascades_a_district_movement(demo_user):
    office = demo_user("thuongtruc")
    officer = demo_user("canbo.hoangliet")
    parent = _draft(office)
    services.launch_movement(office, parent)
    ward = officer.unit
    child = services.create_movement(
        officer,
        name="Thi đua tại phường",
        kind="campaign",
        year=2021,
        launched_by=ward,
        starts_on=datetime.date(2021, 3, 5),
        ends_on=datetime.date(2021, 6, 30),
        parent=parent,
        target_units=[ward],
    )
    assert child.parent == parent
    services.launch_movement(officer, child)
    with pytest.raises(ValidationError, match="ngoài phạm vi"):
        services.create_movement(
            officer,
            name="Sai",
            kind="campaign",
            year=2021,
            launched_by=ward,
            starts_on=datetime.date(2021, 3, 5),
            ends_on=datetime.date(2021, 6, 30),
            target_units=[_unit("phuong-dinh-cong")],
        )


def test_end_before_start_is_refused_and_nothing_saved(demo_user):
    count = Movement.objects.count()
    with pytest.raises(ValidationError):
        _draft(demo_user("thuongtruc"), ends_on=datetime.date(2021, 1, 1))
    assert Movement.objects.count() == count


def test_launch_document_contains_the_movement(demo):
    movement = Movement.objects.get(name=MAIN)
    text = "\n".join(
        p.text for p in Document(io.BytesIO(documents.launch_document(movement))).paragraphs
    )
    assert "KẾ HOẠCH" in text
    assert MAIN in text
    assert "28/02/2021" in text


def test_attach_refuses_an_executable(demo_user):
    office = demo_user("thuongtruc")
    movement = _draft(office)
    with pytest.raises(ValidationError):
        services.attach_document(
            office, movement, title="Tệp", filename="virus.pdf", content=b"MZ\x90\x00" * 50
        )
    assert not movement.documents.exists()
    doc = services.attach_document(
        office, movement, title="Kế hoạch", filename="kh.pdf", content=b"%PDF-1.4\n%...\n"
    )
    assert doc.kind == "pdf"


def test_demo_load_is_idempotent(demo):
    from vinhdanh.movements import demo as movements_demo
    from vinhdanh.movements.models import Registration, RegistrationEntry
    from vinhdanh.scoring import demo as scoring_demo
    from vinhdanh.scoring.models import Ballot, ClusterProposal, Score

    models = [
        Movement,
        MovementNotice,
        Registration,
        RegistrationEntry,
        Score,
        Ballot,
        ClusterProposal,
    ]
    before = [m.objects.count() for m in models]
    movements_demo.load()
    scoring_demo.load()
    assert [m.objects.count() for m in models] == before
