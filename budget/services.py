"""Rules for development money that change several objects or need a transaction.

Every change of a year's money (approve, book, revoke, correct) runs in one
transaction that first locks the year's ``Grant`` row (``select_for_update``)
and then the spend request, always in that order. The check against the grant
and the ledger write therefore happen together: two approvals at the same
moment are serialised on PostgreSQL, and only those that fit pass. (SQLite
ignores FOR UPDATE but locks the whole database for a write transaction.)

A refused action raises ``BudgetError`` with a Swedish message the view shows.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.formats import kr
from areas.grants import grants_of
from areas.models import Role
from areas.permissions import BOOK_SPEND, DECIDE_SPEND, PROPOSE_SPEND, WITHDRAW_SPEND, require
from budget.models import (
    ZERO,
    CostType,
    Grant,
    LedgerEntry,
    SpendRequest,
    SpendStatus,
    cost_type_allowed,
)

Account = LedgerEntry.Account
Event = LedgerEntry.Event

# From this month the ledger shows the forecast of unspent money and warns.
FORECAST_FROM_MONTH = 10


class BudgetError(Exception):
    """A refused action; ``str(error)`` is the message for the user."""


class AlreadyDone(BudgetError):
    """The same step was posted again (double click, retry): nothing more happens."""


# Reading the ledger -------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    grant: Decimal
    committed: Decimal  # decided, not yet booked
    booked: Decimal

    @property
    def used(self) -> Decimal:
        return self.committed + self.booked

    @property
    def remaining(self) -> Decimal:
        return self.grant - self.used


def _sums(entries) -> dict[str, Decimal]:
    rows = entries.values("account").annotate(total=Sum("amount")).order_by()
    sums = {Account.COMMITTED: ZERO, Account.BOOKED: ZERO}
    for row in rows:
        sums[row["account"]] = row["total"]
    return sums


def totals(area_group, year: int, grant: Grant | None = None) -> Totals:
    """Grant, committed, booked and remaining of a group's year (one or two queries)."""
    if grant is None:
        grant = Grant.objects.for_group_and_year(area_group, year).first()
    sums = _sums(LedgerEntry.objects.for_group_and_year(area_group, year))
    return Totals(grant.amount if grant else ZERO, sums[Account.COMMITTED], sums[Account.BOOKED])


def totals_by_group(year: int, groups) -> dict[int, Totals]:
    """Totals of many groups in two queries (the overview page)."""
    grants = {g.area_group_id: g.amount for g in Grant.objects.filter(year=year, area_group__in=groups)}
    rows = (LedgerEntry.objects.filter(year=year, area_group__in=groups)
            .values("area_group", "account").annotate(total=Sum("amount")).order_by())
    sums: dict[int, dict] = {}
    for row in rows:
        sums.setdefault(row["area_group"], {})[row["account"]] = row["total"]
    return {
        g.pk: Totals(grants.get(g.pk, ZERO), sums.get(g.pk, {}).get(Account.COMMITTED, ZERO),
                     sums.get(g.pk, {}).get(Account.BOOKED, ZERO))
        for g in groups
    }


def outcome_by_cost_type(area_group, year: int) -> list[dict]:
    """Decided (approved, booked or not) and booked per cost type, for the ledger
    page and the annual report. Only cost types with money are listed."""
    rows = (LedgerEntry.objects.for_group_and_year(area_group, year)
            .values("cost_type", "account").annotate(total=Sum("amount")).order_by())
    by_type: dict[str, dict] = {}
    for row in rows:
        by_type.setdefault(row["cost_type"], {})[row["account"]] = row["total"]
    out = []
    for value, label in CostType.choices:
        if value not in by_type:
            continue
        committed = by_type[value].get(Account.COMMITTED, ZERO)
        booked = by_type[value].get(Account.BOOKED, ZERO)
        out.append({"cost_type": label, "key": value, "committed": committed,
                    "booked": booked, "decided": committed + booked})
    return out


