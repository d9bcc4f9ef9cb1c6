"""Scope rules of filings (the council they were sent to) and the view of their files."""

from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.filings.models import Filing, FilingAttachment


def register_filing_scopes() -> None:
    # A filing is its council's own work: the council above does not read a ward's filings,
    # and a unit's officer changes none of them.
    access.register(
        Filing,
        access.ScopeRule(unit_path="council__unit__path", council_own=True, editable_by_unit=False),
    )
    access.register(
        FilingAttachment,
        access.ScopeRule(
            unit_path="filing__council__unit__path", council_own=True, editable_by_unit=False
        ),
    )
    register_serving_view(
        FilingAttachment,
        "file",
        lambda a: reverse("filings:attachment_file", args=[a.filing_id, a.pk]),
    )
