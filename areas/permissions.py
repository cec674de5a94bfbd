"""The one place that says who may do what.

Roles come from the dated ``Membership`` table (today's memberships decide);
``ROLE_PERMS`` maps each role to the permissions it carries inside its own area
group. Officials of the management office, the democracy committee and the
executive board hold the global permission ``areas.read_all_groups`` and read
every group. django-guardian holds only explicit grants on single objects
(e.g. ``areas.view_areagroup`` on one group for an official who reads that
group only); such a grant makes its holder a reader of that group.

Views fetch through ``get_object_for_user`` (404 when the object does not
exist, 403 when it exists but the user may not have it: we answer 403, never a
404 that hides an existing object, so that a refusal is always explained).
Templates ask the same rules with ``{% can "perm" obj %}``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import get_objects_for_user

from areas.models import AreaGroup, Delegation, District, Membership, Role

VIEW_GROUP = "areas.view_areagroup"
MANAGE_MEMBERS = "areas.manage_members"
READ_ALL_GROUPS = "areas.read_all_groups"
# The planning cycle (planning app).
VIEW_DOCUMENT = "planning.view_document"
EDIT_DOCUMENT = "planning.edit_document"
APPROVE_DOCUMENT = "planning.approve_document"
CONTRIBUTE = "planning.contribute"
MANAGE_CYCLE = "planning.manage_cycle"  # global (Meta permission), for the management office
# Development money (budget app).
VIEW_BUDGET = "budget.view_ledger"
PROPOSE_SPEND = "budget.propose_spend"
DECIDE_SPEND = "budget.decide_spend"  # the chair; the vice chair only by a dated Delegation
BOOK_SPEND = "budget.book_spend"
MANAGE_GRANTS = "budget.manage_grants"  # global (Meta permission), for the management office

# What a reader (global or of one group) may do in the groups they read.
READER_PERMS = frozenset({VIEW_GROUP, VIEW_DOCUMENT, VIEW_BUDGET})

# What each role may do in its own area group. Apps add their permissions here,
# so that every role rule stays in one table.
ROLE_PERMS: dict[str, frozenset[str]] = {
    Role.CHAIR: frozenset({VIEW_GROUP, MANAGE_MEMBERS}
                          | {VIEW_DOCUMENT, EDIT_DOCUMENT, APPROVE_DOCUMENT, CONTRIBUTE}
                          | {VIEW_BUDGET, PROPOSE_SPEND, DECIDE_SPEND, BOOK_SPEND}),
    Role.DEVELOPER: frozenset({VIEW_GROUP, MANAGE_MEMBERS}
                              | {VIEW_DOCUMENT, EDIT_DOCUMENT, CONTRIBUTE}
                              | {VIEW_BUDGET, PROPOSE_SPEND, BOOK_SPEND}),
    Role.VICE_CHAIR: frozenset({VIEW_GROUP} | {VIEW_DOCUMENT, CONTRIBUTE}
                               | {VIEW_BUDGET, PROPOSE_SPEND}),
    Role.SECRETARY: frozenset({VIEW_GROUP} | {VIEW_DOCUMENT, CONTRIBUTE} | {VIEW_BUDGET}),
    Role.MEMBER: frozenset({VIEW_GROUP} | {VIEW_DOCUMENT, CONTRIBUTE}
                           | {VIEW_BUDGET, PROPOSE_SPEND}),
}

# Rights a chair may delegate to the vice chair for a period (areas.Delegation).
DELEGABLE_TO = {DECIDE_SPEND: Role.VICE_CHAIR}


def area_group_of(obj) -> AreaGroup | None:
    """The area group an object belongs to (every domain object knows its own)."""
    getter = getattr(obj, "get_area_group", None)
    return getter() if getter else None


def roles_by_group(user) -> dict[int, set[str]]:
    """Today's roles of a user, per area group id. One query, cached on the user
    object for the rest of the request."""
    cached = getattr(user, "_roles_by_group", None)
    if cached is not None:
        return cached
    roles: dict[int, set[str]] = {}
    if user.is_authenticated:
        rows = Membership.objects.active().filter(person=user).values_list("area_group_id", "role")
        for group_id, role in rows:
            roles.setdefault(group_id, set()).add(role)
    user._roles_by_group = roles
    return roles


def delegated_by_group(user) -> dict[int, set[str]]:
    """Rights delegated to a user today, per area group id. A delegation counts only
    while its holder has the role it was given to (the vice chair). Asks the
    database only for users who hold such a role somewhere; cached on the user."""
    cached = getattr(user, "_delegated_by_group", None)
    if cached is not None:
        return cached
    delegated: dict[int, set[str]] = {}
    holding = {g for g, roles in roles_by_group(user).items()
               if roles & set(DELEGABLE_TO.values())}
    if holding:
        rows = Delegation.objects.active().filter(delegate=user, area_group_id__in=holding)
        for group_id, right in rows.values_list("area_group_id", "right"):
            if DELEGABLE_TO.get(right) in roles_by_group(user)[group_id]:
                delegated.setdefault(group_id, set()).add(right)
    user._delegated_by_group = delegated
    return delegated


def reads_all_groups(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(READ_ALL_GROUPS))


def _explicit_reader_of(user, group) -> bool:
    checker = getattr(user, "_guardian_checker", None)
    if checker is None:
        checker = user._guardian_checker = ObjectPermissionChecker(user)
    return checker.has_perm("view_areagroup", group)


def group_perms(user, group: AreaGroup) -> frozenset[str]:
    """Every permission a user holds inside one area group today."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    perms: set[str] = set()
    for role in roles_by_group(user).get(group.pk, ()):
        perms |= ROLE_PERMS[role]
    perms |= delegated_by_group(user).get(group.pk, set())
    if reads_all_groups(user) or _explicit_reader_of(user, group):
        perms |= READER_PERMS
    return frozenset(perms)


