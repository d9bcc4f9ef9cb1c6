"""An audit entry in words: who did what to which object and when, and what changed.

`sentence(entry, url)` is "Nguyễn Văn A đã thẩm định hồ sơ đề nghị “…” lúc 09:15 ngày
01/12/2026", with the object linked when a page shows it; `changes(entry)` is the
before/after table of the fields that changed, each field by its own label and each
value as the pages write it (a state by its name, a yes/no by "Có"/"Không").
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from vinhdanh.audit.labels import action_label

EMPTY = "—"


def actor_name(entry) -> str:
    return str(entry.actor) if entry.actor_id else _("Hệ thống")


def when(entry) -> str:
    local = timezone.localtime(entry.at)
    return _("%(time)s ngày %(day)s") % {
        "time": f"{local:%H:%M}",
        "day": f"{local:%d/%m/%Y}",
    }


def sentence(entry, url: str | None = None):
    """The entry as one Vietnamese sentence (safe HTML, the object linked when `url`)."""
    subject = (
        format_html("<a href='{}'>“{}”</a>", url, entry.object_repr)
        if url
        else format_html("“{}”", entry.object_repr)
    )
    return format_html(
        _("{actor} đã {action} {object} lúc {when}"),
        actor=actor_name(entry),
        action=action_label(entry.action),
        object=subject,
        when=when(entry),
    )


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def related_refs(entries) -> dict:
    """The rows the entries' before/after name by id (a unit, a title ...), per model: what
    `related_names` reads in one query per model, however many entries name them."""
    wanted: dict = {}
    for entry in entries:
        model = _model(entry.object_type)
        for data in (entry.before, entry.after):
            if not isinstance(data, dict):
                continue
            for name, value in data.items():
                field = _field(model, name)
                if field is None or not field.is_relation or field.related_model is None:
                    continue
                ids = value if isinstance(value, list) else [value]
                wanted.setdefault(field.related_model, set()).update(
                    v for v in ids if isinstance(v, (int, str)) and v != ""
                )
    return wanted


def related_names(wanted: dict) -> dict:
    """{(model, pk): its name} for the rows `related_refs` found."""
    names = {}
    for model, ids in wanted.items():
        for pk, row in model._base_manager.in_bulk(list(ids)).items():
            names[(model, str(pk))] = str(row)
    return names


def value_text(value, field=None, names=None) -> str:
    """A stored value as a page writes it; a related row by its name when `names` has it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    related = getattr(field, "related_model", None) if field is not None else None
    if related is not None and names is not None:
        ids = value if isinstance(value, list) else [value]
        return ", ".join(names.get((related, str(v)), f"#{v}") for v in ids)
    choices = dict(getattr(field, "flatchoices", None) or ())
    if choices and not isinstance(value, (list, dict)):
        return str(choices.get(value, value))
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {value_text(item)}" for key, item in value.items())
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        # An ISO date or timestamp, written as the pages write dates.
        day = f"{value[8:10]}/{value[5:7]}/{value[:4]}"
        return day + (f" {value[11:16]}" if len(value) >= 16 and value[10] == "T" else "")
    return str(value)


def field_label(model, name: str) -> str:
    field = _field(model, name)
    label = getattr(field, "verbose_name", None)
    return str(label)[:1].upper() + str(label)[1:] if label else name


def changes(entry, names=None) -> list[Change]:
    """The fields that differ between before and after (all of them for a creation or a
    deletion), in the model's field order; related rows by name from `names`."""
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    model = _model(entry.object_type)
    keys = list(dict.fromkeys([*before, *after]))
    if model is not None:
        order = {f.name: i for i, f in enumerate(model._meta.get_fields())}
        keys.sort(key=lambda n: order.get(n, len(order)))
    result = []
    for name in keys:
        old, new = before.get(name), after.get(name)
        if entry.before is not None and entry.after is not None and old == new:
            continue
        field = _field(model, name)
        result.append(
            Change(
                field_label(model, name),
                value_text(old, field, names) if entry.before is not None else EMPTY,
                value_text(new, field, names) if entry.after is not None else EMPTY,
            )
        )
    return result
