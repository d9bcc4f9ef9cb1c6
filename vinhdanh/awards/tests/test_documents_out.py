"""The documents as a văn thư reads them, asserted from the .docx XML and text: the decision
(bases, articles in order, amounts and their total in words, the annex), the revocation
(own number, Law 2022 ch. VII, the money recovered), the tờ trình (addressee, TTr symbol,
counts by title, never a title the sender confers itself), the minutes and the achievement
reports (no issuer header for a person, only awards still in force)."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from vinhdanh.awards import services
from vinhdanh.awards.achievement_reports import achievement_report_template
from vinhdanh.awards.documents_out import decision_docx, forwarding_letter, revocation_docx
from vinhdanh.awards.models import FundEntry, FundEntryKind, Revocation, State, Submission
from vinhdanh.awards.tests.two_levels import build, voted_at_the_ward

TWO_LEVEL_DAY = datetime.date(2025, 7, 1)


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _cells(document) -> str:
    return "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


@pytest.fixture
def ward_decision(demo):
    levels = build()
    first = voted_at_the_ward(levels, title_code="giay_khen")
    second = voted_at_the_ward(levels, title_code="chien_si_thi_dua_co_so")
    decision = services.issue_decision(levels.ward_chair, [first, second], signed_on=TWO_LEVEL_DAY)
    return levels, decision


def test_the_decision_has_its_bases_articles_bonus_and_annex(ward_decision):
    levels, decision = ward_decision
    document = Document(io.BytesIO(decision_docx(decision)))
    text = _text(document)
    # The bases in force on the signing day (law.md §0), with numbers and dates.
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in text
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in text
    assert "98/2023/NĐ-CP ngày" not in text
    assert f"Xét đề nghị của Thường trực {levels.ward.name}." in text
    # "QUYẾT ĐỊNH:" then Điều 1, 2, 3 in that order.
    order = [text.index(mark) for mark in ("QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.")]
    assert order == sorted(order)
    assert "Điều 4." not in text
    assert (
        "“Giấy khen” cho 01 cá nhân" in text and "“Chiến sĩ thi đua cơ sở” cho 01 cá nhân" in text
    )
    # 0,3 × 2.340.000 = 702.000 đ; 1,0 × 2.340.000 = 2.340.000 đ (law.md §3, §4).
    assert "- “Giấy khen”: 702.000 đ/cá nhân × 1 cá nhân = 702.000 đ;" in text
    assert "tổng cộng 3.042.000 đ (Bằng chữ: Ba triệu không trăm bốn mươi hai nghìn đồng)" in text
    assert "từ Quỹ thi đua, khen thưởng của Ủy ban nhân dân phường Tương Mai năm 2025" in text
    assert "chịu trách nhiệm thi hành Quyết định này" in text.split("Điều 3.")[1]
    assert (
        f"(Kèm theo Quyết định số {decision.reference} ngày 01 tháng 7 năm 2025 của Chủ tịch "
        "Ủy ban nhân dân phường Tương Mai)"
    ) in text
    # Signed by the chairman, his name under the authority line.
    # The layout breaks a long line of the block on purpose: read it as one line.
    signature = " ".join(document.tables[1].rows[0].cells[1].text.split())
    assert "CHỦ TỊCH" in signature and decision.signer in signature and decision.signer
    annex = document.tables[-1]
    header = annex.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert [annex.rows[-1].cells[1].text, annex.rows[-1].cells[5].text] == [
        "Tổng cộng",
        "3.042.000 đ",
    ]
    assert all(run.bold for run in annex.rows[-1].cells[5].paragraphs[0].runs)
    widths = [cell.width for cell in header.cells]
    assert widths[0] < widths[1] and widths[0] < widths[5]  # STT narrow, name wide
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def test_the_decision_names_the_tờ_trình_that_proposed_it(demo):
    levels = build()
    voted = voted_at_the_ward(levels)  # Bằng khen: the city decides
    services.forward_nominations(
        levels.ward_chair, [voted], to_council=levels.city, letter_number="05"
    )
    copy = voted.copies_above.get()
    submission = Submission.objects.get(pk=copy.received_in_id)
    from vinhdanh.awards.tests.two_levels import through_the_council

    copy = through_the_council(copy, levels.city_office)
    decision = services.issue_decision(levels.city_chair, [copy], signed_on=datetime.date.today())
    text = _text(Document(io.BytesIO(decision_docx(decision))))
    day = f"{timezone.localtime(submission.created_at):%d/%m/%Y}"
    assert f"Xét đề nghị của Phường Tương Mai tại Tờ trình số 05/TTr-UBND ngày {day}" in text


def test_the_forwarding_letter_is_addressed_counted_and_signed(demo):
    levels = build()
    voted = voted_at_the_ward(levels)
    submission = services.forward_nominations(
        levels.ward_chair, [voted], to_council=levels.city, letter_number="5"
    )
    document = Document(submission.letter.open("rb"))
    text, cells = _text(document), _cells(document)
    assert f"Kính gửi: {levels.city.name}" in text
    assert "Số: 05/TTr-UBND" in cells
    assert "gồm: “Bằng khen của Bộ, ban, ngành, tỉnh”: 01 cá nhân" in text
    assert (
        f"của {levels.ward.name}: thông qua 1 hồ sơ, tỷ lệ đồng ý 100% tổng số thành viên" in text
    )
    chairman = levels.ward.members.get(role="chairman").person.full_name
    # The layout breaks a long line of the block on purpose: read it as one line.
    signature = " ".join(document.tables[1].rows[0].cells[1].text.split())
    assert "TM. ỦY BAN NHÂN DÂN PHƯỜNG TƯƠNG MAI" in signature and chairman in signature


def test_a_title_the_sender_confers_itself_is_never_proposed_upward(demo):
    levels = build()
    upward = voted_at_the_ward(levels)
    own = voted_at_the_ward(levels, title_code="giay_khen")  # the commune's Chairman confers it
    submission = Submission(from_council=levels.ward, to_council=levels.city, letter_number="7")
    document = Document(
        io.BytesIO(forwarding_letter(submission, [upward, own], {}, day=TWO_LEVEL_DAY))
    )
    text = _text(document)
    assert "cho 01 cá nhân, tập thể" in text and "Giấy khen" not in text
    assert [row.cells[3].text for row in document.tables[-1].rows[1:]] == [upward.title.name]


def test_revoking_an_award_issues_its_own_decision_and_returns_the_money(ward_decision):
    levels, decision = ward_decision
    certificate = decision.certificates.get(nomination__title__code="giay_khen")
    services.revoke_certificate(
        levels.ward_chair,
        certificate,
        reason="Kê khai thành tích không trung thực",
        ground="a",
        signed_on=datetime.date(2025, 7, 15),
    )
    revocation = Revocation.objects.get(decision=decision)
    # Its own number in the issuer's register, after the decision's.
    assert (revocation.issuer, revocation.number) == (decision.issuer, decision.number + 1)
    assert revocation.recovered == 702_000 and not revocation.whole
    document = Document(io.BytesIO(revocation_docx(revocation)))
    text, cells = _text(document), _cells(document)
    assert f"Số: {revocation.reference}" in cells
    assert "Chương VII Luật Thi đua, khen thưởng số 06/2022/QH15" in text
    assert "(điểm a khoản 2)" in text
    assert f"Căn cứ Quyết định số {decision.reference} ngày 01/07/2025" in text
    assert "Hoàng Mai, ngày 15 tháng 7 năm 2025" not in text
    order = [text.index(mark) for mark in ("QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.")]
    assert order == sorted(order)
    assert "Hủy bỏ, thu hồi danh hiệu, hình thức khen thưởng" in text
    assert "tổng số tiền thu hồi 702.000 đ (Bằng chữ: Bảy trăm linh hai nghìn đồng)" in text
    annex = document.tables[-1]
    names = [row.cells[1].text for row in annex.rows[1:]]
    assert names == [certificate.nomination.subject_name, "Tổng cộng"]
    assert annex.rows[-1].cells[5].text == "702.000 đ"
    entry = FundEntry.objects.get(revocation=revocation)
    assert (entry.kind, entry.amount) == (FundEntryKind.RETURN, 702_000)


def test_revoking_a_whole_decision_recovers_what_is_still_valid(ward_decision):
    levels, decision = ward_decision
    first = decision.certificates.get(nomination__title__code="giay_khen")
    services.revoke_certificate(
        levels.ward_chair, first, reason="Sai đối tượng", signed_on=datetime.date(2025, 7, 10)
    )
    services.revoke_decision(
        levels.ward_chair,
        decision,
        reason="Hồ sơ giả mạo",
        ground="b",
        signed_on=datetime.date(2025, 7, 20),
    )
    whole = Revocation.objects.get(decision=decision, whole=True)
    assert whole.recovered == 2_340_000  # the certificate revoked before is not counted twice
    assert whole.number == decision.number + 2
    text = _text(Document(io.BytesIO(revocation_docx(whole))))
    assert f"Hủy bỏ, thu hồi Quyết định số {decision.reference}" in text


def test_an_unknown_ground_is_refused(ward_decision):
    levels, decision = ward_decision
    certificate = decision.certificates.first()
    with pytest.raises(ValidationError, match="Căn cứ thu hồi không hợp lệ"):
        services.revoke_certificate(levels.ward_chair, certificate, reason="x", ground="z")
    assert not Revocation.objects.filter(decision=decision).exists()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None  # nothing half-saved


def test_the_revocation_is_downloaded_from_the_decision_page(ward_decision, demo_user):
    levels, decision = ward_decision
    services.revoke_decision(levels.ward_chair, decision, reason="Hồ sơ giả mạo")
    revocation = Revocation.objects.get(decision=decision)
    client = Client()
    client.force_login(levels.ward_office)
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    url = reverse("awards:revocation_document", args=[revocation.pk])
    assert url in page and revocation.reference in page
    response = client.get(url)
    assert "Hủy bỏ, thu hồi" in _text(Document(io.BytesIO(response.content)))
    nomination = decision.certificates.first().nomination
    detail = reverse("awards:nomination_detail", args=[nomination.pk])
    assert url in client.get(detail).content.decode()  # and from each revoked award's page
    # Another council's staff (the district's, elsewhere in the tree) do not find it.
    client.force_login(demo_user("thuongtruc"))
    assert client.get(url).status_code == 404


def test_the_minutes_give_times_members_contents_votes_and_signatures(demo_user):
    from vinhdanh.awards.services import meetings
    from vinhdanh.awards.tests.test_meetings import _announced, _item, _meeting, _open

    office = demo_user("thuongtruc")
    nomination = _announced(demo_user)
    meeting = _open(office, _meeting(office, nomination, present=6, written=1))
    meetings.record_count(office, _item(meeting, nomination), room_agree=6, written_agree=1)
    meeting.refresh_from_db()
    meetings.close_meeting(office, meeting)
    client = Client()
    client.force_login(office)
    response = client.get(reverse("awards:meeting_minutes", args=[meeting.pk]))
    document = Document(io.BytesIO(response.content))
    text, cells = _text(document), _cells(document)
    assert "Vào hồi " in text and "tại Hội trường UBND quận" in text
    assert "- Chủ trì: " in text and "- Thư ký: Nguyễn Thư Ký." in text
    assert "- Vắng mặt: " in text  # two absent members, named
    order = [text.index(h) for h in ("I. THÀNH PHẦN", "II. NỘI DUNG", "III. KẾT QUẢ BIỂU QUYẾT")]
    assert order == sorted(order)
    assert "Kết quả: 1 hồ sơ được thông qua; 0 hồ sơ không được thông qua" in text
    assert "Phiên họp kết thúc vào hồi " in text
    assert "Số:" in cells and "/BB-HĐTĐKT" in cells
    assert "THƯ KÝ" in cells and "CHỦ TRÌ" in cells


def test_the_personal_report_has_no_issuer_header_and_lists_only_awards_in_force(ward_decision):
    levels, decision = ward_decision
    held = decision.certificates.get(nomination__title__code="giay_khen")
    revoked = decision.certificates.get(nomination__title__code="chien_si_thi_dua_co_so")
    services.revoke_certificate(levels.ward_chair, revoked, reason="Sai đối tượng")
    nomination = voted_at_the_ward(levels)
    document = Document(
        io.BytesIO(achievement_report_template(nomination, day=datetime.date(2025, 8, 1)))
    )
    text, cells = _text(document), _cells(document)
    assert "Số:" not in text and "Số:" not in cells
    assert "ỦY BAN NHÂN DÂN" not in text and "ỦY BAN NHÂN DÂN" not in cells
    # The decree in force on the report's day prescribes the form (law.md §7.4: ND 152
    # Mẫu số 05 for an individual).
    assert "Mẫu số 05 – ban hành kèm theo Nghị định số 152/2025/NĐ-CP" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert f"- Họ và tên: {levels.person.full_name}" in text
    awards = document.tables[-2]
    titles = [row.cells[1].text for row in awards.rows[1:]]
    assert held.title_name in titles and revoked.title_name not in titles
    signatures = document.tables[-1].rows[0].cells
    assert "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ" in signatures[0].text
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in signatures[1].text
    assert levels.person.full_name in signatures[1].text


def test_the_report_form_follows_the_decree_of_its_day(ward_decision):
    levels, _decision = ward_decision
    nomination = voted_at_the_ward(levels)
    under_98 = achievement_report_template(nomination, day=datetime.date(2024, 10, 1))
    assert "Mẫu số 03 – ban hành kèm theo Nghị định số 98/2023/NĐ-CP" in _text(
        Document(io.BytesIO(under_98))
    )
    ad_hoc = achievement_report_template(nomination, kind="ad_hoc", day=datetime.date(2025, 8, 1))
    text = _text(Document(io.BytesIO(ad_hoc)))
    # No form number confirmed for an ad hoc report under ND 152: the decree only.
    assert "Mẫu báo cáo thành tích – ban hành kèm theo Nghị định số 152/2025/NĐ-CP" in text
    assert "Tóm tắt thành tích đột xuất" in text


def test_a_collectives_report_names_its_unit_without_a_number(demo):
    from vinhdanh.awards.models import Title
    from vinhdanh.org.models import Unit

    levels = build()
    title = Title.objects.get(code="tap_the_lao_dong_tien_tien")
    collective = Unit.objects.get(code="vp-phuong-tuong-mai")
    nomination = services.create_nomination(
        levels.ward_officer,
        collective=collective,
        title=title,
        basis=title.award_bases.get(code="thuong_xuyen"),
        year=2025,
        achievements="Hoàn thành xuất sắc nhiệm vụ.",
    )
    document = Document(io.BytesIO(achievement_report_template(nomination)))
    header = document.tables[0].rows[0].cells[0].text
    assert collective.name.upper() in header and "Số:" not in _cells(document)
    assert "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" in _text(document)
    assert "THỦ TRƯỞNG ĐƠN VỊ" in document.tables[-1].rows[0].cells[1].text


def test_the_report_template_is_downloaded_from_the_nomination_page(ward_decision):
    levels, _decision = ward_decision
    nomination = voted_at_the_ward(levels)
    client = Client()
    client.force_login(levels.ward_officer)
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    url = reverse("awards:report_template", args=[nomination.pk])
    assert f"{url}?kind=thematic" in page
    response = client.get(url, {"kind": "thematic"})
    text = _text(Document(io.BytesIO(response.content)))
    assert "Thành tích thi đua theo đợt, chuyên đề" in text
    assert nomination.state == State.VOTED


def test_a_units_batch_letter_goes_to_the_council_that_handles_it(demo_user):
    from vinhdanh.awards.documents_out import submission_letter
    from vinhdanh.awards.tests.helpers import new_draft

    officer = demo_user("canbo.hoangliet")  # 2021: the ward has no council, the district does
    nomination = new_draft(demo_user)
    batch = services.create_batch(
        officer, unit=officer.unit, year=2021, name="Đợt cuối năm", nominations=[nomination]
    )
    batch.letter_number = "12"
    document = Document(io.BytesIO(submission_letter(batch, [nomination], day=TWO_LEVEL_DAY)))
    text, cells = _text(document), _cells(document)
    assert "Kính gửi: Hội đồng Thi đua - Khen thưởng quận Hoàng Mai" in text
    assert "Số: 12/TTr-UBND" in cells
    # A title the district confers itself is proposed to it: the district decides it.
    assert "gồm: “Giấy khen”: 01 cá nhân" in text
    # The layout breaks a long line of the block on purpose: read it as one line.
    signature = " ".join(document.tables[1].rows[0].cells[1].text.split())
    assert "TM. ỦY BAN NHÂN DÂN PHƯỜNG HOÀNG LIỆT" in signature and "CHỦ TỊCH" in signature


def test_the_decisions_document_costs_the_same_with_more_recipients(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    levels = build()
    one = services.issue_decision(
        levels.ward_chair, [voted_at_the_ward(levels, "giay_khen")], signed_on=TWO_LEVEL_DAY
    )
    three = services.issue_decision(
        levels.ward_chair,
        [voted_at_the_ward(levels, "giay_khen") for _ in range(3)],
        signed_on=TWO_LEVEL_DAY,
    )
    counts = []
    for decision in (one, three):
        decision_docx(decision)  # warm the catalogue and the settings
        with CaptureQueriesContext(connection) as context:
            decision_docx(decision)
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1], counts
