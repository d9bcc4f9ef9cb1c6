"""Scope rules of the awards app, registered with accounts.access."""

from vinhdanh.accounts import access
from vinhdanh.awards.models import Batch, Certificate, Decision, Nomination


def register_award_scopes() -> None:
    access.register(Nomination, access.ScopeRule(unit_path="unit__path"))
    access.register(Batch, access.ScopeRule(unit_path="unit__path"))
    # A decision is the issuer's act: units see their own recipients through nominations.
    access.register(
        Decision,
        access.ScopeRule(unit_path="nominations__unit__path", editable_by_unit=False),
    )
    access.register(
        Certificate,
        access.ScopeRule(unit_path="nomination__unit__path", editable_by_unit=False),
    )
