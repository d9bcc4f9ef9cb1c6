"""Telling the filer about each step: an e-mail (Django's mail) and a text message.

Text messages go through a pluggable backend: `FILINGS_SMS_BACKEND` names a class with a
`send(phone, text)` method (docs/deploy.md, "Online filings"). The province plugs in its
SMS gateway's class; `ConsoleSmsBackend` (the default) writes the message to the log, and
`LocmemSmsBackend` keeps it in `outbox` for tests, as Django's locmem mail backend does.

A one-stop system that registered a callback address gets the same result posted as JSON
(`post_callback`), besides the polling endpoint. Everything is sent once the transaction
commits: a refused step sends nothing.
"""

import json
import logging
import urllib.request
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from vinhdanh.filings.codes import shown

log = logging.getLogger(__name__)
# The demo's filings are seed data: their invented filers are told nothing.
_silenced: ContextVar[bool] = ContextVar("filings_notify_silenced", default=False)


@contextmanager
def silenced():
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


class SmsBackend:
    """The interface a province's SMS gateway implements."""

    def send(self, phone: str, text: str) -> None:  # pragma: no cover - an interface
        raise NotImplementedError


class ConsoleSmsBackend(SmsBackend):
    def send(self, phone: str, text: str) -> None:
        log.info("SMS to %s: %s", phone, text)


class LocmemSmsBackend(SmsBackend):
    outbox: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        type(self).outbox.append((phone, text))


def sms_backend() -> SmsBackend:
    return import_string(settings.FILINGS_SMS_BACKEND)()


def _date(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def message(filing, event: str) -> tuple[str, str]:
    """The subject and the text the filer receives for `event` (a step's name). Pure."""
    code = shown(filing.code)
    head = _("Hồ sơ %(code)s (%(subject)s)") % {"code": code, "subject": filing.subject}
    if event == "file":
        text = _(
            "đã được tiếp nhận. Cơ quan thường trực Hội đồng Thi đua - Khen thưởng trả lời "
            "trước ngày %(due)s. Tra cứu bằng mã hồ sơ và 4 ký tự cuối của số điện thoại "
            "hoặc thư điện tử đã khai."
        ) % {"due": _date(filing.due_on)}
    elif event == "request_more":
        text = _("cần bổ sung trước ngày %(due)s: %(reason)s") % {
            "due": _date(filing.more_due_on),
            "reason": filing.more_reason,
        }
    elif event == "supplement":
        text = _("đã nhận phần bổ sung. Hạn trả lời mới: %(due)s.") % {"due": _date(filing.due_on)}
    elif event == "accept":
        text = _(
            "đã được chấp nhận và lập thành hồ sơ đề nghị khen thưởng để Hội đồng xét theo quy "
            "định."
        )
    elif event == "refuse":
        text = _("không được chấp nhận. Lý do: %(reason)s") % {"reason": filing.refusal_reason}
    else:
        text = _("có thay đổi.")
    return head, f"{head} {text}"


def notify_filer(filing, event: str) -> None:
    """Queue the e-mail, the text message and the client's callback for after the commit."""
    if _silenced.get():
        return
    subject, text = message(filing, event)
    email, phone = filing.email, filing.phone
    callback = filing.api_client.callback_url if filing.api_client_id else ""
    payload = result_payload(filing) if callback else None

    def send() -> None:
        if email:
            try:
                send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [email])
            except Exception:  # a mail server down must not undo the step
                log.exception("filing %s: the e-mail was not sent", filing.pk)
        if phone:
            try:
                sms_backend().send(phone, text)
            except Exception:
                log.exception("filing %s: the text message was not sent", filing.pk)
        if callback:
            post_callback(callback, payload)

    transaction.on_commit(send)


def result_payload(filing) -> dict:
    """What the one-stop system learns of a filing: its state and the result. Pure on the row."""
    nomination = filing.nomination if filing.nomination_id else None
    decision = None
    if nomination is not None and nomination.decision_id:
        d = nomination.decision
        decision = {"reference": d.reference, "signed_on": d.signed_on.isoformat()}
    return {
        "code": filing.code,
        "external_reference": filing.external_reference,
        "state": filing.state,
        "state_label": filing.get_state_display(),
        "due_on": filing.due_on.isoformat() if filing.due_on else None,
        "more_reason": filing.more_reason if filing.state == "more_requested" else "",
        "more_due_on": filing.more_due_on.isoformat() if filing.more_due_on else None,
        "refusal_reason": filing.refusal_reason,
        "nomination": (
            {"state": nomination.state, "state_label": nomination.get_state_display()}
            if nomination
            else None
        ),
        "decision": decision,
    }


def post_callback(url: str, payload: dict) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=5):
            pass
    except Exception:
        log.warning("callback to %s failed; the client still polls the result", url)
