"""Work waiting for the signed-in user, gathered from every app for the home page.

An app contributes with `<app>/dashboard.py` defining `cards(user) -> list[Card]`.
"""

import importlib
import importlib.util
from dataclasses import dataclass

CARD_MODULES = [
    "vinhdanh.plans.dashboard",
    "vinhdanh.movements.dashboard",
    "vinhdanh.awards.dashboard",
    "vinhdanh.training.dashboard",
    "vinhdanh.inspections.dashboard",
    "vinhdanh.signing.dashboard",
    "vinhdanh.exemplars.dashboard",
    "vinhdanh.contests.dashboard",
    "vinhdanh.initiatives.dashboard",
    "vinhdanh.filings.dashboard",
]


@dataclass(frozen=True)
class Card:
    label: str
    value: int
    url: str
    icon: str
    tone: str = "secondary"  # a Bootstrap colour: danger for overdue work, etc.


def cards_for(user) -> list[Card]:
    cards: list[Card] = []
    for module_name in CARD_MODULES:
        if importlib.util.find_spec(module_name) is not None:
            cards.extend(importlib.import_module(module_name).cards(user))
    return cards
