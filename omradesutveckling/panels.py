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
    return panels


def district_panels(request, group) -> list[dict]:
    """Sections that other apps add to the district page (the year's documents ...)."""
    return []
