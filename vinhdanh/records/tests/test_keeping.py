"""Records kept by the units: scoped services with audit, pages, and the .xlsx imports."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from vinhdanh.audit.models import AuditEntry
from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.org import services as org_services
from vinhdanh.org.models import Person, Unit
from vinhdanh.records import services
from vinhdanh.records.importing import SHEETS, parse_date, parse_records_workbook
from vinhdanh.records.models import DisciplineRecord, Initiative, Rating, RecordImport
from vinhdanh.records.screening import explain

pytestmark = pytest.mark.django_db


def workbook(header, *rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


RATING_HEADER = ("Mã cá nhân", "Mã đơn vị (tập thể)", "Năm", "Mức xếp loại")


@pytest.fixture
def ward_a():
    return Unit.objects.get(code="phuong-hoang-liet")


@pytest.fixture
def newcomer(ward_a, demo_user):
    """A person of ward A with no record at all."""
    return org_services.create_person(
        actor=demo_user("thuongtruc"),
        code="hl-moi-1",
        full_name="Lê Thị Mới",
        unit=ward_a,
        gender="female",
    )


@pytest.fixture
def outsider():
    return Person.objects.filter(unit__code="phuong-dinh-cong").order_by("pk").first()


# -- services ---------------------------------------------------------------------
def test_a_ward_officer_records_for_own_people_and_each_change_is_audited(demo_user, newcomer):
    officer = demo_user("canbo.hoangliet")
    rating = services.save_record(
        actor=officer, kind="ratings", person=newcomer, year=2021, level="tot"
    )
    services.save_record(
        actor=officer, kind="ratings", instance=rating, person=newcomer, year=2021,
        level="xuat_sac",
    )  # fmt: skip
    assert Rating.objects.get(person=newcomer, year=2021).level == "xuat_sac"
    services.delete_record(actor=officer, instance=rating)
    assert not Rating.objects.filter(person=newcomer).exists()
    actions = list(
        AuditEntry.objects.filter(object_id=str(rating.pk), action__startswith="records.rating")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["records.rating.create", "records.rating.update", "records.rating.delete"]
    deleted = AuditEntry.objects.get(object_id=str(rating.pk), action="records.rating.delete")
    assert deleted.before["level"] == "xuat_sac"


def test_a_ward_officer_cannot_add_for_another_wards_person(demo_user, outsider):
    officer = demo_user("canbo.hoangliet")
    before = DisciplineRecord.objects.count()
    with pytest.raises(PermissionDenied):
        services.save_record(
            actor=officer, kind="discipline", person=outsider, year=2021, form="canh_cao",
            decision_number="", decision_date=None, until=None,
        )  # fmt: skip
    assert DisciplineRecord.objects.count() == before


def test_a_ward_officer_cannot_move_another_wards_record_into_their_ward(
    demo_user, outsider, newcomer
):
    theirs = Rating.objects.filter(person=outsider).first()
    with pytest.raises(PermissionDenied):
        services.save_record(
            actor=demo_user("canbo.hoangliet"), kind="ratings", instance=theirs,
            person=newcomer, year=theirs.year, level="tot",
        )  # fmt: skip
    assert Rating.objects.get(pk=theirs.pk).person_id == outsider.pk


def test_a_council_member_records_nothing(demo_user, newcomer):
    with pytest.raises(PermissionDenied):
        services.save_record(
            actor=demo_user("uyvien"), kind="ratings", person=newcomer, year=2021, level="tot"
        )


def test_a_second_rating_of_the_same_year_is_refused_with_a_message(demo_user, newcomer):
    office = demo_user("thuongtruc")
    services.save_record(actor=office, kind="ratings", person=newcomer, year=2021, level="tot")
    with pytest.raises(ValidationError) as refused:
        services.save_record(
            actor=office, kind="ratings", person=newcomer, year=2021, level="xuat_sac"
        )
    assert "đã có xếp loại năm 2021" in str(refused.value)


def test_a_penalty_cannot_end_before_its_decision(demo_user, newcomer):
    import datetime

    with pytest.raises(ValidationError) as refused:
        services.save_record(
            actor=demo_user("thuongtruc"), kind="discipline", person=newcomer, year=2021,
            form="khien_trach", decision_number="1/QĐ", decision_date=datetime.date(2021, 5, 1),
            until=datetime.date(2021, 1, 1),
        )  # fmt: skip
    assert "sau ngày quyết định" in str(refused.value)


# -- the verdicts read the records at once --------------------------------------------
def test_adding_ratings_changes_the_screening_verdict(demo_user, newcomer):
    officer = demo_user("canbo.hoangliet")
    assert explain(newcomer, "lao_dong_tien_tien", 2021).verdict != "eligible"
    services.save_record(actor=officer, kind="ratings", person=newcomer, year=2021, level="tot")
    assert explain(newcomer, "lao_dong_tien_tien", 2021).verdict == "eligible"


def test_pending_discipline_changes_the_verdict(demo_user, newcomer):
    officer = demo_user("canbo.hoangliet")
    services.save_record(actor=officer, kind="ratings", person=newcomer, year=2021, level="tot")
    assert explain(newcomer, "lao_dong_tien_tien", 2021).verdict == "eligible"
    services.save_record(
        actor=officer, kind="discipline", person=newcomer, year=2021, form="dang_xem_xet",
        decision_number="", decision_date=None, until=None,
    )  # fmt: skip
    # ND 152 Đ4 k4: no award while a disciplinary review is pending.
    assert explain(newcomer, "lao_dong_tien_tien", 2021).verdict != "eligible"


# -- reading a workbook (pure) --------------------------------------------------------
def _everyone(people, units):
    return people, units


def test_every_bad_cell_is_named_by_row_and_column():
    content = workbook(
        RATING_HEADER,
        ("hl-1", "", 2021, "Hoàn thành tốt nhiệm vụ"),
        ("hl-2", "", "năm ngoái", "Tốt lắm"),
        ("", "", 2021, "xuất sắc"),
        ("hl-1", "", 2021, "HTXSNV"),
    )
    parsed = parse_records_workbook("ratings", content, resolve=_everyone)
    found = [(e.row, e.column, e.message) for e in parsed.errors]
    assert (3, "Năm", "“năm ngoái” không phải là một năm (ví dụ 2021).") in found
    assert any(r == 3 and c == "Mức xếp loại" and "“Tốt lắm”" in m for r, c, m in found)
    assert any(r == 4 and c == "Mã cá nhân" and "đúng một" in m for r, c, m in found)
    assert any(r == 5 and "trùng với dòng 2" in m.lower() for r, c, m in found)


def test_codes_outside_the_importers_scope_are_errors():
    content = workbook(RATING_HEADER, ("hl-1", "", 2021, "tốt"), ("dc-9", "", 2021, "tốt"))
    parsed = parse_records_workbook(
        "ratings", content, resolve=lambda people, units: ({"hl-1"}, set())
    )
    assert [(e.row, e.column) for e in parsed.errors] == [(3, "Mã cá nhân")]
    assert "dc-9" in parsed.errors[0].message


def test_a_missing_column_is_named():
    parsed = parse_records_workbook(
        "initiatives", workbook(("Mã cá nhân", "Năm"), ("hl-1", 2021)), resolve=_everyone
    )
    assert parsed.errors[0].row == 1
    assert "Tên sáng kiến" in parsed.errors[0].message
    assert "Phạm vi ảnh hưởng" in parsed.errors[0].message


def test_days_are_read_as_typed_or_as_excel_stores_them():
    assert parse_date("05/03/2021").isoformat() == "2021-03-05"
    assert parse_date("2021-03-05 00:00:00").isoformat() == "2021-03-05"
    with pytest.raises(ValueError):
        parse_date("31/02/2021")


def test_each_template_reads_back_with_the_import_columns():
    for kind, sheet in SHEETS.items():
        content = services_template(kind)
        header = [c.value for c in next(load_workbook(io.BytesIO(content)).active.rows)]
        assert header == [c.label for c in sheet.columns], kind


def services_template(kind):
    from vinhdanh.records.importing import template_workbook

    return template_workbook(kind)


# -- importing (all or nothing) ----------------------------------------------------------
def test_an_import_is_previewed_then_applied(demo_user, newcomer, ward_a):
    officer = demo_user("canbo.hoangliet")
    other = Person.objects.filter(unit=ward_a).exclude(pk=newcomer.pk).order_by("pk").first()
    content = workbook(
        SHEETS["initiatives"].columns and [c.label for c in SHEETS["initiatives"].columns],
        ("hl-moi-1", "", 2021, "Số hóa hồ sơ", "Cơ sở", "UBND phường", "15/QĐ", "15/11/2021"),
        (other.code, "", 2020, "Một cửa điện tử", "tỉnh", "", "", ""),
    )
    draft = services.preview_records_import(
        actor=officer, kind="initiatives", filename="sk.xlsx", content=content
    )
    assert not Initiative.objects.filter(person=newcomer).exists()
    assert services.apply_records_import(actor=officer, draft=draft) == 2
    saved = Initiative.objects.get(person=newcomer)
    assert (saved.scope, saved.decision_number, saved.decision_date.isoformat()) == (
        "co_so",
        "15/QĐ",
        "2021-11-15",
    )
    assert Initiative.objects.filter(person=other, year=2020, scope="tinh").exists()
    with pytest.raises(ValidationError):
        services.apply_records_import(actor=officer, draft=draft)
    assert Initiative.objects.filter(person=newcomer).count() == 1


def test_one_bad_row_refuses_the_whole_file(demo_user, newcomer, outsider):
    officer = demo_user("canbo.hoangliet")
    content = workbook(
        RATING_HEADER, ("hl-moi-1", "", 2021, "tốt"), (outsider.code, "", 2021, "tốt")
    )
    with pytest.raises(services.RecordsImportRefused) as refused:
        services.preview_records_import(
            actor=officer, kind="ratings", filename="xl.xlsx", content=content
        )
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "Mã cá nhân")]
    assert not Rating.objects.filter(person=newcomer).exists()
    assert not RecordImport.objects.exists()


def test_applying_rechecks_scope_and_saves_nothing_when_a_row_is_refused(
    demo_user, newcomer, outsider
):
    officer = demo_user("canbo.hoangliet")
    content = workbook(RATING_HEADER, ("hl-moi-1", "", 2021, "tốt"))
    draft = services.preview_records_import(
        actor=officer, kind="ratings", filename="xl.xlsx", content=content
    )
    # A forged row for another ward's person (a preview grants nothing).
    draft.rows.append({**draft.rows[0], "row": 3, "person_code": outsider.code})
    draft.save()
    with pytest.raises(ValidationError) as refused:
        services.apply_records_import(actor=officer, draft=draft)
    assert "Dòng 3" in str(refused.value)
    assert not Rating.objects.filter(person=newcomer).exists()


def test_a_rating_import_updates_the_years_rating(demo_user, ward_a):
    person = Person.objects.filter(unit=ward_a, rating__year=2021).first()
    officer = demo_user("canbo.hoangliet")
    content = workbook(RATING_HEADER, (person.code, "", 2021, "Không hoàn thành nhiệm vụ"))
    draft = services.preview_records_import(
        actor=officer, kind="ratings", filename="xl.xlsx", content=content
    )
    services.apply_records_import(actor=officer, draft=draft)
    assert Rating.objects.get(person=person, year=2021).level == "khong_hoan_thanh"


def test_a_file_that_is_not_a_workbook_is_refused_through_the_upload_gate(demo_user):
    with pytest.raises(services.RecordsImportRefused) as refused:
        services.preview_records_import(
            actor=demo_user("canbo.hoangliet"), kind="ratings", filename="x.xlsx",
            content=b"MZ\x90\x00not a workbook",
        )  # fmt: skip
    assert refused.value.errors[0].row == 0


# -- pages -------------------------------------------------------------------------------
def _upload(content, name="xep-loai.xlsx"):
    return SimpleUploadedFile(name, content)


def test_the_import_pages_show_errors_then_preview_and_apply(client, demo_user, newcomer):
    client.force_login(demo_user("canbo.hoangliet"))
    url = reverse("records:record_import", args=["ratings"])
    bad = workbook(RATING_HEADER, ("hl-moi-1", "", "2O21", "tốt"))
    page = client.post(url, {"file": _upload(bad)})
    assert page.status_code == 400
    html = page.content.decode()
    assert "“2O21” không phải là một năm" in html and 'data-testid="import-errors"' in html
    good = workbook(RATING_HEADER, ("hl-moi-1", "", 2021, "tốt"))
    sent = client.post(url, {"file": _upload(good)})
    draft = RecordImport.objects.get()
    assert sent.url == reverse("records:record_import_preview", args=[draft.pk])
    preview = client.get(sent.url).content.decode()
    assert "Hoàn thành tốt nhiệm vụ" in preview and "hl-moi-1" in preview
    assert not Rating.objects.filter(person=newcomer).exists()
    client.post(reverse("records:record_import_apply", args=[draft.pk]))
    assert Rating.objects.get(person=newcomer, year=2021).level == "tot"


def test_another_users_preview_is_not_found(client, demo_user, newcomer):
    draft = services.preview_records_import(
        actor=demo_user("canbo.hoangliet"), kind="ratings", filename="x.xlsx",
        content=workbook(RATING_HEADER, ("hl-moi-1", "", 2021, "tốt")),
    )  # fmt: skip
    client.force_login(demo_user("thuongtruc"))
    assert client.get(reverse("records:record_import_preview", args=[draft.pk])).status_code == 404
    assert client.post(reverse("records:record_import_apply", args=[draft.pk])).status_code == 404
    assert not Rating.objects.filter(person=newcomer).exists()


def test_the_form_adds_edits_and_deletes_with_confirmation(client, demo_user, newcomer):
    client.force_login(demo_user("canbo.hoangliet"))
    create = reverse("records:record_create", args=["discipline"])
    form = client.get(create, {"person": newcomer.pk}).content.decode()
    assert 'value="hl-moi-1"' in form and "Lê Thị Mới" in form
    refused = client.post(
        create,
        {"person_code": "hl-moi-1", "year": "2021", "form": "canh_cao",
         "decision_date": "2021-06-01", "until": "2021-01-01"},
    )  # fmt: skip
    assert refused.status_code == 400
    assert "Ngày hết thời hạn phải sau ngày quyết định kỷ luật." in refused.content.decode()
    client.post(
        create,
        {"person_code": "hl-moi-1", "year": "2021", "form": "canh_cao",
         "decision_number": "7/QĐ", "decision_date": "2021-06-01", "until": "2022-06-01"},
    )  # fmt: skip
    saved = DisciplineRecord.objects.get(person=newcomer)
    assert saved.until.isoformat() == "2022-06-01"
    edit = reverse("records:record_edit", args=["discipline", saved.pk])
    assert 'value="7/QĐ"' in client.get(edit).content.decode()
    delete = reverse("records:record_delete", args=["discipline", saved.pk])
    confirm = client.get(delete).content.decode()
    assert "không hoàn tác được" in confirm
    assert DisciplineRecord.objects.filter(pk=saved.pk).exists()
    client.post(delete)
    assert not DisciplineRecord.objects.filter(pk=saved.pk).exists()


def test_another_wards_person_is_refused_on_the_form(client, demo_user, outsider):
    client.force_login(demo_user("canbo.hoangliet"))
    page = client.post(
        reverse("records:record_create", args=["ratings"]),
        {"person_code": outsider.code, "year": "2021", "level": "tot"},
    )
    assert page.status_code == 400
    assert f"Không có cá nhân mã “{outsider.code}” trong phạm vi" in page.content.decode()
    assert not Rating.objects.filter(person=outsider, level="tot", year=2022).exists()


def test_another_wards_record_is_not_found_for_edit_or_delete(client, demo_user, outsider):
    theirs = Rating.objects.filter(person=outsider).first()
    client.force_login(demo_user("canbo.hoangliet"))
    for name in ("records:record_edit", "records:record_delete"):
        url = reverse(name, args=["ratings", theirs.pk])
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {"person_code": "x", "year": "2021", "level": "tot"}).status_code
            == 404
        )
    assert Rating.objects.filter(pk=theirs.pk).exists()


def test_the_list_is_scoped_and_filtered(client, demo_user, outsider, ward_a):
    client.force_login(demo_user("canbo.hoangliet"))
    html = client.get(reverse("records:record_list", args=["ratings"]), {"year": 2021}).content
    html = html.decode()
    assert outsider.full_name not in html
    mine = Person.objects.filter(unit=ward_a, rating__year=2021).order_by("pk").first()
    filtered = client.get(
        reverse("records:record_list", args=["ratings"]), {"person": mine.pk}
    ).content.decode()
    assert filtered.count('data-testid="record-row"') == Rating.objects.filter(person=mine).count()


def test_the_list_finds_a_name_typed_without_accents(client, demo_user, newcomer):
    client.force_login(demo_user("canbo.hoangliet"))
    services.save_record(
        actor=demo_user("canbo.hoangliet"), kind="ratings", person=newcomer, year=2021,
        level="tot",
    )  # fmt: skip
    url = reverse("records:record_list", args=["ratings"])
    found = client.get(url, {"q": "le thi moi"}).content.decode()
    assert found.count('data-testid="record-row"') == 1 and "Lê Thị Mới" in found
    assert (
        client.get(url, {"q": "hl-moi-1"}).content.decode().count('data-testid="record-row"') == 1
    )


def test_the_person_and_unit_pages_link_to_their_records(client, demo_user, newcomer, ward_a):
    client.force_login(demo_user("canbo.hoangliet"))
    page = client.get(reverse("org:person_detail", args=[newcomer.pk])).content.decode()
    assert reverse("records:record_list", args=["ratings"]) + f"?person={newcomer.pk}" in page
    page = client.get(reverse("org:unit_detail", args=[ward_a.pk])).content.decode()
    assert reverse("records:record_list", args=["discipline"]) + f"?unit={ward_a.pk}" in page
    # The sidebar leads to the records too.
    assert reverse("records:kept") in page


def test_the_record_list_costs_the_same_queries_with_many_rows(client, demo_user, ward_a):
    client.force_login(demo_user("thuongtruc"))
    numbers = numbering()

    def grow(count):
        for _ in range(count):
            n = next(numbers)
            person = Person.objects.create(
                code=f"ds-{n}", full_name=f"Người {n}", unit=ward_a, gender="male"
            )
            Rating.objects.create(person=person, year=2021, level="tot")
            Initiative.objects.create(person=person, year=2021, name=f"SK {n}", scope="co_so")
            DisciplineRecord.objects.create(person=person, year=2021, form="khien_trach")

    for kind in ("ratings", "initiatives", "discipline"):
        assert_flat(client, reverse("records:record_list", args=[kind]), grow, few=5, many=30)


def test_the_import_preview_costs_the_same_queries_with_many_rows(client, demo_user, ward_a):
    office = demo_user("thuongtruc")
    client.force_login(office)
    draft = RecordImport.objects.create(
        kind="ratings", original_name="x.xlsx", rows=[], created_by=office
    )
    numbers = numbering()

    def grow(count):
        for _ in range(count):
            n = next(numbers)
            Person.objects.create(code=f"xt-{n}", full_name=f"Người xem {n}", unit=ward_a,
                                  gender="male")  # fmt: skip
            draft.rows.append(
                {"row": n + 1, "person_code": f"xt-{n}", "unit_code": "", "year": 2021,
                 "level": "tot"}
            )  # fmt: skip
        draft.save()

    url = reverse("records:record_import_preview", args=[draft.pk])
    html = assert_flat(client, url, grow).content.decode()
    assert "Người xem 210" in html


def test_the_whole_list_shows_the_newest_entered_first_and_a_unit_by_name(
    client, demo_user, newcomer, ward_a
):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    saved = services.save_record(
        actor=officer, kind="ratings", person=newcomer, year=2021, level="tot"
    )
    url = reverse("records:record_list", args=["ratings"])
    newest = client.get(url, {"year": 2021}).context["page"].object_list
    assert newest[0].pk == saved.pk  # just entered: first
    by_name = list(client.get(url, {"year": 2021, "unit": ward_a.pk}).context["page"].object_list)
    assert [r.pk for r in by_name] == list(
        Rating.objects.filter(pk__in=[r.pk for r in by_name])
        .order_by("-year", "person__full_name", "unit__name", "pk")
        .values_list("pk", flat=True)
    )
