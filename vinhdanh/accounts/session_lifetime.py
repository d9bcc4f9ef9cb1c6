"""When a session has lived too long: pure rules on timestamps (seconds since the epoch)."""

LAST_ACTIVITY_KEY = "vinhdanh_last_activity"
LOGGED_IN_AT_KEY = "vinhdanh_logged_in_at"
# The last activity is written at most this often, so not every request saves the session.
ACTIVITY_RESOLUTION_SECONDS = 30


def expiry_reason(
    *,
    now: float,
    last_activity: float | None,
    logged_in_at: float | None,
    idle_seconds: int,
    lifetime_seconds: int,
) -> str | None:
    """ "idle", "lifetime" or None while the session may go on."""
    if logged_in_at is not None and now - logged_in_at > lifetime_seconds:
        return "lifetime"
    if last_activity is not None and now - last_activity > idle_seconds:
        return "idle"
    return None


def should_record_activity(now: float, last_activity: float | None) -> bool:
    return last_activity is None or now - last_activity >= ACTIVITY_RESOLUTION_SECONDS
