"""Bookkeeping: what an approved spend cost when it was paid, and corrections of
what was booked. Nothing earlier is ever changed: a correction is a reversing
entry and a new one."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.permissions import BOOK_SPEND, require
from budget.errors import AlreadyDone, BudgetError
from budget.models import LedgerEntry, SpendRequest, SpendStatus
from budget.services import locking
from budget.services.ledger import booked_of, committed_of

Account = LedgerEntry.Account
Event = LedgerEntry.Event


@transaction.atomic
def book(spend: SpendRequest, user, *, amount: Decimal, on: date, voucher: str = "",
         at=None) -> SpendRequest:
    """Record that an approved spend was paid: the amount paid is booked and the
    commitment is settled. Paying more than approved needs the difference to fit
    in what remains. Booking twice has no second effect."""
    require(user, BOOK_SPEND, spend)
    if amount <= 0:
        raise BudgetError(_("Beloppet måste vara större än noll."))
    grant, spend = locking.lock_grant_and_request(spend)
    if spend.status == SpendStatus.BOOKED:
        raise AlreadyDone(_("Utgiften är redan bokförd."))
    if spend.status != SpendStatus.APPROVED:
        raise BudgetError(_("Bara godkända förslag kan bokföras; förslaget är %(status)s.")
                          % {"status": spend.get_status_display().lower()})
    decided_on = timezone.localtime(spend.decided_at).date()
    if on < decided_on:
        raise BudgetError(_("Bokföringsdatumet kan inte ligga före beslutet (%(day)s).")
                          % {"day": decided_on.isoformat()})
    committed = committed_of(spend)
    if amount > committed:
        locking.check_fits(grant, amount - committed, spend.area_group, spend.year)
    now = at or timezone.now()
    locking.write_entry(spend, grant, user, account=Account.BOOKED, event=Event.BOOKING,
                        amount=amount, on=on, voucher=voucher.strip(), created_at=now)
    locking.write_entry(spend, grant, user, account=Account.COMMITTED, event=Event.SETTLEMENT,
                        amount=-committed, on=on, created_at=now)
    spend.status = SpendStatus.BOOKED
    spend.save(update_fields=["status"])
    return spend


@transaction.atomic
def correct_booking(spend: SpendRequest, user, *, amount: Decimal, reason: str, on: date,
                    voucher: str = "", at=None) -> list[LedgerEntry]:
    """Correct what was booked (wrong amount, a refund): a reversing entry takes the
    booked amount back and, unless the right amount is zero, a new entry books
    it. Both carry the reason; nothing earlier is changed."""
    require(user, BOOK_SPEND, spend)
    if not reason.strip():
        raise BudgetError(_("Skriv varför bokföringen rättas."))
    if amount < 0:
        raise BudgetError(_("Beloppet kan inte vara negativt."))
    grant, spend = locking.lock_grant_and_request(spend)
    if spend.status != SpendStatus.BOOKED:
        raise BudgetError(_("Bara bokförda utgifter kan rättas."))
    booked = booked_of(spend)
    if amount == booked:
        raise BudgetError(_("Beloppet är detsamma som det bokförda; inget att rätta."))
    if amount > booked:
        locking.check_fits(grant, amount - booked, spend.area_group, spend.year)
    now = at or timezone.now()
    last = spend.entries.filter(account=Account.BOOKED, amount__gt=0).order_by("-pk").first()
    made = [locking.write_entry(spend, grant, user, account=Account.BOOKED, event=Event.CORRECTION,
                                amount=-booked, on=on, reason=reason.strip(), reverses=last,
                                voucher=voucher.strip(), created_at=now)]
    if amount > 0:
        made.append(locking.write_entry(
            spend, grant, user, account=Account.BOOKED, event=Event.CORRECTION, amount=amount,
            on=on, reason=reason.strip(), voucher=voucher.strip(), created_at=now))
    return made
