"""Who is who in Botkyrka's area development (riktlinjer KS/2015:173).

Split by concept: places (districts), people (and their organisations), groups
and roles, memberships (the one truth for roles), working groups, delegations.
"""

from areas.models.delegations import Delegation, DelegationQuerySet
from areas.models.groups import (
    REPRESENTING_ROLES,
    ROLE_ORDER,
    SINGLE_HOLDER_ROLES,
    AreaGroup,
    Role,
)
from areas.models.memberships import Membership, MembershipQuerySet
from areas.models.people import Organisation, Person, display_name
from areas.models.places import District
from areas.models.working_groups import WorkingGroup, WorkingGroupMember

__all__ = [
    "REPRESENTING_ROLES", "ROLE_ORDER", "SINGLE_HOLDER_ROLES", "AreaGroup", "Delegation",
    "DelegationQuerySet", "District", "Membership", "MembershipQuerySet", "Organisation",
    "Person", "Role", "WorkingGroup", "WorkingGroupMember", "display_name",
]
