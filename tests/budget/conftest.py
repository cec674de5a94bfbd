"""Budget fixtures on top of the shared personas (tests/conftest.py)."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from budget import services
from budget.models import CostType
from planning import services as planning_services
from planning.models import Effort

YEAR = 2026


def add_effort(group, year=YEAR, title="Sommarlovsaktiviteter", cost="85000"):
    plan = planning_services.start_year(group, year).action_plan
    return Effort.objects.create(action_plan=plan, title=title, position=plan.efforts.count(),
                                 planned_cost=Decimal(cost))


def propose(user, group, effort=None, amount="10000", year=YEAR, cost_type=CostType.GOODS_SERVICES,
            recipient="Alby IF", **extra):
    spend, _created = services.propose(
        user, group, year, effort=effort, recipient=recipient, cost_type=cost_type,
        amount=Decimal(amount), date=date(year, 6, 1), description="Material till lovet",
        **extra)
    return spend


# Decisions in tests are taken on 1 May, so that bookings in June come after them.
DECIDED_AT = timezone.make_aware(datetime(YEAR, 5, 1, 10))


def approve(spend, chair, **extra):
    extra.setdefault("at", DECIDED_AT)
    return services.approve(spend, chair, **extra)


@pytest.fixture
def alby_grant(alby, alby_people):
    return services.set_grant(alby, YEAR, amount=Decimal("100000"), account_number="BK 1201")


@pytest.fixture
def tumba_grant(tumba, tumba_people):
    return services.set_grant(tumba, YEAR, amount=Decimal("100000"), account_number="BK 1205")


@pytest.fixture
def alby_effort(alby_grant):
    return add_effort(alby_grant.area_group)


@pytest.fixture
def tumba_effort(tumba_grant):
    return add_effort(tumba_grant.area_group, title="Läxhjälp i Tumba")


@pytest.fixture
def proposed(alby_effort, alby_developer):
    return propose(alby_developer, alby_effort.get_area_group(), alby_effort)


@pytest.fixture
def approved(proposed, alby_chair):
    return approve(proposed, alby_chair)
