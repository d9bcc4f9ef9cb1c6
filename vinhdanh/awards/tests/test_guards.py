"""The guards a careful clerk expects: the appraisal's overridden check needs its reason, the
public notice starts today or later for at least 10 working days (law.md §7.4: ND 152 Đ44
k2, nominee lists posted for 10 working days), documents carry the day of their event,
and a decision is not dated ahead nor before the last one of its register."""

import datetime

import pytest
import time_machine
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse

from vinhdanh.awards import guards, services
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.forms import AnnounceForm, DecideForm, HandOverForm
from vinhdanh.awards.models import Decision, Nomination, State
from vinhdanh.awards.tests.helpers import attach_all, new_draft, to_voted

D = datetime.date


# -- pure rules ----------------------------------------------------------------------------

FAILING = {"rule": "r1", "message": "Tỷ lệ cá nhân", "engine": False}


def test_a_failing_check_marked_passed_needs_a_reason():
    rows = [{**FAILING, "confirmed": True}]
    refusal = guards.appraisal_refusal(rows, passed=True, reasons="  ")
    assert "Tỷ lệ cá nhân" in refusal["reasons"] and "ghi rõ lý do" in refusal["reasons"]
    assert guards.appraisal_refusal(rows, passed=True, reasons="Đã xác minh bản gốc.") is None


def test_a_failing_check_left_failing_forbids_the_conclusion_passed():
    rows = [{**FAILING, "confirmed": False}]
    refusal = guards.appraisal_refusal(rows, passed=True, reasons="Lý do")
    assert "không thể kết luận “đạt”" in refusal[NON_FIELD_ERRORS]
    assert guards.appraisal_refusal(rows, passed=False, reasons="Không đạt") is None


def test_checks_the_rules_passed_need_no_reason():
    rows = [{"rule": "r", "message": "m", "engine": True, "confirmed": True}]
    assert guards.appraisal_refusal(rows, passed=True, reasons="") is None


NOTICE_TODAY = D(2021, 11, 1)


def _notice(start, end, *, count=10):
    return guards.notice_refusal(
        start,
        end,
        today=NOTICE_TODAY,
        working_days=count,
        earliest_end=D(2021, 11, 12),
        min_days=10,
    )


def test_a_notice_cannot_start_in_the_past():
    refusal = _notice(D(2021, 10, 29), D(2021, 11, 30))
    assert refusal["starts_on"] == (
        "Ngày bắt đầu công khai (29/10/2021) đã qua; chọn từ hôm nay (01/11/2021) trở đi."
    )


def test_a_notice_shorter_than_ten_working_days_is_refused_with_the_earliest_end():
    refusal = _notice(D(2021, 11, 1), D(2021, 11, 11), count=9)
    assert "ít nhất 10 ngày làm việc" in refusal["ends_on"]
    assert "chỉ có 9 ngày làm việc" in refusal["ends_on"]
    assert "Ngày kết thúc sớm nhất: 12/11/2021." in refusal["ends_on"]
    assert _notice(D(2021, 11, 1), D(2021, 11, 12)) is None


def test_a_notice_ending_before_it_starts_is_refused():
    assert "ends_on" in _notice(D(2021, 11, 5), D(2021, 11, 1), count=0)


class _Decision:
    reference = "07/QĐ-UBND"
    signed_on = D(2021, 12, 20)


def test_a_decision_needs_its_signing_day_not_ahead_and_not_before_the_register():
    today = D(2021, 12, 25)
    assert guards.decision_date_refusal(None, today=today)["signed_on"] == (
        "Cần nhập ngày ký quyết định."
    )
    ahead = guards.decision_date_refusal(D(2021, 12, 26), today=today)
    assert "chưa đến" in ahead["signed_on"]
    before = guards.decision_date_refusal(D(2021, 12, 19), today=today, last_in_register=_Decision)
    assert "sớm hơn quyết định gần nhất trong sổ năm 2021 (số 07/QĐ-UBND" in before["signed_on"]
    assert (
        guards.decision_date_refusal(D(2021, 12, 20), today=today, last_in_register=_Decision)
        is None
    )


