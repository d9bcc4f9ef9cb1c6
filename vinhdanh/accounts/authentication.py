"""HTTP Basic for the API, closed to accounts that owe a second factor.

A password alone must not open, over the API, an account whose pages need a code.
Failed passwords still go through django.contrib.auth.authenticate, so the lockout counts them.
"""

from django.utils.translation import gettext as _
from drf_spectacular.authentication import BasicScheme
from rest_framework import exceptions, status
from rest_framework.authentication import BasicAuthentication

from vinhdanh.accounts.lockout import lockout_message
from vinhdanh.accounts.second_factor import has_confirmed_device, requires_second_factor


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS


class PasswordOnlyBasicAuthentication(BasicAuthentication):
    def authenticate_credentials(self, userid, password, request=None):
        try:
            user, auth = super().authenticate_credentials(userid, password, request)
        except exceptions.AuthenticationFailed:
            # Axes flags the request it was given, here DRF's, so the lockout is told here.
            if request is not None and getattr(request, "axes_locked_out", False):
                raise LockedOut(lockout_message()) from None
            raise
        if requires_second_factor(user) or has_confirmed_device(user):
            raise exceptions.AuthenticationFailed(
                _(
                    "Tài khoản này dùng xác thực hai lớp nên không thể dùng HTTP Basic; "
                    "hãy đăng nhập trên trang web."
                )
            )
        return user, auth


class PasswordOnlyBasicScheme(BasicScheme):
    """The OpenAPI schema describes it as plain HTTP Basic."""

    target_class = PasswordOnlyBasicAuthentication
