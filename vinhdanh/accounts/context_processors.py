"""The top bar's council picker (the user's memberships in force and the acting one) and the
notice shown on every page when the acting seat has ended (read-only account)."""

from django.utils.functional import SimpleLazyObject

from vinhdanh.accounts.councils import picker
from vinhdanh.accounts.predicates import seat_ended_reason


def acting_council(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Lazy: a page that does not draw the top bar (a fragment, a download) asks nothing.
    return {
        "council_picker": SimpleLazyObject(lambda: picker(user)),
        "seat_ended": SimpleLazyObject(lambda: seat_ended_reason(user) or ""),
    }
