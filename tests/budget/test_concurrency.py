"""Money under parallel use, against the real database (PostgreSQL row locks).

Parallel HTTP requests, each on its own thread with its own database
connection, released together by a barrier. SQLite ignores SELECT ... FOR
UPDATE and its test database lives in one connection's memory, so these run
in the PostgreSQL CI run (.ci/run)."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from budget import services
from budget.models import LedgerEntry, SpendRequest, SpendStatus
from budget.services import locking
from tests.budget.conftest import YEAR, propose

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="Row locks need PostgreSQL: runs in the PostgreSQL CI run"),
]


@pytest.fixture(autouse=True)
def slow_check(monkeypatch):
    """Widen the window between the check against the grant and the ledger write,
    so that without the row lock the parallel requests would all pass the check
    (the test fails if budget.services stops locking the grant row). Approving and
    booking both check through ``locking.check_fits``."""
    real = locking.check_fits

    def slow(*args, **kwargs):
        real(*args, **kwargs)
        time.sleep(0.15)

    monkeypatch.setattr(locking, "check_fits", slow)


def run_together(jobs):
    """Run each job on its own thread, all released at once; return their results."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def worker(i, job):
        try:
            barrier.wait()
            results[i] = job()
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def decide_over_http(user, spend):
    def job():
        client = Client()
        client.force_login(user)
        return client.post(reverse("budget:request_decide", args=["alby", YEAR, spend.pk]),
                           {"decision": "approve"})
    return job


def test_parallel_approvals_never_exceed_the_grant(alby, alby_grant, alby_effort, alby_developer,
                                                   alby_chair):
    spends = [propose(alby_developer, alby, alby_effort, amount="30000", recipient=f"Förening {i}")
              for i in range(8)]  # 240 000 kr proposed against a grant of 100 000 kr
    responses = run_together([decide_over_http(alby_chair, s) for s in spends])

    assert not [r for r in responses if isinstance(r, Exception)], responses
    approved = SpendRequest.objects.filter(status=SpendStatus.APPROVED).count()
    waiting = SpendRequest.objects.filter(status=SpendStatus.PROPOSED).count()
    assert approved == 3 and waiting == 5  # exactly those that fit; nothing lost
    refused = [r for r in responses if r.status_code == 200]
    assert len(refused) == 5 and all("ryms inte" in r.content.decode() for r in refused)
    t = services.totals(alby, YEAR)
    assert t.committed == Decimal("90000") and t.remaining == Decimal("10000")
    assert LedgerEntry.objects.count() == 3


def test_parallel_approvals_of_many_sizes_fill_the_grant_exactly_as_far_as_it_goes(
        alby, alby_grant, alby_effort, alby_developer, alby_chair):
    amounts = ["40000", "35000", "25000", "20000", "15000", "5000", "5000", "1000"]
    spends = [propose(alby_developer, alby, alby_effort, amount=a, recipient=f"F{i}")
              for i, a in enumerate(amounts)]
    run_together([lambda s=s: services.approve(s, alby_chair) for s in spends])
    t = services.totals(alby, YEAR)
    decided = sum((s.amount for s in SpendRequest.objects.filter(status=SpendStatus.APPROVED)),
                  start=Decimal(0))
    assert t.committed == decided <= Decimal("100000")
    # Nothing still waiting would have fitted: every refusal was for lack of money.
    for spend in SpendRequest.objects.filter(status=SpendStatus.PROPOSED):
        assert spend.amount > t.remaining


def test_the_same_approval_posted_twice_at_once_takes_effect_once(alby, alby_grant, alby_effort,
                                                                  alby_developer, alby_chair):
    spend = propose(alby_developer, alby, alby_effort, amount="10000")
    results = run_together([lambda: services.approve(spend, alby_chair)] * 4)
    done = [r for r in results if isinstance(r, SpendRequest)]
    again = [r for r in results if isinstance(r, services.AlreadyDone)]
    assert len(done) == 1 and len(again) == 3
    assert LedgerEntry.objects.count() == 1
    assert services.totals(alby, YEAR).committed == Decimal("10000")


def test_parallel_bookings_over_the_approved_amount_never_exceed_the_grant(
        alby, alby_grant, alby_effort, alby_developer, alby_chair):
    from datetime import date

    from tests.budget.conftest import approve

    first = approve(propose(alby_developer, alby, alby_effort, amount="45000"), alby_chair)
    second = approve(propose(alby_developer, alby, alby_effort, amount="45000"), alby_chair)
    # Each invoice came in 8 000 kr over its decision; only one overrun fits in 10 000 kr.
    results = run_together([
        lambda s=s: services.book(s, alby_developer, amount=Decimal("53000"), on=date(YEAR, 6, 1))
        for s in (first, second)])
    assert sum(isinstance(r, SpendRequest) for r in results) == 1
    assert sum(isinstance(r, services.BudgetError) for r in results) == 1
    assert services.totals(alby, YEAR).remaining == Decimal("2000")
