"""Every business action on online filings: one function each, in a transaction, with its
permission check (the workflow's named permissions) and its audit entry.

Filing is open to anyone (the public form, the one-stop API): it checks the council, the
kind, the identity fields, the consent and every attachment through the upload gate before
anything is stored, so a refused filing leaves nothing behind. The office's steps go through
`workflow.engine.transition`; accepting makes a draft nomination through the awards service
and copies the filing's files into it through the same gate.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts.validity import active_on
from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.models import DossierComponent
from vinhdanh.awards.services.nominations import add_attachment, create_nomination
from vinhdanh.core.uploads import MB, validate_upload
from vinhdanh.filings import codes, deadlines
from vinhdanh.filings.actors import Filer
from vinhdanh.filings.models import (
    ApiClient,
    AttachmentStage,
    Channel,
    FilerKind,
    Filing,
    FilingAttachment,
    FilingState,
)
from vinhdanh.filings.notify import notify_filer
from vinhdanh.filings.workflows import FILINGS
from vinhdanh.workflow.engine import lock, transition
from vinhdanh.workflow.permissions import require
from vinhdanh.workflow.table import ActionRefused

# An upload as the services take it: (required document's code or "", file name, bytes).
Upload = tuple[str, str, bytes]


def _check_files(files: list[Upload]) -> list[tuple[str, str, bytes, str]]:
    """Every file through the upload gate before any is stored: all or none."""
    if len(files) > settings.FILINGS_MAX_FILES:
        raise ValidationError(
            {
                "attachments": _("Mỗi lần gửi tối đa %(count)d tệp.")
                % {"count": settings.FILINGS_MAX_FILES}
            }
        )
    checked = []
    for document, name, content in files:
        try:
            kind = validate_upload(name, content, max_bytes=settings.FILINGS_MAX_FILE_MB * MB)
        except ValidationError as refused:
            raise ValidationError(
                {
                    "attachments": _("Tệp “%(name)s”: %(reason)s Chưa nhận tệp nào.")
                    % {"name": name, "reason": " ".join(refused.messages)}
                }
            ) from refused
        checked.append((document, name, content, kind))
    return checked


def _store(filing: Filing, checked, stage: str) -> list[FilingAttachment]:
    documents = {d["code"]: d["name"] for d in filing.kind.documents}
    stored = []
    for document, name, content, kind in checked:
        safe_name = name.replace("/", "_").replace("\\", "_")[-120:]
        attachment = FilingAttachment(
            filing=filing,
            document_code=document if document in documents else "",
            document_name=documents.get(document, ""),
            original_name=safe_name,
            file_kind=kind,
            size=len(content),
            stage=stage,
        )
        attachment.file.save(safe_name, ContentFile(content), save=False)
        attachment.save()
        stored.append(attachment)
    return stored


def _check_identity(*, filer_kind, filer_name, phone, email, address, organisation_name,
                    organisation_code) -> dict:  # fmt: skip
    errors = {}
    if filer_kind not in FilerKind.values:
        errors["filer_kind"] = _("Chọn người nộp là cá nhân hay tổ chức.")
    if not (filer_name or "").strip():
        errors["filer_name"] = _("Cần ghi họ và tên người nộp.")
    if not (address or "").strip():
        errors["address"] = _("Cần ghi địa chỉ liên hệ.")
    phone = (phone or "").strip()
    email = (email or "").strip()
    if not phone and not email:
        errors["phone"] = _("Cần ghi số điện thoại hoặc thư điện tử để nhận kết quả.")
    if phone and not codes.last4_of_phone(phone):
        errors["phone"] = _("Số điện thoại không hợp lệ (cần ít nhất 4 chữ số).")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Địa chỉ thư điện tử không hợp lệ.")
    if filer_kind == FilerKind.ORGANISATION:
        if not (organisation_name or "").strip():
            errors["organisation_name"] = _("Tổ chức nộp hồ sơ cần ghi tên tổ chức.")
        if not (organisation_code or "").strip():
            errors["organisation_code"] = _("Tổ chức nộp hồ sơ cần ghi mã số thuế hoặc mã đơn vị.")
    return errors


def _new_code() -> str:
    for _attempt in range(10):
        code = codes.new_code()
        if not Filing.objects.filter(code=code).exists():
            return code
    raise RuntimeError("no free filing code after 10 draws")  # 40 bits: never in practice


@transaction.atomic
def file_filing(
    *,
    kind,
    council,
    filer_kind: str,
    filer_name: str,
    address: str,
    subject: str,
    content: str,
    consent: bool,
    files: list[Upload],
    phone: str = "",
    email: str = "",
    organisation_name: str = "",
    organisation_code: str = "",
    channel: str = Channel.WEB,
    api_client: ApiClient | None = None,
    external_reference: str = "",
) -> Filing:
    """A new filing from the public form or the one-stop API, in state received."""
    today = timezone.localdate()
    errors = _check_identity(
        filer_kind=filer_kind, filer_name=filer_name, phone=phone, email=email, address=address,
        organisation_name=organisation_name, organisation_code=organisation_code,
    )  # fmt: skip
    if kind is None or not kind.active:
        errors["kind"] = _("Loại hồ sơ này không còn nhận trực tuyến.")
    elif filer_kind in FilerKind.values and not kind.accepts(filer_kind):
        errors["filer_kind"] = _("Loại hồ sơ “%(kind)s” chỉ dành cho %(who)s.") % {
            "kind": kind.name,
            "who": ", ".join(str(FilerKind(f).label).lower() for f in kind.filers),
        }
    if council is None or not active_on(council, today):
        errors["council"] = _(
            "Hội đồng đã chọn không còn hoạt động; hãy chọn Hội đồng đang hoạt động ở địa phương."
        )
    if not (subject or "").strip():
        errors["subject"] = _("Cần ghi tiêu đề của đề nghị.")
    if not (content or "").strip():
        errors["content"] = _("Cần ghi nội dung đề nghị.")
    if not consent:
        errors["consent"] = _(
            "Cần đồng ý với việc xử lý dữ liệu cá nhân để cơ quan thường trực xem xét hồ sơ."
        )
    if kind is not None and "kind" not in errors:
        given = {document for document, _name, _content in files}
        missing = [d["name"] for d in kind.documents if d["code"] not in given]
        if missing:
            errors["attachments"] = _("Còn thiếu giấy tờ bắt buộc: %(names)s.") % {
                "names": "; ".join(missing)
            }
    if errors:
        raise ValidationError(errors)
    checked = _check_files(files)
    filing = Filing(
        code=_new_code(),
        kind=kind,
        council=council,
        channel=channel,
        api_client=api_client,
        external_reference=(external_reference or "")[:100],
        filer_kind=filer_kind,
        filer_name=filer_name.strip(),
        phone=(phone or "").strip(),
        email=(email or "").strip(),
        address=address.strip(),
        organisation_name=(organisation_name or "").strip(),
        organisation_code=(organisation_code or "").strip(),
        subject=subject.strip(),
        content=content.strip(),
        consent_at=timezone.now(),
        received_on=today,
        due_on=deadlines.due_after(today, kind.working_days),
    )
    filing.full_clean(exclude=["code"])
    filing.save()
    _store(filing, checked, AttachmentStage.FILED)
    # The log keeps references, not the filer's contact or text.
    record(
        actor=None,
        action="filings.filing.file",
        instance=filing,
        after={"kind": kind.pk, "council": council.pk, "channel": channel,
               "attachment_count": len(checked)},
        note=f"API: {api_client.client_id}" if api_client else "web",
    )  # fmt: skip
    notify_filer(filing, "file")
    return filing


@transaction.atomic
def add_attachments(filer: Filer, filing: Filing, *, files: list[Upload]) -> list:
    """The filer (through the API) sends more files while the office has not answered."""
    require(filer, "filings.act_as_filer", filing)
    current = lock(FILINGS, filing)
    if current.state not in (FilingState.RECEIVED, FilingState.MORE_REQUESTED):
        raise ValidationError(
            _("Hồ sơ đã được trả lời (%(state)s), không nhận thêm tệp.")
            % {"state": current.get_state_display().lower()}
        )
    if not files:
        raise ValidationError({"attachments": _("Chưa có tệp nào được gửi.")})
    stored = _store(current, _check_files(files), AttachmentStage.ADDED)
    record(
        actor=None,
        action="filings.attachment.add",
        instance=current,
        after={"attachments": [a.pk for a in stored]},
        note=filer.note,
    )
    return stored


def lookup(code: str, second_factor: str) -> Filing | None:
    """The filing a code and its second factor open, or None, whatever was wrong."""
    normalised = codes.normalise(code)
    filing = Filing.objects.filter(code=normalised).first() if normalised else None
    phone, email = (filing.phone, filing.email) if filing else ("0000", "none")
    matches = codes.second_factor_matches(second_factor, phone=phone, email=email)
    return filing if filing is not None and matches else None


@transaction.atomic
def request_more(
    actor,
    filing: Filing,
    *,
    reason: str,
    more_due_on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Filing:
    today = timezone.localdate()
    if more_due_on is None:
        more_due_on = deadlines.due_after(today, settings.FILINGS_SUPPLEMENT_WORKING_DAYS)
    elif more_due_on <= today:
        raise ValidationError({"more_due_on": _("Hạn bổ sung phải sau ngày hôm nay.")})
    filing = transition(
        FILINGS,
        actor,
        filing,
        "request_more",
        note=reason,
        expected_version=expected_version,
        more_reason=(reason or "").strip(),
        more_due_on=more_due_on,
    )
    notify_filer(filing, "request_more")
    return filing


@transaction.atomic
def supplement(
    filer: Filer,
    filing: Filing,
    *,
    note: str = "",
    files: list[Upload] = (),
    expected_version: int | None = None,
) -> Filing:
    """The filer answers a request for more: a note and files; the office's time restarts."""
    files = list(files)
    if not files and not (note or "").strip():
        raise ValidationError(_("Hãy gửi giấy tờ bổ sung hoặc ghi nội dung bổ sung."))
    checked = _check_files(files)
    today = timezone.localdate()
    current = Filing.objects.select_related("kind").get(pk=filing.pk)
    filing = transition(
        FILINGS,
        filer,
        current,
        "supplement",
        note=(note or "").strip(),
        expected_version=expected_version,
        due_on=deadlines.due_after(today, current.kind.working_days),
    )
    _store(filing, checked, AttachmentStage.SUPPLEMENT)
    notify_filer(filing, "supplement")
    return filing


