"""Finding a certificate from what is printed on it, for who cannot scan its QR code.

The paper carries two things a person can type: the check code under the QR code
(`<number>-<six letters>`, the letters derived from the certificate's secret token, so the
number alone finds nothing) and the golden-book number (`<year>-<number>`, the register's).
"""

import base64
import hashlib
import hmac
import re

from vinhdanh.awards.models import Certificate

_CHECK = re.compile(r"^(\d{1,9})-([A-Z2-7]{6})$")
_REGISTER = re.compile(r"^((?:19|20)\d\d)-(\d{1,9})$")


def _letters(token: str) -> str:
    digest = hashlib.sha256(f"vinhdanh.certificate.check:{token}".encode()).digest()
    return base64.b32encode(digest).decode()[:6]


def check_code(certificate: Certificate) -> str:
    return f"{certificate.pk}-{_letters(certificate.token)}"


def register_number(certificate: Certificate) -> str:
    return f"{certificate.decision.year}-{certificate.pk:05d}"


def normalise(typed: str) -> str:
    """What a person typed, as the codes are printed: no spaces, capitals, "-" between."""
    text = typed.strip().upper().replace(" ", "").replace("–", "-").replace("—", "-")
    return text.replace("SỐSỔVÀNG:", "").replace("MÃ", "")


def find_typed(typed: str) -> Certificate | None:
    """The certificate whose check code or golden-book number was typed, or None."""
    text = normalise(typed)
    certificates = Certificate.objects.select_related("decision", "nomination__title")
    if match := _CHECK.match(text):
        found = certificates.filter(pk=int(match[1])).first()
        if found and hmac.compare_digest(_letters(found.token), match[2]):
            return found
    # A long golden-book number ("2021-234567") may also read as a check code.
    if match := _REGISTER.match(text):
        return certificates.filter(pk=int(match[2]), decision__year=int(match[1])).first()
    return None
