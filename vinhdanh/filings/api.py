"""The API a one-stop system calls: file, attach, supplement, check the status, get the result.

Authentication: client credentials exchanged for a short-lived bearer token
(`POST /api/filings/token`, like OAuth 2's client-credentials grant), not HMAC-signed
requests. The one-stop systems of the national portal and the provinces already speak
OAuth-style tokens; a token keeps the secret off every call but one (it is checked once per
token, with a slow password hash), a signature scheme would need both sides to agree on a
canonical form of each request, and a bearer token is easy to test with any HTTP tool. The
token is signed by the server (`django.core.signing`, no table), lives
`FILINGS_API_TOKEN_SECONDS`, names the client and a fingerprint of its secret's hash: a new
secret or a disabled client ends every token at once.

Every write carries an `Idempotency-Key`: the first answer is kept with a digest of the
request; the same key with the same request gets that answer again (nothing filed twice),
with another request a 422. Every write runs in one transaction with the kept answer.
Errors: `{"error": {"code": "<stable code>", "message": "<Vietnamese>", "fields": {...}}}`.
"""

import base64
import binascii
import json

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from vinhdanh.core.uploads import MB
from vinhdanh.filings import services
from vinhdanh.filings.actors import Filer
from vinhdanh.filings.codes import normalise
from vinhdanh.filings.models import Channel, FilerKind, Filing, IdempotentAnswer
from vinhdanh.filings.notify import result_payload
from vinhdanh.filings.selectors import open_kinds
from vinhdanh.workflow.engine import ConflictError

TOKEN_SALT = "vinhdanh.filings.api-token"


class ApiError(exceptions.APIException):
    def __init__(self, http_status: int, code: str, message: str, fields=None):
        super().__init__(message)
        self.status_code = http_status
        self.error_code = code
        self.fields = fields or {}


# --- authentication ----------------------------------------------------------------------


class Client:
    """The calling one-stop system, as `request.user` of the API views (never a service's
    actor: services act for it as a `Filer`)."""

    is_authenticated = True
    is_anonymous = False

    def __init__(self, client):
        self.client = client


def _fingerprint(client) -> str:
    return client.secret_hash[-16:]


def issue_token(client) -> str:
    return signing.dumps({"c": client.pk, "f": _fingerprint(client)}, salt=TOKEN_SALT)


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != b"bearer":
            return None
        if len(header) != 2:
            raise ApiError(401, "auth.invalid_token", _("Mã truy cập không hợp lệ."))
        from vinhdanh.filings.models import ApiClient

        try:
            data = signing.loads(
                header[1].decode(), salt=TOKEN_SALT, max_age=settings.FILINGS_API_TOKEN_SECONDS
            )
        except signing.SignatureExpired:
            raise ApiError(
                401, "auth.token_expired", _("Mã truy cập đã hết hạn; hãy xin mã mới.")
            ) from None
        except (signing.BadSignature, UnicodeDecodeError):
            raise ApiError(401, "auth.invalid_token", _("Mã truy cập không hợp lệ.")) from None
        client = ApiClient.objects.select_related("council__unit").filter(pk=data.get("c")).first()
        if client is None or not client.enabled or _fingerprint(client) != data.get("f"):
            raise ApiError(
                401, "auth.client_disabled", _("Ứng dụng kết nối đã bị khóa hoặc đổi mã bí mật.")
            )
        return Client(client), header[1]

    def authenticate_header(self, request):
        return 'Bearer realm="vinhdanh-filings"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI description names the token: an HTTP bearer scheme, obtained from
    `/api/filings/token` with the client's credentials."""

    target_class = BearerTokenAuthentication
    name = "filingsBearerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Mã truy cập ngắn hạn lấy từ /api/filings/token bằng mã và khóa bí mật "
            "của hệ thống một cửa.",
        }


class IsClient(BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.user, Client)


class ClientRateThrottle(SimpleRateThrottle):
    scope = "filings_api"

    def get_rate(self):
        return settings.FILINGS_API_RATE

    def get_cache_key(self, request, view):
        ident = (
            request.user.client.pk if isinstance(request.user, Client) else self.get_ident(request)
        )
        return f"throttle_filings_api_{ident}"


class TokenRateThrottle(ClientRateThrottle):
    def get_rate(self):
        return "20/m"

    def get_cache_key(self, request, view):
        return f"throttle_filings_token_{self.get_ident(request)}"


