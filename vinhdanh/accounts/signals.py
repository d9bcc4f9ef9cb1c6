"""The session's clock starts at the login, whatever page comes first afterwards."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from vinhdanh.accounts.session_lifetime import LAST_ACTIVITY_KEY, LOGGED_IN_AT_KEY


@receiver(user_logged_in, dispatch_uid="vinhdanh.accounts.start_session_clock")
def start_session_clock(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        now = time.time()
        session[LOGGED_IN_AT_KEY] = now
        session[LAST_ACTIVITY_KEY] = now
