"""A previewed people import carried to its confirmation in a signed field of the page.

Nothing is kept on the server between the preview and the apply, so any web host answers
the confirmation. The token is signed for one user and expires; the apply checks every row
again against the registry (services.apply_people_import).
"""

from django.core import signing

from vinhdanh.org.people_import import ImportPlan, PersonChange

MAX_AGE_SECONDS = 60 * 60


def _salt(user) -> str:
    return f"org.people_import:{user.pk}"


def sign(user, plan: ImportPlan) -> str:
    payload = {
        "creates": plan.creates,
        "updates": [[c.code, c.full_name, c.changes] for c in plan.updates],
        "unchanged": plan.unchanged,
    }
    return signing.dumps(payload, salt=_salt(user), compress=True)


def read(user, token: str) -> ImportPlan | None:
    try:
        payload = signing.loads(token, salt=_salt(user), max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return ImportPlan(
        creates=payload["creates"],
        updates=[
            PersonChange(code, name, {key: tuple(pair) for key, pair in changes.items()})
            for code, name, changes in payload["updates"]
        ],
        unchanged=payload["unchanged"],
    )
