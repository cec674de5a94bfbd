"""Rules of the planning cycle that change several objects or need a transaction."""

from planning.models import ActionPlan, Effort


def efforts_for(area_group, year: int):
    """The efforts of an area group's action plan of a year (empty if there is no plan)."""
    return Effort.objects.for_group_and_year(area_group, year).select_related(
        "action_plan__planning_year"
    )


def action_plan_exists(area_group, year: int) -> bool:
    return ActionPlan.objects.filter(
        planning_year__area_group=area_group, planning_year__year=year
    ).exists()
