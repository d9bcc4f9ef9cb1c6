from django.urls import reverse

from vinhdanh.awards.models import Nomination, State
from vinhdanh.awards.tests.helpers import new_draft


def test_pages_render_for_each_role(client, demo_user):
    nomination = Nomination.objects.filter(state=State.VOTING).first()
    for username in ["thuongtruc", "uyvien", "chutich", "canbo.hoangliet", "admin"]:
        client.force_login(demo_user(username))
        for name in ["awards:nomination_list", "awards:decision_list", "awards:title_list"]:
            assert client.get(reverse(name)).status_code == 200, (username, name)
        detail = client.get(reverse("awards:nomination_detail", args=[nomination.pk]))
        assert detail.status_code in (200, 404)


def test_another_wards_nomination_looks_missing(client, demo_user):
    other = Nomination.objects.filter(unit__code="phuong-dinh-cong").first()
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.get(reverse("awards:nomination_detail", args=[other.pk])).status_code == 404


def test_stale_page_gets_the_conflict_message(client, demo_user):
    nomination = Nomination.objects.filter(state=State.SUBMITTED).first()
    client.force_login(demo_user("thuongtruc"))
    url = reverse("awards:nomination_step", args=[nomination.pk, "return"])
    client.post(url, {"version": nomination.version, "note": "Bổ sung"})
    response = client.post(url, {"version": nomination.version, "note": "Lần hai"}, follow=True)
    assert "người khác thay đổi" in response.content.decode()
    assert Nomination.objects.get(pk=nomination.pk).transitions.filter(action="return").count() == 1


def test_missing_components_are_named_on_the_page(client, demo_user):
    nomination = new_draft(demo_user)
    client.force_login(demo_user("canbo.hoangliet"))
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "Còn thiếu thành phần bắt buộc" in page and "Biên bản bình xét" in page


def test_report_template_and_history_pages(client, demo_user):
    nomination = Nomination.objects.filter(state=State.HANDED_OVER).first()
    client.force_login(demo_user("thuongtruc"))
    response = client.get(reverse("awards:report_template", args=[nomination.pk]))
    assert response.content.startswith(b"PK")
    page = client.get(reverse("awards:person_history", args=[nomination.person_id]))
    assert "2021" in page.content.decode() and "Giấy khen" in page.content.decode()


def test_batch_submission_generates_the_letter(client, demo_user):
    from vinhdanh.awards import services
    from vinhdanh.awards.tests.helpers import attach_all

    officer = demo_user("canbo.hoangliet")
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    batch = services.create_batch(
        officer, unit=officer.unit, year=2021, name="Đợt cuối năm", nominations=[nomination]
    )
    services.submit_batch(officer, batch, letter_number="05/TTr-UBND")
    batch.refresh_from_db()
    nomination.refresh_from_db()
    assert nomination.state == State.SUBMITTED and batch.letter
    client.force_login(officer)
    response = client.get(reverse("awards:batch_letter", args=[batch.pk]))
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_draft_can_be_edited_with_its_version(client, demo_user):
    nomination = new_draft(demo_user)
    client.force_login(demo_user("canbo.hoangliet"))
    url = reverse("awards:nomination_edit", args=[nomination.pk])
    data = {
        "title": nomination.title_id,
        "basis": nomination.basis_id,
        "year": 2021,
        "event": "Tổng kết năm",
        "achievements": "Thành tích đã sửa.",
        "version": nomination.version,
    }
    assert client.post(url, data).status_code == 302
    nomination.refresh_from_db()
    assert nomination.achievements == "Thành tích đã sửa." and nomination.version == 2
    stale = client.post(url, data)  # the same page sent again carries the old version
    assert "người khác thay đổi" in stale.content.decode()


def test_council_member_sees_open_votes(client, demo_user):
    client.force_login(demo_user("uyvien"))
    page = client.get(reverse("awards:vote_list")).content.decode()
    voting = Nomination.objects.filter(state=State.VOTING).first()
    assert voting.subject_name in page and "Chưa bỏ phiếu" in page


def test_office_exports_selected_dossiers_as_one_zip(client, demo_user):
    import io
    import zipfile

    client.force_login(demo_user("thuongtruc"))
    chosen = Nomination.objects.filter(state__in=[State.VOTED, State.FORWARDED])
    response = client.post(
        reverse("awards:dossier_export"), {"nominations": [n.pk for n in chosen]}
    )
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert sum(name.endswith("tom-tat-ho-so.txt") for name in names) == chosen.count()
    client.force_login(demo_user("canbo.hoangliet"))
    refused = client.post(reverse("awards:dossier_export"), {"nominations": [chosen[0].pk]})
    assert refused.status_code == 403


def test_public_objection_is_filed_without_signing_in(client, demo):
    import datetime

    nomination = Nomination.objects.get(state=State.ANNOUNCED)
    notice = nomination.notices.first()
    notice.starts_on = notice.ends_on = datetime.date.today()
    notice.save()
    response = client.post(
        reverse("awards:public_objection", args=[nomination.pk]),
        {"filed_by": "Trần Văn B", "content": "Đề nghị xem lại thành tích."},
        follow=True,
    )
    assert "Đã gửi ý kiến" in response.content.decode()
    assert notice.objections.get().filed_by == "Trần Văn B"
    draft = Nomination.objects.get(state=State.DRAFT, unit__code="phuong-dinh-cong")
    hidden = client.post(reverse("awards:public_objection", args=[draft.pk]), {"filed_by": "x"})
    assert hidden.status_code == 404
