"""A workflow as data: which action moves which state where, who may act, and on what guard.

Pure: no database access here. The engine applies an action, pages list the actions a user may
take, and the permission-matrix test reads the same declarations.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

# A guard looks at the object (and the actor) and returns a Vietnamese reason to refuse, or None.
Guard = Callable[[object, object], str | None]


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[str]
    targets: tuple[str, ...]
    permission: str  # a name registered with django-rules in the app's permissions.py
    label: object  # a lazy translation: the button and the history line
    guard: Guard | None = None
    # Whether the action needs a written note (a reason to return, to revoke ...).
    note_required: bool = False

    def __post_init__(self):
        if not self.targets:
            raise ValueError(f"action {self.name} names no target state")


class ActionRefused(ValueError):
    """The action does not apply to the object's state or its guard refuses; Vietnamese text."""


# Every workflow declared anywhere, by name: the matrix test checks their permissions.
REGISTERED: dict[str, "Workflow"] = {}


@dataclass(frozen=True)
class Workflow:
    """One workflow: the model it moves, its states, its actions, where its history goes.

    `history` is "app_label.Model" of a concrete `workflow.models.TransitionRecord` and the name
    of its foreign key to the moved object.
    """

    name: str  # the audit prefix, e.g. "awards.nomination"
    states: type  # a TextChoices
    actions: dict[str, Action]
    history: tuple[str, str]
    noun: object  # lazy: "hồ sơ", "bản đăng ký" ... used in refusals
    state_field: str = "state"
    version_field: str = "version"

    def __post_init__(self):
        REGISTERED[self.name] = self

    def action(self, name: str) -> Action:
        try:
            return self.actions[name]
        except KeyError:
            raise ActionRefused(_("Thao tác không hợp lệ.")) from None

    def state_label(self, state: str) -> str:
        try:
            return str(self.states(state).label)
        except ValueError:
            return state

    def check(self, name: str, state: str, to: str | None = None) -> tuple[Action, str]:
        """The action and its target from `state`, or ActionRefused saying why not."""
        action = self.action(name)
        if state not in action.sources:
            raise ActionRefused(
                _("Không thể “%(step)s” khi %(noun)s đang ở trạng thái “%(state)s”.")
                % {
                    "step": str(action.label).lower(),
                    "noun": str(self.noun),
                    "state": self.state_label(state),
                }
            )
        if to is None:
            if len(action.targets) != 1:
                raise ValueError(f"{self.name}.{name} has several targets: name one")
            to = action.targets[0]
        elif to not in action.targets:
            # A programming error, not a user's: the table does not allow this move.
            raise ValueError(f"{self.name}.{name} cannot move to {to!r}")
        return action, to

    def actions_from(self, state: str) -> list[Action]:
        return [a for a in self.actions.values() if state in a.sources]

    def available(self, user, obj) -> list[Action]:
        """The actions this user may take on this object now: what the pages show."""
        from vinhdanh.workflow.permissions import allows

        state = getattr(obj, self.state_field)
        return [a for a in self.actions_from(state) if allows(user, a.permission, obj)]