def has_group_perm(user, perm: str, obj) -> bool:
    """May ``user`` do ``perm`` on ``obj`` (an area group or anything in one)?"""
    if user.is_active and user.is_superuser:
        return True
    group = area_group_of(obj)
    return group is not None and perm in group_perms(user, group)


def visible_area_groups(user, queryset=None):
    """The area groups a user may read, as a queryset."""
    queryset = AreaGroup.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    if reads_all_groups(user):
        return queryset
    granted = get_objects_for_user(
        user, VIEW_GROUP, klass=AreaGroup, accept_global_perms=False
    ).values("pk")
    return queryset.filter(pk__in=list(roles_by_group(user))) | queryset.filter(pk__in=granted)


def visible_districts(user) -> list[District]:
    """Districts whose page the user may open: those of the groups they read,
    and districts without an area group (nothing there is restricted)."""
    visible = set(visible_area_groups(user).values_list("pk", flat=True))
    return [
        d
        for d in District.objects.select_related("area_group")
        if d.area_group_or_none is None or d.area_group_or_none.pk in visible
    ]


def get_object_for_user(request, queryset, perm: str, **lookup):
    """Fetch one object a user may act on: 404 if it does not exist, 403 if the
    user lacks ``perm`` on it. Every view fetches through this."""
    try:
        obj = queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied
    return obj


def get_group_for_user(request, slug: str, perm: str = VIEW_GROUP) -> AreaGroup:
    """The area group of a district (by the district's slug), if the user may ``perm`` it."""
    return get_object_for_user(
        request, AreaGroup.objects.select_related("district"), perm, district__slug=slug
    )


def get_district_for_user(request, slug: str) -> District:
    """A district whose page the user may open (its area group readable, or none)."""
    try:
        district = District.objects.select_related("area_group").get(slug=slug)
    except District.DoesNotExist:
        raise Http404 from None
    group = district.area_group_or_none
    if group is not None and not request.user.has_perm(VIEW_GROUP, group):
        raise PermissionDenied
    return district


def can(user, perm: str, obj) -> bool:
    """For templates: the same answer a view would give."""
    return user.has_perm(perm, obj)


def can_name_substitute(user, membership) -> bool:
    """A member appoints their own substitute (guidelines: 'utse en ersättare vid förhinder')."""
    from areas.models import REPRESENTING_ROLES

    return (
        user.is_authenticated
        and membership.person_id == user.pk
        and membership.role in REPRESENTING_ROLES
        and membership.is_active()
    )


def can_manage_grants(user) -> bool:
    """The yearly grant of each area group: set by the management office."""
    return user.is_active and (user.is_superuser or user.has_perm(MANAGE_GRANTS))


def has_role_perm(user, perm: str, obj) -> bool:
    """``perm`` held through today's roles (and delegations) in the object's group
    only: no superuser or reader shortcut. Spending development money is the
    group's own business (riktlinjerna: the chair decides); a system
    administrator administers, but neither proposes, decides nor books."""
    group = area_group_of(obj)
    return group is not None and perm in group_perms(user, group)


def can_delegate(user, group) -> bool:
    """Only the chair delegates the chair's decision right (never a delegate onwards)."""
    return Role.CHAIR in roles_by_group(user).get(group.pk, set())


def can_withdraw_spend(user, spend) -> bool:
    """A proposer may withdraw their own spend request before it is decided."""
    return (user.is_authenticated and spend.proposed_by_id == user.pk
            and has_role_perm(user, PROPOSE_SPEND, spend))


def can_manage_cycle(user) -> bool:
    """Due dates of the yearly wheel and statistics imports: the management office."""
    return user.is_active and (user.is_superuser or user.has_perm(MANAGE_CYCLE))


def is_contact_for(user, effort) -> bool:
    """The object rule behind ``planning.contribute``: a member updates the rows of
    the efforts they are the contact person for (riktlinjerna: ledamöterna bidrar
    till analys, handlingsplan och rapporter)."""
    return user.is_authenticated and effort.contact_id == user.pk


def can_update_effort(user, effort) -> bool:
    """Edit an effort or its follow-up rows: editors always, contributors when contact."""
    if user.has_perm(EDIT_DOCUMENT, effort):
        return True
    return user.has_perm(CONTRIBUTE, effort) and is_contact_for(user, effort)
