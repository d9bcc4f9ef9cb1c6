"""The pages' forms: what each step asks for, the Vietnamese reasons of a refusal shown on the
same page, and the buttons offered exactly as the permissions and the table allow."""

import datetime

import pytest
from django.urls import reverse

from vinhdanh.awards import services
from vinhdanh.awards.models import (
    Batch,
    Choice,
    Decision,
    DecisionState,
    Nomination,
    Objection,
    State,
)
from vinhdanh.awards.tests.helpers import DEMO_PDF, attach_all, new_draft, to_voted

pytestmark = pytest.mark.django_db


def _in(state) -> Nomination:
    return Nomination.objects.filter(state=state).order_by("pk").first()


def _step(client, nomination, action, data):
    url = reverse("awards:nomination_step", args=[nomination.pk, action])
    return client.post(url, {"version": nomination.version, **data})


def _page(client, nomination) -> str:
    return client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()


def test_the_page_offers_the_steps_the_table_and_permissions_allow(client, demo_user):
    submitted = _in(State.SUBMITTED)
    client.force_login(demo_user("thuongtruc"))
    page = _page(client, submitted)
    assert 'data-testid="step-return"' in page and 'data-testid="step-appraise"' in page
    assert 'data-testid="step-submit"' not in page
    assert f'name="version" value="{submitted.version}"' in page
    client.force_login(demo_user("uyvien"))
    assert 'data-testid="actions"' not in _page(client, submitted)


def test_a_return_without_a_reason_is_refused_on_the_form(client, demo_user):
    nomination = _in(State.SUBMITTED)
    client.force_login(demo_user("thuongtruc"))
    response = _step(client, nomination, "return", {"note": "  "})
    assert response.status_code == 400
    assert "Cần ghi rõ lý do trả lại và nội dung cần bổ sung." in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.state == State.SUBMITTED


