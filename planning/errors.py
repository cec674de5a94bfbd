"""The planning cycle's refusals; ``str(error)`` is the message for the user."""

from django.utils.translation import gettext as _


class PlanningError(Exception):
    """A refused action; ``str(error)`` is the message for the user."""


class FrozenError(PlanningError):
    """The document is approved (or submitted) and cannot be edited now."""


class ConflictError(PlanningError):
    """Someone else saved the same thing since the form was opened."""

    def __init__(self, current):
        self.current = current
        super().__init__(
            _(
                "Någon annan har sparat ändringar här sedan du öppnade formuläret, så "
                "din text har inte sparats. Den finns kvar nedan. Jämför med den sparade "
                "versionen; sparar du igen ersätter din text den."
            )
        )
