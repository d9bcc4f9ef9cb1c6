"""Shared steps of service functions: validate, save, audit."""

from django.db import models

from vinhdanh.audit.services import record, snapshot


def save_and_record(*, actor, instance: models.Model, action: str, before: dict | None = None):
    """Validate and save `instance`, then write its audit entry with before and after."""
    instance.full_clean()
    instance.save()
    record(actor=actor, action=action, instance=instance, before=before, after=snapshot(instance))
    return instance


def apply_changes(instance: models.Model, changes: dict) -> None:
    for field, value in changes.items():
        setattr(instance, field, value)
