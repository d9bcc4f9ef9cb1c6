"""Bulk work on the nomination list: one action for the dossiers ticked, with its exceptions.

The clerk ticks dossiers, picks an action, and a confirmation page says of each dossier
whether it can take the action and, if not, why (`check`). What is then applied goes
through the same services as the dossier's own page, so every permission, guard and
version check of `workflow.engine.transition` holds (`apply`):

- appraise, return, announce: **one transaction per dossier**. Each dossier is its own
  act; one that moved meanwhile (or that a guard refuses) is reported and the others
  are still done. Undoing forty appraisals because the forty-first changed state would
  only make the clerk start again.
- decide, forward: **all or nothing**, because the result is one document: one decision
  numbered in the register for every recipient, one tờ trình for every dossier sent up.
  A refusal leaves every dossier where it was and the page says why.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.awards.authority import authority_refusal
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.services.decisions import issue_decision
from vinhdanh.awards.services.review import (
    announce_nomination,
    appraise_nomination,
    council_of,
    return_nomination,
)
from vinhdanh.awards.services.upward import forward_nominations
from vinhdanh.awards.workflows import NOMINATIONS
from vinhdanh.workflow.permissions import allows

# At most this many dossiers in one bulk action: a page of the list is 50, and the
# confirmation page reads each one's checklist.
BULK_MAX = 100


@dataclass(frozen=True)
class BulkAction:
    name: str  # the NOMINATIONS action it takes
    label: object
    together: bool  # one act for all (one decision, one letter): all or nothing


BULK_ACTIONS = {
    action.name: action
    for action in [
        BulkAction("appraise", gettext_lazy("Thẩm định đạt"), together=False),
        BulkAction("return", gettext_lazy("Trả lại để bổ sung"), together=False),
        BulkAction("announce", gettext_lazy("Công khai lấy ý kiến"), together=False),
        BulkAction("decide", gettext_lazy("Ban hành một quyết định"), together=True),
        BulkAction("forward", gettext_lazy("Trình cấp trên (một tờ trình)"), together=True),
    ]
}


def offered(user) -> list[BulkAction]:
    """The bulk actions whose permission the user holds at all (the list's buttons)."""
    return [
        action
        for action in BULK_ACTIONS.values()
        if allows(user, NOMINATIONS.action(action.name).permission)
    ]


def states_for(user) -> set[str]:
    """The states a dossier of the list can be in to take one of the user's bulk actions."""
    return {state for action in offered(user) for state in NOMINATIONS.action(action.name).sources}


@dataclass
class Row:
    """One dossier on the confirmation page: why it cannot take the action, or None."""

    nomination: object
    refusal: str | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None


def _appraisal_exception(user, nomination, on, cache) -> str | None:
    # In bulk the appraiser confirms what the rules found; a failing finding is decided on
    # the dossier's own page, with a written reason.
    rows, _verdict, _law = prefilled_checklist(nomination)
    failing = [row["message"] for row in rows if row["engine"] is False]
    if failing:
        return _(
            "Đối chiếu tự động có tiêu chí chưa đạt (%(checks)s): thẩm định riêng trên trang hồ sơ."
        ) % {"checks": "; ".join(failing)}
    return None


def _authority(user, title, on, cache) -> str | None:
    """Why the user's council may not confer `title` on `on`, once per title on a page."""
    key = (title.pk, on)
    if key not in cache:
        cache[key] = authority_refusal(council_of(user), title, on)
    return cache[key]


def _decision_exception(user, nomination, on, cache) -> str | None:
    # Who may confer is the law on the signing day: known once the clerk has typed it (the
    # page shown again after a refusal); the decision checks it again when it is issued.
    if on is None:
        return None
    return _authority(user, nomination.title, on, cache)


def _forward_exception(user, nomination, on, cache) -> str | None:
    if _authority(user, nomination.title, timezone.localdate(), cache) is None:
        return _("Thuộc thẩm quyền của Hội đồng này: ban hành quyết định, không trình cấp trên.")
    return None


EXCEPTIONS = {
    "appraise": _appraisal_exception,
    "decide": _decision_exception,
    "forward": _forward_exception,
}


def check(user, name: str, nominations, *, on: datetime.date | None = None) -> list[Row]:
    """Each dossier and why it cannot take `name` now; `on` is a decision's signing day
    (None while it is not typed yet).

    The dossiers come from the user's scope (the list's own query). What is checked here
    costs the same for any number of dossiers: the state, the role's permission, and the
    action's own conditions read once per title (the authority to confer it), except the
    appraisal, which reads each dossier's checklist. The service behind each dossier checks
    everything again, object by object, when the action is applied.
    """
    action = NOMINATIONS.action(name)
    extra = EXCEPTIONS.get(name)
    may = allows(user, action.permission)
    cache: dict = {}
    rows = []
    for nomination in nominations:
        refusal = None
        if nomination.state not in action.sources:
            refusal = _("Đang ở trạng thái “%(state)s”: không thể “%(step)s”.") % {
                "state": nomination.get_state_display(),
                "step": str(action.label).lower(),
            }
        elif not may:
            refusal = _("Bạn không được “%(step)s” hồ sơ này.") % {
                "step": str(action.label).lower()
            }
        elif extra is not None:
            refusal = extra(user, nomination, on, cache)
        rows.append(Row(nomination, refusal))
    return rows


@dataclass
class Outcome:
    nomination: object
    done: bool
    messages: list[str] = field(default_factory=list)


def _refusal_messages(refusal) -> list[str]:
    if isinstance(refusal, ValidationError):
        return refusal.messages
    return [str(refusal) or _("Bạn không có quyền thực hiện thao tác này.")]


def _one(user, name, nomination, version, arguments):
    if name == "appraise":
        return appraise_nomination(
            user,
            nomination,
            passed=True,
            reasons=arguments.get("note", ""),
            expected_version=version,
        )
    if name == "return":
        return return_nomination(
            user, nomination, reasons=arguments.get("note", ""), expected_version=version
        )
    if name == "announce":
        return announce_nomination(
            user,
            nomination,
            starts_on=arguments["starts_on"],
            ends_on=arguments["ends_on"],
            where=arguments.get("where", ""),
            expected_version=version,
        )
    raise ValueError(name)


def _together(user, name, nominations, versions, arguments):
    if name == "decide":
        return issue_decision(
            user,
            nominations,
            signed_on=arguments.get("signed_on"),
            subject=arguments.get("subject", ""),
            expected_versions=versions,
        )
    if name == "forward":
        return forward_nominations(
            user,
            nominations,
            to_council=arguments.get("to_council"),
            external_body=arguments.get("external_body", ""),
            letter_number=arguments.get("letter_number", ""),
            letter_date=arguments.get("letter_date"),
            note=arguments.get("note", ""),
            expected_versions=versions,
        )
    raise ValueError(name)


def apply(user, name: str, nominations, *, versions: dict, **arguments):
    """Apply `name` to the chosen dossiers; returns (outcome per dossier, the one document).

    For an action taken together a refusal is raised (nothing moved); for the others each
    dossier's refusal is its outcome.
    """
    action = BULK_ACTIONS[name]
    nominations = sorted(nominations, key=lambda n: n.pk)  # a fixed order avoids deadlocks
    if not nominations:
        raise ValidationError(_("Chưa chọn hồ sơ nào để thực hiện."))
    if len(nominations) > BULK_MAX:
        raise ValidationError(_("Mỗi lần làm hàng loạt tối đa %(max)d hồ sơ.") % {"max": BULK_MAX})
    if action.together:
        document = _together(user, name, nominations, versions, arguments)
        return [Outcome(n, True) for n in nominations], document
    outcomes = []
    for nomination in nominations:
        try:
            with transaction.atomic():
                _one(user, name, nomination, versions.get(nomination.pk), arguments)
        except (ValidationError, PermissionDenied) as refusal:
            outcomes.append(Outcome(nomination, False, _refusal_messages(refusal)))
        else:
            outcomes.append(Outcome(nomination, True))
    return outcomes, None
