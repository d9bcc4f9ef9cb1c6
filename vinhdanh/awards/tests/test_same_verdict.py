"""One verdict everywhere: the CLI, the API, the nomination pages and the appraisal all
ask `rules.engine.judge`, and refuse an input error with the same Vietnamese message.

12 Lao động tiên tiến out of 10 members is an input error, not a verdict (issue "Rules on
the day", item 6).
"""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from vinhdanh.awards import eligibility
from vinhdanh.awards.models import AwardBasis, Nomination, Title
from vinhdanh.rules.engine import Members
from vinhdanh.rules.engine.judge import judge_data
from vinhdanh.rules.provincial import config_for

MESSAGE = "members.lao_dong_tien_tien (12) lớn hơn tổng số thành viên (10)."
BAD_CASE = {
    "year": 2024,
    "title": "Tập thể lao động tiên tiến",
    "members": {"total": 10, "completed_tasks": 10, "lao_dong_tien_tien": 12},
}
GOOD_CASE = {
    "year": 2024,
    "title": "Lao động tiên tiến",
    "ratings": {"2024": "hoàn thành tốt nhiệm vụ"},
    "decision_date": "2024-12-20",
}


def _cli(case, tmp_path) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("check_eligibility", str(path), "--json", stdout=out)
    return out.getvalue()


def test_the_cli_refuses_the_input_error(tmp_path):
    with pytest.raises(CommandError) as refused:
        _cli(BAD_CASE, tmp_path)
    assert str(refused.value) == MESSAGE
    assert refused.value.returncode == 2


def test_the_api_refuses_it_with_400_and_the_same_message(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    response = client.post(
        reverse("api:eligibility-list"), data=json.dumps(BAD_CASE), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": MESSAGE}


def test_cli_and_api_give_the_same_verdict_and_bonus(demo_user, client, tmp_path):
    user = demo_user("thuongtruc")
    client.force_login(user)
    from_api = client.post(
        reverse("api:eligibility-list"), data=json.dumps(GOOD_CASE), content_type="application/json"
    ).json()
    from_cli = json.loads(_cli(GOOD_CASE, tmp_path))
    assert from_api == judge_data(GOOD_CASE, config_for(user.unit)).as_dict()
    assert from_cli == judge_data(GOOD_CASE).as_dict()
    assert from_api["verdict"] == from_cli["verdict"] == "eligible"
    # 0,3 × 2.340.000 đ on 20/12/2024 (law.md §3.1; LCS from 01/07/2024).
    assert from_api["bonus"]["amount"] == from_cli["bonus"]["amount"] == 702_000
    assert from_cli["bonus"]["basis"]["article"] == "Điều 54 Nghị định 98/2023/NĐ-CP"


@pytest.fixture
def twelve_of_ten(monkeypatch):
    """The collective's records say 12 of its 10 people hold Lao động tiên tiến."""
    monkeypatch.setattr(
        eligibility,
        "members_of",
        lambda unit, year: Members(
            total=10, completed_tasks=10, lao_dong_tien_tien=12, chien_si_thi_dua_co_so=0
        ),
    )


def _collective_post(officer):
    title = Title.objects.get(code="tap_the_lao_dong_tien_tien")
    return {
        "collective": officer.unit.pk,
        "title": title.pk,
        "basis": AwardBasis.objects.get(code="thuong_xuyen").pk,
        "year": 2021,
        "achievements": "Hoàn thành tốt nhiệm vụ.",
    }


def test_the_nomination_form_refuses_it_with_the_same_message(demo_user, client, twelve_of_ten):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    before = Nomination.objects.count()
    data = _collective_post(officer)
    response = client.post(reverse("awards:nomination_create"), data)
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert Nomination.objects.count() == before  # nothing half-saved
    preview = client.get(reverse("awards:nomination_preview"), data)
    assert MESSAGE in preview.content.decode()
    assert 'data-testid="verdict-input-error"' in preview.content.decode()


def test_a_saved_nominations_verdict_in_the_api_and_on_its_page(demo_user, client, monkeypatch):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    response = client.post(reverse("awards:nomination_create"), _collective_post(officer))
    assert response.status_code == 302
    nomination = Nomination.objects.latest("pk")
    good = client.get(reverse("api:nomination-verdict", args=[nomination.pk])).json()
    assert good["verdict"] == eligibility.verdict_for(nomination).verdict
    assert good["bonus"]["basis"]["title"] == "tap_the_lao_dong_tien_tien"
    # 0,8 × 1.490.000 đ on 31/12/2021 (law.md §3.2), on the page as in the API.
    assert good["bonus"]["amount"] == 1_192_000
    shown = client.get(reverse("awards:nomination_verdict", args=[nomination.pk]))
    assert 'data-testid="verdict-bonus"' in shown.content.decode()
    assert "1.192.000 đ" in shown.content.decode()
    monkeypatch.setattr(
        eligibility,
        "members_of",
        lambda unit, year: Members(total=10, completed_tasks=10, lao_dong_tien_tien=12),
    )
    refused = client.get(reverse("api:nomination-verdict", args=[nomination.pk]))
    assert (refused.status_code, refused.json()) == (400, {"detail": MESSAGE})
    page = client.get(reverse("awards:nomination_verdict", args=[nomination.pk]))
    assert MESSAGE in page.content.decode()
    assert eligibility.input_error(nomination) == MESSAGE


def test_the_appraisal_refuses_it_with_the_same_message(demo_user, client, monkeypatch):
    from vinhdanh.awards import services
    from vinhdanh.awards.models import State
    from vinhdanh.awards.tests.helpers import attach_all

    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    assert (
        client.post(reverse("awards:nomination_create"), _collective_post(officer)).status_code
        == 302
    )
    nomination = Nomination.objects.latest("pk")
    attach_all(demo_user, nomination)
    services.submit_nomination(officer, nomination)
    nomination.refresh_from_db()
    monkeypatch.setattr(
        eligibility,
        "members_of",
        lambda unit, year: Members(total=10, completed_tasks=10, lao_dong_tien_tien=12),
    )
    client.force_login(demo_user("thuongtruc"))
    response = client.post(
        reverse("awards:nomination_step", args=[nomination.pk, "appraise"]),
        {"version": nomination.version, "passed": "1", "note": "Đủ tiêu chuẩn."},
    )
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.state == State.SUBMITTED