# -- through the services and pages ----------------------------------------------------------

pytest_db = pytest.mark.django_db


def _submitted(demo_user):
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    return nomination


def _appraised(demo_user):
    nomination = _submitted(demo_user)
    services.appraise_nomination(
        demo_user("thuongtruc"),
        nomination,
        passed=True,
        reasons="Đủ tiêu chuẩn.",
        confirmed={row["rule"]: True for row in prefilled_checklist(nomination)[0]},
    )
    nomination.refresh_from_db()
    return nomination


ENGINE_FAILS = [
    {
        "rule": "ty_le_ca_nhan",
        "message": "Tỷ lệ cá nhân đạt danh hiệu",
        "basis": "Luật TĐKT Đ24",
        "engine": False,
        "unconfirmed": False,
    }
]


@pytest.fixture
def failing_rules(monkeypatch):
    """The rules engine finds one failing check on every dossier (the demo's pass all)."""

    def checklist(nomination):
        return [dict(row) for row in ENGINE_FAILS], "khong_dat", "Luật Thi đua, khen thưởng 2022"

    monkeypatch.setattr("vinhdanh.awards.services.review.prefilled_checklist", checklist)
    monkeypatch.setattr("vinhdanh.awards.forms.prefilled_checklist", checklist)


@pytest_db
def test_an_overridden_check_is_refused_without_reason_and_recorded_with_it(
    client, demo_user, failing_rules
):
    nomination = _submitted(demo_user)
    office = demo_user("thuongtruc")
    everything = {"ty_le_ca_nhan": True}
    with pytest.raises(ValidationError) as refused:
        services.appraise_nomination(office, nomination, passed=True, confirmed=everything)
    assert "“Tỷ lệ cá nhân đạt danh hiệu” được đối chiếu là không đạt" in refused.value.messages[0]
    assert Nomination.objects.get(pk=nomination.pk).state == State.SUBMITTED
    appraisal = services.appraise_nomination(
        office, nomination, passed=True, reasons="Đã xác minh bản gốc.", confirmed=everything
    )
    assert appraisal.checklist[0]["overridden"] is True
    assert appraisal.reasons == "Đã xác minh bản gốc."
    client.force_login(office)
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert 'data-testid="appraisal-override"' in page and "Đã xác minh bản gốc." in page


