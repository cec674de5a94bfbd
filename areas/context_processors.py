from django.utils.functional import SimpleLazyObject

from areas.models import AreaGroup, Role
from areas.permissions import roles_by_group, visible_districts


def navigation(request):
    """The header's roles and the district navigation, computed only when a
    template uses them (the login page never does)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def my_roles():
        by_group = roles_by_group(user)
        groups = AreaGroup.objects.filter(pk__in=by_group).select_related("district")
        labels = dict(Role.choices)
        return [{"group": g, "roles": sorted(labels[r] for r in by_group[g.pk])} for g in groups]

    def nav_districts():
        return visible_districts(user)

    return {
        "my_roles": SimpleLazyObject(my_roles),
        "nav_districts": SimpleLazyObject(nav_districts),
    }

