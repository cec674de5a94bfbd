"""Proposals and the chair's decisions on them: propose, withdraw, approve,
reject, and revoke an approval that was never paid; and the rules a spend
must meet (within the action plan, an allowed cost type)."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.formats import kr
from areas.grants import grants_of
from areas.models import Role
from areas.permissions import DECIDE_SPEND, PROPOSE_SPEND, WITHDRAW_SPEND, require
from budget.errors import AlreadyDone, BudgetError
from budget.models import CostType, LedgerEntry, SpendRequest, SpendStatus, cost_type_allowed
from budget.services import locking
from budget.services.ledger import committed_of, totals
from planning.services import action_plan_exists

Account = LedgerEntry.Account
Event = LedgerEntry.Event


def check_effort(area_group, year: int, effort) -> None:
    """Riktlinjerna: the money is used within the action plan. Once the year's
    plan exists, a spend names one of its efforts (of this group and year)."""
    if effort is None:
        if action_plan_exists(area_group, year):
            raise BudgetError(_("Ange vilken insats i handlingsplanen %(year)s utgiften genomför. "
                                "Pengarna får bara användas inom handlingsplanen.") % {"year": year})
        return
    if effort.get_area_group().pk != area_group.pk or effort.year != year:
        raise BudgetError(_("Insatsen hör inte till områdesgruppens handlingsplan för %(year)s.")
                          % {"year": year})


def check_cost_type(cost_type: str, year: int) -> None:
    """Riktlinjerna: association grants are not used from 2017."""
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
    spend = locking.lock_request(spend)
    require(user, WITHDRAW_SPEND, spend)
    if spend.status == SpendStatus.WITHDRAWN:
        raise AlreadyDone(_("Förslaget är redan återtaget."))
    if spend.status != SpendStatus.PROPOSED:
        raise BudgetError(_("Ordföranden har redan beslutat om förslaget; det kan inte återtas."))
    spend.status = SpendStatus.WITHDRAWN
    spend.closed_at = timezone.now()
    spend.save(update_fields=["status", "closed_at"])
    return spend


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
    require(user, DECIDE_SPEND, spend)
    grant, spend = locking.lock_grant_and_request(spend)
    if spend.status != SpendStatus.PROPOSED:
        raise _decided_already(spend, SpendStatus.APPROVED)
    check_cost_type(spend.cost_type, spend.year)
    check_effort(spend.area_group, spend.year, spend.effort)
    locking.check_fits(grant, spend.amount, spend.area_group, spend.year)
    now = at or timezone.now()
    spend.status = SpendStatus.APPROVED
    spend.decided_by, spend.decided_at = user, now
    spend.decided_by_delegation = _by_delegation(user, spend)
    spend.decision_paragraph = paragraph.strip()
    spend.save(update_fields=["status", "decided_by", "decided_at", "decided_by_delegation",
                              "decision_paragraph"])
    locking.write_entry(spend, grant, user, account=Account.COMMITTED, event=Event.APPROVAL,
                        amount=spend.amount, on=timezone.localtime(now).date(),
                        decision_paragraph=spend.decision_paragraph, created_at=now)
    return spend


@transaction.atomic
def reject(spend: SpendRequest, user, *, reason: str, paragraph: str = "", at=None) -> SpendRequest:
    """The chair rejects a proposal, saying why. Nothing reaches the ledger."""
    require(user, DECIDE_SPEND, spend)
    if not reason.strip():
        raise BudgetError(_("Skriv varför förslaget avslås."))
    spend = locking.lock_request(spend)
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


@transaction.atomic
def cancel(spend: SpendRequest, user, *, reason: str, at=None) -> SpendRequest:
    """The chair revokes an approval that was never paid (the activity did not
    happen): a reversing entry frees the money. The decision stays on record."""
    require(user, DECIDE_SPEND, spend)
    if not reason.strip():
        raise BudgetError(_("Skriv varför beslutet återkallas."))
    grant, spend = locking.lock_grant_and_request(spend)
    if spend.status == SpendStatus.CANCELLED:
        raise AlreadyDone(_("Beslutet är redan återkallat."))
    if spend.status != SpendStatus.APPROVED:
        raise BudgetError(_("Bara ett godkänt förslag som inte är bokfört kan återkallas."))
    now = at or timezone.now()
    approval = spend.entries.get(event=Event.APPROVAL)
    locking.write_entry(spend, grant, user, account=Account.COMMITTED, event=Event.CANCELLATION,
                        amount=-committed_of(spend), on=timezone.localtime(now).date(),
                        reason=reason.strip(), reverses=approval, created_at=now)
    spend.status = SpendStatus.CANCELLED
    spend.closed_at = now
    spend.save(update_fields=["status", "closed_at"])
    return spend


