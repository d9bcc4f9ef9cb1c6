"""The home page's work inbox ("Việc cần làm"), gathered from the apps' contributions.

Each app that has work for people lists it in its `inbox.py` (see `core/inbox.py`); this
module asks every one of them and orders the groups: work past its deadline first, then
in the registry's order (dossiers, registrations, cluster work, tasks).
"""

import importlib
import importlib.util

from vinhdanh.core.inbox import INBOX_MODULES, InboxGroup


def inbox_for(user, year: int) -> list[InboxGroup]:
    groups: list[InboxGroup] = []
    for module_name in INBOX_MODULES:
        if importlib.util.find_spec(module_name) is not None:
            groups.extend(importlib.import_module(module_name).inbox(user, year))
    return sorted(groups, key=lambda g: not g.late)  # stable: the registry's order otherwise
