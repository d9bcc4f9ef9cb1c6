"""The pages post one form per action: what they offer, and how a refusal is shown."""

import datetime

import pytest
from django.urls import reverse

from vinhdanh.movements import registrations, services
from vinhdanh.movements.demo import MAIN
from vinhdanh.movements.models import Movement, MovementDocument, Registration
from vinhdanh.org.models import Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def main(demo):
    return Movement.objects.get(name=MAIN)


@pytest.fixture
def draft_reg(main, demo_user):
    officer = demo_user("canbo.hoangliet")
    registration = registrations.start_registration(officer, main, officer.unit)
    return registrations.save_registration(
        officer, registration, entries=[(None, "tap_the_lao_dong_xuat_sac")]
    )


@pytest.fixture
def sent_reg(draft_reg, demo_user):
    return registrations.submit_registration(demo_user("canbo.hoangliet"), draft_reg)


def _page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _detail(registration):
    return reverse("movements:registration_detail", args=[registration.pk])


def test_the_unit_edits_its_draft_and_the_office_only_decides_what_was_sent(
    client, draft_reg, demo_user
):
    page = _page(client, demo_user("canbo.hoangliet"), _detail(draft_reg))
    assert 'data-testid="registration-form"' in page and 'data-testid="save-and-submit"' in page
    assert f'name="version" value="{draft_reg.version}"' in page
    assert 'data-testid="approve-button"' not in page
    sent = registrations.submit_registration(demo_user("canbo.hoangliet"), draft_reg)
    page = _page(client, demo_user("canbo.hoangliet"), _detail(sent))
    assert 'data-testid="registration-form"' not in page
    assert 'data-testid="approve-button"' not in page
    page = _page(client, demo_user("thuongtruc"), _detail(sent))
    assert 'data-testid="approve-button"' in page and 'data-testid="return-button"' in page
    page = _page(client, demo_user("uyvien"), _detail(sent))
    assert 'data-testid="approve-button"' not in page and "return-reason-input" not in page


def test_the_grid_posts_what_the_unit_ticks(client, draft_reg, demo_user):
    officer = demo_user("canbo.hoangliet")
    person = Person.objects.filter(unit=officer.unit).order_by("pk").first()
    page = _page(client, officer, _detail(draft_reg))
    # The saved title is ticked; each person's box is named for screen readers.
    assert 'value="tap_the_lao_dong_xuat_sac"' in page
    assert f'aria-label="{person.full_name} Lao động tiên tiến"' in page
    response = client.post(
        _detail(draft_reg),
        {
            "version": draft_reg.version,
            "unit_title": ["giay_khen"],
            "person_title": [f"{person.pk}:lao_dong_tien_tien"],
            "commitment": "  Phấn đấu  ",
            "then": "save",
        },
    )
    assert response.status_code == 302
    stored = Registration.objects.get(pk=draft_reg.pk)
    assert set(stored.entries.values_list("person_id", "title")) == {
        (None, "giay_khen"),
        (person.pk, "lao_dong_tien_tien"),
    }
    assert (stored.commitment, stored.state) == ("Phấn đấu", "draft")


def test_a_box_for_someone_outside_the_unit_is_refused_on_the_form(client, draft_reg, demo_user):
    stranger = Person.objects.exclude(unit__code="phuong-hoang-liet").first()
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(
        _detail(draft_reg),
        {"version": draft_reg.version, "person_title": [f"{stranger.pk}:lao_dong_tien_tien"]},
    )
    assert response.status_code == 200
    assert 'data-testid="form-errors"' in response.content.decode()
    assert Registration.objects.get(pk=draft_reg.pk).entries.count() == 1


