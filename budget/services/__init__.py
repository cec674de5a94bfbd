"""Rules for development money that change several objects or need a transaction,
and the readings of the ledger that the pages, the start page and the annual
report share. One module per concept:

- ``ledger``: reading the ledger (totals, outcome, monthly use, forecast, lists);
- ``decisions``: proposals and the chair's decisions (propose, withdraw, approve,
  reject, revoke) and the rules a spend must meet;
- ``bookkeeping``: booking what was paid, correcting a booking;
- ``grants``: the yearly grants the management office sets;
- ``locking``: what every change of the money does under the lock of its grant.

A refused action raises ``BudgetError`` (``budget.errors``) with a Swedish
message the view shows. Callers use the names below (``services.approve``).
"""

from budget.errors import AlreadyDone, BudgetError  # noqa: F401
from budget.services.bookkeeping import book, correct_booking  # noqa: F401
from budget.services.decisions import (  # noqa: F401
    approve,
    cancel,
    check_cost_type,
    check_effort,
    propose,
    reject,
    withdraw,
)
from budget.services.grants import set_grant, set_grants  # noqa: F401
from budget.services.ledger import (  # noqa: F401
    booked_of,
    committed_of,
    forecast,
    ledger_entries,
    monthly_use,
    my_requests,
    outcome_by_cost_type,
    outcome_by_effort,
    totals,
    totals_by_group,
    waiting_for_decision,
    waiting_summary,
    year_end_warnings,
)