def outcome_by_effort(area_group, year: int) -> list[dict]:
    """Planned (the action plan's planned cost) against decided and booked, per
    effort of the year's plan, for the ledger page and the annual report; spends
    without an effort (before the plan existed) come last as one row."""
    from planning.services import efforts_for

    rows = (LedgerEntry.objects.for_group_and_year(area_group, year)
            .values("effort", "account").annotate(total=Sum("amount")).order_by())
    spent: dict[int | None, dict] = {}
    for row in rows:
        spent.setdefault(row["effort"], {})[row["account"]] = row["total"]

    def line(effort, planned, money):
        committed = money.get(Account.COMMITTED, ZERO)
        booked = money.get(Account.BOOKED, ZERO)
        return {"effort": effort, "planned": planned, "committed": committed, "booked": booked,
                "decided": committed + booked}

    out = [line(e, e.planned_cost, spent.get(e.pk, {})) for e in efforts_for(area_group, year)]
    if None in spent:
        out.append(line(None, ZERO, spent[None]))
    return out


def monthly_use(area_group, year: int) -> list[dict]:
    """Cumulative decided and booked money at the end of each month of the year
    (the chart of spending over the year). An entry dated outside the budget
    year (a December spend booked in January) counts in the nearest month."""
    rows = (LedgerEntry.objects.for_group_and_year(area_group, year)
            .values("entry_date__year", "entry_date__month", "account")
            .annotate(total=Sum("amount")).order_by())
    per_month: dict[tuple[int, str], Decimal] = {}
    for r in rows:
        month = (r["entry_date__month"] if r["entry_date__year"] == year
                 else 12 if r["entry_date__year"] > year else 1)
        key = (month, r["account"])
        per_month[key] = per_month.get(key, ZERO) + r["total"]
    decided = booked = ZERO
    out = []
    for month in range(1, 13):
        month_booked = per_month.get((month, Account.BOOKED), ZERO)
        booked += month_booked
        decided += per_month.get((month, Account.COMMITTED), ZERO) + month_booked
        out.append({"month": month, "decided": decided, "booked": booked})
    return out


@dataclass(frozen=True)
class Forecast:
    """From October: what will be left unspent if nothing more is decided."""

    unspent: Decimal
    waiting: Decimal  # proposed, not yet decided
    year_ended: bool


def waiting_summary(area_group, year: int) -> dict:
    """How many proposals wait for a decision, and for how much: {"count", "amount"}."""
    return SpendRequest.objects.for_group_and_year(area_group, year).waiting().aggregate(
        count=Count("pk"), amount=Sum("amount", default=ZERO))


def forecast(area_group, year: int, today: date | None = None, the_totals: Totals | None = None,
             waiting: dict | None = None):
    """The year-end forecast (grant − booked − committed), shown from October of
    the year on; ``None`` before October or without a grant."""
    today = today or timezone.localdate()
    if (today.year, today.month) < (year, FORECAST_FROM_MONTH):
        return None
    t = the_totals or totals(area_group, year)
    if t.grant == 0:
        return None
    waiting = waiting or waiting_summary(area_group, year)
    return Forecast(unspent=t.remaining, waiting=waiting["amount"], year_ended=today.year > year)


def year_end_warnings(groups, today: date | None = None) -> list[dict]:
    """For the start page: the groups (of a chair or an area developer) whose money
    of this year will be left unspent, from October."""
    today = today or timezone.localdate()
    if today.month < FORECAST_FROM_MONTH or not groups:
        return []
    all_totals = totals_by_group(today.year, groups)
    out = []
    for group in groups:
        t = all_totals[group.pk]
        if t.grant > 0 and t.remaining > 0:
            out.append({"group": group, "year": today.year, "unspent": t.remaining,
                        "grant": t.grant})
    return out


# Changing the money --------------------------------------------------------------------


def _lock_grant(area_group, year: int) -> Grant:
    grant = Grant.objects.select_for_update().filter(area_group=area_group, year=year).first()
    if grant is None:
        raise BudgetError(_("Det finns inget anslag för %(year)s ännu. Kommunledningsförvaltningen "
                            "registrerar anslaget.") % {"year": year})
    return grant