@pytest_db
def test_the_appraisal_form_shows_the_missing_reason(client, demo_user, failing_rules):
    nomination = _submitted(demo_user)
    client.force_login(demo_user("thuongtruc"))
    url = reverse("awards:nomination_step", args=[nomination.pk, "appraise"])
    data = {"version": nomination.version, "passed": "1", "note": "", "check_ty_le_ca_nhan": "1"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "cần ghi rõ lý do trong ý kiến thẩm định" in response.content.decode()
    assert Nomination.objects.get(pk=nomination.pk).state == State.SUBMITTED
    # Left failing, the conclusion "đạt" is refused whatever the reason.
    data.update({"check_ty_le_ca_nhan": "0", "note": "Lý do"})
    refused = client.post(url, data)
    assert "không thể kết luận “đạt”" in refused.content.decode()


@pytest_db
def test_a_bulk_appraisal_leaves_a_failing_dossier_to_its_own_page(
    client, demo_user, failing_rules, monkeypatch
):
    monkeypatch.setattr(
        "vinhdanh.awards.services.bulk.prefilled_checklist",
        lambda n: ([dict(row) for row in ENGINE_FAILS], "khong_dat", ""),
    )
    nomination = _submitted(demo_user)
    client.force_login(demo_user("thuongtruc"))
    page = client.post(
        reverse("awards:bulk_confirm"), {"action": "appraise", "nominations": [nomination.pk]}
    ).content.decode()
    assert "Đối chiếu tự động có tiêu chí chưa đạt (Tỷ lệ cá nhân đạt danh hiệu)" in page
    assert f'name="nominations" value="{nomination.pk}"' not in page


@pytest_db
def test_a_notice_in_the_past_or_too_short_is_refused_and_nothing_moves(demo_user):
    nomination = _appraised(demo_user)
    office = demo_user("thuongtruc")
    today = datetime.date.today()
    with pytest.raises(ValidationError) as past:
        services.announce_nomination(
            office, nomination, starts_on=today - datetime.timedelta(days=1), ends_on=today
        )
    assert "đã qua" in past.value.message_dict["starts_on"][0]
    with pytest.raises(ValidationError) as short:
        services.announce_nomination(office, nomination, starts_on=today, ends_on=today)
    assert "ít nhất 10 ngày làm việc" in short.value.message_dict["ends_on"][0]
    nomination.refresh_from_db()
    assert nomination.state == State.APPRAISED and not nomination.notices.exists()


@pytest_db
@time_machine.travel(datetime.datetime(2027, 1, 28, 9, 0), tick=False)
def test_tet_lengthens_the_notice(demo_user):
    """From Thursday 28/01/2027, Tết Đinh Mùi (04–10/02 off) is not counted."""
    nomination = _appraised(demo_user)
    office = demo_user("thuongtruc")
    start = D(2027, 1, 28)
    # Without Tết ten working days would end on Wednesday 10/02.
    with pytest.raises(ValidationError) as refused:
        services.announce_nomination(office, nomination, starts_on=start, ends_on=D(2027, 2, 10))
    assert "Ngày kết thúc sớm nhất: 17/02/2027." in refused.value.message_dict["ends_on"][0]
    notice = services.announce_nomination(
        office, nomination, starts_on=start, ends_on=D(2027, 2, 17)
    )
    assert notice.ends_on == D(2027, 2, 17)


@pytest_db
def test_the_announce_form_starts_today_and_proposes_the_earliest_end(demo_user):
    nomination = _appraised(demo_user)
    form = AnnounceForm(nomination=nomination, user=demo_user("thuongtruc"))
    today = datetime.date.today()
    assert form.initial["starts_on"] == today
    assert form.initial["ends_on"] == guards.earliest_notice_end(today)
    assert "10 ngày làm việc" in str(form.fields["ends_on"].help_text)


@pytest_db
def test_the_signing_and_hand_over_days_are_typed_not_today(client, demo_user):
    voted = to_voted(demo_user, new_draft(demo_user))
    assert "signed_on" not in DecideForm(nomination=voted).initial
    assert "on" not in HandOverForm(nomination=voted).initial
    client.force_login(demo_user("chutich"))
    url = reverse("awards:nomination_step", args=[voted.pk, "decide"])
    response = client.post(url, {"version": voted.version})
    assert "Cần nhập ngày ký quyết định." in response.content.decode()
    assert Nomination.objects.get(pk=voted.pk).state == State.VOTED


@pytest_db
def test_a_decision_ahead_or_before_its_register_is_refused(demo_user):
    chair = demo_user("chutich")
    first = to_voted(demo_user, new_draft(demo_user))
    with pytest.raises(ValidationError) as ahead:
        services.issue_decision(
            chair, [first], signed_on=datetime.date.today() + datetime.timedelta(days=1)
        )
    assert "chưa đến" in ahead.value.message_dict["signed_on"][0]
    last = Decision.objects.filter(year=2021, number__isnull=False).order_by("-signed_on").first()
    with pytest.raises(ValidationError) as before:
        services.issue_decision(
            chair, [first], signed_on=last.signed_on - datetime.timedelta(days=1)
        )
    assert f"(số {last.reference}" in before.value.message_dict["signed_on"][0]
    with pytest.raises(ValidationError) as undated:
        services.issue_decision(chair, [first])
    assert undated.value.message_dict["signed_on"] == ["Cần nhập ngày ký quyết định."]
    decision = services.issue_decision(chair, [first], signed_on=last.signed_on)
    assert decision.number == last.number + 1


@pytest_db
def test_a_hand_over_or_letter_ahead_of_today_is_refused(demo_user):
    voted = to_voted(demo_user, new_draft(demo_user))
    services.issue_decision(demo_user("chutich"), [voted], signed_on=D(2021, 12, 22))
    voted.refresh_from_db()
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.hand_over(demo_user("thuongtruc"), voted, on=tomorrow)
    assert "chưa đến" in refused.value.message_dict["on"][0]
    assert Nomination.objects.get(pk=voted.pk).state == State.DECIDED
    officer = demo_user("canbo.hoangliet")
    draft = new_draft(demo_user)
    attach_all(demo_user, draft)
    batch = services.create_batch(
        officer, unit=officer.unit, year=2021, name="Đợt", nominations=[draft]
    )
    with pytest.raises(ValidationError) as letter:
        services.submit_batch(officer, batch, letter_number="01", letter_date=tomorrow)
    assert "Ngày tờ trình" in letter.value.message_dict["letter_date"][0]


@pytest_db
def test_a_nomination_or_batch_of_year_99999_is_refused(client, demo_user):
    officer = demo_user("canbo.hoangliet")
    draft = new_draft(demo_user)
    with pytest.raises(ValidationError) as refused:
        services.update_nomination(officer, draft, year=99999)
    assert "Năm 99999 không hợp lệ" in refused.value.message_dict["year"][0]
    with pytest.raises(ValidationError):
        services.create_batch(officer, unit=officer.unit, year=99999, name="Đợt")
    client.force_login(officer)
    response = client.post(
        reverse("awards:nomination_edit", args=[draft.pk]),
        {
            "version": draft.version,
            "title": draft.title_id,
            "basis": draft.basis_id,
            "year": "99999",
            "achievements": "Thành tích",
        },
    )
    assert "Nhập năm từ 1945 đến 2100." in response.content.decode()
    assert Nomination.objects.get(pk=draft.pk).year == 2021


@pytest_db
def test_a_higher_decision_ahead_of_today_is_refused(demo_user):
    forwarded = Nomination.objects.filter(state=State.FORWARDED).order_by("pk").first()
    with pytest.raises(ValidationError) as refused:
        services.record_higher_decision(
            demo_user("thuongtruc"),
            forwarded,
            issuer_name="UBND Thành phố",
            reference="12/QĐ-UBND",
            signed_on=datetime.date.today() + datetime.timedelta(days=2),
        )
    assert "Ngày ký quyết định" in refused.value.message_dict["signed_on"][0]
    assert Nomination.objects.get(pk=forwarded.pk).state == State.FORWARDED


@pytest_db
def test_revoking_and_closing_a_vote_ask_for_confirmation(client, demo_user):
    client.force_login(demo_user("chutich"))
    decided = Nomination.objects.filter(state=State.DECIDED).order_by("pk").first()
    page = client.get(reverse("awards:nomination_detail", args=[decided.pk])).content.decode()
    revoke = page.split('data-testid="revoke-certificate"')[1].split(">")[0]
    assert "data-confirm=" in revoke and "không hoàn tác được" in revoke
    decision = client.get(reverse("awards:decision_detail", args=[decided.decision_id]))
    revoke_all = decision.content.decode().split('data-testid="revoke-decision"')[1].split(">")[0]
    assert "data-confirm=" in revoke_all
    client.force_login(demo_user("thuongtruc"))
    voting = Nomination.objects.filter(state=State.VOTING).order_by("pk").first()
    page = client.get(reverse("awards:nomination_detail", args=[voting.pk])).content.decode()
    close = page.split('data-testid="step-close_vote"')[1].split("</form>")[0]
    assert "data-confirm=" in close
