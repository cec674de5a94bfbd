"""One way to fetch what a user may touch in the planning cycle (404 / 403 first)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from areas.permissions import (
    VIEW_DOCUMENT,
    VIEW_GROUP,
    can_update_effort,
    get_group_for_user,
    get_object_for_user,
    has_group_perm,
)
from planning.models import (
    ActionPlan,
    DistrictAnalysis,
    DocumentKind,
    Effort,
    FollowUpRow,
    PlanningYear,
    Report,
)
from planning.models.documents import SLUG_KINDS


def group_for_user(request, slug, perm=VIEW_DOCUMENT):
    """An area group (by district slug) whose planning the user may ``perm``.

    Planning permissions are asked of ``has_group_perm`` directly: guardian's
    backend refuses a 'planning.' permission on an 'areas' object."""
    group = get_group_for_user(request, slug, VIEW_GROUP)
    if not has_group_perm(request.user, perm, group):
        raise PermissionDenied
    return group


def year_for_user(request, slug, year, perm=VIEW_DOCUMENT) -> PlanningYear:
    group = group_for_user(request, slug, VIEW_DOCUMENT)
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
    if kind == DocumentKind.ANALYSIS:
        queryset = DistrictAnalysis.objects.all()
    elif kind == DocumentKind.ACTION_PLAN:
        queryset = ActionPlan.objects.select_related("analysis__planning_year__area_group__district")
    else:
        queryset = Report.objects.filter(kind=kind)
    queryset = queryset.select_related("planning_year__area_group__district")
    return get_object_for_user(request, queryset, perm, planning_year=planning_year)


def effort_for_user(request, slug, year, pk, *, update=False):
    plan = document_for_user(request, slug, year, "handlingsplan")
    effort = get_object_for_user(request, Effort.objects.all(), VIEW_DOCUMENT, pk=pk, action_plan=plan)
    effort.action_plan = plan
    if update and not can_update_effort(request.user, effort):
        raise PermissionDenied
    return plan, effort


def row_for_user(request, slug, year, kind_slug, pk, *, update=False):
    report = document_for_user(request, slug, year, kind_slug)
    if not isinstance(report, Report):
        raise Http404
    row = get_object_for_user(
        request, FollowUpRow.objects.select_related("effort__action_plan"), VIEW_DOCUMENT,
        pk=pk, report=report,
    )
    row.report = report
    row.effort.action_plan.planning_year = report.planning_year
    if update and not can_update_effort(request.user, row.effort):
        raise PermissionDenied
    return report, row
