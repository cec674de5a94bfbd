"""The one permission answer: ``may(user, perm, obj)``.

Views (through the fetch helpers below), templates (``{% can %}``), services,
the admin and the audit trail all ask this one function. It answers from
what the user holds today (``areas.grants.Grants``: dated memberships, the
chair's delegations, global permissions of the management office, and
explicit django-guardian grants), worked out once per request, against the
rule table in ``areas.rules``.

Role rules live here and in ``areas.rules``; state rules ("this request can
still be decided", "this document is frozen") are predicates on the models
and services of each app, asked beside ``may`` (pretalx keeps the same split
in ``submission/rules.py``).

Fetching: ``get_object_for_user`` answers 404 when the object does not exist
and 403 when it exists but the user may not ``perm`` it (we answer 403, never a
404 that hides an existing object, so that a refusal is always explained).
Each app has read and write helpers built on it that leave nothing for the
view to check afterwards.
"""

from functools import wraps

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404

from areas.grants import GROUP, grants_of, units_of
from areas.models import AreaGroup, District
from areas.rules import (  # noqa: F401  (the permissions' names, for every caller)
    APPROVE_DOCUMENT,
    BOOK_SPEND,
    CONTRIBUTE,
    DECIDE_SPEND,
    DELEGATE_DECISIONS,
    EDIT_DOCUMENT,
    EXTRACT_PERSONAL_DATA,
    MANAGE_CYCLE,
    MANAGE_GRANTS,
    MANAGE_MEMBERS,
    NAME_SUBSTITUTE,
    PROPOSE_SPEND,
    READ_ALL_GROUPS,
    RULES,
    UPDATE_EFFORT,
    VIEW_AUDIT_TRAIL,
    VIEW_BUDGET,
    VIEW_DOCUMENT,
    VIEW_GROUP,
    WITHDRAW_SPEND,
)

__all__ = [
    "may", "require", "requires", "get_object_for_user", "get_group_for_user",
    "get_district_for_user", "visible_area_groups", "visible_districts",
]


def _rule(perm):
    try:
        return RULES[perm]
    except KeyError:
        raise ImproperlyConfigured(
            f"No rule for the permission {perm!r}: add a row to areas.rules.RULES."
        ) from None


def may(user, perm: str, obj=None) -> bool:
    """May ``user`` do ``perm`` to ``obj`` (or, without ``obj``, everywhere)?"""
    rule = _rule(perm)
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    grants = grants_of(user)
    if rule.superuser and user.is_superuser:
        return True
    if rule.global_perm and rule.global_perm in grants.global_perms:
        return True
    if obj is None:
        return False
    units = units_of(obj)
    if not units:
        return False
    roles = grants.roles_in(units)
    if roles & rule.roles:
        return True
    for holders, relation in rule.when:
        if roles & holders and relation(user, obj):
            return True
    if rule.delegable_to and rule.delegable_to in roles:
        if GROUP in units and perm in grants.delegated_in(units[GROUP]):
            return True
    group_id = units.get(GROUP)
    if rule.readers and (grants.reads_all or (group_id is not None
                                              and grants.reads_group(group_id))):
        return True
    # An explicit grant on the object's group (django-guardian), made in the admin.
    return group_id is not None and perm in grants.explicit.get(group_id, ())


def require(user, perm: str, obj=None) -> None:
    """Raise 403 unless ``may(user, perm, obj)``: for services called from anywhere."""
    if not may(user, perm, obj):
        raise PermissionDenied


def requires(perm: str):
    """A view decorator for pages of a global permission (no object): the
    management office's pages. Checked before the view runs."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            require(request.user, perm)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Fetch-if-allowed ----------------------------------------------------------------------


def get_object_for_user(request, queryset, perm: str, **lookup):
    """One object the user may ``perm``: 404 if it does not exist, 403 if not theirs."""
    try:
        obj = queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
    require(request.user, perm, obj)
    return obj


def get_group_for_user(request, slug: str, perm: str = VIEW_GROUP) -> AreaGroup:
    """The area group of a district (by the district's slug), if the user may ``perm`` it.

    A group the user cannot read at all answers 403 whatever ``perm`` is."""
    group = get_object_for_user(
        request, AreaGroup.objects.select_related("district"), VIEW_GROUP, district__slug=slug
    )
    if perm != VIEW_GROUP:
        require(request.user, perm, group)
    return group


def get_district_for_user(request, slug: str, perm: str = VIEW_GROUP) -> District:
    """A district whose page the user may open: its area group readable (or
    ``perm`` on it), or a district without an area group (nothing restricted)."""
    try:
        district = District.objects.select_related("area_group").get(slug=slug)
    except District.DoesNotExist:
        raise Http404 from None
    group = district.area_group_or_none
    if group is not None:
        require(request.user, VIEW_GROUP, group)
        if perm != VIEW_GROUP:
            require(request.user, perm, group)
    return district


# What a user may see, as lists ------------------------------------------------------


def visible_area_groups(user, queryset=None):
    """The area groups a user may read, as a queryset."""
    queryset = AreaGroup.objects.all() if queryset is None else queryset
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    grants = grants_of(user)
    if user.is_superuser or grants.reads_all:
        return queryset
    return queryset.filter(pk__in=sorted(grants.group_ids | grants.explicit_reader_groups))


def visible_districts(user) -> list[District]:
    """Districts whose page the user may open: those of the groups they read,
    and districts without an area group (nothing there is restricted)."""
    visible = set(visible_area_groups(user).values_list("pk", flat=True))
    return [
        d
        for d in District.objects.select_related("area_group")
        if d.area_group_or_none is None or d.area_group_or_none.pk in visible
    ]
