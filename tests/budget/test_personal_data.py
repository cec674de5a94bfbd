"""Personal data and development money: the register extract shows a person's spend
requests and ledger entries; anonymisation replaces the name and keeps the money
records (public records law outranks erasure)."""

import json
from datetime import date

from budget.models import LedgerEntry, SpendRequest
from trust.personal_data import anonymise


def test_extract_lists_the_persons_spend_requests_and_decisions(login, approved, alby_developer,
                                                                alby_chair):
    data = json.loads(login(alby_developer).get("/mina-uppgifter/json/").content)
    titles = [s["title"] for s in data["sections"]]
    assert any(t.startswith("Förslag om utgifter") for t in titles)
    chair = json.loads(login(alby_chair).get("/mina-uppgifter/json/").content)
    assert any(t["title"].startswith("Poster i huvudboken") for t in chair["sections"])


def test_anonymised_proposer_keeps_the_ledger_whole(approved, alby_developer):
    anonymise(alby_developer, date(2024, 1, 1))
    spend = SpendRequest.objects.get()
    assert spend.proposed_by.first_name == "Anonymiserad"
    assert LedgerEntry.objects.count() == 1 and spend.amount == approved.amount
