"""One way to fetch what a user may touch of the development money: each helper
answers 404 (does not exist) or 403 (exists, not the user's to ``perm``) first,
and leaves nothing for the view to check afterwards. Rights that only the
group's own roles hold (proposing, deciding, booking) are rows of the rule
table (areas.rules), so nothing here distinguishes them."""

from areas.models import Delegation
from areas.permissions import VIEW_BUDGET, get_group_for_user, get_object_for_user
from budget.models import SpendRequest


def group_for_user(request, slug, perm=VIEW_BUDGET):
    """The area group (by district slug) whose money the user may ``perm``."""
    return get_group_for_user(request, slug, perm)


def spend_for_user(request, slug, year, pk, perm=VIEW_BUDGET):
    """A spend request of a group's year: 404 if there is none, 403 if not the user's."""
    group = get_group_for_user(request, slug, VIEW_BUDGET)
    return get_object_for_user(
        request,
        SpendRequest.objects.select_related(
            "area_group__district", "effort", "proposed_by", "decided_by"),
        perm, pk=pk, area_group=group, year=year,
    )


def delegation_for_user(request, slug, pk, perm):
    """A delegation of the group's decision right (the chair revokes it)."""
    group = get_group_for_user(request, slug, VIEW_BUDGET)
    return get_object_for_user(request, Delegation.objects.select_related("area_group"), perm,
                               pk=pk, area_group=group)