def _lock_request(spend: SpendRequest) -> SpendRequest:
    # of=("self",): lock the request row only; the grant row is the lock that guards the money.
    return (SpendRequest.objects.select_for_update(of=("self",)).select_related("area_group")
            .get(pk=spend.pk))


def _check_fits(grant: Grant, extra: Decimal, area_group, year: int):
    t = totals(area_group, year, grant)
    if extra > t.remaining:
        raise BudgetError(_("Beloppet %(amount)s ryms inte: det som återstår av årets anslag är "
                            "%(left)s.") % {"amount": kr(extra), "left": kr(t.remaining)})


def _entry(spend, grant, user, *, account, event, amount, on, **extra) -> LedgerEntry:
    return LedgerEntry.objects.create(
        area_group_id=spend.area_group_id, year=spend.year, account_number=grant.account_number,
        spend_request=spend, cost_type=spend.cost_type, effort_id=spend.effort_id,
        account=account, event=event, amount=amount, entry_date=on, created_by=user, **extra,
    )


def check_effort(area_group, year: int, effort) -> None:
    """Riktlinjerna: the money is used within the action plan. Once the year's
    plan exists, a spend names one of its efforts (of this group and year)."""
    from planning.services import action_plan_exists

    if effort is None:
        if action_plan_exists(area_group, year):
            raise BudgetError(_("Ange vilken insats i handlingsplanen %(year)s utgiften genomför. "
                                "Pengarna får bara användas inom handlingsplanen.") % {"year": year})
        return
    if effort.get_area_group().pk != area_group.pk or effort.year != year:
        raise BudgetError(_("Insatsen hör inte till områdesgruppens handlingsplan för %(year)s.")
                          % {"year": year})


def check_cost_type(cost_type: str, year: int) -> None:
    if not cost_type_allowed(cost_type, year):
        if cost_type == CostType.ASSOCIATION_GRANT:
            raise BudgetError(_("Föreningsbidrag används inte från 2017 (riktlinjerna). Välj ett "
                                "annat kostnadsslag, t.ex. idéburet offentligt partnerskap."))
        raise BudgetError(_("Okänt kostnadsslag."))


@transaction.atomic
def propose(user, area_group, year: int, *, submission_key=None, **fields) -> tuple[SpendRequest, bool]:
    """Register a proposed spend. Returns (request, created); posting the same form
    twice (same submission key) returns the first request."""
    require(user, PROPOSE_SPEND, area_group)
    if submission_key is not None:
        existing = SpendRequest.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            if existing.area_group_id != area_group.pk or existing.proposed_by_id != user.pk:
                raise PermissionDenied
            return existing, False
    check_cost_type(fields["cost_type"], year)
    check_effort(area_group, year, fields.get("effort"))
    if fields["date"].year != year:
        raise BudgetError(_("Datumet måste ligga inom budgetåret %(year)s.") % {"year": year})
    left = totals(area_group, year).remaining
    if fields["amount"] > left:
        raise BudgetError(_("Beloppet %(amount)s är mer än det som återstår av årets anslag "
                            "(%(left)s).") % {"amount": kr(fields["amount"]), "left": kr(left)})
    spend = SpendRequest(area_group=area_group, year=year, proposed_by=user,
                         submission_key=submission_key, **fields)
    try:
        with transaction.atomic():
            spend.save()
    except IntegrityError:
        # The same key posted at the same moment by a retry: the first one won.
        existing = SpendRequest.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False
    return spend, True


@transaction.atomic
def withdraw(spend: SpendRequest, user) -> SpendRequest:
    """A proposer takes back their own request before the chair has decided."""
    spend = _lock_request(spend)
    require(user, WITHDRAW_SPEND, spend)
    if spend.status == SpendStatus.WITHDRAWN:
        raise AlreadyDone(_("Förslaget är redan återtaget."))
    if spend.status != SpendStatus.PROPOSED:
        raise BudgetError(_("Ordföranden har redan beslutat om förslaget; det kan inte återtas."))
    spend.status = SpendStatus.WITHDRAWN
    spend.closed_at = timezone.now()
    spend.save(update_fields=["status", "closed_at"])
    return spend


