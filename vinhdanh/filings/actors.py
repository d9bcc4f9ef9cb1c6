"""Who acts when nobody signs in: the filer, proven by the code and the second factor (the
public status page) or by the one-stop system that filed for them (the API).

A `Filer` is not an account: it holds no role and no scope, so every permission of the staff
refuses it, and the one permission it has (`filings.act_as_filer`) is true only for the one
filing it was proven for. The audit log records it as nobody signed in, with the channel in
the note.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Filer:
    filing_id: int
    channel: str  # "web" or "api"
    client_id: str = ""

    is_authenticated = False
    is_anonymous = True
    is_superuser = False
    is_staff = False
    is_active = True
    role = None
    unit_id = None
    council_id = None

    @property
    def note(self) -> str:
        return f"API: {self.client_id}" if self.channel == "api" else "web"
