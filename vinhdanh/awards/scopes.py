"""Scope rules of the awards app, registered with accounts.access,
and the views of its stored files."""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access, scope_sets
from vinhdanh.accounts.councils import acting_council
from vinhdanh.awards.models import (
    Attachment,
    Batch,
    Certificate,
    Decision,
    FundEntry,
    FundPlan,
    Meeting,
    Nomination,
    PrintJob,
    Revocation,
    Submission,
)
from vinhdanh.core.files import register_serving_view

NOTHING = Q(pk__in=[])


def _council_staff_council(user):
    """The council whose organisation-wide staff the user is; None for units' officers,
    whose view stays their own unit's whatever council their account names."""
    if access.role_of(user) not in access.ORGANISATION_WIDE_VIEWERS:
        return None
    return acting_council(user)


def sent_to_my_council(user) -> Q:
    """Dossiers sent up to the user's council: the received copies and their originals.

    Added to the unit scope whatever it is (the whole organisation, or the council's own
    subtree), so the higher council always sees what was sent to it, and no more.
    """
    council = _council_staff_council(user)
    if council is None:
        return NOTHING
    # The submissions' ids (a few thousand) written out rather than joined, so the database
    # answers from the foreign keys' indexes and estimates them (accounts.scope_sets).
    sent_to_it = _submissions_to(council)
    return Q(received_in__in=sent_to_it) | Q(submission__in=sent_to_it)


def _submissions_to(council) -> list[int]:
    return scope_sets.ids(
        council, "submissions_to", Submission.objects.filter(to_council_id=council.pk)
    )


def received_by_council(council) -> Q:
    """The copies another council sent up to this one: its office appraises them, its
    council votes on them and its chairman decides."""
    return Q(received_in__in=_submissions_to(council))


def submissions_of_my_council(user) -> Q:
    council = _council_staff_council(user)
    if council is None:
        return NOTHING
    return Q(to_council_id=council.pk) | Q(from_council_id=council.pk)


def issued_by_my_council(user) -> Q:
    """A council's own decisions, whoever the recipients' units are (a ward's dossier)."""
    council = _council_staff_council(user)
    if council is None:
        return NOTHING
    return Q(issuer_id=council.unit_id)


def certified_by_my_council(user) -> Q:
    council = _council_staff_council(user)
    if council is None:
        return NOTHING
    return Q(decision__issuer_id=council.unit_id)


def register_award_scopes() -> None:
    scope_sets.watch(Submission)
    access.register(
        Nomination,
        access.ScopeRule(
            unit_path="unit__path",
            extra_view=sent_to_my_council,
            council_own=True,
            council_work=received_by_council,
        ),
    )
    # A submission belongs to the sending council's unit; the council above sees it too.
    access.register(
        Submission,
        access.ScopeRule(
            unit_path="from_council__unit__path",
            extra_view=submissions_of_my_council,
            editable_by_unit=False,
            council_own=True,
            council_work=lambda council: Q(to_council_id=council.pk),
        ),
    )
    access.register(Batch, access.ScopeRule(unit_path="unit__path", council_own=True))
    # A council's meetings are its own: the councils above do not see a ward's meetings.
    access.register(
        Meeting,
        access.ScopeRule(unit_path="council__unit__path", editable_by_unit=False, council_own=True),
    )
    # A decision is the issuer's act: it belongs to the issuer's tree (its council sees it,
    # with or without recipients yet) and units see their own recipients through nominations.
    access.register(
        Decision,
        access.ScopeRule(
            unit_path=("nominations__unit__path", "issuer__path"),
            extra_view=issued_by_my_council,
            editable_by_unit=False,
        ),
    )
    access.register(
        Certificate,
        access.ScopeRule(
            unit_path="nomination__unit__path",
            extra_view=certified_by_my_council,
            editable_by_unit=False,
        ),
    )
    # A revocation is the issuer's act; a unit sees the ones that revoke its own people's
    # awards, not those of another unit named in the same decision.
    access.register(
        Revocation,
        access.ScopeRule(
            unit_path=("certificates__nomination__unit__path", "issuer__path"),
            extra_view=issued_by_my_council,
            editable_by_unit=False,
        ),
    )
    # The fund is the council's own: the councils above do not see a lower council's fund.
    for model in (FundPlan, FundEntry):
        access.register(
            model,
            access.ScopeRule(
                unit_path="council__unit__path", editable_by_unit=False, council_own=True
            ),
        )
    register_serving_view(
        Attachment,
        "file",
        lambda item: reverse("awards:attachment_download", args=[item.nomination_id, item.pk]),
    )
    register_serving_view(
        Batch, "letter", lambda batch: reverse("awards:batch_letter", args=[batch.pk])
    )
    register_serving_view(
        Submission,
        "letter",
        lambda submission: reverse("awards:submission_letter", args=[submission.pk]),
    )
    register_serving_view(
        PrintJob, "file", lambda job: reverse("awards:print_download", args=[job.pk])
    )
