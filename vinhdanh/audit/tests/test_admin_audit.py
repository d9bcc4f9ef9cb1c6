"""Every write on the admin site leaves an audit entry with its before and after."""

import lxml.html
import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from vinhdanh.audit.admin_audit import is_audited, is_read_only
from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Council
from vinhdanh.records.models import Rating


def test_every_model_admin_is_read_only_or_audited():
    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not (is_read_only(model_admin) or is_audited(model_admin))
    ]
    assert unaudited == []
    # The check can fail: Django's own group admin writes, and is audited only by being wrapped.
    assert is_audited(admin.site._registry[Group])
    assert not is_read_only(admin.site._registry[Group])
    assert is_read_only(admin.site._registry[AuditEntry])


def _form_values(response, form_id: str) -> dict:
    """What a browser would send back from the page's form, unchanged."""
    form = lxml.html.fromstring(response.content.decode()).get_element_by_id(form_id)
    data: dict[str, list[str]] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


@pytest.fixture
def admin_client_of(client, demo_user):
    administrator = demo_user("admin")
    client.force_login(administrator)
    return client, administrator


@pytest.mark.django_db
def test_changing_a_users_role_on_the_admin_site_is_recorded(admin_client_of, demo_user):
    client, administrator = admin_client_of
    officer = demo_user("canbo.hoangliet")
    url = reverse("admin:accounts_user_change", args=[officer.pk])
    data = _form_values(client.get(url), "user_form")
    data["role"] = ["cluster_head"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    officer.refresh_from_db()
    assert officer.role == "cluster_head"
    entry = AuditEntry.objects.get(action="admin.accounts.user.change", object_id=str(officer.pk))
    assert entry.actor == administrator
    assert (entry.before["role"], entry.after["role"]) == ("unit_officer", "cluster_head")
    changed = {name for name in entry.after if entry.after[name] != entry.before[name]}
    # The admin's date and time inputs drop the microseconds of date_joined: a real change too.
    assert changed - {"date_joined"} == {"role"}
    assert entry.before["unit"] == entry.after["unit"] == officer.unit_id
    assert "password" not in entry.before and "password" not in entry.after


@pytest.mark.django_db
def test_a_password_set_on_the_admin_site_is_recorded_without_it(admin_client_of, demo_user):
    client, administrator = admin_client_of
    officer = demo_user("canbo.dinhcong")
    url = reverse("admin:auth_user_password_change", args=[officer.pk])
    new_password = "Mật-khẩu-mới-2026!"
    data = _form_values(client.get(url), "user_form")
    data.update(password1=[new_password], password2=[new_password])
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(action="admin.accounts.user.password")
    assert (entry.actor, entry.object_id) == (administrator, str(officer.pk))
    assert entry.before is None and entry.after is None
    officer.refresh_from_db()
    assert officer.password[:20] not in str(entry.__dict__)


@pytest.mark.django_db
def test_an_inline_row_changed_on_the_admin_site_is_recorded(admin_client_of):
    client, administrator = admin_client_of
    council = Council.objects.get()
    member = council.members.order_by("pk").first()
    url = reverse("admin:org_council_change", args=[council.pk])
    data = _form_values(client.get(url), "council_form")
    [field] = [n for n, value in data.items() if n.endswith("-id") and value == [str(member.pk)]]
    title_field = field.removesuffix("-id") + "-title_in_council"
    data[title_field] = ["Chủ tịch Hội đồng (kiêm nhiệm)"]
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(action="admin.org.councilmember.change")
    assert entry.object_id == str(member.pk)
    assert entry.before["title_in_council"] == member.title_in_council
    assert entry.after["title_in_council"] == "Chủ tịch Hội đồng (kiêm nhiệm)"
    assert AuditEntry.objects.filter(action="admin.org.council.change", actor=administrator)


@pytest.mark.django_db
def test_deletions_on_the_admin_site_are_recorded_with_what_was_deleted(admin_client_of):
    client, administrator = admin_client_of
    first, second, third = Rating.objects.order_by("pk")[:3]
    url = reverse("admin:records_rating_delete", args=[first.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    changelist = reverse("admin:records_rating_changelist")
    response = client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [second.pk, third.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Rating.objects.filter(pk__in=[first.pk, second.pk, third.pk]).exists()
    entries = AuditEntry.objects.filter(action="admin.records.rating.delete").order_by("object_id")
    assert [e.object_id for e in entries] == sorted(str(r.pk) for r in (first, second, third))
    levels = {str(r.pk): r.level for r in (first, second, third)}
    assert {e.object_id: e.before["level"] for e in entries} == levels
    assert {e.actor for e in entries} == {administrator}
