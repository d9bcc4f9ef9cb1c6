"""Bulk work on the nomination list: the confirmation page with its exceptions, the outcome
per dossier (appraise, return, announce: one transaction each) or for all (decide, forward:
one document, all or nothing), and the confirmation page's query budget."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vinhdanh.awards.guards import earliest_notice_end
from vinhdanh.awards.models import Decision, Nomination, State
from vinhdanh.awards.services import bulk
from vinhdanh.awards.tests.helpers import attach_all, new_draft, to_voted
from vinhdanh.awards.tests.test_query_budgets import _nominations

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def _submitted(demo_user, count=2):
    from vinhdanh.awards import services

    made = []
    for _ in range(count):
        nomination = new_draft(demo_user)
        attach_all(demo_user, nomination)
        services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
        nomination.refresh_from_db()
        made.append(nomination)
    return made


def _appraised(demo_user, count=2):
    from vinhdanh.awards import services

    made = []
    for nomination in _submitted(demo_user, count):
        services.appraise_nomination(
            demo_user("thuongtruc"),
            nomination,
            passed=True,
            reasons="Đủ tiêu chuẩn.",
            confirmed={"muc_hoan_thanh_nhiem_vu": True, "tieu_chuan_cua_tinh": True},
        )
        nomination.refresh_from_db()
        made.append(nomination)
    return made


def _confirm(client, action, nominations):
    return client.post(
        reverse("awards:bulk_confirm"),
        {"action": action, "nominations": [n.pk for n in nominations]},
    )


def _apply(client, action, picked, chosen, **fields):
    data = {
        "action": action,
        "picked": [n.pk for n in picked],
        "nominations": [n.pk for n in chosen],
        **{f"version_{n.pk}": n.version for n in chosen},
        **fields,
    }
    return client.post(reverse("awards:bulk_apply"), data)


def test_the_list_offers_bulk_buttons_and_boxes_to_the_office(client, demo_user):
    submitted = _submitted(demo_user, 1)[0]
    client.force_login(demo_user("thuongtruc"))
    listing = client.get(reverse("awards:nomination_list"), {"state": "submitted"}).content.decode()
    assert f'name="nominations" value="{submitted.pk}"' in listing
    for action in ("appraise", "return", "announce"):
        assert f'data-testid="bulk-{action}"' in listing
    client.force_login(demo_user("canbo.hoangliet"))
    unit_listing = client.get(reverse("awards:nomination_list")).content.decode()
    assert 'data-testid="bulk-actions"' not in unit_listing


def test_the_confirmation_lists_each_dossier_and_why_it_cannot_take_the_action(client, demo_user):
    appraised = _appraised(demo_user, 1)[0]
    submitted = _submitted(demo_user, 1)[0]
    client.force_login(demo_user("thuongtruc"))
    page = _confirm(client, "announce", [appraised, submitted])
    text = page.content.decode()
    assert page.status_code == 200
    assert "1 trong 2 hồ sơ đã chọn thực hiện được." in text
    # The appraised one is ticked, the submitted one is an exception with its reason, no box.
    assert f'name="nominations" value="{appraised.pk}"' in text
    assert f'name="nominations" value="{submitted.pk}"' not in text
    assert "Đang ở trạng thái “Đã gửi”: không thể “công khai lấy ý kiến”." in text


def test_nothing_ticked_or_no_action_is_refused_on_the_list(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    nothing = client.post(reverse("awards:bulk_confirm"), {"action": "announce"})
    assert nothing.status_code == 400
    assert "Chọn ít nhất một hồ sơ trong danh sách." in nothing.content.decode()
    appraised = _appraised(demo_user, 1)[0]
    no_action = client.post(reverse("awards:bulk_confirm"), {"nominations": [appraised.pk]})
    assert "Chọn thao tác cần làm cho các hồ sơ đã chọn." in no_action.content.decode()


def test_a_bulk_announcement_applies_per_dossier_and_reports_the_one_that_moved(client, demo_user):
    first, second = _appraised(demo_user, 2)
    client.force_login(demo_user("thuongtruc"))
    stale_second = Nomination.objects.get(pk=second.pk)
    # Someone changes the second meanwhile (another page): the confirmation is stale for it.
    Nomination.objects.filter(pk=second.pk).update(version=second.version + 1)
    end = earliest_notice_end(TODAY)
    response = _apply(
        client,
        "announce",
        [first, stale_second],
        [first, stale_second],
        starts_on=TODAY.isoformat(),
        ends_on=end.isoformat(),
        where="Trụ sở UBND",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Đã thực hiện 1 trong 2 hồ sơ." in text
    assert "vừa được người khác thay đổi" in text
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == State.ANNOUNCED and second.state == State.APPRAISED
    assert first.notices.get().ends_on == end
    assert not second.notices.exists()


def test_a_bulk_announcement_with_a_short_notice_changes_nothing(client, demo_user):
    first, second = _appraised(demo_user, 2)
    client.force_login(demo_user("thuongtruc"))
    response = _apply(
        client,
        "announce",
        [first, second],
        [first, second],
        starts_on=TODAY.isoformat(),
        ends_on=TODAY.isoformat(),
    )
    assert response.status_code == 400
    assert "ít nhất 10 ngày làm việc" in response.content.decode()
    assert set(
        Nomination.objects.filter(pk__in=[first.pk, second.pk]).values_list("state", flat=True)
    ) == {State.APPRAISED}


def test_a_bulk_return_needs_its_reason_then_returns_each(client, demo_user):
    first, second = _submitted(demo_user, 2)
    client.force_login(demo_user("thuongtruc"))
    refused = _apply(client, "return", [first, second], [first, second], note="  ")
    assert "Cần ghi rõ lý do trả lại và nội dung cần bổ sung." in refused.content.decode()
    done = _apply(client, "return", [first, second], [first], note="Thiếu chữ ký.")
    text = done.content.decode()
    assert "Đã thực hiện 1 trong 1 hồ sơ." in text
    assert "Không chọn thực hiện" in text  # the second, left out on the confirmation page
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (State.RETURNED, State.SUBMITTED)
    assert first.transitions.latest("pk").note == "Thiếu chữ ký."


def test_a_bulk_appraisal_records_an_appraisal_per_dossier(client, demo_user):
    first, second = _submitted(demo_user, 2)
    office = demo_user("thuongtruc")
    if not all(row.ok for row in bulk.check(office, "appraise", [first, second])):
        pytest.skip("the demo's rules find a failing check on these dossiers")
    client.force_login(office)
    response = _apply(client, "appraise", [first, second], [first, second], note="Đủ hồ sơ.")
    assert "Đã thực hiện 2 trong 2 hồ sơ." in response.content.decode()
    for nomination in (first, second):
        nomination.refresh_from_db()
        assert nomination.state == State.APPRAISED
        assert nomination.appraisals.get().reasons == "Đủ hồ sơ."


def test_a_bulk_decision_is_one_decision_or_none(client, demo_user):
    first = to_voted(demo_user, new_draft(demo_user))
    second = to_voted(demo_user, new_draft(demo_user))
    client.force_login(demo_user("chutich"))
    ahead = _apply(
        client,
        "decide",
        [first, second],
        [first, second],
        signed_on=(TODAY + datetime.timedelta(days=3)).isoformat(),
    )
    assert ahead.status_code == 400
    assert "chưa đến" in ahead.content.decode()
    undated = _apply(client, "decide", [first, second], [first, second])
    assert "Cần nhập ngày ký quyết định." in undated.content.decode()
    assert not Decision.objects.filter(nominations__in=[first, second]).exists()
    signed = datetime.date(2021, 12, 22)
    done = _apply(client, "decide", [first, second], [first, second], signed_on=signed.isoformat())
    assert "Đã thực hiện 2 trong 2 hồ sơ." in done.content.decode()
    decision = Decision.objects.get(nominations=first)
    assert decision.signed_on == signed
    assert set(decision.nominations.all()) == {first, second}


def test_a_bulk_decision_refused_for_one_dossier_moves_none(client, demo_user):
    first = to_voted(demo_user, new_draft(demo_user))
    second = to_voted(demo_user, new_draft(demo_user))
    Nomination.objects.filter(pk=second.pk).update(version=second.version + 5)
    client.force_login(demo_user("chutich"))
    response = _apply(
        client,
        "decide",
        [first, second],
        [first, second],
        signed_on="2021-12-22",
    )
    assert response.status_code == 400
    assert "vừa được người khác thay đổi" in response.content.decode()
    first.refresh_from_db()
    assert first.state == State.VOTED and first.decision_id is None


def test_a_dossier_outside_the_scope_cannot_be_picked(client, demo_user):
    other = _appraised(demo_user, 1)[0]
    client.force_login(demo_user("canbo.dinhcong"))
    response = _confirm(client, "announce", [other])
    assert response.status_code in (400, 403)
    other.refresh_from_db()
    assert other.state == State.APPRAISED


def _confirm_queries(client, action, nominations) -> int:
    with CaptureQueriesContext(connection) as context:
        response = _confirm(client, action, nominations)
    assert response.status_code == 200
    assert response.content.decode().count('data-testid="bulk-ok"') == len(nominations)
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("username", "action", "state"),
    [
        ("thuongtruc", "announce", State.APPRAISED),
        ("thuongtruc", "return", State.SUBMITTED),
        ("chutich", "decide", State.VOTED),
    ],
)
def test_the_confirmation_page_costs_the_same_for_a_few_dossiers_as_for_many(
    client, demo_user, username, action, state
):
    client.force_login(demo_user(username))
    few = _nominations(3, state)
    many = _nominations(40, state)
    _confirm_queries(client, action, few)  # warm what fills once per process
    assert _confirm_queries(client, action, few) == _confirm_queries(client, action, few + many)


def test_a_bulk_decision_on_a_day_the_council_may_not_confer_shows_why_per_dossier(
    client, demo_user
):
    """The district could sign Giấy khen in 2021, not since 01/07/2025 (who confers what)."""
    first = to_voted(demo_user, new_draft(demo_user))
    client.force_login(demo_user("chutich"))
    response = _apply(client, "decide", [first], [first], signed_on=TODAY.isoformat())
    text = response.content.decode()
    assert response.status_code == 400
    assert 'data-testid="bulk-exception"' in text
    first.refresh_from_db()
    assert first.state == State.VOTED and first.decision_id is None
