"""The demo year loads through the real services and importer, and again without change."""

from areas import demo as area_demo
from omradesutveckling.structure import load_structure
from planning import demo
from planning.models import (
    ActionPlan,
    AreaCode,
    DistrictAnalysis,
    Effort,
    Figure,
    FollowUpRow,
    PlanningYear,
    Report,
    Status,
    StrategicProgramme,
)
from planning.statistics import statistics_for


def test_demo_loads_a_botkyrka_year_and_is_idempotent(db):
    load_structure()
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


def _loaded():
    load_structure()
    area_demo.load_people()
    demo.load()


def test_demo_efforts_sit_in_the_working_group_of_their_subject(db):
    _loaded()
    groups = dict(Effort.objects.filter(action_plan__planning_year__year=2026).values_list(
        "title", "working_group__name"))
    assert groups["Trygghetsvandringar"] == "Trygg i Alby centrum"
    assert groups["Sommarlovsaktiviteter i Alby"] == "Sommarlov i Alby"
    assert groups["Mötesplats för unga i Tullinge"] == "Unga i Tullinge"
    assert groups["Trafiksäkra skolvägar"] == "Tullinge centrum"


def test_demo_follow_ups_are_written_per_effort(db):
    _loaded()
    rows = FollowUpRow.objects.filter(report__planning_year__year=2025, report__kind="annual_report",
                                      report__planning_year__area_group__district__slug="alby")
    outcomes = {row.effort.title: row.outcome for row in rows.select_related("effort")}
    assert "otrygga" in outcomes["Trygghetsvandringar"] and "deltagare" not in outcomes["Trygghetsvandringar"]
    done = FollowUpRow.objects.filter(status="done").exclude(outcome="")
    assert done.values("outcome").distinct().count() > 15  # no single sentence for every done row


def test_demo_annual_report_is_written_in_the_past_and_not_copied_from_the_interim(db):
    _loaded()
    year = PlanningYear.objects.get(area_group__district__slug="alby", year=2025)
    summary = dict(year.sections.filter(key="sammanfattning").values_list("document", "body"))
    assert summary["annual_report"] != summary["interim_report"]
    assert "genomfördes" in summary["annual_report"] and "genomförs" not in summary["annual_report"]


def test_demo_documents_each_have_their_own_ks_case_number(db):
    _loaded()
    numbers = [d.ks_case_number for model in (DistrictAnalysis, ActionPlan, Report)
               for d in model.objects.exclude(ks_case_number="")]
    assert len(numbers) > 10 and len(numbers) == len(set(numbers))


def test_demo_efforts_are_created_before_their_plan_is_submitted(db):
    _loaded()
    for plan in ActionPlan.objects.exclude(submitted_at=None):
        created = Effort.history.filter(action_plan_id=plan.pk, history_type="+")
        assert created.exists()
        assert all(record.history_date < plan.submitted_at for record in created)
        assert all(record.history_user_id for record in created)  # by the area developer
