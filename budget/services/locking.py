"""What every change of a year's money does under the lock of its grant.

Every change (approve, book, revoke, correct) runs in one transaction that
first locks the year's ``Grant`` row (``select_for_update``) and then the
spend request, always in that order. The check against the grant and the
ledger write therefore happen together: two approvals at the same moment are
serialised on PostgreSQL, and only those that fit pass. (SQLite ignores FOR
UPDATE but locks the whole database for a write transaction.)

The services call these as ``locking.check_fits(...)``, so that a test can
widen the window between the check and the write in one place.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from areas.formats import kr
from budget.errors import BudgetError
from budget.models import Grant, LedgerEntry, SpendRequest
from budget.services.ledger import totals


def lock_grant(area_group, year: int) -> Grant:
    """Lock the year's grant row; refused while the year has no grant."""
    grant = Grant.objects.select_for_update().filter(area_group=area_group, year=year).first()
    if grant is None:
        raise BudgetError(_("Det finns inget anslag för %(year)s ännu. Kommunledningsförvaltningen "
                            "registrerar anslaget.") % {"year": year})
    return grant


def lock_request(spend: SpendRequest) -> SpendRequest:
    """The spend request as it is now, locked (after its grant)."""
    # of=("self",): lock the request row only; the grant row is the lock that guards the money.
    return (SpendRequest.objects.select_for_update(of=("self",)).select_related("area_group")
            .get(pk=spend.pk))


def lock_grant_and_request(spend: SpendRequest) -> tuple[Grant, SpendRequest]:
    """The order every change of money locks in: the year's grant, then the request."""
    grant = lock_grant(spend.area_group, spend.year)
    return grant, lock_request(spend)


def check_fits(grant: Grant, extra: Decimal, area_group, year: int):
    """The year never goes past its grant: ``extra`` must fit in what remains."""
    t = totals(area_group, year, grant)
    if extra > t.remaining:
        raise BudgetError(_("Beloppet %(amount)s ryms inte: det som återstår av årets anslag är "
                            "%(left)s.") % {"amount": kr(extra), "left": kr(t.remaining)})


def write_entry(spend, grant, user, *, account, event, amount, on, **extra) -> LedgerEntry:
    """A ledger entry of the spend, on the chair's account number of the year."""
    return LedgerEntry.objects.create(
        area_group_id=spend.area_group_id, year=spend.year, account_number=grant.account_number,
        spend_request=spend, cost_type=spend.cost_type, effort_id=spend.effort_id,
        account=account, event=event, amount=amount, entry_date=on, created_by=user, **extra,
    )
