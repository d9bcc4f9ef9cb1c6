"""Stored files are private: every one the demo holds is served only to whom its scope allows.

The fields are found with apps.get_models(), so a new FileField is covered (and must name
its serving view and its owner here) without anyone remembering to add a test.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.db import models
from django.test import override_settings
from django.urls import URLPattern, URLResolver, reverse

from vinhdanh.accounts.models import Role, User
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.core.files import NoPublicURL, has_serving_view, serving_url
from vinhdanh.org.models import Unit


def _file_fields() -> list[tuple[type[models.Model], str]]:
    found = [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    return sorted(found, key=lambda pair: _key(*pair))


def _key(model, field_name: str) -> str:
    return f"{model._meta.label_lower}.{field_name}"


def _officer_of(unit) -> User | None:
    return User.objects.filter(unit=unit).order_by("pk").first()


# Whose file it is: who uploaded it, asked for it, or acts for the unit that sent it.
OWNERS = {
    "awards.attachment.file": lambda row: row.uploaded_by,
    "awards.batch.letter": lambda row: row.created_by,
    "awards.printjob.file": lambda row: row.requested_by,
    "awards.submission.letter": lambda row: row.created_by,
    "exemplars.exemplarevidence.file": lambda row: row.exemplar.created_by,
    "exemplars.exemplarphoto.file": lambda row: row.exemplar.created_by,
    # A contest entry's file: the standing office of the contest's council (judges reach it
    # through their own sheets, contests:sheet_file).
    "contests.entry.file": lambda row: (
        User.objects.filter(role=Role.STANDING_OFFICE, council=row.contest.council)
        .order_by("pk")
        .first()
    ),
    "initiatives.initiativeevidence.file": lambda row: row.initiative.created_by,
    # An online filing's files: the standing office of the council it was sent to.
    "filings.filingattachment.file": lambda row: (
        User.objects.filter(role=Role.STANDING_OFFICE, council=row.filing.council)
        .order_by("pk")
        .first()
    ),
    "movements.movementdocument.file": lambda row: _officer_of(row.movement.launched_by),
    "plans.planimport.file": lambda row: row.created_by,
    "plans.reportattachment.file": lambda row: row.report.author,
    "plans.unitplansubmission.file": lambda row: row.submitted_by,
    "records.screeningjob.export": lambda row: row.requested_by,
    "scoring.scoreevidence.file": lambda row: row.uploaded_by,
    "inspections.finding.evidence_file": lambda row: row.recorded_by,
    "training.trainingmaterial.file": lambda row: _officer_of(row.session.council.standing_office),
    "signing.signeddocument.file": lambda row: row.created_by,
    "signing.signingcertificate.file": lambda row: row.uploaded_by,
}
FILE_FIELDS = _file_fields()


def _stored_files():
    for model, field_name in FILE_FIELDS:
        for row in model._default_manager.exclude(**{field_name: ""}).order_by("pk"):
            yield model, field_name, row, getattr(row, field_name)


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def outsider(demo):
    """The officer of a ward that takes part in nothing: no plan, movement, cluster or dossier."""
    district = Unit.objects.get(code="hoang-mai")
    ward = Unit.objects.create(
        code="phuong-thu-nghiem",
        name="Phường Thử Nghiệm",
        short_name="UBND phường Thử Nghiệm",
        kind=Unit.objects.filter(parent=district, code__startswith="phuong-").first().kind,
        level=Unit.objects.filter(parent=district, code__startswith="phuong-").first().level,
        parent=district,
    )
    return User.objects.create_user(
        username="canbo.thunghiem", password="x", role=Role.UNIT_OFFICER, unit=ward
    )


def test_every_file_field_names_its_serving_view_and_its_owner():
    keys = [_key(model, name) for model, name in FILE_FIELDS]
    assert len(keys) >= 8
    assert [k for k in keys if k not in OWNERS] == []
    assert [
        k for (m, n), k in zip(FILE_FIELDS, keys, strict=True) if not has_serving_view(m, n)
    ] == []


@pytest.mark.django_db
def test_the_demo_holds_a_stored_file_of_every_kind(demo):
    kinds = {_key(model, name) for model, name, _row, _file in _stored_files()}
    assert kinds == {_key(model, name) for model, name in FILE_FIELDS}


@pytest.mark.django_db
def test_every_stored_file_reaches_its_owner_and_no_one_else(client, demo, outsider):
    officers = list(User.objects.filter(role=Role.UNIT_OFFICER).exclude(pk=outsider.pk))
    failures, served = {}, 0
    for model, field_name, row, stored in _stored_files():
        label = f"{_key(model, field_name)}#{row.pk}"
        url = serving_url(row, field_name)
        client.logout()
        if client.get(url).status_code != 404:
            failures[label] = "anonymous not refused"
            continue
        client.force_login(outsider)
        if client.get(url).status_code != 404:
            failures[label] = "another unit's officer not refused"
            continue
        owner = OWNERS[_key(model, field_name)](row)
        if owner.role == Role.UNIT_OFFICER:
            # The demo's other ward officers are strangers to a ward's own file.
            strangers = [u for u in officers if not owner.unit.path.startswith(u.unit.path)]
            strangers = [u for u in strangers if u.unit_id != owner.unit_id]
            for stranger in strangers:
                client.force_login(stranger)
                if client.get(url).status_code != 404:
                    failures[label] = f"{stranger.username} not refused"
        client.force_login(owner)
        response = client.get(url)
        with stored.storage.open(stored.name, "rb") as handle:
            expected = handle.read()
        if response.status_code != 200 or _body(response) != expected:
            failures[label] = f"owner {owner.username} got {response.status_code}"
            continue
        if not response["Content-Disposition"].startswith("attachment;"):
            failures[label] = "not sent as an attachment"
        if response["X-Content-Type-Options"] != "nosniff":
            failures[label] = "no nosniff"
        served += 1
    assert failures == {}
    assert served >= len(FILE_FIELDS)


@pytest.mark.django_db
def test_nothing_is_served_under_media(client, demo_user):
    client.force_login(demo_user("admin"))
    names = [stored.name for _m, _n, _row, stored in _stored_files()]
    assert names
    for name in names:
        assert client.get(f"/media/{name}").status_code == 404
        assert client.get(f"/{name}").status_code == 404


def _patterns(resolver_patterns, prefix=""):
    for pattern in resolver_patterns:
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns, text)
        elif isinstance(pattern, URLPattern):
            yield text


def test_not_even_debug_mode_serves_a_folder_of_uploads():
    module = importlib.import_module("vinhdanh.urls")
    try:
        with override_settings(DEBUG=True):
            patterns = list(_patterns(importlib.reload(module).urlpatterns))
    finally:
        importlib.reload(module)
    assert patterns and not [p for p in patterns if "media" in p or "serve" in p]


@pytest.mark.django_db
def test_a_stored_file_has_no_public_url(demo):
    _model, _name, _row, stored = next(_stored_files())
    with pytest.raises(NoPublicURL):
        stored.url  # noqa: B018 - asking is the test


@pytest.mark.parametrize(
    ("model", "field_name"), FILE_FIELDS, ids=lambda v: getattr(v, "__name__", v)
)
def test_stored_names_cannot_be_guessed(model, field_name):
    field = model._meta.get_field(field_name)
    original = "Hồ sơ Nguyễn Văn An 2021.PDF"
    first = field.generate_filename(model(), original)
    second = field.generate_filename(model(), original)
    assert first != second
    for name in (first, second):
        # folder/<random token>.pdf: nothing of the person, the year or the dossier.
        assert re.fullmatch(r"[a-z_/]+/[A-Za-z0-9_-]{32,}\.pdf", name)
        assert "Nguy" not in name and "2021" not in name


@pytest.mark.django_db
def test_two_uploads_of_one_name_are_stored_apart_and_shown_by_that_name(demo_user):
    from vinhdanh.awards import services
    from vinhdanh.awards.tests.helpers import new_draft

    officer = demo_user("canbo.hoangliet")
    nomination = new_draft(demo_user)
    component = nomination.title.title_components.filter(component__generated=False).first()
    rows = [
        services.add_attachment(
            officer,
            nomination,
            component=component.component,
            filename="Biên bản họp.pdf",
            content=DEMO_PDF,
        )
        for _ in range(2)
    ]
    assert rows[0].file.name != rows[1].file.name
    assert [row.original_name for row in rows] == ["Biên bản họp.pdf"] * 2
    assert all(row.file.storage.exists(row.file.name) for row in rows)


def _expected_unit_without_plan(plan):
    from vinhdanh.plans.tracking import expected_units

    return expected_units(plan).exclude(pk__in=plan.unit_submissions.values("unit")).first()


@pytest.mark.django_db
def test_a_replaced_unit_plan_leaves_no_old_file(demo_user, django_capture_on_commit_callbacks):
    from vinhdanh.plans.models import Plan
    from vinhdanh.plans.services import submit_unit_plan

    office = demo_user("thuongtruc")
    plan = Plan.objects.get(year=2021)
    unit = _expected_unit_without_plan(plan)

    def send(text: str):
        with django_capture_on_commit_callbacks(execute=True):
            return submit_unit_plan(
                actor=office,
                plan=plan,
                unit=unit,
                filename="ke-hoach.txt",
                content=text.encode(),
            )

    first_name = send("Bản đầu.").file.name
    second = send("Bản thay thế.")
    storage = second.file.storage
    assert first_name != second.file.name
    assert not storage.exists(first_name)
    with storage.open(second.file.name) as handle:
        assert handle.read() == "Bản thay thế.".encode()


@pytest.mark.django_db
def test_a_deleted_row_takes_its_file_with_it(demo_user, django_capture_on_commit_callbacks):
    from vinhdanh.awards import services
    from vinhdanh.awards.tests.helpers import new_draft

    nomination = new_draft(demo_user)
    component = nomination.title.title_components.filter(component__generated=False).first()
    with django_capture_on_commit_callbacks(execute=True):
        attachment = services.add_attachment(
            demo_user("canbo.hoangliet"),
            nomination,
            component=component.component,
            filename="a.pdf",
            content=DEMO_PDF,
        )
    name, storage = attachment.file.name, attachment.file.storage
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()
    assert not storage.exists(name)


@pytest.mark.django_db
def test_a_rolled_back_replacement_keeps_the_old_file(demo_user):
    from vinhdanh.plans.models import UnitPlanSubmission

    submission = UnitPlanSubmission.objects.filter(submitted_by__username="canbo.hoangliet").get()
    old = submission.file.name
    submission.file.save("moi.txt", _content("Bản mới."), save=True)
    # No commit happened (the test's transaction is rolled back): the old file must stay.
    assert submission.file.storage.exists(old)


def _content(text: str):
    from django.core.files.base import ContentFile

    return ContentFile(text.encode())


@pytest.mark.django_db
def test_with_the_accel_prefix_nginx_sends_the_bytes(client, demo_user):
    from vinhdanh.plans.models import UnitPlanSubmission

    officer = demo_user("canbo.hoangliet")
    submission = UnitPlanSubmission.objects.get(submitted_by=officer)
    submission.original_name = "Kế hoạch năm 2021.txt"
    submission.save(update_fields=["original_name"])
    client.force_login(officer)
    with override_settings(PRIVATE_FILES_ACCEL_PREFIX="/protected-files/"):
        response = client.get(reverse("plans:unit_plan_file", args=[submission.pk]))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-files/{submission.file.name}"
    assert response.content == b""
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20n%C4%83m%202021.txt"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(demo_user("canbo.dinhcong"))
    with override_settings(PRIVATE_FILES_ACCEL_PREFIX="/protected-files/"):
        refused = client.get(reverse("plans:unit_plan_file", args=[submission.pk]))
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


@pytest.mark.django_db
def test_files_stored_under_former_names_move_to_private_ones(
    demo_user, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    from vinhdanh.core.files import PRIVATE_NAME
    from vinhdanh.plans.models import UnitPlanSubmission

    migration = importlib.import_module("vinhdanh.plans.migrations.0003_private_file_names")

    submission = UnitPlanSubmission.objects.get(submitted_by__username="canbo.hoangliet")
    old = default_storage.save("plans/unit_plans/2021/ke-hoach-hoang-liet.txt", _content("Cũ."))
    UnitPlanSubmission.objects.filter(pk=submission.pk).update(file=old)
    others = dict(UnitPlanSubmission.objects.exclude(pk=submission.pk).values_list("pk", "file"))
    with django_capture_on_commit_callbacks(execute=True):
        migration.to_private_names("plans", "UnitPlanSubmission", "file")(apps)
    submission.refresh_from_db()
    assert PRIVATE_NAME.fullmatch(submission.file.name)
    assert submission.file.name.endswith(".txt") and "hoang" not in submission.file.name
    with default_storage.open(submission.file.name) as handle:
        assert handle.read() == "Cũ.".encode()
    assert not default_storage.exists(old)
    # Files already under private names stay where they are.
    assert others and all(PRIVATE_NAME.fullmatch(name) for name in others.values())
    assert dict(UnitPlanSubmission.objects.exclude(pk=submission.pk).values_list("pk", "file")) == (
        others
    )
