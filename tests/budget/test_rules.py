"""The rules of development money, through the services (riktlinjerna KS/2015:173)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from areas import services as area_services
from areas.models import Delegation, Membership, Role
from budget import services
from budget.models import CostType, Grant, LedgerEntry, SpendRequest, SpendStatus
from tests.budget.conftest import YEAR, add_effort, approve, propose

User = get_user_model()


def fresh(user):
    """The user as a new request sees them (roles are cached per user object)."""
    return User.objects.get(pk=user.pk)


def assert_balances(group, year=YEAR):
    """The ledger always balances: grant = committed + booked + remaining, and never over."""
    t = services.totals(group, year)
    entries = LedgerEntry.objects.for_group_and_year(group, year)
    assert t.committed + t.booked == sum((e.amount for e in entries), start=Decimal(0))
    assert t.remaining >= 0
    return t


# Who decides ---------------------------------------------------------------------------


def test_only_the_chair_approves(proposed, alby_people, alby_chair, reader, superuser):
    for role in ("developer", "member", "vice", "secretary"):
        with pytest.raises(PermissionDenied):
            approve(proposed, alby_people[role])
    for user in (reader, superuser):
        with pytest.raises(PermissionDenied):
            approve(proposed, user)
    assert SpendRequest.objects.get().status == SpendStatus.PROPOSED
    approve(proposed, alby_chair)
    assert SpendRequest.objects.get().status == SpendStatus.APPROVED


def test_chair_of_another_group_cannot_approve(proposed, tumba_chair):
    with pytest.raises(PermissionDenied):
        approve(proposed, tumba_chair)


def test_vice_chair_cannot_approve_without_delegation(proposed, alby_vice):
    with pytest.raises(PermissionDenied):
        approve(proposed, alby_vice)


def delegate(group, chair, vice, start, end):
    d = Delegation(area_group=group, delegate=vice, granted_by=chair, start_date=start, end_date=end)
    d.full_clean()
    d.save()
    return d


def test_vice_chair_approves_during_a_delegated_period_and_it_is_recorded(
        alby, proposed, alby_chair, alby_vice):
    today = timezone.localdate()
    delegate(alby, alby_chair, alby_vice, today - timedelta(days=1), today + timedelta(days=5))
    spend = approve(proposed, fresh(alby_vice))
    assert spend.decided_by == alby_vice and spend.decided_by_delegation is True


def test_delegation_outside_its_period_gives_no_right(alby, proposed, alby_chair, alby_vice):
    today = timezone.localdate()
    delegate(alby, alby_chair, alby_vice, today + timedelta(days=1), today + timedelta(days=10))
    with pytest.raises(PermissionDenied):
        approve(proposed, fresh(alby_vice))


def test_revoked_delegation_gives_no_right(alby, proposed, alby_chair, alby_vice):
    today = timezone.localdate()
    d = delegate(alby, alby_chair, alby_vice, today, today + timedelta(days=10))
    d.revoked_at = timezone.now()
    d.save()
    with pytest.raises(PermissionDenied):
        approve(proposed, fresh(alby_vice))


def test_delegation_lapses_when_the_delegate_stops_being_vice_chair(alby, proposed, alby_chair,
                                                                    alby_vice):
    today = timezone.localdate()
    delegate(alby, alby_chair, alby_vice, today - timedelta(days=3), today + timedelta(days=10))
    seat = Membership.objects.get(person=alby_vice, role=Role.VICE_CHAIR)
    seat.end_date = today - timedelta(days=1)
    seat.save()
    with pytest.raises(PermissionDenied):
        approve(proposed, fresh(alby_vice))


def test_delegation_only_to_the_vice_chair(alby, alby_chair, alby_member, alby_developer):
    today = timezone.localdate()
    for who in (alby_member, alby_developer):
        with pytest.raises(ValidationError, match="vice ordförande"):
            delegate(alby, alby_chair, who, today, today + timedelta(days=3))


def test_delegation_cannot_end_before_it_starts(alby, alby_chair, alby_vice):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="sluta innan"):
        delegate(alby, alby_chair, alby_vice, today, today - timedelta(days=1))


def test_overlapping_delegations_are_refused(alby, alby_chair, alby_vice):
    today = timezone.localdate()
    delegate(alby, alby_chair, alby_vice, today, today + timedelta(days=10))
    with pytest.raises(ValidationError, match="redan en delegering"):
        delegate(alby, alby_chair, alby_vice, today + timedelta(days=5), today + timedelta(days=20))


def test_revoking_a_delegation_ends_it_now_and_keeps_the_row(alby, proposed, alby_chair, alby_vice):
    today = timezone.localdate()
    d = delegate(alby, alby_chair, alby_vice, today - timedelta(days=1), today + timedelta(days=10))
    assert area_services.revoke_delegation(d, alby_chair) is True
    d.refresh_from_db()
    assert d.revoked_at is not None and d.revoked_by == alby_chair and not d.is_active()
    with pytest.raises(PermissionDenied):
        approve(proposed, fresh(alby_vice))


def test_an_ended_delegation_is_not_revoked_again(alby, alby_chair, alby_vice, alby_developer):
    today = timezone.localdate()
    d = delegate(alby, alby_chair, alby_vice, today - timedelta(days=10), today + timedelta(days=10))
    area_services.revoke_delegation(d, alby_chair)
    first = Delegation.objects.get(pk=d.pk).revoked_at
    assert area_services.revoke_delegation(d, alby_developer) is False
    d.refresh_from_db()
    assert d.revoked_at == first and d.revoked_by == alby_chair
    Delegation.objects.filter(pk=d.pk).update(revoked_at=None, revoked_by=None,
                                              end_date=today - timedelta(days=1))
    assert area_services.revoke_delegation(d, alby_chair) is False  # past its last day
    assert Delegation.objects.get(pk=d.pk).revoked_at is None


# The grant -----------------------------------------------------------------------------


def test_approval_never_takes_the_year_past_its_grant(alby, alby_effort, alby_developer, alby_chair):
    first = propose(alby_developer, alby, alby_effort, amount="70000")
    second = propose(alby_developer, alby, alby_effort, amount="40000")
    approve(first, alby_chair)
    with pytest.raises(services.BudgetError, match="ryms inte"):
        approve(second, alby_chair)
    second.refresh_from_db()
    assert second.status == SpendStatus.PROPOSED
    t = assert_balances(alby)
    assert (t.committed, t.remaining) == (Decimal("70000"), Decimal("30000"))


def test_approval_that_exactly_fills_the_grant_passes(alby, alby_effort, alby_developer, alby_chair):
    spend = propose(alby_developer, alby, alby_effort, amount="100000.00")
    approve(spend, alby_chair)
    assert assert_balances(alby).remaining == 0


def test_approval_without_a_grant_is_refused(alby, alby_people):
    spend = SpendRequest.objects.create(
        area_group=alby, year=2031, recipient="X", cost_type=CostType.MUNICIPAL,
        amount=Decimal("10"), date=date(2031, 1, 1), description="d",
        proposed_by=alby_people["developer"])
    with pytest.raises(services.BudgetError, match="inget anslag"):
        approve(spend, alby_people["chair"])


def test_proposal_past_what_remains_is_refused(alby, alby_effort, alby_developer):
    with pytest.raises(services.BudgetError, match="mer än det som återstår"):
        propose(alby_developer, alby, alby_effort, amount="100000.01")
    assert not SpendRequest.objects.exists()


def test_grant_cannot_be_lowered_below_what_is_decided(alby, approved):
    with pytest.raises(services.BudgetError, match="inte sänkas"):
        services.set_grant(alby, YEAR, amount=Decimal("9999.99"), account_number="BK 1201")
    services.set_grant(alby, YEAR, amount=Decimal("10000"), account_number="BK 1201")
    assert services.totals(alby, YEAR).remaining == 0


def test_the_grant_amount_is_data_per_group_and_year(alby, tumba, alby_people, tumba_people):
    services.set_grant(alby, 2015, amount=Decimal("250000"), account_number="BK 1201")
    services.set_grant(alby, 2027, amount=Decimal("320000"), account_number="BK 1201")
    services.set_grant(tumba, 2027, amount=Decimal("300000"), account_number="BK 1205")
    assert services.totals(alby, 2015).grant == Decimal("250000")
    assert services.totals(alby, 2027).grant == Decimal("320000")
    assert services.totals(tumba, 2027).grant == Decimal("300000")


def grant_row(amount, account="BK 1201", decision=""):
    return {"amount": None if amount is None else Decimal(amount), "account_number": account,
            "decision_reference": decision}


def test_setting_every_groups_grant_saves_no_group_when_one_is_refused(alby, tumba, approved,
                                                                       tumba_people):
    with pytest.raises(services.BudgetError, match="Alby.*inte sänkas"):
        services.set_grants(YEAR, [(tumba, grant_row("250000", "BK 1205")),
                                   (alby, grant_row("5000"))])
    assert not Grant.objects.filter(area_group=tumba).exists()
    assert Grant.objects.get(area_group=alby).amount == Decimal("100000")


def test_a_registered_grant_can_be_changed_but_not_removed(alby, alby_grant):
    with pytest.raises(services.BudgetError, match="kan ändras men inte tas bort"):
        services.set_grants(YEAR, [(alby, grant_row(None))])
    assert Grant.objects.get(area_group=alby).amount == Decimal("100000")
    assert services.set_grants(YEAR, [(alby, grant_row("120000", decision="KS 2026/12"))]) == 1
    grant = Grant.objects.get(area_group=alby)
    assert (grant.amount, grant.decision_reference) == (Decimal("120000"), "KS 2026/12")


def test_a_grant_left_as_it_was_is_not_saved_again(alby, tumba, alby_grant, tumba_people):
    before = alby_grant.history.count()
    changed = services.set_grants(YEAR, [(alby, grant_row("100000", " BK 1201 ")),
                                         (tumba, grant_row(None))])
    assert changed == 0 and alby_grant.history.count() == before
    assert not Grant.objects.filter(area_group=tumba).exists()


# Within the action plan ---------------------------------------------------------------


def test_spend_names_an_effort_once_the_action_plan_exists(alby, alby_effort, alby_developer):
    with pytest.raises(services.BudgetError, match="insats"):
        propose(alby_developer, alby, None)


def test_spend_without_an_action_plan_needs_no_effort(alby, alby_developer):
    services.set_grant(alby, 2027, amount=Decimal("1000"), account_number="BK 1201")
    spend = propose(alby_developer, alby, None, amount="500", year=2027)
    assert spend.effort is None


def test_effort_of_another_group_is_refused(alby, alby_grant, tumba_effort, alby_developer):
    add_effort(alby)
    with pytest.raises(services.BudgetError, match="hör inte till"):
        propose(alby_developer, alby, tumba_effort)


def test_effort_of_another_year_is_refused(alby, alby_grant, alby_developer):
    add_effort(alby)
    last_year = add_effort(alby, year=2025, title="Fjolårets insats")
    with pytest.raises(services.BudgetError, match="hör inte till"):
        propose(alby_developer, alby, last_year)


# Cost types ---------------------------------------------------------------------------


def test_association_grant_refused_from_2017(alby, alby_developer):
    services.set_grant(alby, 2017, amount=Decimal("250000"), account_number="BK 1201")
    with pytest.raises(services.BudgetError, match="Föreningsbidrag"):
        propose(alby_developer, alby, None, year=2017, cost_type=CostType.ASSOCIATION_GRANT)


def test_association_grant_allowed_up_to_2016(alby, alby_developer, alby_chair):
    services.set_grant(alby, 2016, amount=Decimal("250000"), account_number="BK 1201")
    spend = propose(alby_developer, alby, None, year=2016, cost_type=CostType.ASSOCIATION_GRANT)
    assert approve(spend, alby_chair).status == SpendStatus.APPROVED


def test_every_other_cost_type_of_the_guidelines_is_allowed(alby, alby_effort, alby_developer):
    for cost_type in (CostType.GOODS_SERVICES, CostType.IOP, CostType.EMPLOYMENT,
                      CostType.MUNICIPAL, CostType.ADMINISTRATION):
        propose(alby_developer, alby, alby_effort, amount="100", cost_type=cost_type)
    assert SpendRequest.objects.count() == 5


# The life of a request ----------------------------------------------------------------


def test_proposer_may_withdraw_before_a_decision(proposed, alby_developer):
    services.withdraw(proposed, alby_developer)
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.WITHDRAWN


def test_nobody_else_withdraws_a_proposal(proposed, alby_chair):
    with pytest.raises(PermissionDenied):
        services.withdraw(proposed, alby_chair)


def test_decided_proposal_cannot_be_withdrawn(approved, alby_developer):
    with pytest.raises(services.BudgetError, match="redan beslutat"):
        services.withdraw(approved, alby_developer)


def test_rejection_needs_a_reason_and_reaches_no_ledger(alby, proposed, alby_chair):
    with pytest.raises(services.BudgetError, match="varför"):
        services.reject(proposed, alby_chair, reason="  ")
    services.reject(proposed, alby_chair, reason="Ryms inte i handlingsplanen")
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.REJECTED
    assert proposed.decision_reason == "Ryms inte i handlingsplanen"
    assert not LedgerEntry.objects.exists()


def test_approving_twice_has_no_second_effect(alby, proposed, alby_chair):
    approve(proposed, alby_chair)
    with pytest.raises(services.AlreadyDone):
        approve(proposed, alby_chair)
    assert LedgerEntry.objects.count() == 1
    assert services.totals(alby, YEAR).committed == Decimal("10000")


def test_one_approval_entry_per_request_even_past_the_service(approved, alby_chair):
    """The database refuses a second approval entry (idempotency backstop)."""
    first = LedgerEntry.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            area_group=first.area_group, year=first.year, account_number="BK", spend_request=approved,
            cost_type=first.cost_type, account=first.account, event=LedgerEntry.Event.APPROVAL,
            amount=first.amount, entry_date=first.entry_date, created_by=alby_chair)


def test_decision_cites_the_meeting_paragraph(alby, proposed, alby_chair):
    approve(proposed, alby_chair, paragraph=" § 12/2026 ")
    entry = LedgerEntry.objects.get()
    assert entry.decision_paragraph == "§ 12/2026"
    assert SpendRequest.objects.get().decision_paragraph == "§ 12/2026"


def test_booking_moves_the_money_from_committed_to_booked(alby, approved, alby_developer):
    services.book(approved, alby_developer, amount=Decimal("9500.50"), on=date(YEAR, 6, 20),
                  voucher="V-77")
    t = assert_balances(alby)
    assert (t.committed, t.booked, t.remaining) == (Decimal("0"), Decimal("9500.50"),
                                                    Decimal("90499.50"))
    booking = LedgerEntry.objects.get(event=LedgerEntry.Event.BOOKING)
    assert booking.voucher == "V-77" and booking.account_number == "BK 1201"


def test_booking_twice_has_no_second_effect(alby, approved, alby_developer):
    services.book(approved, alby_developer, amount=Decimal("10000"), on=date(YEAR, 6, 20))
    with pytest.raises(services.AlreadyDone):
        services.book(approved, alby_developer, amount=Decimal("10000"), on=date(YEAR, 6, 20))
    assert services.totals(alby, YEAR).booked == Decimal("10000")


def test_only_developer_and_chair_book(approved, alby_people):
    for role in ("member", "vice", "secretary"):
        with pytest.raises(PermissionDenied):
            services.book(approved, alby_people[role], amount=Decimal("1"), on=date(YEAR, 6, 1))


def test_paying_more_than_approved_needs_room_in_the_grant(alby, alby_effort, alby_developer,
                                                          alby_chair):
    big = approve(propose(alby_developer, alby, alby_effort, amount="95000"), alby_chair)
    small = approve(propose(alby_developer, alby, alby_effort, amount="5000"), alby_chair)
    with pytest.raises(services.BudgetError, match="ryms inte"):
        services.book(small, alby_developer, amount=Decimal("5000.01"), on=date(YEAR, 7, 1))
    services.book(big, alby_developer, amount=Decimal("95000"), on=date(YEAR, 7, 1))
    assert assert_balances(alby).remaining == 0


def test_revoking_an_unpaid_approval_frees_the_money_and_keeps_the_decision(alby, approved,
                                                                            alby_chair):
    with pytest.raises(services.BudgetError, match="varför"):
        services.cancel(approved, alby_chair, reason="")
    services.cancel(approved, alby_chair, reason="Aktiviteten ställdes in")
    t = assert_balances(alby)
    assert t.committed == 0 and t.remaining == Decimal("100000")
    events = list(LedgerEntry.objects.values_list("event", "amount", "reason"))
    assert events == [("approval", Decimal("10000.00"), ""),
                      ("cancellation", Decimal("-10000.00"), "Aktiviteten ställdes in")]
    assert LedgerEntry.objects.get(event="cancellation").reverses.event == "approval"


def test_only_the_chair_revokes(approved, alby_developer):
    with pytest.raises(PermissionDenied):
        services.cancel(approved, alby_developer, reason="x")


def test_correction_is_a_reversing_entry_with_a_reason(alby, approved, alby_developer):
    services.book(approved, alby_developer, amount=Decimal("10000"), on=date(YEAR, 6, 20))
    booking = LedgerEntry.objects.get(event=LedgerEntry.Event.BOOKING)
    with pytest.raises(services.BudgetError, match="varför"):
        services.correct_booking(approved, alby_developer, amount=Decimal("8000"), reason=" ",
                                 on=date(YEAR, 7, 1))
    services.correct_booking(approved, alby_developer, amount=Decimal("8000"),
                             reason="Kreditfaktura 4411", on=date(YEAR, 7, 1))
    corrections = list(LedgerEntry.objects.filter(event="correction").order_by("pk"))
    assert [c.amount for c in corrections] == [Decimal("-10000.00"), Decimal("8000.00")]
    assert corrections[0].reverses == booking
    assert all(c.reason == "Kreditfaktura 4411" for c in corrections)
    booking.refresh_from_db()
    assert booking.amount == Decimal("10000.00")  # the original entry is untouched
    assert assert_balances(alby).booked == Decimal("8000")


def test_correction_to_zero_returns_all_the_money(alby, approved, alby_developer):
    services.book(approved, alby_developer, amount=Decimal("10000"), on=date(YEAR, 6, 20))
    services.correct_booking(approved, alby_developer, amount=Decimal("0"), reason="Återbetalt",
                             on=date(YEAR, 7, 1))
    assert assert_balances(alby).remaining == Decimal("100000")


def test_ledger_entries_are_never_edited_or_deleted(approved):
    entry = LedgerEntry.objects.get()
    entry.amount = Decimal("1")
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        LedgerEntry.objects.all().update(amount=Decimal("1"))
    with pytest.raises(TypeError):
        LedgerEntry.objects.all().delete()
    assert LedgerEntry.objects.get().amount == Decimal("10000.00")


def test_same_submission_key_creates_one_request(alby, alby_effort, alby_developer):
    import uuid

    key = uuid.uuid4()
    first = propose(alby_developer, alby, alby_effort, submission_key=key)
    again = propose(alby_developer, alby, alby_effort, submission_key=key)
    assert first.pk == again.pk and SpendRequest.objects.count() == 1


# Reading the ledger --------------------------------------------------------------------


def test_outcome_per_effort_and_cost_type(alby, alby_effort, alby_developer, alby_chair):
    other = add_effort(alby, title="Trygghetsvandringar", cost="12000")
    a = approve(propose(alby_developer, alby, alby_effort, amount="30000",
                                 cost_type=CostType.IOP), alby_chair)
    services.book(a, alby_developer, amount=Decimal("29000"), on=date(YEAR, 7, 1))
    approve(propose(alby_developer, alby, other, amount="1450"), alby_chair)
    by_effort = {row["effort"].title: row for row in services.outcome_by_effort(alby, YEAR)}
    assert by_effort["Sommarlovsaktiviteter"]["planned"] == Decimal("85000")
    assert by_effort["Sommarlovsaktiviteter"]["booked"] == Decimal("29000")
    assert by_effort["Sommarlovsaktiviteter"]["decided"] == Decimal("29000")
    assert by_effort["Trygghetsvandringar"]["committed"] == Decimal("1450")
    by_type = {row["key"]: row for row in services.outcome_by_cost_type(alby, YEAR)}
    assert by_type["iop"]["booked"] == Decimal("29000")
    assert by_type["goods_services"]["decided"] == Decimal("1450")


def test_monthly_use_is_cumulative(alby, approved, alby_developer):
    services.book(approved, alby_developer, amount=Decimal("10000"), on=date(YEAR + 1, 1, 15))
    months = services.monthly_use(alby, YEAR)
    assert months[-1]["booked"] == Decimal("10000")  # a January booking counts in December
    assert months[-1]["decided"] == Decimal("10000")
    assert all(a["decided"] <= b["decided"] for a, b in zip(months, months[1:], strict=False))


def test_forecast_shows_from_october(alby, approved):
    assert services.forecast(alby, YEAR, date(YEAR, 9, 30)) is None
    october = services.forecast(alby, YEAR, date(YEAR, 10, 1))
    assert october.unspent == Decimal("90000") and not october.year_ended
    assert services.forecast(alby, YEAR, date(YEAR + 1, 2, 1)).year_ended


def test_year_end_warns_only_from_october_and_only_with_money_left(alby, alby_grant):
    assert services.year_end_warnings([alby], date(YEAR, 9, 30)) == []
    warnings = services.year_end_warnings([alby], date(YEAR, 10, 1))
    assert warnings[0]["unspent"] == Decimal("100000")


def test_booking_cannot_precede_the_decision(approved, alby_developer):
    with pytest.raises(services.BudgetError, match="före beslutet"):
        services.book(approved, alby_developer, amount=Decimal("10000"), on=date(YEAR, 4, 30))
    assert LedgerEntry.objects.count() == 1
