"""The one-stop API: authentication, filing, attaching, supplementing, status and result,
retries under one Idempotency-Key, and the OpenAPI schema (issue 17, items 4, 6, 7)."""

import datetime
import json

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from vinhdanh.awards.models import Title
from vinhdanh.filings import services
from vinhdanh.filings.api import TOKEN_SALT
from vinhdanh.filings.models import ApiClient, Filing, FilingAttachment
from vinhdanh.filings.tests.helpers import PDF, district, file_one
from vinhdanh.filings.tests.onestop import OneStop
from vinhdanh.org.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def credentials(demo_user):
    client, secret = services.make_api_client(
        demo_user("admin"), name="Một cửa Hoàng Mai", council=district()
    )
    return client, secret


@pytest.fixture
def onestop(credentials):
    client, secret = credentials
    system = OneStop(client.client_id, secret)
    assert system.authenticate().status_code == 200
    return system


def _body(**overrides) -> dict:
    body = {
        "kind": "nguoi-tot-viec-tot",
        "filer_kind": "citizen",
        "filer_name": "Trần Thị Lan",
        "phone": "0987 654 321",
        "address": "Phường Hoàng Liệt",
        "subject": "Bác Hải nhặt được của rơi trả người mất",
        "content": "Bác Hải nhặt được ví có 20 triệu đồng và trả lại người đánh rơi.",
        "consent": True,
        "external_reference": "000.00.12.H26-261201-0001",
        "attachments": [OneStop.attachment("don.pdf", PDF, "don-de-nghi")],
    }
    body.update(overrides)
    return body


def _error(response) -> dict:
    return response.json()["error"]


# Authentication


def test_a_wrong_secret_an_unknown_client_or_a_disabled_one_gets_no_token(credentials):
    client, secret = credentials
    for client_id, typed in ((client.client_id, "sai"), ("khong-co", secret)):
        response = OneStop(client_id, typed).authenticate()
        assert response.status_code == 401
        assert _error(response)["code"] == "auth.invalid_client"
        assert "không đúng" in _error(response)["message"]
    ApiClient.objects.filter(pk=client.pk).update(enabled=False)
    assert OneStop(client.client_id, secret).authenticate().status_code == 401


def test_the_token_is_short_lived_and_ends_when_the_client_is_disabled(onestop, credentials):
    assert onestop.get("kinds").status_code == 200
    client, _secret = credentials
    ApiClient.objects.filter(pk=client.pk).update(enabled=False)
    response = onestop.get("kinds")
    assert response.status_code == 401 and _error(response)["code"] == "auth.client_disabled"


def test_an_expired_or_forged_token_is_refused(onestop, settings):
    settings.FILINGS_API_TOKEN_SECONDS = -1
    response = onestop.get("kinds")
    assert response.status_code == 401 and _error(response)["code"] == "auth.token_expired"
    settings.FILINGS_API_TOKEN_SECONDS = 900
    onestop.token = signing.dumps({"c": 1, "f": "x"}, salt="another-salt")
    assert _error(onestop.get("kinds"))["code"] == "auth.invalid_token"
    onestop.token = signing.dumps({"c": 10**6, "f": "x"}, salt=TOKEN_SALT)
    assert _error(onestop.get("kinds"))["code"] == "auth.client_disabled"


def test_without_a_token_or_with_a_staff_session_nothing_is_answered(demo_user):
    assert OneStop("x", "y").get("kinds").status_code == 401
    browser = Client()
    browser.force_login(demo_user("admin"))
    response = browser.get("/api/filings/kinds")
    assert response.status_code == 401 and _error(response)["code"] == "auth.required"


def test_a_new_secret_ends_the_old_tokens(onestop, credentials):
    client, _secret = credentials
    ApiClient.objects.filter(pk=client.pk).update(secret_hash=services.secret_digest("moi"))
    assert onestop.get("kinds").status_code == 401
    assert OneStop(client.client_id, "moi").authenticate().status_code == 200


# Filing, status, result


def test_kinds_list_what_each_needs(onestop):
    kinds = {k["code"]: k for k in onestop.get("kinds").json()}
    assert kinds["to-chuc-de-nghi"]["filers"] == ["organisation"]
    assert [d["code"] for d in kinds["nguoi-tot-viec-tot"]["required_documents"]] == ["don-de-nghi"]
    assert kinds["khac"]["answer_working_days"] == 5


