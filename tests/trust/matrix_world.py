"""The world the permission matrices ask about, and who plays each role.

One world per area group (Alby's and Tumba's), built once per test and the same
for the GET matrix (test_matrix.py) and the POST matrix (test_post_matrix.py):
the group's people (tests/conftest.py), a working group, a delegation ahead,
and the planning and budget objects of tests/trust/matrix_apps.py.

The group roles are Alby's people; the member of another group is Tumba's
member; the reader and the superuser belong to no group. ``role_state(role,
worlds)`` gives a role what it holds beyond its seat (the delegated vice chair's
delegation); the matrices call it inside a transaction they roll back after the
role.
"""

from datetime import date, timedelta

from django.utils import timezone

from areas.models import (
    Delegation,
    Membership,
    Organisation,
    Role,
    WorkingGroup,
    WorkingGroupMember,
)
from tests.conftest import make_user
from tests.trust.matrix_apps import app_world


def group_world(group, people, org, prefix) -> dict:
    """One area group's objects, each URL's and each audited model's."""
    wg = WorkingGroup.objects.create(area_group=group, name=f"Arbetsgrupp {prefix}")
    # Of the member's administration: a working-group member, and the substitute
    # the member may name.
    helper = make_user(f"{prefix}_helper", "Hjälp", prefix.title(), org["UF"])
    wg_member = WorkingGroupMember.objects.create(working_group=wg, person=helper,
                                                  start_date=date(2025, 1, 1))
    today = timezone.localdate()
    # The chair's holiday next month: the vice chair holds no delegation today,
    # and the chair may still revoke this one.
    delegation = Delegation(area_group=group, delegate=people["vice"], granted_by=people["chair"],
                            start_date=today + timedelta(days=30),
                            end_date=today + timedelta(days=37), reason="Semester")
    delegation.full_clean()
    delegation.save()
    world = {
        "group": group,
        "slug": group.district.slug,
        "prefix": prefix,
        **people,
        "membership": Membership.objects.get(person=people["member"], role=Role.MEMBER),
        "working_group": wg,
        "helper": helper,
        "wg_member": wg_member,
        "delegation": delegation,
        "org": org,
        # A local actor of the district's own (outside any group: auditors read its history).
        "organisation": Organisation.objects.create(name=f"Föreningen {prefix.title()}",
                                                    kind=Organisation.Kind.LOCAL_ACTOR),
    }
    world.update(app_world(group, people, prefix))
    return world


def build_worlds(alby, tumba, org, alby_people, tumba_people) -> dict:
    return {
        "alby": group_world(alby, alby_people, org, "alby"),
        "tumba": group_world(tumba, tumba_people, org, "tumba"),
    }


def role_users(alby_people, tumba_people, reader, superuser) -> dict:
    """The user who plays each role (None: not signed in)."""
    return {
        "anonymous": None,
        "member": alby_people["member"],
        "vice": alby_people["vice"],
        "vice_delegated": alby_people["vice"],
        "developer": alby_people["developer"],
        "chair": alby_people["chair"],
        "secretary": alby_people["secretary"],
        "other_member": tumba_people["member"],
        "reader": reader,
        "superuser": superuser,
    }


def role_state(role, worlds) -> None:
    """What a role holds beyond its seat. The delegated vice chair: Alby's chair
    has delegated deciding over the development money to them from today."""
    if role != "vice_delegated":
        return
    w = worlds["alby"]
    today = timezone.localdate()
    delegation = Delegation(area_group=w["group"], delegate=w["vice"], granted_by=w["chair"],
                            start_date=today, end_date=today + timedelta(days=7),
                            reason="Ordföranden är bortrest")
    delegation.full_clean()
    delegation.save()
