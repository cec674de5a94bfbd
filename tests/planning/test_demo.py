"""The demo year loads through the real services and importer, and again without change."""

from areas import demo as area_demo
from planning import demo
from planning.models import AreaCode, Effort, Figure, PlanningYear, Status, StrategicProgramme
from planning.statistics import statistics_for


def test_demo_loads_a_botkyrka_year_and_is_idempotent(db):
    area_demo.load_structure()
    area_demo.load_people()
    AreaCode.objects.create(code="0127R-ALBY", kind="regso", name="Alby")  # an older demo's invention
    demo.load()
    assert not AreaCode.objects.filter(code__startswith="0127R-").exists()
    counts = (PlanningYear.objects.count(), Effort.objects.count(), Figure.objects.count())
    demo.load()
    assert (PlanningYear.objects.count(), Effort.objects.count(), Figure.objects.count()) == counts

    assert counts[0] == 10  # five groups, 2025 and 2026
    assert set(StrategicProgramme.objects.values_list("district__slug", flat=True)) == {
        "alby", "fittja", "hallunda-norsborg"}
    alby = PlanningYear.objects.get(area_group__district__slug="alby", year=2026)
    assert alby.analysis.status == Status.PUBLISHED
    assert statistics_for(alby.analysis)["any_revised"]  # SCB revised a figure afterwards
    assert PlanningYear.objects.get(area_group__district__slug="tullinge", year=2026).action_plan.status == Status.DRAFT
    assert Effort.objects.filter(copied_from__isnull=False).exists()  # copied forward from 2025
