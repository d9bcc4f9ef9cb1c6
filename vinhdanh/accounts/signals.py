"""The session's clock starts at the login, whatever page comes first afterwards; an
account's stored seat is always one of its memberships."""

import time

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from vinhdanh.accounts.councils import sync_home_membership
from vinhdanh.accounts.models import User
from vinhdanh.accounts.session_lifetime import LAST_ACTIVITY_KEY, LOGGED_IN_AT_KEY


@receiver(user_logged_in, dispatch_uid="vinhdanh.accounts.start_session_clock")
def start_session_clock(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        now = time.time()
        session[LOGGED_IN_AT_KEY] = now
        session[LAST_ACTIVITY_KEY] = now


@receiver(post_save, sender=User, dispatch_uid="vinhdanh.accounts.sync_home_membership")
def keep_home_membership(sender, instance, raw=False, update_fields=None, **kwargs):
    # A login saves only `last_login`: nothing of the seat changed.
    if raw or (update_fields is not None and not {"role", "unit", "council"} & set(update_fields)):
        return
    sync_home_membership(instance)
