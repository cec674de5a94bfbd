"""Demo content for the planning cycle: a realistic Botkyrka year (today is late
November 2026) for all five area groups.

Strategic programmes for Alby, Fittja and Hallunda-Norsborg (Tullinge and Tumba
have none); key figures 2020–2025 per district and for the whole municipality,
shipped as ``data/botkyrka_nyckeltal.csv`` and imported through the real
importer; the 2025 year with its action plan and annual report; the 2026 year
with analysis, action plan (approved or published for some groups, drafts for
others) and the September interim report. The figures are illustrative, shaped
like SCB's and Kolada's tables, not official statistics. The RegSO/DeSO key is
reference data (``planning.area_codes``, loaded with the structure), not demo data.

Every step is dated when the story says it happened, not the day ``load_demo``
ran: the workflow steps by ``transition(at=...)``, and the history rows of what
the demo writes (sections, efforts, follow-up rows, the documents themselves) by
``_dated`` – the plan's efforts are created in January, before the plan is
submitted, and its history says so.

Idempotent: a programme, area code or planning year that exists is left alone.
"""

from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Max
from django.utils import timezone

from areas.models import AreaGroup, District, Organisation, WorkingGroup
from planning import editing, services, statistics
from planning.demo_texts import FOLLOW_UP, REPORT_TEXT
from planning.models import (
    AreaCode,
    Effort,
    Figure,
    FollowUpStatus,
    ImportBatch,
    MainTask,
    PlanningYear,
    Report,
    Section,
    StrategicProgramme,
)

User = get_user_model()
DATA = Path(__file__).parent / "data"

PROGRAMMES = {
    "alby": ("Strategiskt utvecklingsprogram för Alby", date(2017, 6, 15), "KS/2016:341", [
        ("Fler i arbete och studier", "Unga och vuxna ska ha vägar till egen försörjning.",
         "Samverkan med näringslivet om praktik och feriejobb\nStudie- och yrkesvägledning nära invånarna"),
        ("Trygg och trivsam stadsdel", "Alby ska vara tryggt dygnet runt.",
         "Trygghetsvandringar med boende och fastighetsägare\nBelysning och skötsel av gemensamma platser"),
        ("Goda uppväxtvillkor", "Barn och unga ska lyckas i skolan och ha en meningsfull fritid.",
         "Läxhjälp och läsfrämjande\nLovaktiviteter tillsammans med föreningar"),
        ("Ett levande Alby centrum", "Centrum som mötesplats och handelsplats.",
         "Aktiviteter i centrum\nSamverkan med handlare och Botkyrkabyggen"),
    ]),
    "fittja": ("Strategiskt utvecklingsprogram för Fittja", date(2016, 11, 24), "KS/2016:188", [
        ("Utbildning och arbete", "Höja utbildningsnivån och sysselsättningen.",
         "Språkstöd för vuxna\nJobbspår för unga vuxna"),
        ("Mötesplatser och kultur", "Fittja gård och centrum som nav för kultur och föreningsliv.",
         "Stöd till föreningars öppna aktiviteter\nKultur för barn och unga"),
        ("Trygghet", "Minska otryggheten i centrum och vid tunnelbanan.",
         "Samverkan med polisen och Botkyrkabyggen\nVuxennärvaro kvällstid"),
    ]),
    "hallunda-norsborg": ("Strategiskt utvecklingsprogram för Hallunda-Norsborg", date(2018, 4, 19),
                          "KS/2017:402", [
        ("Läsning och skolresultat", "Alla barn ska kunna läsa och klara skolan.",
         "Läsfrämjande med biblioteket\nFöräldrastöd"),
        ("Arbete och företagande", "Fler i arbete och fler företag.",
         "Jobbspår och praktik\nStöd till lokala företagare"),
        ("Trygg och grön stadsdel", "Trygga stråk och tillgång till naturen.",
         "Trygghetsvandringar\nAktiviteter i Eriksbergs naturreservat"),
    ]),
}

