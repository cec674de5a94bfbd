"""Rules of the planning cycle that change several objects or need a transaction.

Views call these; each says which rule of the guidelines it enforces. A refused
action raises ``PlanningError`` (or a subclass, ``planning.errors``) with a
Swedish message that the view shows as it is. One module per concept:

- ``cycle``: the planning year, its documents and due dates, and what the
  budget app asks of the year's action plan;
- ``workflow``: a document's steps from draft to published.

Editing a draft document is ``planning.editing``. Callers use the names below
(``services.transition``).
"""

from planning.errors import PlanningError  # noqa: F401
from planning.services.cycle import (  # noqa: F401
    action_plan_exists,
    document_of,
    documents_of,
    efforts_for,
    set_due_dates_for_all_groups,
    start_year,
)
from planning.services.workflow import (  # noqa: F401
    ACTION_LABELS,
    TRANSITIONS,
    allowed_actions,
    step_permission,
    transition,
)
