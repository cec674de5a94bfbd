"""The demo year of development money loads through the real services, balances,
and shows every state a user meets."""

from decimal import Decimal

from django.core.management import call_command

from areas.models import AreaGroup, Delegation
from budget import services
from budget.models import Grant, LedgerEntry, SpendRequest, SpendStatus


def test_demo_money_balances_and_shows_every_state(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Grant.objects.count() == 10  # five groups, 2025 and 2026
    for group in AreaGroup.objects.all():
        for year in (2025, 2026):
            t = services.totals(group, year)
            entries = LedgerEntry.objects.for_group_and_year(group, year)
            assert t.committed + t.booked == sum((e.amount for e in entries), start=Decimal(0))
            assert 0 <= t.remaining <= t.grant
            assert all(e.account_number == group.account_number for e in entries)
    assert set(SpendRequest.objects.values_list("status", flat=True)) == set(SpendStatus.values)
    assert LedgerEntry.objects.filter(event="correction").exists()
    assert SpendRequest.objects.filter(decided_by_delegation=True).exists() or not \
        Delegation.objects.active().exists()
    assert Delegation.objects.filter(area_group__district__slug="alby").exists()
    assert SpendRequest.objects.exclude(attachment="").exists()
    # Every spend of a year with an action plan names one of its efforts.
    assert not SpendRequest.objects.filter(effort__isnull=True).exists()