# title, description, goal, main task position, working group (its name in
# areas.demo.WORKING_GROUPS; None: the district's network group), org short name,
# cost, (start month, end month), indicators. budget.demo finds the 2026 efforts by a
# word of their title (its EFFORT_KEYS): keep them in step.
EFFORTS = {
    "alby": [
        ("Sommarlovsaktiviteter i Alby", "Aktiviteter varje vardag under sommarlovet på Albyberget och i Alby centrum, tillsammans med föreningar.",
         "Fler barn 7–15 år har en meningsfull sommar.", 3, "Sommarlov i Alby", "KOF", "85000", (6, 8),
         "Antal unika deltagare (mål 400)\nAndel flickor minst 45 %"),
        ("Trygghetsvandringar", "Kvartalsvisa trygghetsvandringar med boende, Botkyrkabyggen och kommunpolisen; åtgärdslista följs upp.",
         "Färre otrygga platser i Alby.", 2, "Trygg i Alby centrum", "Polisen", "12000", (2, 11),
         "Antal åtgärdade platser\nAndel otrygga i trygghetsmätningen"),
        ("Läxhjälp på biblioteket", "Läxhjälp tre kvällar i veckan på Alby bibliotek med studentvolontärer.",
         "Fler elever behöriga till gymnasiet.", 3, None, "UF", "60000", (1, 12),
         "Antal besök per termin\nBehörighet till gymnasiet, åk 9"),
        ("Jobbspår för unga vuxna", "Praktik och handledning i Alby centrum för unga 18–24 år i samverkan med Botkyrka Jobbcenter.",
         "Unga vuxna går vidare till arbete eller studier.", 1, None, "AVUX", "75000", (3, 12),
         "Andel deltagare i arbete eller studier efter sex månader"),
        ("Föreningsstöd genom IOP med Alby IF", "Idéburet offentligt partnerskap om öppen idrott helgkvällar.",
         "Fler unga i organiserad fritid helgkvällar.", 3, None, "KOF", "40000", (1, 12),
         "Antal öppna kvällar\nAntal deltagare"),
    ],
    "fittja": [
        ("Språkcafé på Fittja gård", "Språkcafé varje vecka för vuxna som vill öva svenska.",
         "Fler vuxna med svenska som andraspråk går vidare till SFI eller arbete.", 1, "Fittja centrum och Fittja gård", "AVUX", "30000", (1, 12),
         "Antal deltagare per tillfälle"),
        ("Sommarlovsaktiviteter i Fittja", "Lovaktiviteter med föreningar och fritidsgården.",
         "Meningsfull sommar för barn och unga.", 2, "Föreningsliv i Fittja", "KOF", "70000", (6, 8),
         "Antal unika deltagare"),
        ("Vuxna på stan kvällstid", "Föräldravandringar och fältassistenter i centrum fredagar och lördagar.",
         "Ökad trygghet i Fittja centrum.", 3, None, "SOF", "25000", (1, 12),
         "Antal vandringspass\nIncidenter i centrum"),
        ("Jobbspår för unga", "Feriejobb och praktik i kommunens verksamheter i Fittja.",
         "Unga får arbetslivserfarenhet.", 1, None, "AVUX", "55000", (4, 9),
         "Antal platser"),
    ],
    "hallunda-norsborg": [
        ("Läsfrämjande för förskolebarn", "Bokpåsar och sagostunder med föräldrar på Hallunda bibliotek.",
         "Fler barn läser hemma.", 1, "Språk och läsning", "KOF", "45000", (1, 12), "Antal utlånade bokpåsar"),
        ("Trygghetsvandringar i Hallunda centrum", "Trygghetsvandringar med handlare och fastighetsägare.",
         "Tryggare centrum.", 3, "Hallunda centrum", "Botkyrkabyggen", "10000", (3, 10), "Antal åtgärder"),
        ("Naturdagar i Eriksberg", "Guidade naturdagar för familjer i Eriksbergs naturreservat.",
         "Fler invånare använder naturreservatet.", 3, None, "SBF", "20000", (4, 9), "Antal deltagare"),
        ("Jobbspår i Hallunda", "Praktikplatser i handeln i Hallunda centrum.",
         "Fler i arbete.", 2, None, "AVUX", "60000", (2, 12), "Andel i arbete efter praktiken"),
    ],
    "tullinge": [
        ("Mötesplats för unga i Tullinge", "Öppen verksamhet fredagskvällar i Tullinge centrum.",
         "Unga har en trygg plats att vara på.", None, "Unga i Tullinge", "KOF", "50000", (1, 12), "Antal besökare"),
        ("Trafiksäkra skolvägar", "Kartläggning av skolvägar med föräldrar och elever.",
         "Säkrare skolvägar.", None, "Tullinge centrum", "SBF", "15000", (3, 11), "Antal åtgärdade punkter"),
        ("Sommarlovsaktiviteter", "Lovaktiviteter i samverkan med idrottsföreningar.",
         "Fler barn aktiva på sommaren.", None, None, "KOF", "40000", (6, 8), "Antal deltagare"),
    ],
    "tumba": [
        ("Trygg i Tumba centrum", "Samverkan kring belysning, skötsel och vuxennärvaro i centrum.",
         "Färre otrygga platser.", None, "Tumba centrum", "SEF", "35000", (1, 12), "Andel otrygga i trygghetsmätningen"),
        ("Vägar till arbete för unga vuxna", "Coachning och praktik för unga 18–29 år.",
         "Fler unga vuxna i arbete eller studier.", None, "Vägar till arbete", "AVUX", "90000", (2, 12),
         "Antal deltagare i arbete eller studier"),
        ("Läxhjälp i Tumba", "Läxhjälp på Tumba bibliotek.",
         "Bättre skolresultat.", None, None, "UF", "45000", (1, 12), "Antal besök"),
        ("Kulturkvällar på Tumba bruk", "Kulturkvällar för unga i samarbete med kulturskolan.",
         "Fler unga tar del av kultur.", None, None, "KOF", "30000", (9, 12), "Antal deltagare"),
    ],
}

