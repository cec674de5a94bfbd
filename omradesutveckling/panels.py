"""What the start page and the district page show from the other apps.

The start page and the district page are the only places that look into every
app (STYLE: nothing imports budget or dialogue but the reports and the start
page). Each app contributes through its own services; this module only
collects. A panel is a dict: ``{"template": ..., **context}``.
"""

from datetime import timedelta

from django.db.models import Count, Min, Sum
from django.urls import reverse
from django.utils import timezone

from areas import services as area_services
from areas.grants import grants_of
from areas.models import Role
from areas.permissions import (
    APPROVE_DOCUMENT,
    BOOK_SPEND,
    DECIDE_SPEND,
    MANAGE_CYCLE,
    MANAGE_MEMBERS,
    PROPOSE_SPEND,
    READ_ALL_GROUPS,
    VIEW_BUDGET,
    may,
    visible_area_groups,
)
from budget import services as budget_services
from budget.models import SpendRequest
from planning.deadlines import across_districts, awaiting_approval, deadlines, follow_ups_for


def start_panels(request, groups) -> list[dict]:
    """What waits for the signed-in user in their own groups."""
    panels = []
    for group in groups:
        if may(request.user, MANAGE_MEMBERS, group):
            todo = area_services.vacancies(group)
            no_sub = list(area_services.members_without_substitute(group))
            ending = list(area_services.memberships_ending_soon(group))
            if todo or no_sub or ending:
                panels.append(
                    {
                        "template": "areas/panels/organisation_todo.html",
                        "group": group,
                        "vacancies": todo,
                        "without_substitute": no_sub,
                        "ending": ending,
                    }
                )
    grants = grants_of(request.user)
    for group in groups:
        if Role.MEMBER in grants.group_roles(group.pk):
            seat = group.memberships.active().filter(person=request.user, role=Role.MEMBER).first()
            if seat and seat.substitute_id is None:
                panels.append(
                    {"template": "areas/panels/name_substitute.html", "group": group, "membership": seat}
                )
    panels += planning_start_panels(request, groups)
    panels += budget_start_panels(request, groups)
    return panels


def planning_start_panels(request, groups) -> list[dict]:
    """The yearly wheel: documents of the user's groups that are late or due soon;
    for a chair, documents waiting for approval; for a member, their efforts'
    follow-ups still to write; for readers across districts (the management
    office), what is behind in every district they read."""
    groups = list(groups)
    panels = []
    if may(request.user, READ_ALL_GROUPS) or may(request.user, MANAGE_CYCLE):
        behind = across_districts(visible_area_groups(request.user).select_related("district"))
        if behind:
            panels.append({"template": "planning/panels/all_districts.html", "districts": behind,
                           "year": timezone.localdate().year})
    chair_of = [g for g in groups if may(request.user, APPROVE_DOCUMENT, g)]
    waiting = awaiting_approval(chair_of) if chair_of else []
    if waiting:
        panels.append({"template": "planning/panels/awaiting_approval.html", "documents": waiting})
    rows = follow_ups_for(request.user, groups) if groups else []
    if rows:
        panels.append({"template": "planning/panels/follow_ups.html", "rows": rows})
    due = deadlines(groups)
    if due:
        panels.append({"template": "planning/panels/deadlines.html", "deadlines": due,
                       "any_late": any(d.is_late for d in due)})
    return panels


def budget_start_panels(request, groups) -> list[dict]:
    """Development money: proposals waiting for the chair's decision (or the vice
    chair's under a delegation); from October, money that will be left unspent,
    for the chair and the area developer."""
    groups = list(groups)
    panels = []
    deciders = [g for g in groups if may(request.user, DECIDE_SPEND, g)]
    if deciders:
        rows = (SpendRequest.objects.filter(area_group__in=deciders).waiting()
                .values("area_group", "year")
                .annotate(count=Count("pk"), total=Sum("amount"), oldest=Min("proposed_at"))
                .order_by("area_group", "year"))
        by_pk = {g.pk: g for g in deciders}
        waiting = [{**row, "group": by_pk[row["area_group"]]} for row in rows]
        if waiting:
            panels.append({"template": "budget/panels/queue.html", "groups": waiting})
    proposers = [g for g in groups if may(request.user, PROPOSE_SPEND, g)]
    if proposers:
        mine = list(budget_services.my_requests(
            request.user, proposers, since=timezone.now() - timedelta(days=30)))
        if mine:
            panels.append({"template": "budget/panels/my_requests.html", "requests": mine})
    # The chair and the area developer answer for using the year's money.
    responsible = [g for g in groups if may(request.user, BOOK_SPEND, g)]
    warnings = budget_services.year_end_warnings(responsible, timezone.localdate())
    if warnings:
        panels.append({"template": "budget/panels/year_end.html", "warnings": warnings})
    return panels


def district_panels(request, group) -> list[dict]:
    """Sections that other apps add to the district page (the year's documents ...)."""
    panels = [{
        "template": "planning/panels/district_year.html", "group": group,
        "year": timezone.localdate().year,
        "deadlines": deadlines([group], include_done=True, soon_days=10_000),
        "public_url": reverse("planning:public_district", args=[group.district.slug]),
    }]
    panels += budget_district_panels(request, group)
    return panels


def budget_district_panels(request, group) -> list[dict]:
    """The year's development money in short, for those who read the group's money."""
    if not may(request.user, VIEW_BUDGET, group):
        return []
    year = timezone.localdate().year
    return [{
        "template": "budget/panels/district.html", "group": group, "year": year,
        "totals": budget_services.totals(group, year),
        "waiting": SpendRequest.objects.for_group_and_year(group, year).waiting().count(),
    }]
