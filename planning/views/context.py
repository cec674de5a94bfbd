"""A document page: its template and its context, shared by the page view, the
editing views that show the page again, and their htmx fragments."""

from django.db.models import Prefetch
from django.shortcuts import render

from areas.permissions import CONTRIBUTE, EDIT_DOCUMENT, MANAGE_CYCLE, UPDATE_EFFORT, may
from planning import services
from planning.extensions import document_sections
from planning.forms import AddRowForm, CommentForm, EffortForm, WorkflowForm
from planning.models import (
    Comment,
    DocumentKind,
    Effort,
    MainTask,
    Report,
    Status,
    StrategicProgramme,
    WorkflowEvent,
)
from planning.statistics import statistics_for

# The page of each kind of document (the two reports share one).
DOCUMENT_TEMPLATES = {
    DocumentKind.ANALYSIS: "planning/analysis.html",
    DocumentKind.ACTION_PLAN: "planning/action_plan.html",
    DocumentKind.INTERIM_REPORT: "planning/report.html",
    DocumentKind.ANNUAL_REPORT: "planning/report.html",
}


def document_page(request, document, **extra):
    """The whole page of a document (``extra``: what the page shows besides, such
    as a form in edit mode)."""
    return render(request, DOCUMENT_TEMPLATES[document.kind],
                  document_context(request, document, **extra))


def programme_in_force(group, year):
    return (
        StrategicProgramme.objects.in_force(year).filter(district_id=group.district_id)
        .prefetch_related(Prefetch("main_tasks", queryset=MainTask.objects.order_by("position")))
        .first()
    )


def efforts_of(plan, user):
    efforts = list(
        plan.efforts.select_related("main_task", "working_group", "organisation", "contact")
    )
    for effort in efforts:
        effort.action_plan = plan
        effort.user_can_update = plan.is_editable and may(user, UPDATE_EFFORT, effort)
    return efforts


def rows_of(report, user):
    rows = list(
        report.rows.select_related(
            "effort__working_group", "effort__organisation", "effort__contact", "effort__action_plan"
        )
    )
    for row in rows:
        row.report = report
        row.effort.action_plan.planning_year = report.planning_year
        row.user_can_update = report.is_editable and may(user, UPDATE_EFFORT, row.effort)
    return rows


def document_context(request, document, **extra) -> dict:
    user = request.user
    planning_year = document.planning_year
    group = planning_year.area_group
    can_edit = may(user, EDIT_DOCUMENT, document)
    context = {
        "doc": document,
        "planning_year": planning_year,
        "group": group,
        "district": group.district,
        "year": planning_year.year,
        "can_edit": can_edit and document.is_editable,
        "can_edit_role": can_edit,
        "can_comment": may(user, CONTRIBUTE, document)
        and document.status in (Status.DRAFT, Status.SUBMITTED),
        "can_manage_cycle": may(user, MANAGE_CYCLE),
        "actions": services.allowed_actions(user, document),
        "workflow_form": WorkflowForm(),
        "sections": list(document.sections()),
        "events": WorkflowEvent.objects.filter(
            planning_year=planning_year, document=document.kind
        ).select_related("by")[:20],
        "comments": Comment.objects.filter(planning_year=planning_year, document=document.kind)
        .select_related("author", "effort"),
        "comment_form": CommentForm(planning_year=planning_year),
        "days_late": document.days_late(),
    }
    if document.kind == DocumentKind.ANALYSIS:
        context["statistics"] = statistics_for(document)
    elif document.kind == DocumentKind.ACTION_PLAN:
        context["programme"] = programme_in_force(group, planning_year.year)
        context["efforts"] = efforts_of(document, user)
        context["total_cost"] = sum(e.planned_cost for e in context["efforts"])
        context["by_main_task"] = by_main_task(context["programme"], context["efforts"])
        if context["can_edit"]:
            context["add_form"] = EffortForm(plan=document, prefix="new")
            context["copyable"] = (
                Effort.objects.for_group_and_year(group, planning_year.year - 1).not_done()
                .exclude(copies__action_plan=document).count()
            )
    elif isinstance(document, Report):
        context["rows"] = rows_of(document, user)
        if context["can_edit"]:
            context["add_row_form"] = AddRowForm(report=document)
            context["missing"] = context["add_row_form"].fields["effort"].queryset.count()
    context["extra_sections"] = document_sections(document)
    context.update(extra)
    return context


def by_main_task(programme, efforts) -> list[dict]:
    """How the plan implements the strategic programme: efforts and planned cost
    per main task (and those serving none)."""
    if programme is None:
        return []
    rows = [{"task": task, "count": 0, "cost": 0} for task in programme.main_tasks.all()]
    index = {row["task"].pk: row for row in rows}
    other = {"task": None, "count": 0, "cost": 0}
    for effort in efforts:
        row = index.get(effort.main_task_id, other)
        row["count"] += 1
        row["cost"] += effort.planned_cost
    return rows + ([other] if other["count"] else [])
