"""The one way a view runs a service behind a form and shows its refusal on that form."""

from django.core.exceptions import PermissionDenied, ValidationError


def run_service(form, service, *args, **kwargs):
    """Call `service` if `form` is valid; a refusal becomes the form's errors, not a 500.

    Returns the service's result, or None when the form or the service refused (the view then
    renders the form again with its errors). PermissionDenied is shown as a form error too:
    the object is in the user's scope (the view found it) but the action is not theirs.
    """
    if not form.is_valid():
        return None
    try:
        return service(*args, **kwargs)
    except ValidationError as refusal:
        _add_refusal(form, refusal)
    except PermissionDenied as refusal:
        form.add_error(None, str(refusal) or None)
    return None


def _add_refusal(form, refusal: ValidationError) -> None:
    if hasattr(refusal, "error_dict"):
        for field, errors in refusal.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, refusal.messages)


def labelled_history(workflow, obj) -> list[tuple]:
    """(history row, the action's label) of each step `obj` went through, oldest first: what
    the shared `includes/history.html` shows."""
    # Every history model names its rows `transitions` (workflow.models.TransitionRecord).
    rows = obj.transitions.select_related("actor")
    return [
        (row, workflow.actions[row.action].label if row.action in workflow.actions else "")
        for row in rows.order_by("pk")
    ]
