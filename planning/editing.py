"""Editing a draft document: guarded saves, efforts, follow-up rows, comments,
and copy forward. Every change first checks that the document is a draft
(approved documents are frozen; riktlinjerna: the chair approves)."""

from datetime import date

from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _

from planning.errors import ConflictError, FrozenError, PlanningError
from planning.models import (
    ActionPlan,
    Effort,
    FollowUpRow,
    Report,
    Status,
    StrategicProgramme,
)
from planning.models.documents import FROZEN

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


# The order of efforts and rows -------------------------------------------------------


def _next_position(items) -> int:
    """The position after the last of ``items`` (an effort after the plan's
    efforts, a row after the report's rows); 0 for the first."""
    last = items.aggregate(m=Max("position"))["m"]
    return 0 if last is None else last + 1


def _move(queryset, obj, direction: str):
    """Swap ``obj`` with its neighbour ``direction`` ("up" or "down") and number
    them all again from 0, saving only those whose position changed."""
    items = list(queryset)
    index = items.index(obj)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


# Efforts -----------------------------------------------------------------------------


@transaction.atomic
def add_effort(plan, form):
    ensure_editable(plan)
    effort = form.save(commit=False)
    effort.action_plan = plan
    effort.position = _next_position(plan.efforts)
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
    position = _next_position(plan.efforts)
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
    position = _next_position(report.rows)
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
    row.position = _next_position(report.rows)
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
