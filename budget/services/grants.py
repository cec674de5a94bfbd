"""The yearly grants (anslag), set by the management office."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from areas.formats import kr
from budget.errors import BudgetError
from budget.models import Grant
from budget.services.ledger import totals


@transaction.atomic
def set_grant(area_group, year: int, *, amount: Decimal, account_number: str,
              decision_reference: str = "", note: str = "") -> Grant:
    """The management office sets a group's grant for a year. It can be lowered,
    but never below what the chair has already decided."""
    grant = Grant.objects.select_for_update().filter(area_group=area_group, year=year).first()
    if grant is not None:
        used = totals(area_group, year, grant).used
        if amount < used:
            raise BudgetError(_("Anslaget kan inte sänkas under det som redan är beslutat och "
                                "bokfört (%(used)s).") % {"used": kr(used)})
    else:
        grant = Grant(area_group=area_group, year=year)
    grant.amount = amount
    grant.account_number = account_number.strip()
    grant.decision_reference = decision_reference.strip()
    grant.note = note
    grant.save()
    return grant


@transaction.atomic
def set_grants(year: int, wanted) -> int:
    """Every group's grant of a year at once (the management office's grant page).
    All or nothing: one refused group saves no group, and the message names it.
    A registered grant can be changed but not removed; one left as it was is not
    saved again (its history shows only real changes).

    ``wanted``: pairs of an area group and its ``amount`` (``None``: no grant),
    ``account_number`` and ``decision_reference``. Returns how many changed."""
    groups = [group for group, _data in wanted]
    existing = {g.area_group_id: g for g in Grant.objects.filter(year=year, area_group__in=groups)}
    changed = 0
    for group, data in wanted:
        grant = existing.get(group.pk)
        if data["amount"] is None:
            if grant is not None:
                raise BudgetError(_("%(group)s: ett registrerat anslag kan ändras men inte tas bort.")
                                  % {"group": group})
            continue
        unchanged = grant is not None and (
            grant.amount, grant.account_number, grant.decision_reference
        ) == (data["amount"], data["account_number"].strip(), data["decision_reference"].strip())
        if unchanged:
            continue
        try:
            set_grant(group, year, amount=data["amount"], account_number=data["account_number"],
                      decision_reference=data["decision_reference"])
        except BudgetError as error:
            raise BudgetError(f"{group}: {error}") from None
        changed += 1
    return changed
