"""The scoring forms and the sheet's closing rule on their own: no database."""

import datetime
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from vinhdanh.org.models import Unit
from vinhdanh.scoring.forms import (
    BallotActionForm,
    CastBallotForm,
    EvidenceForm,
    OpenBallotForm,
    ScoresForm,
)
from vinhdanh.scoring.models import CriteriaSheet, Criterion, Score, SheetState
from vinhdanh.scoring.workflows import FINAL, REVIEW, SELF, sheet_closed_reason


def _scores():
    first = Criterion(pk=11, code="1.1", text="Chỉ tiêu", max_points=Decimal(30), kind="standard")
    second = Criterion(pk=12, code="1.2", text="Dịch bệnh", max_points=Decimal(20), kind="standard")
    return [
        Score(criterion=first, self_points=Decimal("25.5"), evidence="Báo cáo", version=3),
        Score(criterion=second, review_points=Decimal(10), review_reason="Thiếu", version=1),
    ]


def test_the_form_shows_each_stages_own_points_and_note():
    form = ScoresForm(_scores(), SELF)
    assert form["points-11"].value() == Decimal("25.5")
    assert form["note-11"].value() == "Báo cáo"
    assert form["version-11"].value() == 3
    assert 'placeholder="Minh chứng"' in str(form["note-11"])
    review = ScoresForm(_scores(), REVIEW)
    assert review["points-12"].value() == Decimal(10)
    assert 'aria-label="Lý do 1.2"' in str(review["note-12"])
    assert 'aria-label="Điểm 1.2"' in str(review["points-12"])


def test_only_the_criteria_the_page_posted_are_changed():
    form = ScoresForm(_scores(), REVIEW, {"points-12": "9", "note-12": "Sai", "version-12": "1"})
    assert form.is_valid(), form.errors
    assert form.changes == {12: ("9", "Sai")}
    assert form.versions == {12: 1}


def test_a_criterion_posted_without_its_version_counts_as_stale():
    form = ScoresForm(_scores(), FINAL, {"points-11": "20", "note-11": "Hội đồng"})
    assert form.is_valid()
    assert form.versions == {11: -1}


def test_points_the_rules_refuse_are_shown_on_their_field():
    form = ScoresForm(_scores(), SELF, {"points-11": "31", "points-12": "abc", "version-11": "3"})
    assert not form.is_valid()
    assert form.errors["points-11"] == ["Tiêu chí 1.1: 31 vượt quá điểm tối đa 30."]
    assert "không phải là số điểm" in form.errors["points-12"][0]


def test_evidence_needs_a_criterion_of_the_card_and_a_file():
    form = EvidenceForm(_scores(), {"criterion": "99"}, {})
    assert not form.is_valid()
    assert form.errors["criterion"] == ["Có tiêu chí không thuộc bảng điểm này."]
    assert form.errors["file"] == ["Vui lòng chọn tiêu chí và tệp minh chứng."]
    upload = SimpleUploadedFile("bc.pdf", b"%PDF-1.4\n%%EOF\n")
    form = EvidenceForm(_scores(), {"criterion": "12"}, {"file": upload})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["criterion"] == 12 and form.cleaned_data["file"][0].kind == "pdf"
    assert 'id="evidence-criterion"' in str(form["criterion"])


def test_opening_a_ballot_reads_numbers_in_range():
    form = OpenBallotForm({"title": "", "seats": "0", "days": "ba"})
    assert not form.is_valid()
    assert form.errors["seats"] == ["Số đơn vị được suy tôn từ 1 đến 10."]
    assert form.errors["days"] == ["Số ngày bỏ phiếu phải là một số (từ 1 đến 60)."]
    assert OpenBallotForm({"seats": "2", "days": "3"}).is_valid()


def test_a_ballot_chooses_among_the_members_only():
    members = [Unit(pk=1, name="Phường Một"), Unit(pk=2, name="Phường Hai")]
    form = CastBallotForm(members, {"unit": ["2", "7"]})
    assert not form.is_valid()
    assert form.errors["unit"] == ["Chỉ được chọn các đơn vị thành viên của cụm."]
    form = CastBallotForm(members, {"unit": ["2"]})
    assert form.is_valid() and form.cleaned_data["unit"] == [2]
    assert "Phường Hai" in str(form["unit"])
    assert CastBallotForm(members, {}).is_valid()  # a blank paper is a vote too


def test_a_ballot_action_is_one_of_the_two():
    assert BallotActionForm({"action": "propose", "version": "2"}).is_valid()
    assert BallotActionForm({}).is_valid()
    assert not BallotActionForm({"action": "delete"}).is_valid()


@time_machine.travel(datetime.datetime(2021, 12, 10, 9, 0, tzinfo=datetime.UTC))
def test_a_sheet_closes_to_units_at_its_deadline_and_to_everyone_when_finalised():
    open_sheet = CriteriaSheet(state=SheetState.OPEN, deadline=datetime.date(2021, 12, 15))
    assert sheet_closed_reason(open_sheet, SELF) is None
    past = CriteriaSheet(state=SheetState.OPEN, deadline=datetime.date(2021, 12, 5))
    assert "đã khóa (hạn chấm điểm 05/12/2021)" in sheet_closed_reason(past, REVIEW)
    assert sheet_closed_reason(past, FINAL) is None
    locked = CriteriaSheet(state=SheetState.LOCKED, deadline=None)
    assert "hạn chấm điểm —" in sheet_closed_reason(locked, SELF)
    assert sheet_closed_reason(locked, FINAL) is None
    final = CriteriaSheet(state=SheetState.FINALISED)
    assert sheet_closed_reason(final, FINAL) == "Kết quả chấm điểm đã được chốt, không sửa được."
