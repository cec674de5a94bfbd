"""The rule table: who holds each permission of the app.

One row per permission, for every app (the apps' permissions are named here as
strings, so this module imports no app). A row says which roles hold the
permission in the object's own unit (its area group, or another unit that
registers its roles, as the dialogue forums do: ``areas.grants``), whether
those who read the group hold it, whether a superuser does, which global
permission (of the management office) carries it everywhere, which role may
receive it from the chair for a period, and which roles hold it only under a
relation to the object (the contact person of an effort, the proposer of a
spend request).

A right that only the group's own roles hold (proposing, deciding and booking
development money: a superuser administers the system but does not spend) is
a row with ``superuser=False``, never a flag at a call site.

State rules (is the document frozen, is the request still open) are not here:
they are predicates of the models and services, asked beside ``may``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from areas.models import REPRESENTING_ROLES, Role

# --- areas
VIEW_GROUP = "areas.view_areagroup"
MANAGE_MEMBERS = "areas.manage_members"
NAME_SUBSTITUTE = "areas.name_substitute"
READ_ALL_GROUPS = "areas.read_all_groups"
DELEGATE_DECISIONS = "areas.delegate_decisions"
# --- planning
VIEW_DOCUMENT = "planning.view_document"
EDIT_DOCUMENT = "planning.edit_document"
APPROVE_DOCUMENT = "planning.approve_document"
CONTRIBUTE = "planning.contribute"
UPDATE_EFFORT = "planning.update_effort"
MANAGE_CYCLE = "planning.manage_cycle"
# --- budget
VIEW_BUDGET = "budget.view_ledger"
PROPOSE_SPEND = "budget.propose_spend"
WITHDRAW_SPEND = "budget.withdraw_spend"
DECIDE_SPEND = "budget.decide_spend"
BOOK_SPEND = "budget.book_spend"
MANAGE_GRANTS = "budget.manage_grants"
# --- trust
VIEW_AUDIT_TRAIL = "trust.view_audit_trail"
EXTRACT_PERSONAL_DATA = "trust.extract_personal_data"

CHAIR, VICE, MEMBER = Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER
SECRETARY, DEVELOPER = Role.SECRETARY, Role.DEVELOPER
GROUP_ROLES = frozenset(Role.values)
LEADERS = frozenset({CHAIR, DEVELOPER})  # the chair and the area developer run the group


def is_contact_for(user, effort) -> bool:
    """A member updates the rows of the efforts they are the contact person for
    (riktlinjerna: ledamöterna medverkar i analys, handlingsplan och rapporter)."""
    return effort.contact_id == user.pk


def is_own_seat(user, membership) -> bool:
    """A member appoints their own substitute (riktlinjerna: 'utse en ersättare
    vid förhinder'), for a seat in force today."""
    return (membership.person_id == user.pk and membership.role in REPRESENTING_ROLES
            and membership.is_active())


def is_proposer_of(user, spend) -> bool:
    return spend.proposed_by_id == user.pk


@dataclass(frozen=True)
class Rule:
    """Who holds one permission (see the module's docstring)."""

    roles: frozenset = frozenset()
    readers: bool = False
    superuser: bool = True
    global_perm: str | None = None
    delegable_to: str | None = None
    when: tuple[tuple[frozenset, Callable], ...] = field(default=())


def _roles(*roles) -> frozenset:
    return frozenset(roles)


RULES: dict[str, Rule] = {
    # The area organisation.
    VIEW_GROUP: Rule(roles=GROUP_ROLES, readers=True),
    MANAGE_MEMBERS: Rule(roles=LEADERS),
    # Personal: nobody names a substitute for someone else, a superuser neither.
    NAME_SUBSTITUTE: Rule(superuser=False, when=((frozenset(REPRESENTING_ROLES), is_own_seat),)),
    READ_ALL_GROUPS: Rule(global_perm=READ_ALL_GROUPS),
    # Only the chair delegates the chair's decision right (never a delegate onwards).
    DELEGATE_DECISIONS: Rule(roles=_roles(CHAIR), superuser=False),
    # The planning cycle: the area developer edits, the chair approves, every
    # member contributes (comments; the efforts they are contact for).
    VIEW_DOCUMENT: Rule(roles=GROUP_ROLES, readers=True),
    EDIT_DOCUMENT: Rule(roles=LEADERS),
    APPROVE_DOCUMENT: Rule(roles=_roles(CHAIR)),
    CONTRIBUTE: Rule(roles=GROUP_ROLES),
    UPDATE_EFFORT: Rule(roles=LEADERS, when=((GROUP_ROLES, is_contact_for),)),
    MANAGE_CYCLE: Rule(global_perm=MANAGE_CYCLE),
    # Development money: the chair decides (riktlinjerna: budgetansvar), the vice
    # chair only under a dated delegation; spending is the group's own business.
    VIEW_BUDGET: Rule(roles=GROUP_ROLES, readers=True),
    PROPOSE_SPEND: Rule(roles=_roles(CHAIR, DEVELOPER, VICE, MEMBER), superuser=False),
    WITHDRAW_SPEND: Rule(superuser=False,
                         when=((_roles(CHAIR, DEVELOPER, VICE, MEMBER), is_proposer_of),)),
    DECIDE_SPEND: Rule(roles=_roles(CHAIR), superuser=False, delegable_to=VICE),
    BOOK_SPEND: Rule(roles=LEADERS, superuser=False),
    MANAGE_GRANTS: Rule(global_perm=MANAGE_GRANTS),
    # The audit trail and register extracts: granted to officials, and superusers.
    VIEW_AUDIT_TRAIL: Rule(global_perm=VIEW_AUDIT_TRAIL),
    EXTRACT_PERSONAL_DATA: Rule(global_perm=EXTRACT_PERSONAL_DATA),
}
