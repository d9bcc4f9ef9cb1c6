"""What carried out a plan's task: the work other apps record against it.

A training session, an inspection or a contest can be the carrying-out of a task of the
plan ("Tổ chức tập huấn …", "Kiểm tra …"). Those apps sit above plans, so plans cannot ask
them; each registers a provider here instead (in its AppConfig.ready), and the task's page
lists what the providers return as the task's evidence.

A provider is `provider(user, task) -> list[CarriedOut]`: only what `user` may see.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class CarriedOut:
    kind: str  # e.g. "Lớp tập huấn"
    title: str
    url: str
    detail: str = ""  # e.g. "12/05/2021 · 42 người dự"


_PROVIDERS: list[Callable] = []


def register_provider(provider: Callable) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def carried_out(user, task) -> list[CarriedOut]:
    found: list[CarriedOut] = []
    for provider in _PROVIDERS:
        found.extend(provider(user, task))
    return found
