"""Authority at every step (decision, forwarding, batch) on the day, and the decision's
bonus column and total.

law.md §6.2: from 01/07/2025 the district level is gone and the commune (xã, phường)
Chairman also confers CSTĐCS and TTLĐTT; before, a ward could give only LĐTT, Giấy khen
and Gia đình văn hóa. law.md §4.1: the commune Chairman's Giấy khen pays 0,3 × LCS
(2.340.000 đ from 01/07/2024).
"""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from vinhdanh.awards import services
from vinhdanh.awards.authority import batch_refusal, decision_refusal, forward_refusal
from vinhdanh.awards.documents_out import decision_docx, decision_xlsx
from vinhdanh.awards.models import State, Title
from vinhdanh.awards.tests.two_levels import build, voted_at_the_ward
from vinhdanh.org.models import Council
from vinhdanh.rules.engine import default_catalogue
from vinhdanh.rules.models import RuleSetting
from vinhdanh.rules.provincial import province_of

LAST_DISTRICT_DAY = datetime.date(2025, 6, 30)
FIRST_TWO_LEVEL_DAY = datetime.date(2025, 7, 1)


def _on(monkeypatch, day):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)


def test_a_ward_sends_cstdcs_up_before_the_reform_and_decides_it_after(demo):
    levels = build()
    title = Title.objects.get(code="chien_si_thi_dua_co_so")
    assert forward_refusal(levels.ward, title, LAST_DISTRICT_DAY) is None
    refusal = forward_refusal(levels.ward, title, FIRST_TWO_LEVEL_DAY)
    assert "thuộc thẩm quyền của Hội đồng Thi đua - Khen thưởng phường Tương Mai" in refusal
    assert "vào ngày 01/07/2025" in refusal and "không trình cấp trên" in refusal
    assert decision_refusal(levels.ward, title, FIRST_TWO_LEVEL_DAY) is None
    assert "vào ngày 30/06/2025" in decision_refusal(levels.ward, title, LAST_DISTRICT_DAY)


def test_forwarding_asks_on_the_letters_day(demo, monkeypatch):
    levels = build()
    voted = voted_at_the_ward(levels, title_code="chien_si_thi_dua_co_so")
    with pytest.raises(ValidationError) as refused:
        services.forward_to_higher_level(
            levels.ward_chair, voted, to_council=levels.city, letter_date=FIRST_TWO_LEVEL_DAY
        )
    assert "ban hành quyết định, không trình cấp trên" in refused.value.messages[0]
    voted.refresh_from_db()
    assert voted.state == State.VOTED  # nothing moved
    _on(monkeypatch, FIRST_TWO_LEVEL_DAY)  # without a date, today is the letter's day
    with pytest.raises(ValidationError):
        services.forward_to_higher_level(levels.ward_chair, voted, to_council=levels.city)
    _on(monkeypatch, LAST_DISTRICT_DAY)  # the step is offered while the ward may not confer
    submission = services.forward_to_higher_level(
        levels.ward_chair, voted, to_council=levels.city, letter_date=LAST_DISTRICT_DAY
    )
    voted.refresh_from_db()
    assert voted.state == State.FORWARDED
    letter = Document(submission.letter.open("rb"))
    header = "\n".join(cell.text for cell in letter.tables[0].rows[0].cells)
    assert "ngày 30 tháng 6 năm 2025" in header  # the letter carries its day


def test_a_dossier_may_not_go_to_a_district_council_after_the_reform(demo):
    levels = build()
    district = Council.objects.get(unit__code="hoang-mai")
    title = Title.objects.get(code="bang_khen_tinh")
    assert forward_refusal(levels.ward, title, LAST_DISTRICT_DAY, to_council=district) is None
    refusal = forward_refusal(levels.ward, title, FIRST_TWO_LEVEL_DAY, to_council=district)
    assert "cấp này không còn vào ngày 01/07/2025" in refusal
    assert "kết thúc ngày 30/06/2025" in refusal
    assert "Điều 59 Nghị định 129/2025/NĐ-CP" in refusal


@pytest.mark.parametrize(
    "day", [LAST_DISTRICT_DAY, FIRST_TWO_LEVEL_DAY, datetime.date(2021, 12, 31)]
)
@pytest.mark.parametrize("code", ["giay_khen", "gia_dinh_van_hoa", "thon_to_dan_pho_van_hoa"])
def test_a_batch_refuses_what_no_level_confers_that_day(demo, code, day):
    title = Title.objects.get(code=code)
    refusal = batch_refusal(title, day)
    competent = default_catalogue().conferrals(code, day)
    assert (refusal is None) == bool(competent)
    if refusal:
        assert f"“{title.name}” vào ngày {day:%d/%m/%Y}" in refusal


