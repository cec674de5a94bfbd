"""Rules about an area group that read or change several objects."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.models import AreaGroup, Delegation, Membership, Role


def vacancies(group: AreaGroup, on=None) -> list[str]:
    """What the group lacks today under the guidelines: a chair, a vice chair,
    a secretary, an area developer."""
    held = set(group.memberships.active(on=on).values_list("role", flat=True))
    missing = []
    if Role.CHAIR not in held:
        missing.append(_("Gruppen saknar ordförande."))
    if Role.VICE_CHAIR not in held:
        missing.append(
            _("Gruppen saknar vice ordförande (utses av ordföranden bland ledamöterna).")
        )
    if Role.SECRETARY not in held:
        missing.append(_("Gruppen saknar sekreterare."))
    if Role.DEVELOPER not in held:
        missing.append(_("Gruppen saknar områdesutvecklare."))
    return missing


def members_without_substitute(group: AreaGroup, on=None):
    """Members who have not named a substitute (guidelines: a member appoints
    a substitute when absent)."""
    return (
        group.memberships.active(on=on)
        .filter(role=Role.MEMBER, substitute__isnull=True)
        .select_related("person", "organisation")
    )


def memberships_ending_soon(group: AreaGroup, days: int = 30, on=None):
    on = on or timezone.localdate()
    return (
        group.memberships.active(on=on)
        .filter(end_date__isnull=False, end_date__lte=on + timedelta(days=days))
        .select_related("person")
    )


@transaction.atomic
def end_membership(membership: Membership, end_date) -> Membership:
    """End a membership on a day (its last day). A vice chair seat ends with the
    member seat it rests on, so the vice chair rule keeps holding."""
    membership.end_date = end_date
    membership.full_clean()
    membership.save(update_fields=["end_date"])
    if membership.role == Role.MEMBER:
        for vice in (
            Membership.objects.filter(
                area_group=membership.area_group, person=membership.person, role=Role.VICE_CHAIR
            )
            .overlapping(end_date, None)
            .exclude(end_date__lte=end_date)
        ):
            vice.end_date = end_date
            vice.save(update_fields=["end_date"])
    return membership


def end_working_group_seat(seat, end_date=None) -> bool:
    """End a working-group seat today (or on a given day). False if already ended."""
    if seat.end_date is not None:
        return False
    seat.end_date = end_date or timezone.localdate()
    seat.full_clean()
    seat.save(update_fields=["end_date"])
    return True


@transaction.atomic
def revoke_delegation(delegation: Delegation, by) -> bool:
    """The chair ends a delegation early: it is no longer in force from now. The
    row stays, marked with who ended it and when, so that every decision taken
    under it stays traceable. False if it had already ended (revoked before, or
    past its last day)."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.revoked_at is not None or delegation.end_date < timezone.localdate():
        return False
    delegation.revoked_at = timezone.now()
    delegation.revoked_by = by
    delegation.save(update_fields=["revoked_at", "revoked_by"])
    return True
