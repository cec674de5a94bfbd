"""One way to fetch what a user may touch in the planning cycle: each helper
answers 404 (does not exist) or 403 (exists, not the user's to ``perm``) first,
and leaves nothing for the view to check afterwards."""

from django.http import Http404

from areas.permissions import (
    VIEW_DOCUMENT,
    get_group_for_user,
    get_object_for_user,
    require,
)
from planning.models import Effort, FollowUpRow, PlanningYear, Report
from planning.models.documents import SLUG_KINDS, document_queryset


def group_for_user(request, slug, perm=VIEW_DOCUMENT):
    """An area group (by district slug) whose planning the user may ``perm``."""
    return get_group_for_user(request, slug, perm)


def year_for_user(request, slug, year, perm=VIEW_DOCUMENT) -> PlanningYear:
    group = get_group_for_user(request, slug, VIEW_DOCUMENT)
    return get_object_for_user(
        request, PlanningYear.objects.select_related("area_group__district"), perm,
        area_group=group, year=year,
    )


def document_for_user(request, slug, year, kind_slug, perm=VIEW_DOCUMENT):
    """The document (analysis, plan or report) of a district's year."""
    kind = SLUG_KINDS.get(kind_slug)
    if kind is None:
        raise Http404
    planning_year = year_for_user(request, slug, year)
    return get_object_for_user(request, document_queryset(kind), perm,
                               planning_year=planning_year)


def effort_for_user(request, slug, year, pk, perm=VIEW_DOCUMENT):
    """An effort of the year's action plan: ``perm`` is asked of the effort
    (``UPDATE_EFFORT``: its contact person too) or of the plan (``EDIT_DOCUMENT``)."""
    plan = document_for_user(request, slug, year, "handlingsplan")
    effort = get_object_for_user(request, Effort.objects.all(), VIEW_DOCUMENT, pk=pk,
                                 action_plan=plan)
    effort.action_plan = plan
    require(request.user, perm, effort)
    return plan, effort


def row_for_user(request, slug, year, kind_slug, pk, perm=VIEW_DOCUMENT):
    """A follow-up row of a report: ``perm`` as for efforts (of the row's effort)."""
    report = document_for_user(request, slug, year, kind_slug)
    if not isinstance(report, Report):
        raise Http404
    row = get_object_for_user(
        request, FollowUpRow.objects.select_related("effort__action_plan"), VIEW_DOCUMENT,
        pk=pk, report=report,
    )
    row.report = report
    row.effort.action_plan.planning_year = report.planning_year
    require(request.user, perm, row.effort)
    return report, row
