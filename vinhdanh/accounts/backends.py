"""The password backend, reading the signed-in user with the seat every page asks about.

Every request loads the user from the session; the top bar, the scope rules and the
`seat_in_force` check then read the user's unit, council and the council's unit. Fetched
with the user in one query instead of three more on every page.
"""

from django.contrib.auth.backends import ModelBackend

from vinhdanh.accounts.models import User


class SeatModelBackend(ModelBackend):
    def get_user(self, user_id):
        user = (
            User._default_manager.select_related("unit", "council", "council__unit")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