ANALYSIS_TEXT = {
    "lage": "{name} har vuxit långsamt men stadigt de senaste fem åren. Befolkningen är ung och andelen "
            "invånare i arbete har ökat sedan pandemiåret 2020, men skillnaden mot kommunen som helhet "
            "är fortfarande stor.\n\nSkolresultaten har förbättrats något, och trygghetsmätningen visar "
            "en svag minskning av andelen som känner sig otrygga på kvällen.",
    "dialog": "Vid dialogforumets möten och trygghetsvandringarna har invånarna framför allt lyft:\n\n"
              "- **belysning** vid gångstråken,\n- meningsfulla **lov** för barn och unga,\n"
              "- fler vägar till **jobb**.\n\nDialogforumets minnesanteckningar finns på "
              "[botkyrka.se](https://www.botkyrka.se).",
    "iakttagelser": "Medborgarkontoret ser fler frågor om försörjningsstöd och bostad. Fritidsgården har "
                    "fler besökare än tidigare, särskilt flickor sedan tjejkvällarna startade.",
    "slutsatser": "Handlingsplanen för året prioriterar lov och läxhjälp, trygghet i centrum och jobbspår för unga.",
}

# Statuses per group for 2026: analysis, plan, interim report; 2025 annual report.
PLAN_2026 = {
    "alby": ("published", "published", "submitted", "published"),
    "fittja": ("committee", "committee", "draft", "reported"),
    "hallunda-norsborg": ("published", "published", "approved", "published"),
    "tullinge": ("draft", "draft", "draft", "approved"),
    "tumba": ("submitted", "draft", "draft", "draft"),
}
STEPS = ["submit", "approve", "committee", "report", "publish"]
TARGET_STEPS = {"draft": 0, "submitted": 1, "approved": 2, "committee": 3, "reported": 4, "published": 5}
# Each document is its own report item to KS, with its own case number.
CASE_OFFSET = {"analysis": 1, "action_plan": 2, "interim_report": 3, "annual_report": 4}


def _aware(day: date):
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


@contextmanager
def _dated(day: date, by):
    """What the demo writes inside the block was done on ``day`` by ``by`` in the
    story: the history rows it adds to the planning models say so (the services it
    calls would date them today, by nobody)."""
    audited = [m for m in apps.get_app_config("planning").get_models() if hasattr(m, "history")]
    before = {m: m.history.aggregate(last=Max("history_id"))["last"] or 0 for m in audited}
    yield
    for model, last in before.items():
        model.history.filter(history_id__gt=last).update(history_date=_aware(day), history_user=by)


def load(out=None) -> None:
    _management_office()
    _programmes()
    _statistics()
    for group in AreaGroup.objects.select_related("district"):
        slug = group.district.slug
        if slug not in EFFORTS:
            continue
        if not PlanningYear.objects.filter(area_group=group, year=2025).exists():
            _year_2025(group)
        if not PlanningYear.objects.filter(area_group=group, year=2026).exists():
            _year_2026(group)
    if out:
        out.write("  planering: program, statistik och planeringsåren 2025–2026 laddade")


def _management_office():
    """The demo reader works at the management office, which sets the wheel's dates
    and imports statistics."""
    reader = User.objects.filter(username="lasare").first()
    if reader:
        reader.user_permissions.add(
            Permission.objects.get(codename="manage_cycle", content_type__app_label="planning")
        )


