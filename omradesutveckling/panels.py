"""What the start page and the district page show from the other apps.

The start page and the district page are the only places that look into every
app (STYLE: nothing imports budget or dialogue but the reports and the start
page). Each app contributes through its own services; this module only
collects. A panel is a dict: ``{"template": ..., **context}``.
"""

from areas import services as area_services
from areas.models import Role
from areas.permissions import MANAGE_MEMBERS, roles_by_group


def start_panels(request, groups) -> list[dict]:
    """What waits for the signed-in user in their own groups."""
    panels = []
    for group in groups:
        if request.user.has_perm(MANAGE_MEMBERS, group):
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
    my_roles = roles_by_group(request.user)
    for group in groups:
        if Role.MEMBER in my_roles.get(group.pk, ()):
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
    from django.utils import timezone

    from areas.models import AreaGroup
    from areas.permissions import (
        APPROVE_DOCUMENT,
        READ_ALL_GROUPS,
        can_manage_cycle,
        has_group_perm,
    )
    from planning.deadlines import across_districts, awaiting_approval, deadlines, follow_ups_for

    groups = list(groups)
    panels = []
    if request.user.has_perm(READ_ALL_GROUPS) or can_manage_cycle(request.user):
        behind = across_districts(AreaGroup.objects.visible_to(request.user).select_related("district"))
        if behind:
            panels.append({"template": "planning/panels/all_districts.html", "districts": behind,
                           "year": timezone.localdate().year})
    chair_of = [g for g in groups if has_group_perm(request.user, APPROVE_DOCUMENT, g)]
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
    from datetime import timedelta

    from django.db.models import Count, Min, Sum
    from django.utils import timezone

    from areas.permissions import BOOK_SPEND, DECIDE_SPEND, PROPOSE_SPEND, has_role_perm
    from budget import services as budget_services
    from budget.models import SpendRequest

    groups = list(groups)
    panels = []
    deciders = [g for g in groups if has_role_perm(request.user, DECIDE_SPEND, g)]
    if deciders:
        rows = (SpendRequest.objects.filter(area_group__in=deciders).waiting()
                .values("area_group", "year")
                .annotate(count=Count("pk"), total=Sum("amount"), oldest=Min("proposed_at"))
                .order_by("area_group", "year"))
        by_pk = {g.pk: g for g in deciders}
        waiting = [{**row, "group": by_pk[row["area_group"]]} for row in rows]
        if waiting:
            panels.append({"template": "budget/panels/queue.html", "groups": waiting})
    proposers = [g for g in groups if has_role_perm(request.user, PROPOSE_SPEND, g)]
    if proposers:
        mine = list(budget_services.my_requests(
            request.user, proposers, since=timezone.now() - timedelta(days=30)))
        if mine:
            panels.append({"template": "budget/panels/my_requests.html", "requests": mine})
    # The chair and the area developer answer for using the year's money.
    responsible = [g for g in groups if has_role_perm(request.user, BOOK_SPEND, g)]
    warnings = budget_services.year_end_warnings(responsible, timezone.localdate())
    if warnings:
        panels.append({"template": "budget/panels/year_end.html", "warnings": warnings})
    return panels


def district_panels(request, group) -> list[dict]:
    """Sections that other apps add to the district page (the year's documents ...)."""
    from django.urls import reverse
    from django.utils import timezone

    from planning.deadlines import deadlines

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
    from django.utils import timezone

    from areas.permissions import VIEW_BUDGET, has_group_perm
    from budget import services as budget_services
    from budget.models import SpendRequest

    if not has_group_perm(request.user, VIEW_BUDGET, group):
        return []
    year = timezone.localdate().year
    return [{
        "template": "budget/panels/district.html", "group": group, "year": year,
        "totals": budget_services.totals(group, year),
        "waiting": SpendRequest.objects.for_group_and_year(group, year).waiting().count(),
    }]


def public_panels(request, district) -> list[dict]:
    """Sections other apps add to a district's public page (no sign-in): the
    dialogue forum's part, for instance. Only published, public content."""
    return []
