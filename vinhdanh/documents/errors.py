"""The one exception a plan reader raises; its message is shown to users as is."""


class PlanReadError(Exception):
    """A file that cannot be read as a plan; ``str(error)`` is a Vietnamese sentence."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