def _decider_check(user, spend):
    require(user, DECIDE_SPEND, spend)


def _decided_already(spend, wanted):
    if spend.status == wanted:
        return AlreadyDone(_("Förslaget är redan %(status)s.") % {"status": spend.get_status_display().lower()})
    return BudgetError(_("Förslaget är inte längre öppet för beslut: det är %(status)s.")
                       % {"status": spend.get_status_display().lower()})


def _by_delegation(user, spend) -> bool:
    """A decision by someone who may decide but is not the chair: the vice chair
    under the chair's delegation."""
    return Role.CHAIR not in grants_of(user).group_roles(spend.area_group_id)


@transaction.atomic
def approve(spend: SpendRequest, user, *, paragraph: str = "", at=None) -> SpendRequest:
    """Only the chair (or the vice chair under a dated delegation) approves. The
    approval never takes the year past its grant: the check and the ledger
    entry happen under the lock of the grant row. Approving twice has no
    second effect (``AlreadyDone``)."""
    _decider_check(user, spend)
    grant = _lock_grant(spend.area_group, spend.year)
    spend = _lock_request(spend)
    if spend.status != SpendStatus.PROPOSED:
        raise _decided_already(spend, SpendStatus.APPROVED)
    check_cost_type(spend.cost_type, spend.year)
    check_effort(spend.area_group, spend.year, spend.effort)
    _check_fits(grant, spend.amount, spend.area_group, spend.year)
    now = at or timezone.now()
    spend.status = SpendStatus.APPROVED
    spend.decided_by, spend.decided_at = user, now
    spend.decided_by_delegation = _by_delegation(user, spend)
    spend.decision_paragraph = paragraph.strip()
    spend.save(update_fields=["status", "decided_by", "decided_at", "decided_by_delegation",
                              "decision_paragraph"])
    _entry(spend, grant, user, account=Account.COMMITTED, event=Event.APPROVAL, amount=spend.amount,
           on=timezone.localtime(now).date(), decision_paragraph=spend.decision_paragraph,
           created_at=now)
    return spend


@transaction.atomic
def reject(spend: SpendRequest, user, *, reason: str, paragraph: str = "", at=None) -> SpendRequest:
    """The chair rejects a proposal, saying why. Nothing reaches the ledger."""
    _decider_check(user, spend)
    if not reason.strip():
        raise BudgetError(_("Skriv varför förslaget avslås."))
    spend = _lock_request(spend)
    if spend.status != SpendStatus.PROPOSED:
        raise _decided_already(spend, SpendStatus.REJECTED)
    spend.status = SpendStatus.REJECTED
    spend.decided_by, spend.decided_at = user, at or timezone.now()
    spend.decided_by_delegation = _by_delegation(user, spend)
    spend.decision_reason = reason.strip()
    spend.decision_paragraph = paragraph.strip()
    spend.save(update_fields=["status", "decided_by", "decided_at", "decided_by_delegation",
                              "decision_reason", "decision_paragraph"])
    return spend


def committed_of(spend) -> Decimal:
    return spend.entries.filter(account=Account.COMMITTED).aggregate(s=Sum("amount", default=ZERO))["s"]


def booked_of(spend) -> Decimal:
    return spend.entries.filter(account=Account.BOOKED).aggregate(s=Sum("amount", default=ZERO))["s"]


@transaction.atomic
def book(spend: SpendRequest, user, *, amount: Decimal, on: date, voucher: str = "",
         at=None) -> SpendRequest:
    """Record that an approved spend was paid: the amount paid is booked and the
    commitment is settled. Paying more than approved needs the difference to fit
    in what remains. Booking twice has no second effect."""
    require(user, BOOK_SPEND, spend)
    if amount <= 0:
        raise BudgetError(_("Beloppet måste vara större än noll."))
    grant = _lock_grant(spend.area_group, spend.year)
    spend = _lock_request(spend)
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
        _check_fits(grant, amount - committed, spend.area_group, spend.year)
    now = at or timezone.now()
    _entry(spend, grant, user, account=Account.BOOKED, event=Event.BOOKING, amount=amount, on=on,
           voucher=voucher.strip(), created_at=now)
    _entry(spend, grant, user, account=Account.COMMITTED, event=Event.SETTLEMENT, amount=-committed,
           on=on, created_at=now)
    spend.status = SpendStatus.BOOKED
    spend.save(update_fields=["status"])
    return spend


