"""Tracking codes and the second factor of a status look-up. Pure.

A code is 8 characters from an alphabet without the look-alikes (0/O, 1/I/L): about 40 bits
drawn with `secrets`, shown as XXXX-XXXX, short enough to read out on the phone. A code alone
opens nothing: the look-up also asks the last 4 characters of the phone number (its digits)
or of the e-mail address (the part before @), and the look-up is throttled per address.
"""

import hmac
import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str:
    """What a person typed (lower case, spaces, dashes) as the stored code; "" if malformed."""
    code = re.sub(r"[\s\-–.]", "", typed or "").upper()
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return ""
    return code


def shown(code: str) -> str:
    return f"{code[:4]}-{code[4:]}" if len(code) == LENGTH else code


def last4_of_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:] if len(digits) >= 4 else ""


def last4_of_email(email: str) -> str:
    local = (email or "").split("@", 1)[0].strip().lower()
    return local[-4:] if len(local) >= 4 else local


def second_factor_matches(typed: str, *, phone: str, email: str) -> bool:
    """Whether `typed` is the last 4 of the phone or of the e-mail; compared in constant time."""
    typed = (typed or "").strip().lower()
    if len(typed) < 1:
        return False
    matched = False
    for expected in (last4_of_phone(phone), last4_of_email(email)):
        # Both compared whatever the first answers: the time says nothing about which.
        if expected and hmac.compare_digest(typed.encode(), expected.encode()):
            matched = True
    return matched