def _component_for(title) -> DossierComponent:
    component = (
        DossierComponent.objects.filter(titlecomponent__title=title, generated=False)
        .order_by("titlecomponent__pk")
        .first()
    )
    if component is None:
        raise ValidationError(
            {"title": _("Danh hiệu “%(title)s” không có thành phần hồ sơ để kèm tệp.")
             % {"title": title.name}}
        )  # fmt: skip
    return component


@transaction.atomic
def accept(
    actor,
    filing: Filing,
    *,
    title,
    basis,
    year: int,
    achievements: str,
    person=None,
    collective=None,
    note: str = "",
    expected_version: int | None = None,
) -> Filing:
    """Accept the filing into a draft nomination (the awards service makes it), with the
    filing's files copied into it through the upload gate."""
    current = lock(FILINGS, filing, expected_version)
    try:  # the state's refusal before the nomination's
        FILINGS.check("accept", current.state)
    except ActionRefused as refusal:
        raise ValidationError(str(refusal)) from None
    require(actor, "filings.handle_filing", current)
    if not (achievements or "").strip():
        raise ValidationError({"achievements": _("Cần nhập tóm tắt thành tích.")})
    nomination = create_nomination(
        actor,
        title=title,
        basis=basis,
        year=year,
        achievements=achievements,
        person=person,
        collective=collective,
        event=_("Hồ sơ trực tuyến %(code)s") % {"code": codes.shown(current.code)},
    )
    attachments = list(current.attachments.all())
    if attachments:
        component = _component_for(title)
        for attachment in attachments:
            with attachment.file.open("rb") as stored:
                content = stored.read()
            add_attachment(
                actor,
                nomination,
                component=component,
                filename=attachment.original_name,
                content=content,
            )
    filing = transition(
        FILINGS,
        actor,
        current,
        "accept",
        note=note,
        nomination=nomination,
        answered_at=timezone.now(),
    )
    notify_filer(filing, "accept")
    return filing


