from vinhdanh.accounts import access
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