# --- errors ------------------------------------------------------------------------------


def _error(http_status: int, code: str, message: str, fields=None) -> Response:
    body = {"error": {"code": code, "message": message}}
    if fields:
        body["error"]["fields"] = fields
    return Response(body, status=http_status)


class FilingsAPIView(APIView):
    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [IsClient]
    throttle_classes = [ClientRateThrottle]

    def handle_exception(self, exc):
        if isinstance(exc, ApiError):
            response = _error(exc.status_code, exc.error_code, str(exc.detail), exc.fields)
        elif isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            response = _error(
                401,
                "auth.required",
                _("Cần mã truy cập (Authorization: Bearer …) lấy từ /api/filings/token."),
            )
        elif isinstance(exc, exceptions.Throttled):
            response = _error(
                429, "rate_limited", _("Gọi quá nhiều lần; thử lại sau %(s)s giây.")
                % {"s": int(exc.wait or 60)},
            )  # fmt: skip
        elif isinstance(exc, ConflictError):
            response = _error(409, "filing.conflict", " ".join(exc.messages))
        elif isinstance(exc, DjangoValidationError):
            fields = exc.message_dict if hasattr(exc, "error_dict") else None
            message = " ".join(exc.messages)
            response = _error(400, "filing.invalid", message, fields)
        elif isinstance(exc, DjangoPermissionDenied | exceptions.PermissionDenied):
            response = _error(403, "forbidden", _("Không có quyền thực hiện thao tác này."))
        elif isinstance(exc, Http404 | exceptions.NotFound):
            response = _error(404, "filing.not_found", _("Không tìm thấy hồ sơ."))
        elif isinstance(exc, exceptions.MethodNotAllowed):
            response = _error(405, "method_not_allowed", _("Phương thức không được hỗ trợ."))
        elif isinstance(exc, exceptions.ParseError):
            response = _error(
                400, "request.malformed", _("Nội dung gửi lên không phải JSON hợp lệ.")
            )
        else:
            return super().handle_exception(exc)
        if response.status_code == 401:
            response["WWW-Authenticate"] = 'Bearer realm="vinhdanh-filings"'
        return response


# --- request bodies ----------------------------------------------------------------------


def body_max() -> int:
    # base64 makes files a third larger.
    return settings.FILINGS_MAX_FILES * settings.FILINGS_MAX_FILE_MB * MB * 4 // 3 + 256 * 1024


def _raw_body(request) -> bytes:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > body_max():
        raise ApiError(413, "request.too_large", _("Nội dung gửi lên vượt quá giới hạn cho phép."))
    # Read the stream directly: the body may be larger than DATA_UPLOAD_MAX_MEMORY_SIZE.
    raw = request._request.read(body_max() + 1)
    if len(raw) > body_max():
        raise ApiError(413, "request.too_large", _("Nội dung gửi lên vượt quá giới hạn cho phép."))
    return raw


def _json(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError(
            400, "request.malformed", _("Nội dung gửi lên không phải JSON hợp lệ.")
        ) from None
    if not isinstance(data, dict):
        raise ApiError(400, "request.malformed", _("Nội dung gửi lên phải là một đối tượng JSON."))
    return data


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise ApiError(
            400,
            "filing.invalid",
            _("Dữ liệu gửi lên chưa hợp lệ."),
            {k: [str(m) for m in v] if isinstance(v, list) else v
             for k, v in serializer.errors.items()},
        )  # fmt: skip
    return serializer.validated_data


class AttachmentIn(serializers.Serializer):
    document = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Mã giấy tờ bắt buộc, nếu có"
    )
    filename = serializers.CharField(max_length=255)
    content_base64 = serializers.CharField()


def _files(attachments) -> list[tuple[str, str, bytes]]:
    files = []
    for item in attachments or []:
        try:
            content = base64.b64decode(item["content_base64"], validate=True)
        except (binascii.Error, ValueError):
            raise ApiError(
                400,
                "filing.invalid",
                _("Tệp “%(name)s” không đúng mã hóa base64.") % {"name": item["filename"]},
                {"attachments": [_("Tệp “%(name)s” không đúng mã hóa base64.")
                                 % {"name": item["filename"]}]},
            ) from None  # fmt: skip
        files.append((item.get("document") or "", item["filename"], content))
    return files


