from django.utils.functional import SimpleLazyObject

from areas.grants import grants_of
from areas.models import Role
from areas.permissions import visible_districts


def navigation(request):
    """The header's roles and the district navigation, computed only when a
    template uses them (the login page never does), from the same grants that
    answer the request's permission questions."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def my_roles():
        grants = grants_of(user)
        labels = dict(Role.choices)
        return [{"group": g, "roles": sorted(labels[r] for r in grants.group_roles(g.pk))}
                for g in grants.groups]

    return {
        "my_roles": SimpleLazyObject(my_roles),
        "nav_districts": SimpleLazyObject(lambda: visible_districts(user)),
    }
