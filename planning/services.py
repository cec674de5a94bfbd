"""Rules of the planning cycle that change several objects or need a transaction.

Views call these; each says which rule of the guidelines it enforces. A refused
action raises ``PlanningError`` (or a subclass) with a Swedish message that the
view shows as it is.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.permissions import APPROVE_DOCUMENT, EDIT_DOCUMENT
from planning.models import (
    ActionPlan,
    DistrictAnalysis,
    DocumentKind,
    Effort,
    FollowUpRow,
    PlanningYear,
    Report,
    Section,
    Status,
    StrategicProgramme,
    WorkflowEvent,
)
from planning.models.documents import FROZEN


class PlanningError(Exception):
    """A refused action; ``str(error)`` is the message for the user."""


class FrozenError(PlanningError):
    pass


class ConflictError(PlanningError):
    """Someone else saved the same thing since the form was opened."""

    def __init__(self, current):
        self.current = current
        super().__init__(
            _(
                "Någon annan har sparat ändringar här sedan du öppnade formuläret, så "
                "din text har inte sparats. Den finns kvar nedan. Jämför med den sparade "
                "versionen; sparar du igen ersätter din text den."
            )
        )


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


def document_of(planning_year, kind: str):
    """The document of a kind in a planning year."""
    if kind == DocumentKind.ANALYSIS:
        return DistrictAnalysis.objects.select_related("planning_year__area_group__district").get(
            planning_year=planning_year
        )
    if kind == DocumentKind.ACTION_PLAN:
        return ActionPlan.objects.select_related(
            "planning_year__area_group__district", "analysis"
        ).get(planning_year=planning_year)
    return Report.objects.select_related("planning_year__area_group__district").get(
        planning_year=planning_year, kind=kind
    )


def documents_of(planning_year) -> list:
    """The four documents in the order of the yearly wheel."""
    return [document_of(planning_year, kind) for kind in DocumentKind.values]


# Workflow ----------------------------------------------------------------------------

# action: (allowed from, to, permission). Riktlinjerna: the area group prepares,
# the chair approves; the democracy committee handles the documents and they go
# to KS as a report item; then they are published.
TRANSITIONS = {
    "submit": ({Status.DRAFT}, Status.SUBMITTED, EDIT_DOCUMENT),
    "withdraw": ({Status.SUBMITTED}, Status.DRAFT, EDIT_DOCUMENT),
    "approve": ({Status.SUBMITTED}, Status.APPROVED, APPROVE_DOCUMENT),
    "committee": ({Status.APPROVED}, Status.COMMITTEE, EDIT_DOCUMENT),
    "report": ({Status.COMMITTEE}, Status.REPORTED, EDIT_DOCUMENT),
    "publish": ({Status.REPORTED}, Status.PUBLISHED, EDIT_DOCUMENT),
    "reopen": (FROZEN, Status.DRAFT, APPROVE_DOCUMENT),
}

ACTION_LABELS = {
    "submit": "Lämnad till områdesgruppen",
    "withdraw": "Tillbaka till utkast",
    "approve": "Godkänd av ordföranden",
    "committee": "Behandlad i demokratiberedningen",
    "report": "Anmäld till kommunstyrelsen",
    "publish": "Publicerad",
    "reopen": "Öppnad igen av ordföranden",
}


def allowed_actions(user, document) -> list[str]:
    """The workflow steps the user may take now (buttons shown = POSTs allowed)."""
    return [
        action
        for action, (sources, _to, perm) in TRANSITIONS.items()
        if document.status in sources and user.has_perm(perm, document)
    ]


def _locked(document):
    return type(document).objects.select_for_update().get(pk=document.pk)


@transaction.atomic
def transition(document, action: str, user, *, on: date | None = None,
               case_number: str = "", note: str = "", at=None):
    """Move a document one step in its workflow and record who did it.

    Refuses steps out of order, steps the user's role does not allow (only the
    chair approves and reopens), a reopening without a reason, and dates that
    come before the step they follow. ``at`` backdates the step (demo data)."""
    if action not in TRANSITIONS:
        raise PlanningError(_("Okänd åtgärd."))
    sources, target, perm = TRANSITIONS[action]
    if not user.has_perm(perm, document):
        raise PermissionDenied
    doc = _locked(document)
    if doc.status not in sources:
        raise PlanningError(
            _("Det går inte i det här läget: dokumentet är %(status)s.")
            % {"status": doc.get_status_display().lower()}
        )
    now = at or timezone.now()
    if action == "submit":
        _check_complete(doc)
        doc.submitted_at = now
    elif action == "approve":
        doc.approved_at, doc.approved_by = now, user
    elif action == "committee":
        if on is None:
            raise PlanningError(_("Ange datum för demokratiberedningens sammanträde."))
        if doc.approved_at and on < timezone.localtime(doc.approved_at).date():
            raise PlanningError(_("Beredningen kan inte ha behandlat dokumentet innan det godkändes."))
        doc.committee_date = on
    elif action == "report":
        if on is None or not case_number.strip():
            raise PlanningError(_("Ange datum och diarienummer för anmälan till kommunstyrelsen."))
        if doc.committee_date and on < doc.committee_date:
            raise PlanningError(
                _("Anmälan till kommunstyrelsen kan inte ske före beredningens behandling.")
            )
        doc.ks_date, doc.ks_case_number = on, case_number.strip()
    elif action == "publish":
        doc.published_at = now
    elif action == "reopen":
        if not note.strip():
            raise PlanningError(_("Skriv varför dokumentet öppnas igen."))
        doc.approved_at = doc.approved_by = doc.published_at = None
        doc.committee_date = doc.ks_date = None
        doc.ks_case_number = ""
    WorkflowEvent.objects.create(
        planning_year_id=doc.planning_year_id, document=doc.kind, action=action,
        from_status=doc.status, to_status=target, by=user, at=now, note=note.strip(),
    )
    doc.status = target
    doc.save()
    if action == "approve":
        _after_approval(doc)
    return doc


def _check_complete(doc):
    if doc.kind == DocumentKind.ACTION_PLAN and not doc.efforts.exists():
        raise PlanningError(_("Handlingsplanen har inga insatser. Lägg till minst en insats."))
    if isinstance(doc, Report) and not doc.rows.exists():
        raise PlanningError(
            _("Rapporten har inga uppföljningsrader. Hämta insatserna från handlingsplanen.")
        )


def _after_approval(doc):
    from planning.statistics import freeze_figures

    if doc.kind == DocumentKind.ANALYSIS:
        freeze_figures(doc)
    elif doc.kind == DocumentKind.ACTION_PLAN:
        for report in Report.objects.filter(planning_year_id=doc.planning_year_id, status=Status.DRAFT):
            sync_report_rows(report)


def ensure_editable(document):
    """Approved documents are frozen: a change needs the chair to reopen them."""
    current = type(document).objects.only("status").get(pk=document.pk)
    if current.status in FROZEN:
        raise FrozenError(
            _("%(doc)s är godkänd och låst. Ordföranden kan öppna den igen om något måste ändras.")
            % {"doc": document.kind_label}
        )
    if current.status != Status.DRAFT:
        raise FrozenError(
            _("%(doc)s är lämnad till områdesgruppen. Ta tillbaka den till utkast för att ändra.")
            % {"doc": document.kind_label}
        )


# Guarded saves (optimistic concurrency) ----------------------------------------------


@transaction.atomic
def save_versioned(form, expected_version: int, document):
    """Save a model form whose instance carries ``version`` unless someone else
    saved it since the form was opened (then ``ConflictError``, nothing saved)."""
    ensure_editable(document)
    instance = form.instance
    current = type(instance).objects.select_for_update().get(pk=instance.pk)
    if current.version != expected_version:
        raise ConflictError(current)
    instance.version = current.version + 1
    return form.save()


# Efforts -----------------------------------------------------------------------------


@transaction.atomic
def add_effort(plan, form):
    ensure_editable(plan)
    effort = form.save(commit=False)
    effort.action_plan = plan
    last = plan.efforts.aggregate(m=Max("position"))["m"]
    effort.position = 0 if last is None else last + 1
    effort.save()
    return effort


@transaction.atomic
def remove_effort(effort):
    """Remove an effort from a draft plan; refused when it is already followed up
    or money is tied to it."""
    ensure_editable(effort.action_plan)
    if effort.follow_ups.exists():
        raise PlanningError(
            _("%(title)s följs redan upp i en rapport och kan inte tas bort. Ta bort raden i rapporten först.")
            % {"title": effort.title}
        )
    try:
        effort.delete()
    except ProtectedError:
        raise PlanningError(
            _("%(title)s har utvecklingspengar knutna till sig och kan inte tas bort.")
            % {"title": effort.title}
        ) from None


def _move(queryset, obj, direction: str):
    items = list(queryset)
    index = items.index(obj)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def move_effort(effort, direction: str):
    ensure_editable(effort.action_plan)
    _move(effort.action_plan.efforts.all(), effort, direction)


def _next_year_date(day: date | None) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def copy_forward(plan) -> list[Effort]:
    """Start a plan from last year's efforts that are not done (nor cancelled).

    Efforts already carried over to this plan are skipped, so running it twice
    copies nothing twice. Periods move one year ahead; a main task is kept only
    if the strategic programme still applies."""
    ensure_editable(plan)
    group, year = plan.get_area_group(), plan.year
    previous = Effort.objects.for_group_and_year(group, year - 1).not_done()
    already = set(plan.efforts.exclude(copied_from=None).values_list("copied_from_id", flat=True))
    last = plan.efforts.aggregate(m=Max("position"))["m"]
    position = 0 if last is None else last + 1
    copies = []
    for old in previous.select_related("main_task__programme"):
        if old.pk in already:
            continue
        main_task = old.main_task
        if main_task and not StrategicProgramme.objects.in_force(year).filter(
            pk=main_task.programme_id
        ).exists():
            main_task = None
        copies.append(
            Effort.objects.create(
                action_plan=plan, position=position, title=old.title,
                description=old.description, goal=old.goal, main_task=main_task,
                working_group=old.working_group, organisation=old.organisation,
                contact=old.contact, start_date=_next_year_date(old.start_date),
                end_date=_next_year_date(old.end_date), planned_cost=old.planned_cost,
                indicators=old.indicators, copied_from=old,
            )
        )
        position += 1
    return copies


# Report rows -------------------------------------------------------------------------


@transaction.atomic
def sync_report_rows(report) -> int:
    """Give a report one follow-up row per effort of the year's action plan,
    pre-filled from the plan (the annual report also from the interim report).
    Returns how many rows were added."""
    ensure_editable(report)
    plan = ActionPlan.objects.filter(planning_year_id=report.planning_year_id).first()
    if plan is None:
        return 0
    present = set(report.rows.values_list("effort_id", flat=True))
    interim = {}
    if report.kind == Report.Kind.ANNUAL:
        interim = {
            row.effort_id: row
            for row in FollowUpRow.objects.filter(
                report__planning_year_id=report.planning_year_id,
                report__kind=Report.Kind.INTERIM,
            )
        }
    last = report.rows.aggregate(m=Max("position"))["m"]
    position = 0 if last is None else last + 1
    added = 0
    for effort in plan.efforts.all():
        if effort.pk in present:
            continue
        earlier = interim.get(effort.pk)
        FollowUpRow.objects.create(
            report=report, effort=effort, position=position,
            status=earlier.status if earlier else FollowUpRow._meta.get_field("status").default,
            done=earlier.done if earlier else "",
            outcome=earlier.outcome if earlier else "",
        )
        position += 1
        added += 1
    return added


@transaction.atomic
def add_report_row(report, effort) -> FollowUpRow:
    ensure_editable(report)
    row = FollowUpRow(report=report, effort=effort)
    row.full_clean()
    last = report.rows.aggregate(m=Max("position"))["m"]
    row.position = 0 if last is None else last + 1
    row.save()
    return row


@transaction.atomic
def remove_report_row(row):
    ensure_editable(row.report)
    row.delete()


@transaction.atomic
def move_report_row(row, direction: str):
    ensure_editable(row.report)
    _move(row.report.rows.all(), row, direction)


# Budget outcome (annual report) -------------------------------------------------------


def budget_outcome(area_group, year: int) -> dict | None:
    """The budget outcome of a year for the annual report (riktlinjerna: the annual
    report covers the execution of the plan *and the budget*). ``None`` until the
    budget app offers it, so that the section is left out cleanly."""
    try:
        from budget import services as budget_services
    except ImportError:
        return None
    if not (
        hasattr(budget_services, "outcome_by_effort")
        and hasattr(budget_services, "outcome_by_cost_type")
    ):
        return None
    by_effort = [
        {**row, "remaining": row["planned"] - row["committed"]}
        for row in budget_services.outcome_by_effort(area_group, year)
    ]
    by_cost_type = budget_services.outcome_by_cost_type(area_group, year)

    def total(rows, key):
        return sum((row[key] for row in rows), start=0)

    return {
        "by_effort": by_effort,
        "by_cost_type": by_cost_type,
        "planned": total(by_effort, "planned"),
        "committed": total(by_effort, "committed"),
        "booked": total(by_effort, "booked"),
        "remaining": total(by_effort, "remaining"),
        "type_committed": total(by_cost_type, "committed"),
        "type_booked": total(by_cost_type, "booked"),
    }


def add_comment(document, user, form):
    """Members comment while a document is a draft or with the area group."""
    if document.status not in (Status.DRAFT, Status.SUBMITTED):
        raise FrozenError(_("Dokumentet är godkänt; kommentarer tas inte längre emot."))
    comment = form.save(commit=False)
    comment.planning_year_id = document.planning_year_id
    comment.document = document.kind
    comment.author = user
    comment.save()
    return comment
