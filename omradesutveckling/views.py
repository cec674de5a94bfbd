from django.shortcuts import render

from areas.grants import grants_of
from areas.permissions import visible_area_groups
from omradesutveckling.panels import start_panels


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