def test_a_filing_through_the_api_goes_to_the_clients_council(onestop, credentials):
    response = onestop.post("filings", _body())
    assert response.status_code == 201, response.content
    answer = response.json()
    filing = Filing.objects.get(code=answer["code"])
    assert (filing.council, filing.channel, filing.api_client) == (
        district(),
        "api",
        credentials[0],
    )
    assert filing.external_reference == "000.00.12.H26-261201-0001"
    assert answer["state"] == "received" and answer["due_on"] == filing.due_on.isoformat()
    assert filing.attachments.get().document_code == "don-de-nghi"
    status = onestop.get(f"filings/{answer['code']}").json()
    assert status["state_label"] == "Đã tiếp nhận"


def test_a_retried_call_files_once_and_gets_the_first_answer(onestop):
    before = Filing.objects.count()
    last, answers = onestop.post_with_retries("filings", _body())
    assert Filing.objects.count() == before + 1
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["code"] for a in answers}) == 1
    assert last["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in answers[0]


def test_a_key_reused_with_another_body_is_refused_and_files_nothing(onestop):
    first = onestop.post("filings", _body(), key="khoa-1")
    before = Filing.objects.count()
    again = onestop.post("filings", _body(subject="Một đề nghị khác"), key="khoa-1")
    assert again.status_code == 422
    assert _error(again)["code"] == "idempotency.key_reused"
    assert "khóa mới" in _error(again)["message"]
    assert Filing.objects.count() == before
    assert first.status_code == 201


def test_a_write_without_a_key_is_refused(onestop):
    response = onestop.http.post(
        "/api/filings/filings",
        data=json.dumps(_body()),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {onestop.token}",
    )
    assert response.status_code == 400 and _error(response)["code"] == "idempotency.key_missing"


def test_a_refused_filing_keeps_no_answer_so_a_corrected_retry_is_a_new_call(onestop):
    before = Filing.objects.count(), FilingAttachment.objects.count()
    response = onestop.post("filings", _body(attachments=[]), key="k")
    assert response.status_code == 400
    error = _error(response)
    assert error["code"] == "filing.invalid"
    assert "Còn thiếu giấy tờ bắt buộc" in " ".join(error["fields"]["attachments"])
    assert (Filing.objects.count(), FilingAttachment.objects.count()) == before
    # The same call again is refused again (nothing was kept under the key).
    assert onestop.post("filings", _body(attachments=[]), key="k").status_code == 400


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"attachments": [OneStop.attachment("x.html", b"<html><script>", "don-de-nghi")]},
         "filing.invalid"),
        ({"attachments": [{"document": "don-de-nghi", "filename": "a.pdf",
                           "content_base64": "%%%"}]}, "filing.invalid"),
        ({"consent": False}, "filing.invalid"),
        ({"filer_kind": "robot"}, "filing.invalid"),
        ({"kind": "khong-co"}, "filing.invalid"),
    ],
)  # fmt: skip
def test_bad_filings_are_refused_with_a_stable_code_and_nothing_is_kept(onestop, body, code):
    before = Filing.objects.count(), FilingAttachment.objects.count()
    response = onestop.post("filings", _body(**body))
    assert response.status_code == 400
    assert _error(response)["code"] == code and _error(response)["message"]
    assert (Filing.objects.count(), FilingAttachment.objects.count()) == before


def test_a_body_that_is_not_json_is_refused(onestop):
    response = onestop.post("filings", {}, raw=b"{not json")
    assert response.status_code == 400 and _error(response)["code"] == "request.malformed"


def test_a_council_no_longer_in_force_is_refused(onestop):
    council = district()
    council.valid_to = timezone.localdate() - datetime.timedelta(days=1)
    council.save()
    response = onestop.post("filings", _body())
    assert response.status_code == 400
    assert "không còn hoạt động" in " ".join(_error(response)["fields"]["council"])


def test_attach_then_status(onestop):
    code = onestop.post("filings", _body()).json()["code"]
    response = onestop.post(
        f"filings/{code}/attachments", {"attachments": [OneStop.attachment("anh.png", _png())]}
    )
    assert response.status_code == 201, response.content
    filing = Filing.objects.get(code=code)
    assert list(filing.attachments.values_list("stage", flat=True)) == ["filed", "added"]


def test_supplement_after_the_office_asks(onestop, demo_user):
    code = onestop.post("filings", _body()).json()["code"]
    filing = Filing.objects.get(code=code)
    services.request_more(demo_user("thuongtruc"), filing, reason="Gửi ảnh chụp.")
    status = onestop.get(f"filings/{code}").json()
    assert (status["state"], status["more_reason"]) == ("more_requested", "Gửi ảnh chụp.")
    response = onestop.post(
        f"filings/{code}/supplement",
        {"note": "Ảnh đây.", "attachments": [OneStop.attachment("anh.png", _png())]},
    )
    assert response.status_code == 200 and response.json()["state"] == "supplemented"
    again = onestop.post(f"filings/{code}/supplement", {"note": "Lần nữa"})
    assert again.status_code == 400 and "“bổ sung hồ sơ” khi" in _error(again)["message"]


