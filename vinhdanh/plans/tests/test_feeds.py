"""Calendar-feed addresses: random, stored hashed, expiring, revocable by their owner."""

import datetime

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Unit
from vinhdanh.plans import feeds, services
from vinhdanh.plans.models import FeedToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_user(demo_user):
    return demo_user("thuongtruc")


@pytest.fixture
def own_unit(office_user):
    return office_user.unit


def _feed_url(secret: str) -> str:
    return reverse("plans:unit_feed", args=[secret])


def test_token_is_stored_only_as_its_hash_and_the_creation_is_audited(office_user, own_unit):
    new = services.create_feed_token(actor=office_user, unit=own_unit)
    stored = FeedToken.objects.get(pk=new.token.pk)
    assert len(new.secret) >= 40
    assert new.secret not in {stored.token_hash, stored.prefix}
    assert stored.token_hash == feeds.token_hash(new.secret)
    assert stored.prefix == new.secret[:6]
    entry = AuditEntry.objects.get(action="plans.feed_token.create", object_id=str(stored.pk))
    assert entry.actor == office_user
    assert new.secret not in str(entry.after) and stored.token_hash not in str(entry.after)


def test_token_expires_after_the_configured_days(office_user, own_unit, settings):
    settings.FEED_TOKEN_DAYS = 30
    now = timezone.now()
    new = services.create_feed_token(actor=office_user, unit=own_unit, now=now)
    assert new.token.expires_at == now + datetime.timedelta(days=30)
    assert feeds.usable_token(new.secret, now + datetime.timedelta(days=29)) is not None
    assert feeds.usable_token(new.secret, now + datetime.timedelta(days=30)) is None


def test_feed_serves_the_unit_and_records_its_last_use(client, office_user, own_unit):
    new = services.create_feed_token(actor=office_user, unit=own_unit)
    response = client.get(_feed_url(new.secret))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f"Vinh Danh · {own_unit.name}" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert FeedToken.objects.get(pk=new.token.pk).last_used_at is not None


def test_expired_token_is_not_found(client, office_user, own_unit):
    new = services.create_feed_token(actor=office_user, unit=own_unit)
    FeedToken.objects.filter(pk=new.token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.get(_feed_url(new.secret)).status_code == 404


def test_revoked_token_is_not_found_and_the_revocation_is_audited(client, office_user, own_unit):
    new = services.create_feed_token(actor=office_user, unit=own_unit)
    assert client.get(_feed_url(new.secret)).status_code == 200
    services.revoke_feed_token(actor=office_user, token=new.token)
    assert client.get(_feed_url(new.secret)).status_code == 404
    assert AuditEntry.objects.filter(
        action="plans.feed_token.revoke", object_id=str(new.token.pk), actor=office_user
    ).exists()
    with pytest.raises(ValidationError, match="đã được thu hồi"):
        services.revoke_feed_token(actor=office_user, token=new.token)


def test_only_the_owner_revokes(office_user, own_unit, demo_user):
    new = services.create_feed_token(actor=office_user, unit=own_unit)
    with pytest.raises(PermissionDenied, match="của chính mình"):
        services.revoke_feed_token(actor=demo_user("canbo.hoangliet"), token=new.token)
    assert FeedToken.objects.get(pk=new.token.pk).revoked_at is None


def test_a_unit_officer_cannot_make_a_feed_of_another_unit(demo_user):
    officer = demo_user("canbo.hoangliet")
    other = Unit.objects.get(code="phong-noi-vu")
    with pytest.raises(PermissionDenied, match="không thể tạo lịch hạn"):
        services.create_feed_token(actor=officer, unit=other)
    assert not FeedToken.objects.filter(owner=officer).exists()


def test_feed_stops_when_the_owner_leaves_the_unit_or_is_deactivated(client, demo_user):
    officer = demo_user("canbo.hoangliet")
    new = services.create_feed_token(actor=officer, unit=officer.unit)
    officer.unit = Unit.objects.get(code="phong-noi-vu")
    officer.save()
    assert client.get(_feed_url(new.secret)).status_code == 404
    officer.unit = new.token.unit
    officer.is_active = False
    officer.save()
    assert client.get(_feed_url(new.secret)).status_code == 404


def test_old_signed_tokens_and_guesses_no_longer_open_a_feed(client, own_unit):
    old = signing.dumps(own_unit.pk, salt="vinhdanh.plans.unit-feed")
    for token in (old, "forged", str(own_unit.pk), "x" * 200):
        assert client.get(_feed_url(token)).status_code == 404


def test_active_tokens_per_user_are_limited(office_user, own_unit, monkeypatch):
    monkeypatch.setattr(feeds, "MAX_ACTIVE_PER_USER", 2)
    services.create_feed_token(actor=office_user, unit=own_unit)
    services.create_feed_token(actor=office_user, unit=own_unit)
    with pytest.raises(ValidationError, match="hãy thu hồi bớt"):
        services.create_feed_token(actor=office_user, unit=own_unit)


def test_page_creates_shows_the_address_once_and_revokes(client, office_user, own_unit):
    client.force_login(office_user)
    response = client.post(reverse("plans:feed_create"), {"unit": own_unit.pk}, follow=True)
    html = response.content.decode()
    token = FeedToken.objects.get(owner=office_user)
    assert 'data-testid="new-feed-url"' in html and "Đang dùng" in html
    shown = html.split('data-testid="new-feed-url"')[1].split('value="')[1].split('"')[0]
    assert shown.startswith("http://testserver/plans/feed/") and shown.endswith(".ics")
    secret = shown.removeprefix("http://testserver/plans/feed/").removesuffix(".ics")
    assert feeds.token_hash(secret) == token.token_hash
    # Shown once: the next visit lists the token by its prefix only.
    again = client.get(reverse("plans:feeds")).content.decode()
    assert secret not in again and f"{token.prefix}…" in again
    response = client.post(reverse("plans:feed_revoke", args=[token.pk]), follow=True)
    assert "Đã thu hồi liên kết" in response.content.decode()
    assert "Đã thu hồi" in response.content.decode()
    assert client.get(_feed_url(secret)).status_code == 404


def test_page_refuses_another_unit_with_a_vietnamese_message(client, demo_user):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    other = Unit.objects.get(code="phong-noi-vu")
    response = client.post(reverse("plans:feed_create"), {"unit": other.pk}, follow=True)
    assert "Bạn không thể tạo lịch hạn cho đơn vị này." in response.content.decode()
    assert not FeedToken.objects.filter(owner=officer).exists()


def test_another_users_token_cannot_be_revoked_through_the_page(client, office_user, demo_user):
    new = services.create_feed_token(actor=office_user, unit=office_user.unit)
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.post(reverse("plans:feed_revoke", args=[new.token.pk])).status_code == 404
    assert FeedToken.objects.get(pk=new.token.pk).revoked_at is None


def test_user_menu_links_to_the_feed_page(client, office_user):
    client.force_login(office_user)
    html = client.get(reverse("home:index")).content.decode()
    assert f'href="{reverse("plans:feeds")}" data-testid="my-feeds"' in html


@pytest.mark.parametrize("chosen", ["", "abc", "999999"])
def test_page_asks_for_a_unit_when_none_or_a_wrong_one_is_sent(client, office_user, chosen):
    client.force_login(office_user)
    response = client.post(reverse("plans:feed_create"), {"unit": chosen}, follow=True)
    assert response.status_code == 200
    assert "Hãy chọn đơn vị." in response.content.decode()
    assert not FeedToken.objects.filter(owner=office_user).exists()
