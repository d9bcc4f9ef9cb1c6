"""The PKCS#12 password kept encrypted: Fernet with a key derived from a setting.

`SIGNING_KEY_ENCRYPTION_KEY` (a deployment's own secret, docs/deploy.md), else SECRET_KEY.
Changing that secret makes the kept passwords unreadable: the administrator uploads the
certificate again.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _fernet() -> Fernet:
    secret = getattr(settings, "SIGNING_KEY_ENCRYPTION_KEY", "") or settings.SECRET_KEY
    digest = hashlib.sha256(b"vinhdanh.signing.password:" + secret.encode("utf-8")).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(password: str) -> str:
    return _fernet().encrypt(password.encode("utf-8")).decode("ascii")


def unseal(sealed: str) -> str:
    try:
        return _fernet().decrypt(sealed.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError) as error:
        raise ValidationError(
            _(
                "Không giải mã được mật khẩu chứng thư số (khóa mã hóa đã đổi). "
                "Quản trị viên cần tải lên lại chứng thư số."
            )
        ) from error
