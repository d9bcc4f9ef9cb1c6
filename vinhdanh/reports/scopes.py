"""Scope rules of the statistics' own rows, registered with accounts.access."""

from vinhdanh.accounts import access
from vinhdanh.reports.models import PersonCategory, WorkBody, WorkStaff


def register_report_scopes() -> None:
    access.register(PersonCategory, access.ScopeRule(unit_path="person__unit__path"))
    # A council's own lists: the councils above do not read a lower council's staff.
    for model in (WorkBody, WorkStaff):
        access.register(
            model, access.ScopeRule(unit_path="council__unit__path", editable_by_unit=False,
                                    council_own=True)
        )  # fmt: skip
