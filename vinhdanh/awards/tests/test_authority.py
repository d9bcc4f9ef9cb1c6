"""Who may confer what, on the day: decisions ask the rules engine's authority check.

Districts ended on 30/06/2025 (law.md §6.2); from 01/07/2025 the commune Chairman also
confers CSTĐCS and TTLĐTT. A provincial Bằng khen was never a district's to give.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from vinhdanh.awards import services
from vinhdanh.awards.authority import authority_refusal, engine_level
from vinhdanh.awards.models import Decision, DecisionCounter, State, Title
from vinhdanh.awards.tests.helpers import attach_all, new_draft
from vinhdanh.awards.tests.two_levels import build, through_the_council, voted_at_the_ward
from vinhdanh.org.models import Council
from vinhdanh.rules.engine import Engine

LAST_DISTRICT_DAY = datetime.date(2025, 6, 30)
FIRST_TWO_LEVEL_DAY = datetime.date(2025, 7, 1)
# The article in force on the signing day: Nghị định 129/2025 only from 01/07/2025.
ARTICLE = {
    LAST_DISTRICT_DAY: "Căn cứ: Điều 80 Luật Thi đua, khen thưởng 2022;",
    FIRST_TWO_LEVEL_DAY: "Căn cứ: Điều 80 Luật Thi đua, khen thưởng 2022; Điều 59 Nghị định "
    "129/2025/NĐ-CP;",
}


@pytest.mark.parametrize(
    ("title", "level", "day", "passed"),
    [
        ("bang_khen_tinh", "district", LAST_DISTRICT_DAY, False),
        ("bang_khen_tinh", "district", FIRST_TWO_LEVEL_DAY, False),
        ("bang_khen_tinh", "province", FIRST_TWO_LEVEL_DAY, True),
        ("giay_khen", "district", LAST_DISTRICT_DAY, True),
        ("giay_khen", "district", FIRST_TWO_LEVEL_DAY, False),
        ("chien_si_thi_dua_co_so", "commune", LAST_DISTRICT_DAY, False),
        ("chien_si_thi_dua_co_so", "commune", FIRST_TWO_LEVEL_DAY, True),
        ("tap_the_lao_dong_tien_tien", "commune", FIRST_TWO_LEVEL_DAY, True),
    ],
)
def test_the_engine_answers_by_level_and_day(title, level, day, passed):
    check = Engine().authority(title, level, day)
    assert (check.rule, check.passed) == ("tham_quyen", passed)
    assert f"{day:%d/%m/%Y}" in check.message
    assert "Điều 80 Luật Thi đua, khen thưởng 2022" in check.basis
    if not passed:
        assert "không có thẩm quyền" in check.message


def _district_voted(demo_user, title_code):
    nomination = new_draft(demo_user, title_code=title_code)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    return through_the_council(nomination, demo_user("thuongtruc"))


@pytest.mark.parametrize("day", [LAST_DISTRICT_DAY, FIRST_TWO_LEVEL_DAY])
def test_a_district_chairman_may_not_grant_a_provincial_bang_khen(demo_user, day):
    voted = _district_voted(demo_user, "bang_khen_tinh")
    decisions, counters = Decision.objects.count(), list(DecisionCounter.objects.values_list())
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(demo_user("chutich"), [voted], signed_on=day)
    message = refused.value.messages[0]
    assert "Cấp Huyện, quận, thị xã, thành phố thuộc tỉnh không có thẩm quyền tặng" in message
    assert f"vào ngày {day:%d/%m/%Y}" in message
    assert "Chủ tịch Ủy ban nhân dân cấp tỉnh" in message  # who may
    assert ARTICLE[day] in message
    if day == LAST_DISTRICT_DAY:
        assert "129/2025" not in message
    # Nothing half-saved: no decision, no number taken, the dossier still waiting.
    assert Decision.objects.count() == decisions
    assert list(DecisionCounter.objects.values_list()) == counters
    voted.refresh_from_db()
    assert (voted.state, voted.decision_id) == (State.VOTED, None)


def test_a_districts_giay_khen_ends_with_the_district(demo_user):
    last_day = _district_voted(demo_user, "giay_khen")
    decision = services.issue_decision(
        demo_user("chutich"), [last_day], signed_on=LAST_DISTRICT_DAY
    )
    assert decision.signed_on == LAST_DISTRICT_DAY
    too_late = _district_voted(demo_user, "giay_khen")
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(demo_user("chutich"), [too_late], signed_on=FIRST_TWO_LEVEL_DAY)
    assert "không có thẩm quyền tặng Giấy khen vào ngày 01/07/2025" in refused.value.messages[0]
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in refused.value.messages[0]


def test_the_refusal_is_shown_on_the_decide_step(client, demo_user):
    voted = _district_voted(demo_user, "giay_khen")
    client.force_login(demo_user("chutich"))
    response = client.post(
        reverse("awards:nomination_step", args=[voted.pk, "decide"]),
        {"version": voted.version, "signed_on": "2025-07-01"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "không có thẩm quyền tặng Giấy khen vào ngày 01/07/2025" in page
    assert "Điều 59 Nghị định 129/2025/NĐ-CP" in page
    voted.refresh_from_db()
    assert voted.state == State.VOTED


def test_a_ward_confers_cstdcs_from_the_first_day_of_two_level_government(demo):
    levels = build()
    before = voted_at_the_ward(levels, title_code="chien_si_thi_dua_co_so")
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(levels.ward_chair, [before], signed_on=LAST_DISTRICT_DAY)
    assert "vào ngày 30/06/2025" in refused.value.messages[0]
    decision = services.issue_decision(levels.ward_chair, [before], signed_on=FIRST_TWO_LEVEL_DAY)
    assert decision.issuer == levels.ward.unit


def test_the_issuers_level_is_the_councils_unit_level(demo):
    levels = build()
    assert engine_level(levels.ward.unit) == "commune"
    assert engine_level(levels.city.unit) == "province"
    assert engine_level(Council.objects.get(unit__code="hoang-mai").unit) == "district"


def test_an_unconfirmed_authority_row_is_a_setting(demo):
    city = build().city
    # The catalogue marks the provincial Chairman's "xã, phường tiêu biểu" unconfirmed.
    title = Title.objects.get(code="xa_tieu_bieu")
    day = datetime.date(2026, 1, 15)
    with override_settings(AWARDS_ALLOW_UNCONFIRMED_AUTHORITY=True):
        assert authority_refusal(city, title, day) is None
    with override_settings(AWARDS_ALLOW_UNCONFIRMED_AUTHORITY=False):
        refusal = authority_refusal(city, title, day)
    assert "chưa được xác nhận" in refusal and ARTICLE[FIRST_TWO_LEVEL_DAY] in refusal


def test_a_ward_chairman_may_not_grant_the_citys_bang_khen_and_sends_it_up(demo):
    levels = build()
    voted = voted_at_the_ward(levels)
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(levels.ward_chair, [voted], signed_on=datetime.date(2026, 2, 2))
    message = refused.value.messages[0]
    assert "Cấp Xã, phường, đặc khu" in message and "không có thẩm quyền tặng Bằng khen" in message
    assert ARTICLE[FIRST_TWO_LEVEL_DAY] in message
    services.forward_to_higher_level(levels.ward_chair, voted, to_council=levels.city)
    voted.refresh_from_db()
    assert voted.state == State.FORWARDED
