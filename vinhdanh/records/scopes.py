from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.records.models import (
    DisciplineRecord,
    Initiative,
    PastAward,
    Rating,
    ScreeningJob,
)


def register_record_scopes() -> None:
    # A record about a person belongs to the person's unit; about a collective, to that unit.
    rule = access.ScopeRule(unit_path=("person__unit__path", "unit__path"))
    for model in (Rating, PastAward, Initiative, DisciplineRecord):
        access.register(model, rule)
    # A screening job belongs to the unit it screens: another ward's job does not exist.
    access.register(ScreeningJob, access.ScopeRule(unit_path="unit__path"))
    register_serving_view(
        ScreeningJob, "export", lambda job: reverse("records:screening_export", args=[job.pk])
    )