def test_save_and_submit_sends_or_leaves_everything_as_it_was(client, draft_reg, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(_detail(draft_reg), {"version": draft_reg.version, "then": "submit"})
    assert response.status_code == 200
    assert "Bản đăng ký chưa có danh hiệu nào, chưa gửi được." in response.content.decode()
    stored = Registration.objects.get(pk=draft_reg.pk)
    assert (stored.state, stored.entries.count()) == ("draft", 1)
    response = client.post(
        _detail(draft_reg),
        {"version": draft_reg.version, "unit_title": ["giay_khen"], "then": "submit"},
        follow=True,
    )
    assert "Đã gửi bản đăng ký tới cơ quan thường trực." in response.content.decode()
    assert Registration.objects.get(pk=draft_reg.pk).state == "submitted"


def test_a_stale_list_is_refused_with_a_clear_message(client, draft_reg, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(
        _detail(draft_reg), {"version": draft_reg.version - 1, "unit_title": ["giay_khen"]}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bản đăng ký vừa được người khác thay đổi" in page
    assert "tải lại trang" in page
    stored = Registration.objects.get(pk=draft_reg.pk)
    assert list(stored.entries.values_list("title", flat=True)) == ["tap_the_lao_dong_xuat_sac"]


def test_return_needs_a_reason_then_shows_it_to_the_unit(client, sent_reg, demo_user):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:registration_return", args=[sent_reg.pk])
    response = client.post(url, {"version": sent_reg.version, "note": "  "})
    assert response.status_code == 200
    assert "Vui lòng ghi rõ lý do trả lại để đơn vị bổ sung." in response.content.decode()
    assert Registration.objects.get(pk=sent_reg.pk).state == "submitted"
    response = client.post(url, {"version": sent_reg.version, "note": "Bổ sung cá nhân."})
    assert response.status_code == 302
    page = _page(client, demo_user("canbo.hoangliet"), _detail(sent_reg))
    assert 'data-testid="return-reason"' in page and "Bổ sung cá nhân." in page


def test_approving_from_a_stale_page_is_refused(client, sent_reg, demo_user):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:registration_approve", args=[sent_reg.pk])
    response = client.post(url, {"version": sent_reg.version - 1})
    assert response.status_code == 200
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert Registration.objects.get(pk=sent_reg.pk).state == "submitted"
    assert client.post(url, {"version": sent_reg.version}).status_code == 302
    assert Registration.objects.get(pk=sent_reg.pk).state == "approved"


def test_a_unit_that_posts_approve_is_refused_on_the_page(client, sent_reg, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    url = reverse("movements:registration_approve", args=[sent_reg.pk])
    response = client.post(url, {"version": sent_reg.version})
    assert response.status_code == 200
    assert "Bạn không có quyền thực hiện thao tác này." in response.content.decode()
    assert Registration.objects.get(pk=sent_reg.pk).state == "submitted"


def test_a_non_number_version_is_a_form_error_not_a_crash(client, sent_reg, demo_user):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:registration_approve", args=[sent_reg.pk])
    response = client.post(url, {"version": "abc"})
    assert response.status_code == 200
    assert 'data-testid="form-errors"' in response.content.decode()
    assert Registration.objects.get(pk=sent_reg.pk).state == "submitted"


# Movements


def _draft(office):
    return services.create_movement(
        office,
        name="Thi đua chào mừng Đại hội",
        kind="campaign",
        year=2021,
        starts_on=datetime.date(2021, 3, 1),
        ends_on=datetime.date(2021, 6, 30),
        launched_by=Unit.objects.get(code="hoang-mai"),
        target_units=[Unit.objects.get(code="phuong-hoang-liet")],
    )


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("thuongtruc", 200),
        ("canbo.hoangliet", 200),
        ("cumtruong", 200),
        ("chutich", 403),
        ("uyvien", 403),
    ],
)
def test_the_new_movement_form_opens_only_for_who_may_create(client, demo_user, username, status):
    client.force_login(demo_user(username))
    response = client.get(reverse("movements:movement_create"))
    assert response.status_code == status
    assert ('name="launched_by"' in response.content.decode()) == (status == 200)
    response = client.post(reverse("movements:movement_create"), {"name": "Thử"})
    assert response.status_code == status


def test_the_new_movement_link_follows_the_same_permission(client, demo_user):
    assert 'href="/movements/new/"' in _page(client, demo_user("thuongtruc"), "/movements/")
    assert 'href="/movements/new/"' not in _page(client, demo_user("chutich"), "/movements/")


def test_launch_button_only_for_who_may_launch_and_a_stale_page_is_refused(client, demo_user):
    office = demo_user("thuongtruc")
    movement = _draft(office)
    url = reverse("movements:movement_detail", args=[movement.pk])
    page = _page(client, office, url)
    assert 'data-testid="launch-button"' in page
    assert 'data-testid="launch-button"' not in _page(client, demo_user("chutich"), url)
    services.update_movement(office, movement, goals="Sửa lại")
    client.force_login(office)
    launch = reverse("movements:movement_launch", args=[movement.pk])
    response = client.post(launch, {"version": movement.version})
    assert response.status_code == 200
    assert "Phong trào vừa được người khác thay đổi" in response.content.decode()
    assert Movement.objects.get(pk=movement.pk).status == "draft"
    response = client.post(launch, {"version": movement.version + 1}, follow=True)
    assert "Đã phát động phong trào" in response.content.decode()
    assert Movement.objects.get(pk=movement.pk).status == "launched"


def test_a_stale_edit_of_a_movement_is_refused_on_its_form(client, demo_user):
    office = demo_user("thuongtruc")
    movement = _draft(office)
    client.force_login(office)
    url = reverse("movements:movement_edit", args=[movement.pk])
    assert f'name="version" value="{movement.version}"' in client.get(url).content.decode()
    services.update_movement(office, movement, goals="Người khác sửa")
    data = {
        "name": "Tên mới",
        "kind": "campaign",
        "year": 2021,
        "launched_by": movement.launched_by_id,
        "starts_on": "2021-03-01",
        "ends_on": "2021-06-30",
        "target_units": [Unit.objects.get(code="phuong-hoang-liet").pk],
        "version": movement.version,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert Movement.objects.get(pk=movement.pk).name == movement.name
    response = client.post(url, {**data, "version": movement.version + 1})
    assert response.status_code == 302
    assert Movement.objects.get(pk=movement.pk).name == "Tên mới"


def test_attach_without_a_title_says_so(client, main, demo_user):
    client.force_login(demo_user("thuongtruc"))
    response = client.post(reverse("movements:movement_attach", args=[main.pk]), {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng nhập tên tài liệu." in page and "Hãy chọn tệp cần tải lên." in page
    assert MovementDocument.objects.filter(movement=main).count() == 1


def test_register_button_only_for_who_may_register(client, main, demo_user):
    url = reverse("movements:movement_detail", args=[main.pk])
    page = _page(client, demo_user("canbo.hoangliet"), url)
    assert 'data-testid="register-button"' in page and "?parent=" in page
    # A council member's department is a target too, but registering and cascading are the
    # units' work: neither button (the services refuse them as well).
    page = _page(client, demo_user("uyvien"), url)
    assert 'data-testid="register-button"' not in page and "?parent=" not in page


def test_registering_twice_opens_the_same_registration(client, main, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    url = reverse("movements:registration_start", args=[main.pk])
    first = client.post(url)
    second = client.post(url)
    assert first.status_code == 302 and first["Location"] == second["Location"]
    assert Registration.objects.filter(movement=main, unit__code="phuong-hoang-liet").count() == 1


def test_the_grid_shows_a_page_of_people_and_keeps_the_titles_of_the_others(
    client, draft_reg, demo_user, monkeypatch
):
    from vinhdanh.movements import registration_views

    monkeypatch.setattr(registration_views, "PEOPLE_PER_PAGE", 2)
    officer = demo_user("canbo.hoangliet")
    people = list(
        Person.objects.filter(unit__path__startswith=officer.unit.path).order_by("sort_key", "pk")
    )
    assert len(people) > 2
    first, third = people[0], people[2]
    registrations.save_registration(
        officer, draft_reg, entries=[(None, "giay_khen"), (first.pk, "lao_dong_tien_tien")]
    )
    draft_reg.refresh_from_db()
    page = _page(client, officer, _detail(draft_reg) + "?page=2")
    assert third.full_name in page and first.full_name not in page
    assert 'data-testid="people-pages"' in page
    response = client.post(
        _detail(draft_reg) + "?page=2",
        {
            "version": draft_reg.version,
            "unit_title": ["giay_khen"],
            "person_title": [f"{third.pk}:lao_dong_tien_tien"],
            "then": "save",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?page=2")
    stored = set(
        Registration.objects.get(pk=draft_reg.pk).entries.values_list("person_id", "title")
    )
    # The first person's title (page 1) is kept; the third's (page 2) is added.
    assert stored == {
        (None, "giay_khen"),
        (first.pk, "lao_dong_tien_tien"),
        (third.pk, "lao_dong_tien_tien"),
    }