class FilingIn(serializers.Serializer):
    kind = serializers.CharField(help_text="Mã loại hồ sơ (GET /api/filings/kinds)")
    filer_kind = serializers.ChoiceField(choices=FilerKind.choices)
    filer_name = serializers.CharField(max_length=200)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=300)
    organisation_name = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    organisation_code = serializers.CharField(
        max_length=30, required=False, allow_blank=True, default=""
    )
    subject = serializers.CharField(max_length=300)
    content = serializers.CharField(max_length=5000)
    consent = serializers.BooleanField()
    external_reference = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    attachments = AttachmentIn(many=True, required=False, default=list)


class AttachIn(serializers.Serializer):
    attachments = AttachmentIn(many=True)


class SupplementIn(serializers.Serializer):
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    attachments = AttachmentIn(many=True, required=False, default=list)


class StatusOut(serializers.Serializer):
    code = serializers.CharField()
    external_reference = serializers.CharField()
    state = serializers.CharField()
    state_label = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    more_reason = serializers.CharField()
    more_due_on = serializers.DateField(allow_null=True)
    refusal_reason = serializers.CharField()
    nomination = serializers.DictField(allow_null=True)
    decision = serializers.DictField(allow_null=True)


class ResultOut(StatusOut):
    final = serializers.BooleanField()
    outcome = serializers.ChoiceField(choices=["pending", "accepted", "refused", "decided"])


class ErrorOut(serializers.Serializer):
    error = serializers.DictField()


class TokenIn(serializers.Serializer):
    grant_type = serializers.ChoiceField(
        choices=["client_credentials"], default="client_credentials"
    )
    client_id = serializers.CharField(max_length=64)
    client_secret = serializers.CharField(max_length=200)


class TokenOut(serializers.Serializer):
    access_token = serializers.CharField()
    token_type = serializers.CharField()
    expires_in = serializers.IntegerField()


class KindOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    filers = serializers.ListField(child=serializers.CharField())
    required_documents = serializers.ListField(child=serializers.DictField())
    answer_working_days = serializers.IntegerField()


IDEMPOTENCY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="Khóa duy nhất của mỗi lần ghi; gọi lại cùng khóa, cùng nội dung nhận lại "
    "câu trả lời đầu tiên.",
)


# --- idempotent writes -------------------------------------------------------------------


def idempotent(handler):
    """Run a write once per `Idempotency-Key` of the client, in one transaction."""

    def wrapper(self, request, *args, **kwargs):
        key = (request.headers.get("Idempotency-Key") or "").strip()
        if not key or len(key) > 100:
            raise ApiError(
                400,
                "idempotency.key_missing",
                _("Mỗi lần ghi cần tiêu đề Idempotency-Key (tối đa 100 ký tự)."),
            )
        raw = _raw_body(request)
        client = request.user.client
        digest = services.request_digest(request.method, request.path, raw)
        with transaction.atomic():
            kept = IdempotentAnswer.objects.filter(client=client, key=key).first()
            if kept is not None:
                if kept.request_hash != digest:
                    raise ApiError(
                        422,
                        "idempotency.key_reused",
                        _(
                            "Khóa Idempotency-Key này đã dùng cho một yêu cầu khác; mỗi yêu "
                            "cầu mới cần một khóa mới."
                        ),
                    )
                response = Response(kept.body, status=kept.status)
                response["Idempotent-Replayed"] = "true"
                return response
            response = handler(self, request, _json(raw), *args, **kwargs)
            if not services.remember_answer(client, key, digest, response.status_code,
                                            response.data):  # fmt: skip
                # Another call with this key got in first: undo this one, say so.
                transaction.set_rollback(True)
                return _error(
                    409,
                    "idempotency.in_progress",
                    _("Một yêu cầu cùng khóa đang được xử lý; thử lại sau ít giây."),
                )
        return response

    wrapper.__name__ = handler.__name__
    wrapper.__doc__ = handler.__doc__
    return wrapper


def _client_filing(request, code: str) -> Filing:
    filing = (
        Filing.objects.select_related("kind", "council", "api_client", "nomination__decision")
        .filter(code=normalise(code), api_client=request.user.client)
        .first()
    )
    if filing is None:
        raise ApiError(404, "filing.not_found", _("Không tìm thấy hồ sơ."))
    return filing


def _filer(request, filing) -> Filer:
    return Filer(filing.pk, Channel.API, request.user.client.client_id)


def result_of(filing) -> dict:
    payload = result_payload(filing)
    decided = bool(payload["decision"])
    outcome = {"accepted": "accepted", "refused": "refused"}.get(filing.state, "pending")
    payload.update(final=filing.is_closed, outcome="decided" if decided else outcome)
    return payload


