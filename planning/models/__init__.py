"""The yearly planning cycle (planeringsårscykel), riktlinjer KS/2015:173.

Strategic development programmes per district; a planning year per area group
with its four documents (district analysis, action plan, interim report and
annual report), their workflow and sections; the action plan's efforts and the
reports' follow-up rows; and the statistics the analysis builds on.
"""

from planning.models.cycle import CycleDueDates, default_due_dates, due_dates_for  # noqa: F401
from planning.models.documents import (  # noqa: F401
    ActionPlan,
    Comment,
    DistrictAnalysis,
    DocumentKind,
    PlanningYear,
    Report,
    Section,
    Status,
    WorkflowEvent,
)
from planning.models.efforts import Effort, FollowUpRow, FollowUpStatus  # noqa: F401
from planning.models.programmes import MainTask, StrategicProgramme  # noqa: F401
from planning.models.statistics import (  # noqa: F401
    AreaCode,
    Figure,
    FrozenFigure,
    ImportBatch,
    Indicator,
)