def _programmes():
    for slug, (title, adopted, case, tasks) in PROGRAMMES.items():
        district = District.objects.get(slug=slug)
        programme, created = StrategicProgramme.objects.get_or_create(
            district=district, title=title,
            defaults={"adopted_on": adopted, "case_number": case, "first_year": adopted.year + 1,
                      "summary": "Framtaget i dialog med invånare och lokala aktörer. Programmet är "
                                 "ramen för områdesgruppens handlingsplaner."},
        )
        if created:
            for position, (task, description, paths) in enumerate(tasks, start=1):
                MainTask.objects.create(programme=programme, position=position, title=task,
                                        description=description, paths=paths)


def _statistics():
    # Earlier demo data invented one code per district ("0127R-ALBY"); the real key
    # (planning.area_codes) replaces them. They were only ever made by this loader.
    for placeholder in AreaCode.objects.filter(code__startswith="0127R-"):
        placeholder.delete()
    if not Figure.objects.exists():
        statistics.import_csv((DATA / "botkyrka_nyckeltal.csv").read_bytes(), "botkyrka_nyckeltal.csv", None)


def _people(group):
    def holder(prefix):
        return User.objects.filter(username=f"{prefix}.{group.district.slug}").first()

    return holder("utvecklare"), holder("ordforande"), holder("ledamot"), holder("vice")


def _fill_sections(planning_year, district_name):
    """The analysis and the plan, written at the start of the year (the reports'
    sections are written with their rows, ``_report_sections``)."""
    for section in Section.objects.filter(planning_year=planning_year, document__in=["analysis", "action_plan"]):
        if section.document == "analysis":
            body = ANALYSIS_TEXT.get(section.key, "").format(name=district_name)
        else:
            body = (f"Årets plan bygger på stadsdelsanalysen {planning_year.year}. Områdesgruppen "
                    "prioriterar barn och unga, trygghet och vägar till arbete.")
        section.body = body
        section.save()


