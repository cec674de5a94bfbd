"""The development money's refusals; ``str(error)`` is the message for the user."""


class BudgetError(Exception):
    """A refused action; ``str(error)`` is the message for the user."""


class AlreadyDone(BudgetError):
    """The same step was posted again (double click, retry): nothing more happens."""
