"""Dossiers that travel up and decisions that come back down, between a ward and its city."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tests.html_text import element_text
from vinhdanh.accounts import access
from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards import selectors, services
from vinhdanh.awards.documents_out import decision_docx
from vinhdanh.awards.models import Nomination, State, Submission
from vinhdanh.awards.scopes import sent_to_my_council
from vinhdanh.awards.selectors import awards_history
from vinhdanh.awards.tests.two_levels import build, through_the_council, voted_at_the_ward
from vinhdanh.awards.workflows import NOMINATIONS, STEP_ACTIONS
from vinhdanh.org.models import Council
from vinhdanh.records.history import award_facts

# The moves of the table only two councils can make: test_workflow_engine leaves them here.
UPWARD_MOVES = {
    ("forward", State.RETURNED_FROM_ABOVE, State.FORWARDED),
    ("send_back", State.SUBMITTED, State.SENT_BACK),
    ("send_back", State.APPRAISED, State.SENT_BACK),
    ("send_back", State.REJECTED, State.SENT_BACK),
    ("send_back", State.NOT_APPROVED, State.SENT_BACK),
    ("returned_above", State.FORWARDED, State.RETURNED_FROM_ABOVE),
    ("decided_above", State.FORWARDED, State.DECIDED),
}


@pytest.fixture
def levels(demo):
    return build()


def _page(client, user, nomination) -> str:
    client.force_login(user)
    response = client.get(reverse("awards:nomination_detail", args=[nomination.pk]))
    assert response.status_code == 200
    return element_text(response.content.decode(), tag="body")


def _step(client, user, nomination, action, data):
    client.force_login(user)
    url = reverse("awards:nomination_step", args=[nomination.pk, action])
    return client.post(url, {"version": nomination.version, **data})


def _forward(client, levels, nomination, **data):
    return _step(
        client,
        levels.ward_office,
        nomination,
        "forward",
        {"to_council": levels.city.pk, "letter_date": datetime.date.today().isoformat(), **data},
    )


def _steps(user, nomination) -> set[str]:
    """The steps a page offers (what the council above did reaches the original by itself)."""
    return {a.name for a in NOMINATIONS.available(user, nomination) if a.name in STEP_ACTIONS}


def _received(nomination) -> Nomination:
    return nomination.copies_above.order_by("-pk").first()


def test_the_ward_sends_up_and_the_citys_decision_comes_back(client, levels):
    original = voted_at_the_ward(levels)
    page = _page(client, levels.ward_office, original)
    assert "Trình cấp trên" in page and "Ban hành quyết định" not in page.split("Xử lý hồ sơ")[1]

    response = _forward(client, levels, original, letter_number="15/TTr-UBND")
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.state == State.FORWARDED
    submission = original.submission
    assert (submission.from_council, submission.to_council) == (levels.ward, levels.city)
    copy = _received(original)
    assert (copy.state, copy.received_in, copy.unit) == (State.SUBMITTED, submission, original.unit)
    # Each council lists its own dossier: the ward its original, the city the received one.
    listed = {n.pk for n in selectors.nominations_for(levels.ward_office, year=2025)}
    assert original.pk in listed and copy.pk not in listed
    assert copy.pk in {n.pk for n in selectors.nominations_for(levels.city_office, year=2025)}
    # The files travel as copies of their own, the vote record and the tờ trình with them.
    originals = [
        (a.component_id, a.original_name, a.file.read()) for a in original.attachments.all()
    ]
    copies = [(a.component_id, a.original_name, a.file.read()) for a in copy.attachments.all()]
    assert copies == originals and copies
    assert {a.file.name for a in copy.attachments.all()}.isdisjoint(
        a.file.name for a in original.attachments.all()
    )
    assert "đồng ý 3/3 thành viên" in copy.lower_vote and levels.ward.name in copy.lower_vote
    letter = Document(io.BytesIO(submission.letter.read()))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert f"Kính gửi: {levels.city.name}" in text
    table = "\n".join(cell.text for row in letter.tables[-1].rows for cell in row.cells)
    assert levels.person.full_name in table and "đồng ý 3/3" in table

    client.force_login(levels.city_office)
    inbox = element_text(client.get(reverse("awards:inbox")).content.decode(), tag="body")
    assert levels.ward.name in inbox and levels.person.full_name in inbox
    assert "15/TTr-UBND" in inbox
    letter_url = reverse("awards:submission_letter", args=[submission.pk])
    assert client.get(letter_url).status_code == 200
    assert f"Hồ sơ do {levels.ward.name} trình" in _page(client, levels.city_office, copy)

    # The city appraises, announces and votes in the same workflow, then decides.
    copy = through_the_council(copy, levels.city_office)
    assert copy.state == State.VOTED
    assert copy.votes.first().council == levels.city
    page = _page(client, levels.city_chair, copy)
    assert "Trình cấp trên" not in page  # the city may confer a Bằng khen of its Chairman
    signed = timezone.localdate()
    response = _step(client, levels.city_chair, copy, "decide", {"signed_on": signed.isoformat()})
    assert response.status_code == 302
    copy.refresh_from_db()
    original.refresh_from_db()
    decision = copy.decision
    assert decision.issuer == levels.city.unit and decision.number is not None
    assert (original.state, original.decision) == (State.DECIDED, decision)
    step = original.transitions.get(action="decided_above")
    assert step.actor == levels.city_chair and decision.reference in step.note

    # The city's decision lists the person once, though both dossiers carry it.
    annex = Document(io.BytesIO(decision_docx(decision))).tables[-1]
    # One row per award, then the bonus total.
    assert [row.cells[1].text for row in annex.rows[1:]] == [levels.person.full_name, "Tổng cộng"]
    ward_page = _page(client, levels.ward_office, original)
    assert f"Quyết định {decision.reference} ngày {signed:%d/%m/%Y}" in ward_page
    assert "Tại cấp trên: Đã có quyết định" in ward_page
    # Into the person's history once: the original carries the award, not its copy.
    history = awards_history(levels.person)
    assert [n.pk for year in history for n in year["awards"]] == [original.pk]
    facts = award_facts("person", [levels.person.pk])
    assert [(f.title_code, f.reference) for f in facts if f.year == 2025] == [
        ("bang_khen_tinh", decision.reference)
    ]


def test_the_city_returns_a_dossier_with_reasons_and_the_ward_sends_it_again(client, levels):
    original = voted_at_the_ward(levels)
    _forward(client, levels, original)
    original.refresh_from_db()
    copy = _received(original)

    refused = _step(client, levels.city_office, copy, "send_back", {"note": " "})
    assert refused.status_code == 400
    assert "Cần ghi rõ lý do trả lại cấp dưới." in refused.content.decode()

    reasons = "Thiếu xác nhận của cơ quan thuế."
    response = _step(client, levels.city_office, copy, "send_back", {"note": reasons})
    assert response.status_code == 302
    copy.refresh_from_db()
    original.refresh_from_db()
    assert (copy.state, original.state) == (State.SENT_BACK, State.RETURNED_FROM_ABOVE)
    assert original.transitions.get(action="returned_above").note == reasons
    page = _page(client, levels.ward_office, original)
    assert f"Lý do cấp trên trả lại: {reasons}" in page
    assert "Tại cấp trên: Đã trả lại cấp dưới" in page
    assert AuditEntry.objects.filter(
        action="awards.nomination.returned_above", object_id=str(original.pk)
    ).exists()

    client.force_login(levels.ward_office)
    home = element_text(client.get(reverse("home:index")).content.decode(), tag="body")
    assert "Hồ sơ cấp trên trả lại 1" in home

    # Supplemented, it goes up again as a new received dossier; the old one stays closed.
    original.refresh_from_db()
    assert _forward(client, levels, original).status_code == 302
    original.refresh_from_db()
    again = _received(original)
    assert again.pk != copy.pk and again.state == State.SUBMITTED
    assert original.copies_above.count() == 2


def test_a_received_dossier_is_the_higher_councils_to_handle(levels):
    original = voted_at_the_ward(levels)
    services.forward_to_higher_level(levels.ward_office, original, to_council=levels.city)
    copy = _received(original)
    # The ward's own staff may not appraise or send back what the city holds ...
    assert _steps(levels.ward_office, copy) == set()
    with pytest.raises(PermissionDenied):
        services.send_back(levels.ward_office, copy, reasons="x")
    # ... and the city does not act on the ward's original.
    original.refresh_from_db()
    assert _steps(levels.city_office, original) == set()
    names = _steps(levels.city_office, copy)
    # A received dossier goes back to its sender, not to "supplement and resubmit".
    assert names == {"appraise", "send_back"}


def test_forwarding_to_a_council_that_is_not_above_changes_nothing(client, levels, demo_user):
    original = voted_at_the_ward(levels)
    sent_before = Submission.objects.count()
    sibling = Council.objects.get(unit__code="hoang-mai")  # the district's, not the ward's
    with pytest.raises(ValidationError) as refused:
        services.forward_to_higher_level(levels.ward_office, original, to_council=sibling)
    assert (
        "không phải Hội đồng cấp trên của Hội đồng Thi đua - Khen thưởng phường Tương Mai"
        in (refused.value.messages[0])
    )
    original.refresh_from_db()
    assert original.state == State.VOTED and Submission.objects.count() == sent_before
    # A page posting it gets the form's refusal, and nothing is sent either.
    response = _step(client, levels.ward_office, original, "forward", {"to_council": sibling.pk})
    assert response.status_code == 400
    assert "Chỉ trình hồ sơ lên Hội đồng của đơn vị cấp trên." in response.content.decode()
    # Nor may the city send its own dossiers "up" to the ward below it.
    assert services.councils_above(levels.city) == []
    assert services.council_above(levels.ward) == levels.city
    original.refresh_from_db()
    assert original.state == State.VOTED and Submission.objects.count() == sent_before


def test_the_forward_step_is_offered_only_beyond_the_councils_authority(levels):
    own = voted_at_the_ward(levels, title_code="giay_khen")  # a ward Chairman's Giấy khen
    assert "forward" not in _steps(levels.ward_office, own)
    assert "decide" in _steps(levels.ward_chair, own)
    with pytest.raises(ValidationError) as refused:
        services.forward_to_higher_level(levels.ward_office, own, to_council=levels.city)
    assert (
        "“Giấy khen” thuộc thẩm quyền của Hội đồng Thi đua - Khen thưởng phường"
        in (refused.value.messages[0])
    )
    above = voted_at_the_ward(levels)  # the city Chairman's Bằng khen
    assert "forward" in _steps(levels.ward_office, above)


def test_a_batch_travels_as_one_submission(client, levels):
    first, second = voted_at_the_ward(levels), voted_at_the_ward(levels)
    client.force_login(levels.ward_office)
    response = client.post(
        reverse("awards:forward_selected"),
        {"nominations": [first.pk, second.pk], "letter_number": "20/TTr-UBND"},
    )
    assert response.status_code == 302
    submission = Submission.objects.get(from_council=levels.ward)
    assert (submission.to_council, submission.letter_number) == (levels.city, "20/TTr-UBND")
    assert set(submission.nominations.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert submission.received.count() == 2
    letter = Document(io.BytesIO(submission.letter.read()))
    assert len(letter.tables[-1].rows) == 3  # the header and both dossiers


def test_one_dossier_that_may_not_go_up_stops_the_whole_batch(levels):
    up, own = voted_at_the_ward(levels), voted_at_the_ward(levels, title_code="giay_khen")
    sent_before = Submission.objects.count()
    with pytest.raises(ValidationError):
        services.forward_nominations(levels.ward_office, [up, own])
    up.refresh_from_db()
    assert up.state == State.VOTED and Submission.objects.count() == sent_before
    assert not Nomination.objects.filter(forwarded_from=up).exists()


def test_the_city_sees_what_was_sent_to_it_whatever_the_unit_scope(levels):
    original = voted_at_the_ward(levels)
    services.forward_to_higher_level(levels.ward_office, original, to_council=levels.city)
    copy = _received(original)
    sent = Nomination.objects.filter(sent_to_my_council(levels.city_office))
    assert set(sent) == {original, copy}
    # The widening is the council's staff's: a unit's officer keeps their own unit's view.
    assert not Nomination.objects.filter(sent_to_my_council(levels.ward_officer)).exists()
    assert not Nomination.objects.filter(sent_to_my_council(levels.ward_office)).exists()
    original.refresh_from_db()
    assert access.can(levels.city_office, access.VIEW, original.submission)
    # A unit's officer elsewhere sees neither the letter nor the dossiers.
    assert not access.can(User.objects.get(username="canbo.dinhcong"), access.VIEW, copy)


def test_each_upward_move_of_the_table_is_covered_here():
    table = {
        (action.name, source, target)
        for action in NOMINATIONS.actions.values()
        for source in action.sources
        for target in action.targets
    }
    assert table >= UPWARD_MOVES


@pytest.mark.parametrize("source", [State.APPRAISED, State.REJECTED, State.NOT_APPROVED])
def test_the_city_may_send_back_after_its_appraisal_or_vote(levels, source):
    original = voted_at_the_ward(levels)
    services.forward_to_higher_level(levels.ward_office, original, to_council=levels.city)
    copy = _received(original)
    Nomination.objects.filter(pk=copy.pk).update(state=source)
    copy.refresh_from_db()
    services.send_back(levels.city_office, copy, reasons="Không đủ tiêu chuẩn")
    copy.refresh_from_db()
    original.refresh_from_db()
    assert (copy.state, original.state) == (State.SENT_BACK, State.RETURNED_FROM_ABOVE)
    assert copy.transitions.get(action="send_back").from_state == source


def test_a_higher_decision_typed_in_for_a_received_dossier_reaches_the_ward(levels):
    original = voted_at_the_ward(levels)
    services.forward_to_higher_level(levels.ward_office, original, to_council=levels.city)
    copy = through_the_council(_received(original), levels.city_office)
    # A state award: the city sends it on to a body outside the instance.
    Nomination.objects.filter(pk=copy.pk).update(
        title=type(copy.title).objects.get(code="bang_khen_thu_tuong")
    )
    copy.refresh_from_db()
    services.forward_to_higher_level(levels.city_office, copy, external_body="Thủ tướng Chính phủ")
    copy.refresh_from_db()
    decision = services.record_higher_decision(
        levels.city_office, copy, issuer_name="Thủ tướng Chính phủ", reference="123/QĐ-TTg",
        signed_on=datetime.date(2026, 3, 1),
    )  # fmt: skip
    original.refresh_from_db()
    assert (original.state, original.decision) == (State.DECIDED, decision)
    assert "123/QĐ-TTg" in original.transitions.get(action="decided_above").note
