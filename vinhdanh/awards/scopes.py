"""Scope rules of the awards app, registered with accounts.access,
and the views of its stored files."""

from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.awards.models import Attachment, Batch, Certificate, Decision, Nomination, PrintJob
from vinhdanh.core.files import register_serving_view


def register_award_scopes() -> None:
    access.register(Nomination, access.ScopeRule(unit_path="unit__path"))
    access.register(Batch, access.ScopeRule(unit_path="unit__path"))
    # A decision is the issuer's act: it belongs to the issuer's tree (its council sees it,
    # with or without recipients yet) and units see their own recipients through nominations.
    access.register(
        Decision,
        access.ScopeRule(
            unit_path=("nominations__unit__path", "issuer__path"), editable_by_unit=False
        ),
    )
    access.register(
        Certificate,
        access.ScopeRule(unit_path="nomination__unit__path", editable_by_unit=False),
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
        PrintJob, "file", lambda job: reverse("awards:print_download", args=[job.pk])
    )
