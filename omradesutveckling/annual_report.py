"""The annual report's budget section: planning's document, budget's figures.

Riktlinjerna: the annual report describes the execution and outcome of the
efforts of the action plan *and the budget* of the previous year. Registered
with planning.extensions by omradesutveckling.apps.
"""

from budget import services as budget_services
from planning.models import DocumentKind


def budget_outcome(area_group, year: int) -> dict:
    """Per effort: planned, decided (approved by the chair, booked or not: the
    ledger's committed + booked), booked, and what is left of the planned cost;
    per cost type: decided and booked."""
    by_effort = [
        {**row, "remaining": row["planned"] - row["decided"]}
        for row in budget_services.outcome_by_effort(area_group, year)
    ]
    by_cost_type = budget_services.outcome_by_cost_type(area_group, year)

    def total(rows, key):
        return sum((row[key] for row in rows), start=0)

    return {
        "by_effort": by_effort,
        "by_cost_type": by_cost_type,
        "planned": total(by_effort, "planned"),
        "decided": total(by_effort, "decided"),
        "booked": total(by_effort, "booked"),
        "remaining": total(by_effort, "remaining"),
        "type_decided": total(by_cost_type, "decided"),
        "type_booked": total(by_cost_type, "booked"),
    }


def budget_section(document) -> dict | None:
    """The section for an annual report; nothing for the other documents."""
    if document.kind != DocumentKind.ANNUAL_REPORT:
        return None
    group = document.planning_year.area_group
    return {"template": "sections/annual_report_budget.html",
            "budget": budget_outcome(group, document.planning_year.year)}
