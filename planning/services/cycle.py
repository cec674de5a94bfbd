"""The planning year: starting it with its four documents and their sections,
the wheel's due dates set for every group at once, and the documents of a
year; and what the budget app asks of the year's action plan."""

from django.db import transaction

from planning.models import (
    ActionPlan,
    DistrictAnalysis,
    DocumentKind,
    Effort,
    PlanningYear,
    Report,
    Section,
)
from planning.models.cycle import DUE_FIELDS
from planning.models.documents import document_queryset

# Interface promised to the budget app ------------------------------------------------


def efforts_for(area_group, year: int):
    """The efforts of an area group's action plan of a year (empty if there is no plan)."""
    return Effort.objects.for_group_and_year(area_group, year).select_related(
        "action_plan__planning_year"
    )


def action_plan_exists(area_group, year: int) -> bool:
    return ActionPlan.objects.filter(
        planning_year__area_group=area_group, planning_year__year=year
    ).exists()


# The planning year -------------------------------------------------------------------

SECTION_TEMPLATES = {
    DocumentKind.ANALYSIS: [
        ("lage", "Läget och den långsiktiga utvecklingen",
         "Hur har stadsdelen utvecklats över tid, och hur är läget nu?"),
        ("dialog", "Vad dialogerna med aktörerna sade",
         "Dialoger med invånare, föreningar, Botkyrkabyggen, polisen och andra aktörer."),
        ("iakttagelser", "Lokala iakttagelser",
         "Vad ser förvaltningarna och medborgarkontoret i vardagen?"),
        ("slutsatser", "Slutsatser inför året",
         "Vad betyder analysen för handlingsplanen?"),
    ],
    DocumentKind.ACTION_PLAN: [
        ("inledning", "Inledning och prioriteringar",
         "Årets inriktning, med stöd i analysen och det strategiska programmet."),
    ],
    DocumentKind.INTERIM_REPORT: [
        ("sammanfattning", "Sammanfattning", "Hur går arbetet med handlingsplanen hittills?"),
        ("avvikelser", "Avvikelser och åtgärder", "Vad går inte som planerat, och vad görs åt det?"),
    ],
    DocumentKind.ANNUAL_REPORT: [
        ("sammanfattning", "Sammanfattning av året", "Genomförande och utfall av årets insatser."),
        ("lardomar", "Lärdomar inför nästa år", "Vad tar områdesgruppen med sig?"),
    ],
}


@transaction.atomic
def start_year(area_group, year: int) -> PlanningYear:
    """Create an area group's planning year with its four documents and their
    sections (idempotent: what exists is kept)."""
    planning_year, _created = PlanningYear.objects.get_or_create(area_group=area_group, year=year)
    analysis, _c = DistrictAnalysis.objects.get_or_create(planning_year=planning_year)
    ActionPlan.objects.get_or_create(planning_year=planning_year, defaults={"analysis": analysis})
    for kind in Report.Kind.values:
        Report.objects.get_or_create(planning_year=planning_year, kind=kind)
    for kind, sections in SECTION_TEMPLATES.items():
        for position, (key, heading, guidance) in enumerate(sections):
            Section.objects.get_or_create(
                planning_year=planning_year, document=kind, key=key,
                defaults={"heading": heading, "guidance": guidance, "position": position},
            )
    return planning_year


@transaction.atomic
def set_due_dates_for_all_groups(form) -> int:
    """The management office sets a year's wheel for every area group at once: the
    dates are kept for the year (a group that starts it later begins from them)
    and given to every group that has started it. Returns how many groups' dates
    changed. Each planning year is saved on its own, so its history shows it."""
    dates = form.save()
    changed = 0
    for planning_year in PlanningYear.objects.filter(year=dates.year):
        fields = [f for f in DUE_FIELDS if getattr(planning_year, f) != getattr(dates, f)]
        if fields:
            for f in fields:
                setattr(planning_year, f, getattr(dates, f))
            planning_year.save(update_fields=fields)
            changed += 1
    return changed


def document_of(planning_year, kind: str):
    """The document of a kind in a planning year."""
    return document_queryset(kind).get(planning_year=planning_year)


def documents_of(planning_year) -> list:
    """The four documents in the order of the yearly wheel."""
    return [document_of(planning_year, kind) for kind in DocumentKind.values]