def test_the_batch_asks_authority_before_submitting_anything(demo_user, monkeypatch):
    from vinhdanh.awards.services import batches
    from vinhdanh.awards.tests.helpers import attach_all, new_draft

    officer = demo_user("canbo.hoangliet")
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    batch = services.create_batch(
        officer, unit=officer.unit, year=2021, name="Đợt cuối năm", nominations=[nomination]
    )
    asked = []

    def refuse(title, on):
        asked.append((title.code, on))
        return "Không cấp nào có thẩm quyền tặng “Giấy khen” vào ngày 01/01/2030."

    monkeypatch.setattr(batches, "batch_refusal", refuse)
    with pytest.raises(ValidationError) as refused:
        services.submit_batch(officer, batch)
    assert "Không cấp nào có thẩm quyền tặng “Giấy khen”" in refused.value.messages[0]
    assert asked and asked[0][0] == "giay_khen"
    nomination.refresh_from_db()
    assert nomination.state == State.DRAFT


def test_the_decision_shows_each_bonus_and_the_total(demo, client):
    levels = build()
    first = voted_at_the_ward(levels, title_code="giay_khen")
    second = voted_at_the_ward(levels, title_code="chien_si_thi_dua_co_so")
    decision = services.issue_decision(
        levels.ward_chair, [first, second], signed_on=FIRST_TWO_LEVEL_DAY
    )
    # 0,3 × 2.340.000 = 702.000 đ; 1,0 × 2.340.000 = 2.340.000 đ; total 3.042.000 đ.
    document = Document(io.BytesIO(decision_docx(decision)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Điều 2. Tiền thưởng" in text and "tổng cộng 3.042.000 đ" in text
    assert "lương cơ sở áp dụng ngày 01/07/2025" in text
    annex = document.tables[-1]
    headers = [cell.text for cell in annex.rows[0].cells]
    assert headers[-2:] == ["Tiền thưởng (đồng)", "Căn cứ mức thưởng"]
    rows = {row.cells[3].text: row.cells[5].text for row in annex.rows[1:-1]}
    assert rows == {"Giấy khen": "702.000 đ", "Chiến sĩ thi đua cơ sở": "2.340.000 đ"}
    bases = {row.cells[3].text: row.cells[6].text for row in annex.rows[1:-1]}
    assert "1 × 2.340.000 đ" in bases["Chiến sĩ thi đua cơ sở"]
    assert "Điều 50 Nghị định 152/2025/NĐ-CP" in bases["Chiến sĩ thi đua cơ sở"]
    assert [annex.rows[-1].cells[1].text, annex.rows[-1].cells[5].text] == [
        "Tổng cộng",
        "3.042.000 đ",
    ]
    sheet = load_workbook(io.BytesIO(decision_xlsx(decision))).active
    values = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value}
    assert {"702.000 đ", "2.340.000 đ", "3.042.000 đ", "Tổng cộng"} <= values
    client.force_login(levels.ward_chair)
    page = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="bonus-total">3.042.000 đ<' in page
    assert "0,3 × 2.340.000 đ (lương cơ sở từ 01/07/2024)" in page
    # The certificates keep the amounts: a later change of the province's settings does
    # not rewrite the issued decision.
    assert sorted(decision.certificates.values_list("bonus_amount", flat=True)) == [
        702_000,
        2_340_000,
    ]
    province = province_of(decision.issuer)
    RuleSetting.objects.create(
        province=province, name="bonus_coefficients", value={"chien_si_thi_dua_co_so": 2.0}
    )
    again = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="bonus-total">3.042.000 đ<' in again
    annex_again = Document(io.BytesIO(decision_docx(decision))).tables[-1]
    assert annex_again.rows[-1].cells[5].text == "3.042.000 đ"


def test_the_forward_refusal_is_shown_on_the_forward_step(demo, client, monkeypatch):
    levels = build()
    voted = voted_at_the_ward(levels, title_code="chien_si_thi_dua_co_so")
    client.force_login(levels.ward_chair)
    response = client.post(
        reverse("awards:nomination_step", args=[voted.pk, "forward"]),
        {"version": voted.version, "to_council": levels.city.pk, "letter_date": "2025-07-01"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "thuộc thẩm quyền của Hội đồng Thi đua - Khen thưởng phường Tương Mai" in page
    assert "vào ngày 01/07/2025" in page
    voted.refresh_from_db()
    assert voted.state == State.VOTED