def test_the_appraisal_form_carries_the_checklist_and_the_conclusion(client, demo_user):
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    client.force_login(demo_user("thuongtruc"))
    page = _page(client, nomination)
    assert 'name="check_muc_hoan_thanh_nhiem_vu"' in page
    # One finding marked "không đạt" and the conclusion "đạt": the service refuses.
    refused = _step(
        client,
        nomination,
        "appraise",
        {"passed": "1", "check_muc_hoan_thanh_nhiem_vu": "0", "check_tieu_chuan_cua_tinh": "1"},
    )
    assert refused.status_code == 400
    assert "Còn tiêu chí không đạt" in refused.content.decode()
    response = _step(
        client,
        nomination,
        "appraise",
        {
            "passed": "1",
            "check_muc_hoan_thanh_nhiem_vu": "1",
            "check_tieu_chuan_cua_tinh": "1",
            "note": "Đủ tiêu chuẩn.",
        },
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    appraisal = nomination.appraisals.get()
    assert (nomination.state, appraisal.reasons) == (State.APPRAISED, "Đủ tiêu chuẩn.")
    confirmed = {row["rule"]: row["confirmed"] for row in appraisal.checklist}
    assert (
        confirmed.items() >= {"muc_hoan_thanh_nhiem_vu": True, "tieu_chuan_cua_tinh": True}.items()
    )


def test_an_appraisal_without_a_conclusion_is_refused(client, demo_user):
    nomination = _in(State.SUBMITTED)
    client.force_login(demo_user("thuongtruc"))
    response = _step(client, nomination, "appraise", {})
    assert "Chọn kết luận thẩm định: đạt hoặc không đạt." in response.content.decode()
    assert Nomination.objects.get(pk=nomination.pk).state == State.SUBMITTED


def test_the_announcement_asks_for_its_dates_and_their_order(client, demo_user):
    nomination = _in(State.APPRAISED)
    client.force_login(demo_user("thuongtruc"))
    page = _page(client, nomination)
    today = datetime.date.today().isoformat()
    assert f'name="starts_on" value="{today}"' in page
    missing = _step(client, nomination, "announce", {"starts_on": "", "ends_on": ""})
    assert "Cần nhập ngày bắt đầu và kết thúc công khai." in missing.content.decode()
    start = datetime.date.today() + datetime.timedelta(days=7)
    end = start + datetime.timedelta(days=30)
    backwards = _step(
        client,
        nomination,
        "announce",
        {"starts_on": end.isoformat(), "ends_on": start.isoformat()},
    )
    assert "Ngày kết thúc công khai phải sau ngày bắt đầu." in backwards.content.decode()
    response = _step(
        client,
        nomination,
        "announce",
        {"starts_on": start.isoformat(), "ends_on": end.isoformat(), "where": "Nhà văn hoá"},
    )
    assert response.status_code == 302
    notice = nomination.notices.get()
    assert (notice.starts_on, notice.ends_on, notice.where) == (
        start, end, "Nhà văn hoá",
    )  # fmt: skip


def test_the_higher_decision_and_the_hand_over_ask_for_what_they_record(client, demo_user):
    forwarded = _in(State.FORWARDED)
    client.force_login(demo_user("thuongtruc"))
    refused = _step(client, forwarded, "record_higher", {"issuer_name": "UBND Thành phố"})
    text = refused.content.decode()
    assert "Cần nhập số, ký hiệu quyết định." in text and "Cần nhập ngày ký quyết định." in text
    decided = _in(State.DECIDED)
    bad_day = _step(client, decided, "hand_over", {"on": "31/02/2021"})
    assert "Ngày không hợp lệ." in bad_day.content.decode()
    assert _step(client, decided, "hand_over", {"on": "2021-12-28"}).status_code == 302
    decided.refresh_from_db()
    assert (decided.state, decided.handed_over_on) == (
        State.HANDED_OVER,
        datetime.date(2021, 12, 28),
    )


def test_deciding_from_the_page_issues_a_decision(client, demo_user):
    voted = to_voted(demo_user, new_draft(demo_user))
    client.force_login(demo_user("chutich"))
    response = _step(client, voted, "decide", {"signed_on": "2021-12-20"})
    voted.refresh_from_db()
    assert voted.state == State.DECIDED
    assert response.url == reverse("awards:nomination_detail", args=[voted.pk])


def test_a_step_the_user_may_not_take_is_refused_on_the_page(client, demo_user):
    nomination = _in(State.VOTED)
    client.force_login(demo_user("thuongtruc"))
    response = _step(client, nomination, "decide", {"signed_on": "2021-12-20"})
    assert response.status_code == 400
    assert "Bạn không có quyền thực hiện thao tác này." in response.content.decode()
    assert Nomination.objects.get(pk=nomination.pk).state == State.VOTED


def test_ballots_through_the_page(client, demo_user):
    nomination = _in(State.VOTING)
    vote = nomination.votes.first()
    client.force_login(demo_user("uyvien"))
    assert 'data-testid="my-ballot"' in _page(client, nomination)
    url = reverse("awards:ballot_cast", args=[nomination.pk])
    refused = client.post(url, {"choice": "maybe"})
    assert refused.status_code == 400 and "Lựa chọn không hợp lệ." in refused.content.decode()
    assert client.post(url, {"choice": Choice.DISAGREE}).status_code == 302
    assert vote.ballots.get(member__user__username="uyvien").choice == Choice.DISAGREE
    client.force_login(demo_user("thuongtruc"))
    member = vote.council.members.exclude(user__username="uyvien").first()
    assert client.post(url, {"choice": Choice.AGREE, "member": member.pk}).status_code == 302
    assert vote.ballots.get(member=member).choice == Choice.AGREE


def test_an_empty_answer_to_an_objection_is_refused(client, demo_user):
    nomination = _in(State.ANNOUNCED)
    objection = Objection.objects.create(
        notice=nomination.notices.first(), filed_by="X", content="Ý kiến"
    )
    client.force_login(demo_user("thuongtruc"))
    assert f"id_o{objection.pk}_answer" in _page(client, nomination)
    url = reverse("awards:objection_answer", args=[nomination.pk, objection.pk])
    response = client.post(url, {"answer": " "})
    assert "Cần nhập nội dung trả lời." in response.content.decode()
    assert client.post(url, {"answer": "Đã xác minh."}).status_code == 302
    objection.refresh_from_db()
    assert objection.answer == "Đã xác minh."


def test_an_upload_without_a_file_or_with_a_foreign_component_is_refused(client, demo_user):
    nomination = new_draft(demo_user)
    client.force_login(demo_user("canbo.hoangliet"))
    url = reverse("awards:attachment_upload", args=[nomination.pk])
    empty = client.post(url, {"component": "bao_cao_thanh_tich"})
    assert empty.status_code == 400 and "Hãy chọn tệp cần tải lên." in empty.content.decode()
    foreign = client.post(url, {"component": "xac_nhan_pham_vi_toan_quoc", "file": _pdf()})
    assert "Thành phần này không thuộc hồ sơ của danh hiệu." in foreign.content.decode()
    stored = client.post(url, {"component": "bao_cao_thanh_tich", "file": _pdf()})
    assert stored.status_code == 302
    assert nomination.attachments.get().component.code == "bao_cao_thanh_tich"


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bao-cao.pdf", DEMO_PDF, content_type="application/pdf")


def test_revoking_a_decision_through_its_page(client, demo_user):
    decision = services.issue_decision(
        demo_user("chutich"),
        [to_voted(demo_user, new_draft(demo_user))],
        signed_on=datetime.date(2021, 12, 20),
    )
    url = reverse("awards:decision_revoke", args=[decision.pk])
    client.force_login(demo_user("thuongtruc"))
    detail = reverse("awards:decision_detail", args=[decision.pk])
    assert 'data-testid="revoke-decision"' not in client.get(detail).content.decode()
    client.force_login(demo_user("chutich"))
    assert 'data-testid="revoke-decision"' in client.get(detail).content.decode()
    empty = client.post(url, {"version": decision.version, "note": ""})
    assert empty.status_code == 400 and "Cần ghi rõ lý do thu hồi." in empty.content.decode()
    stale = client.post(url, {"version": decision.version - 1, "note": "Sai"})
    assert "Quyết định vừa được người khác thay đổi" in stale.content.decode()
    assert client.post(url, {"version": decision.version, "note": "Sai"}).status_code == 302
    decision.refresh_from_db()
    assert (decision.state, decision.revoke_reason) == (DecisionState.REVOKED, "Sai")
    assert 'data-testid="revoke-decision"' not in client.get(detail).content.decode()


def test_revoking_one_certificate_through_the_nominations_page(client, demo_user):
    nomination = _in(State.DECIDED)
    client.force_login(demo_user("chutich"))
    assert 'data-testid="revoke-certificate"' in _page(client, nomination)
    url = reverse("awards:certificate_revoke", args=[nomination.certificate.pk])
    empty = client.post(url, {"version": nomination.version})
    assert "Cần ghi rõ lý do thu hồi." in empty.content.decode()
    client.post(url, {"version": nomination.version, "note": "Kê khai sai"})
    nomination.refresh_from_db()
    assert nomination.state == State.REVOKED
    assert nomination.certificate.revoke_reason == "Kê khai sai"


def test_deciding_from_the_list_takes_the_ticked_passed_nominations(client, demo_user):
    voted = to_voted(demo_user, new_draft(demo_user))
    client.force_login(demo_user("chutich"))
    listing = client.get(reverse("awards:nomination_list")).content.decode()
    assert f'name="nominations" value="{voted.pk}"' in listing
    url = reverse("awards:decision_create")
    nothing = client.post(url, {})
    assert nothing.status_code == 400
    assert "Chọn ít nhất một hồ sơ đã được Hội đồng thông qua." in nothing.content.decode()
    draft = _in(State.DRAFT)
    not_offered = client.post(url, {"nominations": [draft.pk]})
    assert "vui lòng tải lại trang" in not_offered.content.decode()
    response = client.post(
        url, {"nominations": [voted.pk], "signed_on": "2021-12-20", "subject": "Về việc khen"}
    )
    decision = Decision.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert (decision.signed_on, decision.subject) == (datetime.date(2021, 12, 20), "Về việc khen")
    assert list(decision.nominations.all()) == [voted]


def test_the_chairman_is_not_offered_drafting_from_proposals(client, demo_user):
    """Bug fixed: the chairman saw this button, and pressing it ended on a 403 page."""
    client.force_login(demo_user("chutich"))
    listing = client.get(reverse("awards:nomination_list")).content.decode()
    assert 'data-testid="draft-from-proposals"' not in listing
    assert 'data-testid="export-selected"' in listing
    assert client.post(reverse("awards:draft_from_proposals"), {"year": "2021"}).status_code == 403
    client.force_login(demo_user("thuongtruc"))
    listing = client.get(reverse("awards:nomination_list")).content.decode()
    assert 'data-testid="draft-from-proposals"' in listing
    refused = client.post(reverse("awards:draft_from_proposals"), {"year": ""})
    assert "Chọn năm để lập hồ sơ từ kết quả suy tôn." in refused.content.decode()


def test_the_list_filters_through_its_form(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("awards:nomination_list"), {"state": "voting", "year": "x"})
    text = page.content.decode()
    voting, draft = _in(State.VOTING), _in(State.DRAFT)
    assert voting.subject_name in text and draft.subject_name not in text
    assert '<option value="voting" selected>' in text


def test_a_batch_needs_the_officers_unit_and_gets_a_default_name(client, demo_user):
    draft = new_draft(demo_user)
    client.force_login(demo_user("admin"))  # an account without a unit
    refused = client.post(reverse("awards:batch_create"), {"nominations": [draft.pk], "year": 2021})
    assert refused.status_code == 400
    assert "Tài khoản chưa gắn với đơn vị." in refused.content.decode()
    client.force_login(demo_user("canbo.hoangliet"))
    assert f'value="{draft.pk}"' in client.get(reverse("awards:batch_list")).content.decode()
    response = client.post(
        reverse("awards:batch_create"), {"nominations": [draft.pk], "year": 2021, "name": ""}
    )
    batch = Batch.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert batch.name == "Đề nghị khen thưởng năm 2021"
    assert list(batch.nominations.all()) == [Nomination.objects.get(pk=draft.pk)]


def test_submitting_a_batch_with_an_incomplete_dossier_says_which(client, demo_user):
    officer = demo_user("canbo.hoangliet")
    draft = new_draft(demo_user)
    batch = services.create_batch(
        officer, unit=officer.unit, year=2021, name="Đợt", nominations=[draft]
    )
    client.force_login(officer)
    response = client.post(
        reverse("awards:batch_submit", args=[batch.pk]),
        {"number": "01", "letter_date": datetime.date.today().isoformat()},
    )
    assert response.status_code == 400
    assert f"{draft.subject_name}: Hồ sơ còn thiếu thành phần bắt buộc" in response.content.decode()
    batch.refresh_from_db()
    assert batch.submitted_at is None


def test_printing_with_a_printer_no_longer_listed_is_refused(client, demo_user):
    decision = Decision.objects.filter(number__isnull=False).order_by("pk").first()
    client.force_login(demo_user("thuongtruc"))
    response = client.post(
        reverse("awards:print_start", args=[decision.pk]), {"mode": "full", "printer": 9999}
    )
    assert response.status_code == 400
    assert "Máy in không còn trong danh sách." in response.content.decode()


def test_the_quota_page_falls_back_to_this_year_on_a_bad_year(client, demo_user):
    client.force_login(demo_user("uyvien"))
    page = client.get(reverse("awards:quota"), {"year": "1800"}).content.decode()
    assert f'value="{datetime.date.today().year}"' in page