def test_the_result_of_an_accepted_and_of_a_refused_filing(onestop, demo_user):
    office = demo_user("thuongtruc")
    first = onestop.post("filings", _body()).json()["code"]
    second = onestop.post("filings", _body(subject="Khác")).json()["code"]
    assert onestop.get(f"filings/{first}/result").json()["outcome"] == "pending"
    title = Title.objects.get(code="giay_khen")
    services.accept(
        office,
        Filing.objects.get(code=first),
        title=title,
        basis=title.award_bases.first(),
        year=2021,
        achievements="Trả lại của rơi.",
        person=Person.objects.filter(unit__code="phuong-hoang-liet").first(),
    )
    services.refuse(office, Filing.objects.get(code=second), reason="Đã khen ở cấp phường.")
    accepted = onestop.get(f"filings/{first}/result").json()
    assert (accepted["final"], accepted["outcome"]) == (True, "accepted")
    assert accepted["nomination"]["state"] == "draft"
    refused = onestop.get(f"filings/{second}/result").json()
    assert (refused["outcome"], refused["refusal_reason"]) == ("refused", "Đã khen ở cấp phường.")


def test_a_client_reads_only_its_own_filings(onestop, demo_user):
    web = file_one()  # filed on the web to the same council
    response = onestop.get(f"filings/{web.code}")
    assert response.status_code == 404 and _error(response)["code"] == "filing.not_found"
    assert _error(onestop.get("filings/KHONGCO1/result"))["code"] == "filing.not_found"
    other, secret = services.make_api_client(demo_user("admin"), name="Khác", council=district())
    theirs = OneStop(other.client_id, secret)
    theirs.authenticate()
    code = theirs.post("filings", _body()).json()["code"]
    assert onestop.get(f"filings/{code}").status_code == 404


def test_the_api_is_rate_limited(onestop, settings):
    settings.FILINGS_API_RATE = "2/m"
    assert [onestop.get("kinds").status_code for _ in range(3)] == [200, 200, 429]
    assert _error(onestop.get("kinds"))["code"] == "rate_limited"


def test_a_callback_gets_the_result_after_the_commit(
    onestop, credentials, demo_user, monkeypatch, django_capture_on_commit_callbacks
):
    client, _secret = credentials
    ApiClient.objects.filter(pk=client.pk).update(callback_url="https://motcua.example.vn/kq")
    posted = []
    monkeypatch.setattr(
        "vinhdanh.filings.notify.post_callback", lambda url, payload: posted.append((url, payload))
    )
    code = onestop.post("filings", _body()).json()["code"]
    with django_capture_on_commit_callbacks(execute=True):
        services.refuse(demo_user("thuongtruc"), Filing.objects.get(code=code), reason="Trùng.")
    assert posted[-1][0] == "https://motcua.example.vn/kq"
    assert (posted[-1][1]["code"], posted[-1][1]["state"]) == (code, "refused")


def test_the_openapi_schema_lists_the_endpoints(demo_user):
    browser = Client()
    browser.force_login(demo_user("admin"))
    response = browser.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    paths = schema["paths"]
    for path in (
        "/api/filings/token",
        "/api/filings/kinds",
        "/api/filings/filings",
        "/api/filings/filings/{code}",
        "/api/filings/filings/{code}/result",
        "/api/filings/filings/{code}/attachments",
        "/api/filings/filings/{code}/supplement",
    ):
        assert path in paths, path
    parameters = paths["/api/filings/filings"]["post"]["parameters"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in parameters)


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_the_administrator_makes_a_client_and_sees_its_secret_once(demo_user, client):
    client.force_login(demo_user("admin"))
    response = client.post(
        "/admin/filings/apiclient/add/",
        {"name": "Cổng dịch vụ công", "client_id": "dvc-quoc-gia", "council": district().pk,
         "enabled": "on", "callback_url": ""},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    made = ApiClient.objects.get(client_id="dvc-quoc-gia")
    shown = [str(m) for m in response.context["messages"] if str(m).startswith("Mã bí mật")]
    assert len(shown) == 1
    secret = shown[0].split(": ", 1)[1].split(" ")[0]
    assert secret not in made.secret_hash
    assert OneStop("dvc-quoc-gia", secret).authenticate().status_code == 200
    assert client.get("/admin/filings/apiclient/").status_code == 200
    assert secret.encode() not in client.get(f"/admin/filings/apiclient/{made.pk}/change/").content
    from vinhdanh.audit.models import AuditEntry

    entry = AuditEntry.objects.filter(action="admin.filings.apiclient.add").latest("pk")
    assert entry.after["client_id"] == "dvc-quoc-gia" and "secret_hash" not in entry.after
