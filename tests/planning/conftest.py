"""Planning fixtures on top of the shared personas (tests/conftest.py)."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from planning import services
from planning.models import Effort, Report

YEAR = 2026


@pytest.fixture
def alby_year(alby, alby_people):
    return services.start_year(alby, YEAR)


@pytest.fixture
def alby_plan(alby_year):
    return alby_year.action_plan


@pytest.fixture
def alby_analysis(alby_year):
    """The analysis with its first section written (an empty one cannot be submitted)."""
    section = alby_year.sections.filter(document="analysis").order_by("position").first()
    section.body = "Alby har vuxit långsamt men stadigt."
    section.save()
    return alby_year.analysis


@pytest.fixture
def alby_interim(alby_year):
    return Report.objects.get(planning_year=alby_year, kind=Report.Kind.INTERIM)


@pytest.fixture
def alby_annual(alby_year):
    return Report.objects.get(planning_year=alby_year, kind=Report.Kind.ANNUAL)


@pytest.fixture
def tumba_year(tumba, tumba_people):
    return services.start_year(tumba, YEAR)


def add_effort(plan, title="Läxhjälp på biblioteket", **fields):
    fields.setdefault("planned_cost", Decimal("60000"))
    fields.setdefault("start_date", date(plan.year, 1, 1))
    fields.setdefault("end_date", date(plan.year, 12, 31))
    position = plan.efforts.count()
    return Effort.objects.create(action_plan=plan, title=title, position=position, **fields)


def walk(document, steps, developer, chair):
    """Take a document through workflow steps with the right people."""
    for step in steps:
        user = chair if step in ("approve", "reopen") else developer
        kwargs = {}
        if step == "committee":
            kwargs["on"] = timezone.localdate()
        if step == "report":
            kwargs.update(on=timezone.localdate(), case_number="KS/2026:55")
        if step == "reopen":
            kwargs["note"] = "Fel belopp"
        services.transition(document, step, user, **kwargs)
        document.refresh_from_db()
    return document


@pytest.fixture
def effort(alby_plan, alby_member):
    return add_effort(alby_plan, contact=alby_member)
