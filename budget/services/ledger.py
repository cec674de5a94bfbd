"""Reading the ledger: a year's totals, its outcome per cost type and per effort,
the spending over the months, the year-end forecast, and the lists of entries
and requests that the pages show. Nothing here writes."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from budget.models import ZERO, CostType, Grant, LedgerEntry, SpendRequest, SpendStatus
from planning.services import efforts_for

Account = LedgerEntry.Account

# From this month the ledger shows the forecast of unspent money and warns.
FORECAST_FROM_MONTH = 10


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


def committed_of(spend) -> Decimal:
    return spend.entries.filter(account=Account.COMMITTED).aggregate(s=Sum("amount", default=ZERO))["s"]


def booked_of(spend) -> Decimal:
    return spend.entries.filter(account=Account.BOOKED).aggregate(s=Sum("amount", default=ZERO))["s"]


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
