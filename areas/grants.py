"""What one user holds today, worked out once per request.

``grants_of(user)`` reads the user's dated memberships (one query, with their
groups and districts, which the page frame shows too), and only when a rule
asks for them: the user's global permissions (one query), the chair's
delegations to them (only for a vice chair), and explicit django-guardian
grants on area groups. The result is cached on the user object, which Django
makes anew for every request.

Roles held in units other than an area group (a dialogue forum's chair and
members) come from role sources that their app registers at start-up
(``register_role_source``); the rule table answers for them as for every
other role. An object names its units through ``get_area_group()`` and the
getters of the registered sources.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils import timezone
from guardian.models import GroupObjectPermission, UserObjectPermission

from areas.models import AreaGroup, Delegation, Membership, Role

GROUP = "group"


@dataclass(frozen=True)
class RoleSource:
    """Roles a user holds in units of one kind, other than area groups.

    ``load(user, on)`` returns ``{unit_pk: {role, ...}}`` for the user's roles
    on a day; ``unit_of(obj)`` returns the pk of the unit an object belongs
    to, or ``None``. Role names must be unique across sources."""

    kind: str
    load: Callable
    unit_of: Callable


ROLE_SOURCES: dict[str, RoleSource] = {}


def register_role_source(source: RoleSource) -> None:
    """Called from an app's ``AppConfig.ready()``."""
    ROLE_SOURCES[source.kind] = source


def _group_id_of(obj):
    if isinstance(obj, AreaGroup):
        return obj.pk
    getter = getattr(obj, "get_area_group", None)
    group = getter() if getter else None
    return group.pk if group is not None else None


def units_of(obj) -> dict[str, int]:
    """The units an object belongs to: ``{"group": pk, "forum": pk ...}``."""
    units = {}
    group_id = _group_id_of(obj)
    if group_id is not None:
        units[GROUP] = group_id
    for kind, source in ROLE_SOURCES.items():
        pk = source.unit_of(obj)
        if pk is not None:
            units[kind] = pk
    return units


class Grants:
    """A user's roles, delegations, global permissions and explicit grants today."""

    def __init__(self, user, on=None):
        self.user = user
        self.on = on or timezone.localdate()

    @cached_property
    def memberships(self) -> list:
        """Today's memberships, with their groups and districts (for the page frame)."""
        return list(
            Membership.objects.active(on=self.on).filter(person=self.user)
            .select_related("area_group__district").order_by("area_group__district__sort_order")
        )

    @cached_property
    def roles_by_unit(self) -> dict[tuple[str, int], frozenset]:
        roles: dict[tuple[str, int], set] = {}
        for m in self.memberships:
            roles.setdefault((GROUP, m.area_group_id), set()).add(m.role)
        for kind, source in ROLE_SOURCES.items():
            for pk, held in source.load(self.user, self.on).items():
                roles.setdefault((kind, pk), set()).update(held)
        return {unit: frozenset(held) for unit, held in roles.items()}

    def roles_in(self, units: dict[str, int]) -> frozenset:
        """The user's roles in the units an object belongs to."""
        held = frozenset()
        for kind, pk in units.items():
            held |= self.roles_by_unit.get((kind, pk), frozenset())
        return held

    def group_roles(self, group_id: int) -> frozenset:
        return self.roles_by_unit.get((GROUP, group_id), frozenset())

    @cached_property
    def groups(self) -> list:
        """The area groups the user has a role in today, in the districts' order."""
        seen = {}
        for m in self.memberships:
            seen.setdefault(m.area_group_id, m.area_group)
        return list(seen.values())

    @cached_property
    def group_ids(self) -> frozenset:
        return frozenset(m.area_group_id for m in self.memberships)

    @cached_property
    def global_perms(self) -> frozenset:
        """The user's global permissions ('app.codename'), own and through auth groups."""
        if not self.user.is_active:
            return frozenset()
        rows = (Permission.objects.filter(Q(user=self.user) | Q(group__user=self.user))
                .values_list("content_type__app_label", "codename").distinct())
        return frozenset(f"{app}.{codename}" for app, codename in rows)

    @property
    def reads_all(self) -> bool:
        return "areas.read_all_groups" in self.global_perms

    @cached_property
    def explicit(self) -> dict[int, frozenset]:
        """Explicit guardian grants on single area groups: ``{group_pk: {perm}}``.
        Asked of guardian's tables directly, never through its backend (which
        raises for a permission of another app than the object's)."""
        found: dict[int, set] = {}
        on_groups = {"content_type__app_label": "areas", "content_type__model": "areagroup"}
        user_rows = UserObjectPermission.objects.filter(user=self.user, **on_groups)
        group_rows = GroupObjectPermission.objects.filter(group__user=self.user, **on_groups)
        fields = ("object_pk", "permission__codename")
        rows = user_rows.values_list(*fields).union(group_rows.values_list(*fields))
        for pk, codename in rows:
            found.setdefault(int(pk), set()).add(f"areas.{codename}")
        return {pk: frozenset(perms) for pk, perms in found.items()}

    @cached_property
    def explicit_reader_groups(self) -> frozenset:
        return frozenset(pk for pk, perms in self.explicit.items() if "areas.view_areagroup" in perms)

    def reads_group(self, group_id: int) -> bool:
        return group_id in self.explicit_reader_groups

    @cached_property
    def delegated(self) -> dict[int, frozenset]:
        """Rights the chair delegated to the user for today, per group. A delegation
        counts only while its holder is vice chair of the group (asked only of
        users who are vice chair somewhere)."""
        vice_of = [g for (kind, g), roles in self.roles_by_unit.items()
                   if kind == GROUP and Role.VICE_CHAIR in roles]
        if not vice_of:
            return {}
        found: dict[int, set] = {}
        rows = Delegation.objects.active(on=self.on).filter(delegate=self.user,
                                                            area_group_id__in=vice_of)
        for group_id, right in rows.values_list("area_group_id", "right"):
            found.setdefault(group_id, set()).add(right)
        return {pk: frozenset(rights) for pk, rights in found.items()}

    def delegated_in(self, group_id: int) -> frozenset:
        return self.delegated.get(group_id, frozenset())


def grants_of(user) -> Grants:
    """The user's grants for this request (cached on the user object)."""
    grants = getattr(user, "_grants", None)
    if grants is None:
        grants = Grants(user)
        user._grants = grants
    return grants
