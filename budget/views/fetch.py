"""One way to fetch what a user may touch of the development money (404 / 403 first)."""

from django.core.exceptions import PermissionDenied

from areas.permissions import (
    VIEW_BUDGET,
    VIEW_GROUP,
    get_group_for_user,
    get_object_for_user,
    has_group_perm,
    has_role_perm,
)
from budget.models import SpendRequest


def group_for_user(request, slug, perm=VIEW_BUDGET, *, role_only=False):
    """The area group (by district slug) whose money the user may ``perm``.

    ``role_only``: the permission must come from the user's own role in the
    group (proposing, deciding, booking), not from reading all groups or being
    a superuser (areas.permissions.has_role_perm)."""
    group = get_group_for_user(request, slug, VIEW_GROUP)
    allowed = has_role_perm if role_only else has_group_perm
    if not allowed(request.user, perm, group):
        raise PermissionDenied
    return group


def spend_for_user(request, slug, year, pk, perm=VIEW_BUDGET, *, role_only=False):
    """A spend request of a group's year: 404 if there is none, 403 if not the user's."""
    group = group_for_user(request, slug, VIEW_BUDGET)
    spend = get_object_for_user(
        request,
        SpendRequest.objects.select_related(
            "area_group__district", "effort", "proposed_by", "decided_by"),
        VIEW_BUDGET, pk=pk, area_group=group, year=year,
    )
    if perm != VIEW_BUDGET:
        allowed = has_role_perm if role_only else has_group_perm
        if not allowed(request.user, perm, spend):
            raise PermissionDenied
    return spend
