"""The audit log reads as sentences, links each object, filters, and shows what changed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vinhdanh.audit.models import AuditEntry
from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.models import Nomination
from vinhdanh.org.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, demo_user):
    user = demo_user("thuongtruc")
    client.force_login(user)
    return user


def _entries(response):
    return list(response.context["entries"])


def test_an_entry_is_a_sentence_with_a_link_to_its_object(client, office):
    nomination = Nomination.objects.filter(unit__path__startswith=office.council.unit.path).first()
    entry = record(actor=office, action="awards.nomination.appraise", instance=nomination)
    html = client.get(reverse("home:audit_log")).content.decode()
    local = timezone.localtime(entry.at)
    url = reverse("awards:nomination_detail", args=[nomination.pk])
    expected = (
        f"{office} đã thẩm định hồ sơ đề nghị <a href='{url}'>“{nomination}”</a> lúc "
        f"{local:%H:%M} ngày {local:%d/%m/%Y}"
    )
    assert expected in html
    assert "awards.nomination.appraise" not in html.replace(
        'value="awards.nomination.appraise"', ""
    )


def test_before_and_after_show_the_changed_fields_by_their_labels(client, office):
    person = Person.objects.filter(unit__path__startswith=office.council.unit.path).first()
    before = snapshot(person)
    person.position = "Trưởng phòng"
    record(
        actor=office,
        action="org.person.update",
        instance=person,
        before=before,
        after=snapshot(person),
    )
    entry = _entries(client.get(reverse("home:audit_log")))[0]
    changed = {change.field: (change.before, change.after) for change in entry.changes}
    field_label = str(Person._meta.get_field("position").verbose_name)
    label = field_label[0].upper() + field_label[1:]
    assert changed == {label: (before["position"] or "—", "Trưởng phòng")}


def test_a_state_and_a_yes_no_are_written_in_words(client, office):
    nomination = Nomination.objects.filter(unit__path__startswith=office.council.unit.path).first()
    before = snapshot(nomination)
    after = {**before, "state": "appraised"}
    record(
        actor=office,
        action="awards.nomination.appraise",
        instance=nomination,
        before=before,
        after=after,
    )
    entry = _entries(client.get(reverse("home:audit_log")))[0]
    states = dict(Nomination._meta.get_field("state").flatchoices)
    (change,) = entry.changes
    assert (change.before, change.after) == (str(states[before["state"]]), str(states["appraised"]))


def test_filters_by_person_unit_action_and_dates(client, office, demo_user):
    officer = demo_user("canbo.hoangliet")
    person = Person.objects.filter(unit=officer.unit).first()
    mine = record(actor=officer, action="org.person.update", instance=person)
    theirs = record(actor=office, action="org.person.create", instance=person)
    url = reverse("home:audit_log")

    by_person = _entries(client.get(url, {"actor": officer.pk}))
    assert mine in by_person and theirs not in by_person
    by_unit = _entries(client.get(url, {"unit": officer.unit.pk}))
    assert mine in by_unit and theirs not in by_unit
    by_action = _entries(client.get(url, {"action": "org.person.create"}))
    assert theirs in by_action and mine not in by_action
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    assert mine in _entries(client.get(url, {"since": f"{today:%d/%m/%Y}"}))
    assert _entries(client.get(url, {"since": f"{tomorrow:%d/%m/%Y}"})) == []
    assert mine in _entries(client.get(url, {"until": f"{today:%d/%m/%Y}"}))
    yesterday = today - datetime.timedelta(days=1)
    assert mine not in _entries(client.get(url, {"until": f"{yesterday:%d/%m/%Y}"}))


def test_a_bad_date_says_why_in_vietnamese_and_filters_nothing(client, office):
    person = Person.objects.filter(unit__path__startswith=office.council.unit.path).first()
    entry = record(actor=office, action="org.person.create", instance=person)
    response = client.get(reverse("home:audit_log"), {"since": "32/13/2026"})
    assert "Ngày “từ ngày” không đọc được" in response.content.decode()
    assert entry in _entries(response)
    response = client.get(reverse("home:audit_log"), {"since": "02/12/2026", "until": "01/12/2026"})
    assert "“Từ ngày” phải trước hoặc bằng “đến ngày”." in response.content.decode()


def test_the_action_filter_offers_words(client, office):
    person = Person.objects.filter(unit__path__startswith=office.council.unit.path).first()
    record(actor=office, action="org.person.create", instance=person)
    actions = dict(client.get(reverse("home:audit_log")).context["actions"])
    assert actions["org.person.create"] == "thêm cá nhân"


def test_the_home_pages_recent_changes_are_sentences(client, office):
    person = Person.objects.filter(unit__path__startswith=office.council.unit.path).first()
    record(actor=office, action="org.person.create", instance=person)
    html = client.get(reverse("home:index")).content.decode()
    assert f"{office} đã thêm cá nhân" in html
    assert "<code>org.person.create</code>" not in html
    assert AuditEntry.objects.filter(action="org.person.create").exists()


def test_a_related_row_is_named_not_numbered(client, office):
    from vinhdanh.org.models import Unit

    person = Person.objects.filter(unit__path__startswith=office.council.unit.path).first()
    other = (
        Unit.objects.filter(path__startswith=office.council.unit.path)
        .exclude(pk=person.unit_id)
        .first()
    )
    before = snapshot(person)
    person.unit = other
    record(
        actor=office,
        action="org.person.update",
        instance=person,
        before=before,
        after=snapshot(person),
    )
    entry = _entries(client.get(reverse("home:audit_log")))[0]
    (change,) = entry.changes
    assert (change.before, change.after) == (str(Unit.objects.get(pk=before["unit"])), str(other))