@transaction.atomic
def refuse(actor, filing: Filing, *, reason: str, expected_version: int | None = None) -> Filing:
    filing = transition(
        FILINGS,
        actor,
        filing,
        "refuse",
        note=reason,
        expected_version=expected_version,
        refusal_reason=(reason or "").strip(),
        answered_at=timezone.now(),
    )
    notify_filer(filing, "refuse")
    return filing


# --- API clients -------------------------------------------------------------------------


def secret_digest(secret: str) -> str:
    return make_password(secret)


@transaction.atomic
def make_api_client(
    actor, *, name: str, council, client_id: str = "", callback_url: str = ""
) -> tuple[ApiClient, str]:
    """A new client and its secret, shown this once (only its hash is kept)."""
    require(actor, "filings.manage_api_clients")
    secret = secrets.token_urlsafe(32)
    client = ApiClient(
        client_id=client_id or f"mc-{secrets.token_hex(6)}",
        secret_hash=secret_digest(secret),
        name=name,
        council=council,
        callback_url=callback_url,
    )
    client.full_clean()
    client.save()
    record(actor=actor, action="filings.api_client.create", instance=client,
           after=snapshot(client))  # fmt: skip
    return client, secret


def authenticate_client(client_id: str, secret: str) -> ApiClient | None:
    client = ApiClient.objects.select_related("council__unit").filter(client_id=client_id).first()
    # A missing client costs a hash as well, so the time says nothing about which ids exist.
    digest = client.secret_hash if client else make_password("not-a-client")
    valid = check_password(secret or "", digest)
    if client is None or not valid or not client.enabled:
        return None
    return client


def request_digest(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


def remember_answer(client: ApiClient, key: str, digest: str, status: int, body: dict) -> bool:
    """Keep the first answer under this key; False when another call took the key first."""
    from vinhdanh.filings.models import IdempotentAnswer

    try:
        with transaction.atomic():
            IdempotentAnswer.objects.create(
                client=client, key=key, request_hash=digest, status=status, body=body
            )
    except IntegrityError:
        return False
    return True
