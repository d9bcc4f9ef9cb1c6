"""The pages of one role: the URLconf filtered by `pages.page_kind`, ids from the role's scope."""

from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

from bench.web import pages
from vinhdanh.accounts.access import scope_queryset


@dataclass(frozen=True)
class Page:
    name: str
    kind: str
    path: str


def url_patterns(resolver=None, namespace: str = "", prefix: str = ""):
    """(name, route, argument names) of every named pattern, nested namespaces included."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            if isinstance(pattern.pattern, RoutePattern):
                arguments = tuple(pattern.pattern.converters)
            else:
                arguments = tuple(pattern.pattern.regex.groupindex)
            yield f"{namespace}{pattern.name}", prefix + str(pattern.pattern), arguments


def candidate_pages() -> list[tuple[str, str, bool]]:
    """(name, kind, takes an id) of every page to load, each URL name once."""
    found: dict[str, tuple[str, str, bool]] = {}
    for name, route, arguments in url_patterns():
        kind = pages.page_kind(name, route, arguments)
        if kind is not None and name not in found:
            found[name] = (name, kind, bool(arguments))
    return sorted(found.values())


def object_id(user, key: str) -> int | None:
    """The newest object of that kind the user may see (scope_queryset), or None."""
    model = apps.get_model(pages.MODELS[key])
    try:
        visible = scope_queryset(user, model.objects.all())
    except LookupError:  # a model every signed-in user reads (no scope rule)
        visible = model.objects.all()
    return visible.order_by("-pk").values_list("pk", flat=True).first()


def pages_for(user) -> tuple[list[Page], list[tuple[str, str]]]:
    """The role's pages with real ids, and the pages left out with the reason."""
    found, skipped = [], []
    ids: dict[str, int | None] = {}
    for name, kind, takes_id in candidate_pages():
        if not takes_id:
            found.append(Page(name, kind, reverse(name)))
            continue
        key = pages.object_key(name)
        if key is None:
            skipped.append((name, "no object kind fills its id"))
            continue
        if key not in ids:
            ids[key] = object_id(user, key)
        if ids[key] is None:
            skipped.append((name, f"no {key} in this role's scope"))
            continue
        found.append(Page(name, kind, reverse(name, kwargs={"pk": ids[key]})))
    return found, skipped
