"""The audit log page: filters, and each entry described in words with a link to its object.

The object's page is named here by URL name (home is the page that reads every app);
that page checks scope itself, so a link to an object the reader may not see opens a
"not found" page like any guessed address.
"""

import datetime

from django.urls import NoReverseMatch, reverse

from vinhdanh.audit import describe
from vinhdanh.audit.labels import action_label
from vinhdanh.core.years import parse_year

# object_type -> the URL name of its page (one `pk` argument).
OBJECT_PAGES = {
    "org.unit": "org:unit_detail",
    "org.person": "org:person_detail",
    "org.cluster": "scoring:cluster_year",
    "org.reorganisation": "org:reorganisation_detail",
    "plans.plan": "plans:plan_detail",
    "plans.task": "plans:task_detail",
    "movements.movement": "movements:movement_detail",
    "movements.registration": "movements:registration_detail",
    "scoring.scorecard": "scoring:scorecard",
    "awards.nomination": "awards:nomination_detail",
    "awards.batch": "awards:batch_detail",
    "awards.decision": "awards:decision_detail",
    "records.screeningjob": "records:screening_job",
    "initiatives.initiative": "initiatives:initiative_detail",
    "initiatives.initiativecouncil": "initiatives:council_detail",
}


def object_url(entry) -> str | None:
    name = OBJECT_PAGES.get(entry.object_type)
    if name is None or not entry.object_id.isdigit() or entry.action.endswith(".delete"):
        return None
    try:
        return reverse(name, args=[int(entry.object_id)])
    except NoReverseMatch:
        return None


def _date(raw: str) -> datetime.date | None:
    raw = (raw or "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
        return day if parse_year(day.year) else None
    return None


def filtered(entries, params, units_by_pk: dict) -> tuple:
    """The entries that pass the page's filters, the filters as read, and their errors."""
    filters = {
        key: params.get(key, "").strip()
        for key in ("actor", "unit", "action", "since", "until", "object_type", "object_id")
    }
    errors = []
    if filters["actor"].isdigit():
        entries = entries.filter(actor_id=int(filters["actor"]))
    if filters["unit"].isdigit():
        unit = units_by_pk.get(int(filters["unit"]))
        if unit is not None:
            entries = entries.filter(actor__unit__path__startswith=unit.path)
    if filters["action"]:
        entries = entries.filter(action=filters["action"])
    since, until = _date(filters["since"]), _date(filters["until"])
    if filters["since"] and since is None:
        errors.append("since")
    if filters["until"] and until is None:
        errors.append("until")
    if since and until and since > until:
        errors.append("order")
    else:
        if since:
            entries = entries.filter(at__date__gte=since)
        if until:
            entries = entries.filter(at__date__lte=until)
    if filters["object_type"]:
        entries = entries.filter(object_type=filters["object_type"])
    if filters["object_id"]:
        entries = entries.filter(object_id=filters["object_id"])
    return entries, filters, errors


def described(entries) -> None:
    """Gives each entry of a page its sentence, its action's words and its changes (the rows
    they name by id read once per model for the whole page)."""
    entries = list(entries)
    names = describe.related_names(describe.related_refs(entries))
    for entry in entries:
        entry.url = object_url(entry)
        entry.sentence = describe.sentence(entry, entry.url)
        entry.label = action_label(entry.action)
        entry.changes = describe.changes(entry, names)


def action_choices(codes) -> list[tuple[str, str]]:
    """The actions of the log, by their words (sorted as read), for the filter."""
    labelled = [(code, action_label(code)) for code in codes]
    return sorted(labelled, key=lambda pair: pair[1])