@transaction.atomic
def cancel(spend: SpendRequest, user, *, reason: str, at=None) -> SpendRequest:
    """The chair revokes an approval that was never paid (the activity did not
    happen): a reversing entry frees the money. The decision stays on record."""
    _decider_check(user, spend)
    if not reason.strip():
        raise BudgetError(_("Skriv varför beslutet återkallas."))
    grant = _lock_grant(spend.area_group, spend.year)
    spend = _lock_request(spend)
    if spend.status == SpendStatus.CANCELLED:
        raise AlreadyDone(_("Beslutet är redan återkallat."))
    if spend.status != SpendStatus.APPROVED:
        raise BudgetError(_("Bara ett godkänt förslag som inte är bokfört kan återkallas."))
    now = at or timezone.now()
    approval = spend.entries.get(event=Event.APPROVAL)
    _entry(spend, grant, user, account=Account.COMMITTED, event=Event.CANCELLATION,
           amount=-committed_of(spend), on=timezone.localtime(now).date(), reason=reason.strip(),
           reverses=approval, created_at=now)
    spend.status = SpendStatus.CANCELLED
    spend.closed_at = now
    spend.save(update_fields=["status", "closed_at"])
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
    grant = _lock_grant(spend.area_group, spend.year)
    spend = _lock_request(spend)
    if spend.status != SpendStatus.BOOKED:
        raise BudgetError(_("Bara bokförda utgifter kan rättas."))
    booked = booked_of(spend)
    if amount == booked:
        raise BudgetError(_("Beloppet är detsamma som det bokförda; inget att rätta."))
    if amount > booked:
        _check_fits(grant, amount - booked, spend.area_group, spend.year)
    now = at or timezone.now()
    last = spend.entries.filter(account=Account.BOOKED, amount__gt=0).order_by("-pk").first()
    made = [_entry(spend, grant, user, account=Account.BOOKED, event=Event.CORRECTION,
                   amount=-booked, on=on, reason=reason.strip(), reverses=last,
                   voucher=voucher.strip(), created_at=now)]
    if amount > 0:
        made.append(_entry(spend, grant, user, account=Account.BOOKED, event=Event.CORRECTION,
                           amount=amount, on=on, reason=reason.strip(), voucher=voucher.strip(),
                           created_at=now))
    return made


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


def ledger_entries(area_group, year: int, *, cost_type="", effort=None, status=""):
    """The ledger's entries with what the page shows, filtered."""
    entries = (LedgerEntry.objects.for_group_and_year(area_group, year)
               .select_related("spend_request", "effort", "created_by", "reverses"))
    if cost_type:
        entries = entries.filter(cost_type=cost_type)
    if effort == "none":
        entries = entries.filter(effort__isnull=True)
    elif effort:
        entries = entries.filter(effort=effort)
    if status:
        entries = entries.filter(spend_request__status=status)
    return entries.order_by("entry_date", "pk")


def waiting_for_decision(groups):
    """Spend requests waiting for a decision in the given groups (the chair's queue)."""
    return (SpendRequest.objects.filter(area_group__in=groups, status=SpendStatus.PROPOSED)
            .select_related("area_group__district", "effort", "proposed_by")
            .order_by("proposed_at"))


def my_requests(user, groups, *, since):
    """A proposer's own requests in the given groups: those still waiting, and those
    decided since a moment (the start page tells them what became of them)."""
    return (SpendRequest.objects.filter(proposed_by=user, area_group__in=groups)
            .filter(Q(status=SpendStatus.PROPOSED) | Q(decided_at__gte=since))
            .select_related("area_group__district").order_by("status", "-decided_at", "-proposed_at"))
