"""Bulk work from the nomination list: the confirmation page with its exceptions, then the
outcome per dossier. The rules are in `services/bulk.py`; these views bind the forms."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from vinhdanh.awards import selectors
from vinhdanh.awards.bulk_forms import BulkApplyForm, BulkPickForm
from vinhdanh.awards.services import bulk
from vinhdanh.awards.views.common import REFUSED
from vinhdanh.awards.views.nominations import nomination_list_page
from vinhdanh.workflow.views import run_service


def bulk_selectable(user):
    """The dossiers the list offers a tick box for: in the user's scope, in a state one of
    the user's bulk actions (or the export) starts from."""
    from vinhdanh.awards.views.nominations import selectable_states

    states = bulk.states_for(user) | selectable_states(user)
    return (
        selectors.nominations_for(user)
        .filter(state__in=states)
        .select_related("title", "unit", "person", "collective")
        .order_by("pk")
    )


def _versions(request) -> dict[int, int]:
    """The version of each dossier as the confirmation page showed it (`version_<id>`)."""
    versions = {}
    for key, value in request.POST.items():
        if key.startswith("version_") and key[8:].isdigit() and value.isdigit():
            versions[int(key[8:])] = int(value)
    return versions


def _picked(request, user):
    """The dossiers the confirmation page was about, from its hidden fields: in scope only."""
    ids = [int(v) for v in request.POST.getlist("picked") if v.isdigit()][: bulk.BULK_MAX + 1]
    return (
        selectors.nominations_for(user)
        .filter(pk__in=ids)
        .select_related("title", "unit", "person", "collective")
        .order_by("pk")
    )


def _confirm_page(request, name, picked, form, *, on=None, status=200):
    rows = bulk.check(request.user, name, picked, on=on)
    boxes = form.boxes()
    context = {
        "action": bulk.BULK_ACTIONS[name],
        "rows": [(row, boxes.get(row.nomination.pk) if row.ok else None) for row in rows],
        "ready": sum(row.ok for row in rows),
        "form": form,
    }
    return render(request, "awards/bulk_confirm.html", context, status=status)


@login_required
@require_POST
def bulk_confirm(request):
    """From the list: each ticked dossier, whether it can take the action, and why not."""
    user = request.user
    pick = BulkPickForm(request.POST, queryset=bulk_selectable(user))
    if not pick.is_valid():
        return nomination_list_page(request, ("selection", pick))
    name = pick.cleaned_data["action"]
    picked = list(pick.cleaned_data["nominations"])
    rows = bulk.check(user, name, picked)
    # The dossiers that can take the action are ticked; the others are listed with their
    # exception and no box.
    form = BulkApplyForm(
        initial={
            "action": name,
            "picked": [n.pk for n in picked],
            "nominations": [row.nomination.pk for row in rows if row.ok],
        },
        queryset=pick.cleaned_data["nominations"],
        user=user,
    )
    boxes = form.boxes()
    context = {
        "action": bulk.BULK_ACTIONS[name],
        "rows": [(row, boxes.get(row.nomination.pk) if row.ok else None) for row in rows],
        "ready": sum(row.ok for row in rows),
        "form": form,
    }
    return render(request, "awards/bulk_confirm.html", context)


@login_required
@require_POST
def bulk_apply(request):
    """Apply the action to the dossiers kept; the page reports each dossier's outcome."""
    user = request.user
    picked = _picked(request, user)
    # Any dossier of the user's scope: one that moved since the confirmation is refused by
    # its service, and reported, instead of failing the whole form.
    form = BulkApplyForm(request.POST, queryset=picked, user=user)
    name = request.POST.get("action")
    if name not in bulk.BULK_ACTIONS:
        form.is_valid()
        return nomination_list_page(request, ("selection", form))
    if not form.is_valid():
        return _confirm_page(request, name, list(picked), form, status=REFUSED)
    result = run_service(
        form,
        lambda: bulk.apply(
            user,
            name,
            list(form.cleaned_data["nominations"]),
            versions=_versions(request),
            **form.arguments(),
        ),
    )
    on = form.cleaned_data.get("signed_on")
    if result is None:  # an action taken together was refused: nothing moved
        return _confirm_page(request, name, list(picked), form, on=on, status=REFUSED)
    outcomes, document = result
    kept = {n.pk for n in form.cleaned_data["nominations"]}
    context = {
        "action": bulk.BULK_ACTIONS[name],
        "outcomes": outcomes,
        "done": sum(o.done for o in outcomes),
        "left_out": [n for n in picked if n.pk not in kept],
        "document": document,
    }
    return render(request, "awards/bulk_result.html", context)
