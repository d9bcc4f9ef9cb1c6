"""Error pages with DEBUG off: Vietnamese, the right status, no internals."""

import pytest
from django.test import Client
from django.urls import reverse

from vinhdanh.core.errors import is_vietnamese, refusal_sentence

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("vinhdanh.core.tests.error_urls"),
]


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


def test_not_found_is_vietnamese_in_the_site_layout(client):
    response = client.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html and "Lỗi 404" in html
    assert 'lang="vi"' in html and "Vinh Danh — phần mềm nguồn mở" in html
    assert "Not Found" not in html and "The requested resource" not in html


def test_not_found_shows_the_scope_refusal_sentence(office):
    response = office.get(reverse("plans:plan_detail", args=[999999]))
    assert response.status_code == 404
    html = response.content.decode()
    assert '<p class="alert alert-warning" data-testid="refusal">Không tìm thấy.</p>' in html
    # The signed-in layout, with the user's menu.
    assert 'data-testid="user-menu"' in html


def test_not_found_hides_an_internal_english_message(client):
    response = client.get("/test-errors/internal-not-found/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "No Plan matches" not in html and 'data-testid="refusal"' not in html


def test_forbidden_shows_the_vietnamese_refusal(office):
    response = office.get("/test-errors/refusal/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không có quyền truy cập" in html and "Lỗi 403" in html
    assert "Chức năng này không dành cho vai trò của bạn." in html


def test_forbidden_hides_an_internal_message(client):
    response = client.get("/test-errors/internal-refusal/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không có quyền truy cập" in html
    assert "/srv/vinhdanh" not in html and "CSRF cookie" not in html


def test_bad_request_is_vietnamese_and_hides_the_detail(client):
    response = client.get("/test-errors/suspicious/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html and "Lỗi 400" in html
    assert "/etc/passwd" not in html


def test_a_host_not_allowed_gets_the_vietnamese_bad_request_page(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_server_error_is_self_contained_vietnamese_without_the_detail():
    client = Client(raise_request_exception=False)
    response = client.get("/test-errors/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống gặp sự cố" in html and "Lỗi 500" in html and 'lang="vi"' in html
    assert "10.0.0.5" not in html and "secret-detail" not in html
    assert "Traceback" not in html and "Server Error" not in html
    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in html


def test_server_error_page_renders_without_a_request_or_database(django_assert_num_queries):
    from vinhdanh.core.errors import server_error

    with django_assert_num_queries(0):
        response = server_error(None)
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in response.content.decode()


def test_server_error_falls_back_to_plain_vietnamese_text(monkeypatch):
    from vinhdanh.core import errors

    def no_template(name):
        raise OSError("templates are unreadable")

    monkeypatch.setattr(errors.loader, "get_template", no_template)
    response = errors.server_error(None)
    assert response.status_code == 500
    assert response.content.decode() == errors.LAST_RESORT_500


def test_csrf_failure_is_a_vietnamese_page(demo_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Phiên làm việc đã hết hạn" in html and "kiểm tra CSRF" in html
    assert "CSRF verification failed" not in html and "Forbidden" not in html


def test_refusal_sentence_takes_only_a_short_vietnamese_sentence():
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    assert refusal_sentence(Http404("Không tìm thấy.")) == "Không tìm thấy."
    assert refusal_sentence(Http404("No Person matches the given query.")) == ""
    assert refusal_sentence(Http404({"path": "x", "tried": []})) == ""
    assert refusal_sentence(PermissionDenied()) == ""
    assert refusal_sentence(None) == ""
    assert refusal_sentence(PermissionDenied("Lỗi\nTraceback (most recent call last)")) == ""
    assert refusal_sentence(PermissionDenied("Bạn " * 200)) == ""
    assert is_vietnamese("Đơn vị") and not is_vietnamese("Don vi 123")
