"""The pages: filing through the form, the list's filters and scope, the detail, the actions,
the decision .docx, the person's panel, the inbox and the query budget of the list."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document

from tests.html_text import element_text
from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.initiatives.models import Initiative, InitiativeAuthor, InitiativeState

pytestmark = pytest.mark.django_db


def _client(demo_user, username) -> Client:
    client = Client()
    client.force_login(demo_user(username))
    return client


def _form(ward_people, **changes):
    a, b, _ = ward_people()
    data = {
        "kind": "sang_kien",
        "unit": a.unit_id,
        "year": 2021,
        "name": "Tủ hồ sơ điện tử tổ dân phố",
        "field": "Chuyển đổi số",
        "problem": "Hồ sơ giấy thất lạc.",
        "content": "Quét và lưu trên máy chủ của phường.",
        "first_applied_on": "2021-05-01",
        "effect": "Tra cứu trong 1 phút thay vì 1 ngày.",
        "influence": "",
        "author_1": a.code,
        "share_1": 70,
        "author_2": b.code,
        "share_2": 30,
        "files": [
            SimpleUploadedFile("a.txt", "Báo cáo 1\n".encode()),
            SimpleUploadedFile("b.txt", "Báo cáo 2\n".encode()),
        ],
    }
    data.update(changes)
    return data


def test_a_unit_files_with_several_evidence_files_at_once(demo_user, ward_people):
    client = _client(demo_user, "canbo.hoangliet")
    response = client.post(reverse("initiatives:initiative_create"), _form(ward_people))
    initiative = Initiative.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:initiative_detail", args=[initiative.pk])
    assert sorted(initiative.evidence.values_list("name", flat=True)) == ["a.txt", "b.txt"]
    page = client.get(response["Location"]).content.decode()
    assert "Tủ hồ sơ điện tử tổ dân phố" in page
    assert "Nghị định số 13/2012/NĐ-CP" in element_text(page, testid="legal-basis")
    # The audit entries of the filing read as sentences on the home page and the audit log.
    assert client.get(reverse("home:index")).status_code == 200
    audit = _client(demo_user, "thuongtruc").get(reverse("home:audit_log")).content.decode()
    assert "đăng ký sáng kiến" in audit
    assert reverse("initiatives:initiative_detail", args=[initiative.pk]) in audit


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"files": []}, "Sáng kiến phải có ít nhất một tệp minh chứng."),
        ({"effect": ""}, "Vui lòng nêu hiệu quả đạt được của sáng kiến."),
        ({"share_2": 20}, "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)."),
        ({"first_applied_on": "2099-01-01"}, "không được sau ngày hôm nay"),
        ({"author_2": "khong-co-ai"}, "Không có cá nhân mã “khong-co-ai”."),
    ],
)
def test_the_form_refuses_bad_input_in_vietnamese(demo_user, ward_people, changes, message):
    client = _client(demo_user, "canbo.hoangliet")
    before = Initiative.objects.count()
    response = client.post(reverse("initiatives:initiative_create"), _form(ward_people, **changes))
    assert response.status_code == 200
    assert message in element_text(response.content.decode(), testid="form-errors")
    assert Initiative.objects.count() == before


def test_another_wards_initiative_is_not_found(demo_user):
    theirs = Initiative.objects.filter(unit__code="phuong-dinh-cong").first()
    client = _client(demo_user, "canbo.hoangliet")
    assert client.get(reverse("initiatives:initiative_detail", args=[theirs.pk])).status_code == 404
    evidence = theirs.evidence.first()
    url = reverse("initiatives:evidence_file", args=[theirs.pk, evidence.pk])
    assert client.get(url).status_code == 404
    listed = client.get(reverse("initiatives:initiative_list")).content.decode()
    assert theirs.name not in listed


def test_the_list_filters_by_year_state_field_and_unit(demo_user):
    client = _client(demo_user, "thuongtruc")
    url = reverse("initiatives:initiative_list")
    table = element_text(
        client.get(url, {"state": "recognised_up"}).content.decode(), testid="initiative-table"
    )
    assert "Bản đồ số quản lý trật tự xây dựng" in table and "Số hóa hồ sơ" not in table
    table = element_text(
        client.get(url, {"year": 2020}).content.decode(), testid="initiative-table"
    )
    assert "Bản đồ số" in table and "Zalo" not in table
    table = element_text(
        client.get(url, {"field": "Môi trường"}).content.decode(), testid="initiative-table"
    )
    assert "rác thải tái chế" in table and "Zalo" not in table
    ward = Initiative.objects.filter(unit__code="phuong-hoang-liet").first().unit
    table = element_text(
        client.get(url, {"unit": ward.pk}).content.decode(), testid="initiative-table"
    )
    assert "Zalo" in table and "rác thải" not in table


def test_the_detail_shows_authors_scores_vote_and_decision(demo_user):
    recognised = Initiative.objects.get(name__startswith="Số hóa hồ sơ một cửa")
    page = (
        _client(demo_user, "thuongtruc")
        .get(reverse("initiatives:initiative_detail", args=[recognised.pk]))
        .content.decode()
    )
    lead = recognised.authors.order_by("-share").first()
    assert f"{lead.person.full_name}" in element_text(page, testid="initiative-authors")
    assert "70%" in element_text(page, testid="initiative-authors")
    scores = element_text(page, testid="score-table")
    assert "Tính mới (/30)" in scores and "Điểm trung bình" in scores
    decision = element_text(page, testid="vote-and-decision")
    assert "Quyết định số 215/QĐ-UBND ngày 25/10/2021" in decision
    assert "đạt ngưỡng" in decision


def test_the_decision_docx_names_the_instrument_the_authors_and_the_scope(demo_user):
    recognised = Initiative.objects.get(name__startswith="Số hóa hồ sơ một cửa")
    response = _client(demo_user, "canbo.hoangliet").get(
        reverse("initiatives:decision_docx", args=[recognised.pk])
    )
    assert response.status_code == 200
    document = Document(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    text = "\n".join(p.text for p in document.paragraphs)
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "QUYẾT ĐỊNH" in text
    assert "Nghị định số 13/2012/NĐ-CP" in text and "Thông tư số 18/2013/TT-BKHCN" in text
    assert "Số hóa hồ sơ một cửa của phường Hoàng Liệt" in text
    assert "phạm vi ảnh hưởng cấp cơ sở" in text
    lead = recognised.authors.order_by("-share").first()
    assert lead.person.full_name in cells and "70%" in cells
    assert "215/QĐ-UBND" in cells + text
    assert "Nguyễn Quang Hiếu" in cells


def test_an_initiative_without_a_decision_has_no_docx(demo_user):
    draft = Initiative.objects.filter(state=InitiativeState.DRAFT).first()
    client = _client(demo_user, "thuongtruc")
    assert client.get(reverse("initiatives:decision_docx", args=[draft.pk])).status_code == 404


def test_the_workflow_buttons_post_through_their_forms(demo_user):
    submitted = Initiative.objects.get(state=InitiativeState.SUBMITTED, forwarded_from=None)
    client = _client(demo_user, "thuongtruc")
    url = reverse("initiatives:initiative_action", args=[submitted.pk, "return"])
    response = client.post(url, {"version": submitted.version, "note": ""})
    assert "Vui lòng ghi rõ lý do trả lại." in element_text(
        response.content.decode(), testid="form-errors"
    )
    url = reverse("initiatives:initiative_action", args=[submitted.pk, "start_review"])
    stale = client.post(url, {"version": submitted.version + 5})
    assert "vừa được người khác thay đổi" in element_text(
        stale.content.decode(), testid="form-errors"
    )
    assert client.post(url, {"version": submitted.version}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == InitiativeState.UNDER_REVIEW


def test_a_score_above_the_maximum_is_shown_on_its_field(demo_user):
    pending = Initiative.objects.get(
        state=InitiativeState.UNDER_REVIEW, forwarded_from=None, unit__code="phuong-hoang-liet"
    )
    client = _client(demo_user, "uyvien")
    seat = pending.council.members.get(user=demo_user("uyvien"))
    data = {
        "member": seat.pk,
        "c_tinh_moi": 35,
        "c_kha_nang_ap_dung": 20,
        "c_hieu_qua": 20,
        "c_pham_vi_anh_huong": 10,
    }
    response = client.post(reverse("initiatives:initiative_score", args=[pending.pk]), data)
    assert "Điểm “Tính mới” tối đa là 30, không nhận 35." in response.content.decode()
    assert not pending.scores.filter(member=seat).exists()
    data["c_tinh_moi"] = 25
    assert (
        client.post(reverse("initiatives:initiative_score", args=[pending.pk]), data).status_code
        == 302
    )
    assert pending.scores.filter(member=seat).count() == 4


def test_the_persons_page_lists_their_recognised_initiatives(demo_user):
    original = Initiative.objects.get(state=InitiativeState.RECOGNISED_UP)
    person = original.authors.get().person
    page = (
        _client(demo_user, "thuongtruc")
        .get(reverse("org:person_detail", args=[person.pk]))
        .content.decode()
    )
    panel = element_text(page, testid="person-initiatives")
    assert "Bản đồ số quản lý trật tự xây dựng phường Định Công" in panel


def test_the_inbox_shows_what_waits_for_the_council(demo_user):
    page = _client(demo_user, "thuongtruc").get(reverse("home:index")).content.decode()
    assert "Sáng kiến chờ đưa ra Hội đồng sáng kiến" in page
    assert "Sổ tay điện tử tổ dân phố" in page
    officer = _client(demo_user, "canbo.dinhcong").get(reverse("home:index")).content.decode()
    assert "Sáng kiến bị trả lại để bổ sung" in officer


def test_the_council_page_lists_dated_members_and_the_criteria(demo_user):
    council = Initiative.objects.get(name__startswith="Số hóa").council
    page = (
        _client(demo_user, "canbo.hoangliet")
        .get(reverse("initiatives:council_detail", args=[council.pk]))
        .content.decode()
    )
    assert "Chủ tịch Hội đồng" in element_text(page, testid="council-members")
    assert "tối đa 30 điểm" in element_text(page, testid="council-criteria")
    assert 'data-testid="member-form"' not in page


def test_the_list_costs_the_same_queries_with_more_rows(demo_user):
    template = Initiative.objects.get(name__startswith="Số hóa hồ sơ một cửa")
    authors = list(template.authors.all())
    counter = iter(range(10_000))

    def grow(count):
        for _ in range(count):
            n = next(counter)
            row = Initiative.objects.create(
                unit=template.unit,
                council=template.council,
                year=2021,
                name=f"Sáng kiến {n}",
                field="Thử",
                problem="P",
                content="C",
                effect="E",
                first_applied_on=datetime.date(2021, 1, 1),
                state=InitiativeState.SUBMITTED,
            )
            InitiativeAuthor.objects.bulk_create(
                [InitiativeAuthor(initiative=row, person=a.person, share=a.share) for a in authors]
            )

    client = _client(demo_user, "thuongtruc")
    assert_flat(client, reverse("initiatives:initiative_list"), grow)
    assert_flat(client, reverse("home:index"), grow)
