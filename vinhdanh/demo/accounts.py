"""The demo's accounts as people read them: who, in which role, for which council and unit."""

from vinhdanh.accounts.models import Membership, User
from vinhdanh.demo import hanoi_2026, hoang_mai_2021


def demo_account_rows() -> list[dict]:
    """One row per seat of every demo account (an account may sit on several councils)."""
    # Hoàng Mai 2021 first (history), then Hà Nội 2026: the city and its seven wards.
    usernames = [u for u, *_rest in hoang_mai_2021.ACCOUNTS + hanoi_2026.ACCOUNTS]
    users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    seats = (
        Membership.objects.filter(user__username__in=usernames)
        .select_related("user", "council", "unit")
        .order_by("user__username", "pk")
    )
    by_user: dict[str, list[Membership]] = {}
    for seat in seats:
        by_user.setdefault(seat.user.username, []).append(seat)
    rows = []
    for username in usernames:
        user = users.get(username)
        if user is None:
            continue
        for seat in by_user.get(username) or [None]:
            rows.append(
                {
                    "username": username,
                    "role": seat.role if seat else user.role,
                    "role_label": seat.get_role_display() if seat else user.get_role_display(),
                    "council": str(seat.council) if seat else "",
                    "unit": str(seat.unit) if seat and seat.unit else "",
                }
            )
    return rows
