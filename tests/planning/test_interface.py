"""The promises other apps (budget) build on."""

from decimal import Decimal

from planning import services
from planning.models import ActionPlan, Effort, PlanningYear


def test_efforts_for_returns_the_groups_efforts_of_that_year(alby, tumba):
    plan = ActionPlan.objects.create(planning_year=PlanningYear.objects.create(area_group=alby, year=2026))
    effort = Effort.objects.create(action_plan=plan, title="Läxhjälp", planned_cost=Decimal("12500.50"))
    other = ActionPlan.objects.create(planning_year=PlanningYear.objects.create(area_group=tumba, year=2026))
    Effort.objects.create(action_plan=other, title="Annan")

    assert list(services.efforts_for(alby, 2026)) == [effort]
    assert effort.year == 2026 and plan.year == 2026
    assert effort.get_area_group() == alby and plan.get_area_group() == alby


def test_efforts_for_is_empty_without_a_plan(alby):
    assert list(services.efforts_for(alby, 2030)) == []
    assert services.action_plan_exists(alby, 2030) is False


def test_action_plan_exists_for_the_year_of_the_plan(alby):
    ActionPlan.objects.create(planning_year=PlanningYear.objects.create(area_group=alby, year=2026))
    assert services.action_plan_exists(alby, 2026) is True
    assert services.action_plan_exists(alby, 2025) is False