# --- views -------------------------------------------------------------------------------


class TokenView(FilingsAPIView):
    authentication_classes = []
    permission_classes = []
    throttle_classes = [TokenRateThrottle]

    @extend_schema(
        summary="Đổi mã ứng dụng và mã bí mật lấy mã truy cập ngắn hạn",
        request=TokenIn,
        responses={200: TokenOut, 400: ErrorOut, 401: ErrorOut},
        auth=[],
    )
    def post(self, request):
        data = request.data if request.content_type.startswith("application/json") else request.POST
        names = ("grant_type", "client_id", "client_secret")
        values = _valid(TokenIn, {k: data.get(k) for k in names if data.get(k)})
        client = services.authenticate_client(values["client_id"], values["client_secret"])
        if client is None:
            raise ApiError(
                401, "auth.invalid_client", _("Mã ứng dụng hoặc mã bí mật không đúng, hoặc ứng "
                                              "dụng đã bị khóa.")
            )  # fmt: skip
        type(client).objects.filter(pk=client.pk).update(last_used_at=timezone.now())
        return Response(
            {
                "access_token": issue_token(client),
                "token_type": "Bearer",
                "expires_in": settings.FILINGS_API_TOKEN_SECONDS,
            }
        )


class KindListView(FilingsAPIView):
    @extend_schema(summary="Các loại hồ sơ nhận trực tuyến", responses={200: KindOut(many=True)})
    def get(self, request):
        return Response(
            [
                {
                    "code": k.code,
                    "name": k.name,
                    "filers": k.filers or list(FilerKind.values),
                    "required_documents": k.documents,
                    "answer_working_days": k.working_days,
                }
                for k in open_kinds()
            ]
        )


class FilingCreateView(FilingsAPIView):
    @extend_schema(
        summary="Nộp hồ sơ (tới Hội đồng của ứng dụng kết nối)",
        request=FilingIn,
        parameters=[IDEMPOTENCY],
        responses={201: StatusOut, 400: ErrorOut, 401: ErrorOut, 422: ErrorOut},
    )
    @idempotent
    def post(self, request, data):
        values = _valid(FilingIn, data)
        client = request.user.client
        kind = open_kinds().filter(code=values.pop("kind")).first()
        files = _files(values.pop("attachments"))
        filing = services.file_filing(
            kind=kind,
            council=client.council,
            files=files,
            channel=Channel.API,
            api_client=client,
            **values,
        )
        return Response(result_payload(filing), status=status.HTTP_201_CREATED)


class FilingStatusView(FilingsAPIView):
    @extend_schema(summary="Tra cứu trạng thái hồ sơ", responses={200: StatusOut, 404: ErrorOut})
    def get(self, request, code: str):
        return Response(result_payload(_client_filing(request, code)))


class FilingResultView(FilingsAPIView):
    @extend_schema(
        summary="Kết quả giải quyết (chấp nhận, từ chối kèm lý do, quyết định khen thưởng)",
        responses={200: ResultOut, 404: ErrorOut},
    )
    def get(self, request, code: str):
        return Response(result_of(_client_filing(request, code)))


class FilingAttachView(FilingsAPIView):
    @extend_schema(
        summary="Gửi thêm tệp cho hồ sơ chưa được trả lời",
        request=AttachIn,
        parameters=[IDEMPOTENCY],
        responses={201: StatusOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    )
    @idempotent
    def post(self, request, data, code: str):
        filing = _client_filing(request, code)
        values = _valid(AttachIn, data)
        services.add_attachments(
            _filer(request, filing), filing, files=_files(values["attachments"])
        )
        filing.refresh_from_db()
        return Response(result_payload(filing), status=status.HTTP_201_CREATED)


class FilingSupplementView(FilingsAPIView):
    @extend_schema(
        summary="Bổ sung hồ sơ theo yêu cầu của cơ quan thường trực",
        request=SupplementIn,
        parameters=[IDEMPOTENCY],
        responses={200: StatusOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    )
    @idempotent
    def post(self, request, data, code: str):
        filing = _client_filing(request, code)
        values = _valid(SupplementIn, data)
        filing = services.supplement(
            _filer(request, filing),
            filing,
            note=values["note"],
            files=_files(values["attachments"]),
        )
        return Response(result_payload(filing))