NUMBERS = ["ingen", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"]


def _count(n: int, one: str = "", many: str = "") -> str:
    """"ingen genomförd", "en genomförd", "tre genomförda" (insats is en-gender)."""
    word = NUMBERS[n] if n < len(NUMBERS) else str(n)
    return f"{word} {one if n <= 1 else many}".strip()


def _report_sections(report):
    """The report's summary counts its own rows; the district's text and, in the
    annual report, the lessons come from ``demo_texts``. Deviations are listed."""
    kind = "annual" if report.kind == Report.Kind.ANNUAL else "interim"
    rows = list(report.rows.select_related("effort"))
    status = [row.status for row in rows]
    done, ongoing = status.count(FollowUpStatus.DONE), status.count(FollowUpStatus.ONGOING)
    later = [row for row in rows if row.status in (FollowUpStatus.POSTPONED, FollowUpStatus.NOT_STARTED)]
    text = REPORT_TEXT[report.get_area_group().district.slug]
    if kind == "interim":
        summary = (f"Av handlingsplanens {_count(len(rows), 'insats', 'insatser')} är "
                   f"{_count(done, 'genomförd', 'genomförda')} och {_count(ongoing)} pågår"
                   + (f"; {_count(len(later))} har inte kommit i gång som planerat." if later else ".")
                   + f" {text['interim']}")
        deviations = "\n".join(f"- **{row.effort.title}**: {row.done}" for row in later) or (
            "Inga större avvikelser från planen.")
        bodies = {"sammanfattning": summary, "avvikelser": deviations}
    else:
        carried = ongoing + len(later)
        summary = (f"Av årets {_count(len(rows), 'insats', 'insatser')} genomfördes {_count(done)} enligt plan"
                   + (f"; {_count(carried)} fortsätter nästa år." if carried else ".")
                   + f" {text['annual']}")
        bodies = {"sammanfattning": summary, "lardomar": text["lessons"]}
    for section in Section.objects.filter(planning_year_id=report.planning_year_id, document=report.kind):
        section.body = bodies.get(section.key, "")
        section.save()


def _efforts(plan, group, developer, member):
    slug = group.district.slug
    programme = StrategicProgramme.objects.in_force(plan.year).filter(district=group.district).first()
    working_groups = {wg.name: wg for wg in WorkingGroup.objects.filter(area_group=group)}
    network = WorkingGroup.objects.filter(area_group=group, kind=WorkingGroup.Kind.NETWORK).first()
    for position, (title, desc, goal, task, wg, org, cost, months, indicators) in enumerate(EFFORTS[slug]):
        if plan.efforts.filter(title=title).exists():
            continue
        main_task = programme.main_tasks.filter(position=task).first() if programme and task else None
        end_month = months[1]
        end_day = 31 if end_month in (1, 3, 5, 7, 8, 10, 12) else 30
        Effort.objects.create(
            action_plan=plan, position=position, title=title, description=desc, goal=goal,
            main_task=main_task, working_group=working_groups.get(wg) if wg else network,
            organisation=Organisation.objects.filter(short_name=org).first(),
            contact=member if position % 2 == 0 else developer,
            start_date=date(plan.year, months[0], 1), end_date=date(plan.year, end_month, end_day),
            planned_cost=Decimal(cost), indicators=indicators,
        )


def _advance(document, target, developer, chair, year, base: date):
    """Walk a document through the workflow to ``target`` with realistic dates."""
    committee_day = date(year, 3, 12) if document.kind != "interim_report" else date(year, 10, 15)
    if document.kind == "annual_report":
        committee_day = date(year + 1, 3, 12)
    days = {
        "submit": base, "approve": base + timedelta(days=7),
        "committee": committee_day, "report": committee_day.replace(day=28),
        "publish": committee_day.replace(day=28),
    }
    for step in STEPS[:TARGET_STEPS[target]]:
        user = chair if step == "approve" else developer
        kwargs = {"at": _aware(days[step])}
        if step in ("committee", "report"):
            kwargs["on"] = days[step]
        if step == "report":
            number = 100 + document.planning_year.area_group_id * 10 + CASE_OFFSET[document.kind]
            kwargs["case_number"] = f"KS/{days[step].year}:{number}"
        with _dated(days[step], user):
            services.transition(document, step, user, **kwargs)
        document.refresh_from_db()


def _follow_up(report):
    """Each effort's own follow-up (``demo_texts.FOLLOW_UP``), then the report's sections."""
    kind = "annual" if report.kind == Report.Kind.ANNUAL else "interim"
    for row in report.rows.select_related("effort"):
        texts = FOLLOW_UP[row.effort.title]
        carried = kind == "interim" and row.effort.copied_from_id and "continued" in texts
        status, done, outcome = texts["continued" if carried else kind]
        row.status, row.done, row.outcome = status, done, outcome
        row.save()
    _report_sections(report)


def _year_2025(group):
    developer, chair, member, _vice = _people(group)
    with _dated(date(2025, 1, 13), developer):  # written in January, before the documents are submitted
        planning_year = services.start_year(group, 2025)
        _fill_sections(planning_year, group.district.name)
        plan = planning_year.action_plan
        _efforts(plan, group, developer, member)
    _advance(planning_year.analysis, "published", developer, chair, 2025, date(2025, 1, 20))
    _advance(plan, "published", developer, chair, 2025, date(2025, 1, 27))
    interim = Report.objects.get(planning_year=planning_year, kind=Report.Kind.INTERIM)
    annual = Report.objects.get(planning_year=planning_year, kind=Report.Kind.ANNUAL)
    with _dated(date(2025, 9, 8), developer):
        _follow_up(interim)
    _advance(interim, "published", developer, chair, 2025, date(2025, 9, 15))
    with _dated(date(2026, 1, 19), developer):
        editing.sync_report_rows(annual)
        _follow_up(annual)
    _advance(annual, PLAN_2026[group.district.slug][3], developer, chair, 2025, date(2026, 1, 26))


def _year_2026(group):
    developer, chair, member, _vice = _people(group)
    analysis_target, plan_target, interim_target, _annual = PLAN_2026[group.district.slug]
    with _dated(date(2026, 1, 14), developer):  # written in January, before the documents are submitted
        planning_year = services.start_year(group, 2026)
        _fill_sections(planning_year, group.district.name)
        plan = planning_year.action_plan
        editing.copy_forward(plan)
        _efforts(plan, group, developer, member)
    _advance(planning_year.analysis, analysis_target, developer, chair, 2026, date(2026, 1, 22))
    _advance(plan, plan_target, developer, chair, 2026, date(2026, 1, 29))
    interim = Report.objects.get(planning_year=planning_year, kind=Report.Kind.INTERIM)
    if interim.rows.exists() or plan.efforts.exists():
        with _dated(date(2026, 9, 11), developer):
            editing.sync_report_rows(interim)
            _follow_up(interim)
        if interim.rows.exists():
            _advance(interim, interim_target, developer, chair, 2026, date(2026, 9, 18))
    if group.district.slug == "alby" and not ImportBatch.objects.filter(
        filename="botkyrka_revidering_2024.csv"
    ).exists():
        # SCB revised a 2024 figure after Alby's analysis was approved: the analysis is flagged.
        statistics.import_csv((DATA / "botkyrka_revidering_2024.csv").read_bytes(),
                              "botkyrka_revidering_2024.csv", None)


