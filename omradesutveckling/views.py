"""The pages that draw from several apps: the start page and the district page.

They compose what each app offers through its services (omradesutveckling.panels);
every app below stays unaware of them."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from areas import services as area_services
from areas.grants import grants_of
from areas.models import ROLE_ORDER, Role
from areas.permissions import MANAGE_MEMBERS, get_district_for_user, may, visible_area_groups
from omradesutveckling.panels import district_panels, start_panels


@require_safe
def start(request):
    """The signed-in user's own groups and what waits for them."""
    own_ids = grants_of(request.user).group_ids
    readable = visible_area_groups(request.user).select_related("district")
    own = [g for g in readable if g.pk in own_ids]
    others = [g for g in readable if g.pk not in own_ids]
    return render(
        request,
        "start.html",
        {"own_groups": own, "other_groups": others, "panels": start_panels(request, own)},
    )


@require_safe
def district(request, slug):
    """A district: its area group's people and working groups, and what the
    other apps show of its year (documents, money)."""
    district = get_district_for_user(request, slug)
    group = district.area_group_or_none
    context = {"district": district, "group": group}
    if group is not None:
        active = list(group.active_memberships())
        labels = dict(Role.choices)
        context.update(
            roles=[
                {"label": labels[role], "memberships": [m for m in active if m.role == role]}
                for role in ROLE_ORDER
                if role != Role.MEMBER
            ],
            members=sorted(
                (m for m in active if m.role == Role.MEMBER),
                key=lambda m: (
                    (m.organisation.kind, m.organisation.name) if m.organisation else ("", "")
                ),
            ),
            working_groups=group.working_groups.filter(is_active=True).prefetch_related(
                "members__person"
            ),
            can_manage=may(request.user, MANAGE_MEMBERS, group),
            vacancies=area_services.vacancies(group),
            panels=district_panels(request, group),
        )
    return render(request, "district.html", context)
