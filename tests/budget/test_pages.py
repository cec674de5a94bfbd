"""The development-money pages: the chair's queue with htmx, the ledger and its
filters, the overview, the grants, delegations, the start and district pages."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from areas.models import AreaGroup, Delegation
from budget import services
from budget.models import CostType, Grant, SpendStatus
from tests.budget.conftest import YEAR, add_effort, approve, propose
from tests.conftest import _group_people

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_chair_decides_in_the_queue_with_htmx(login, alby_chair, proposed, alby):
    client = login(alby_chair)
    queue = client.get(reverse("budget:queue", args=["alby", YEAR])).content.decode()
    assert "Alby IF" in queue and 'hx-post="/stadsdelar/alby/utvecklingspengar/2026/forslag/' in queue
    response = client.post(reverse("budget:request_decide", args=["alby", YEAR, proposed.pk]),
                           {"decision": "approve", "from": "queue", "paragraph": "§ 3/2026"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="spend-{proposed.pk}"' in html and "Godkänd" in html
    assert '<p id="remaining" class="lead" hx-swap-oob="true">' in html and "90\xa0000\xa0kr" in html
    assert 'id="messages"' in html and "Godkänt: 10\xa0000\xa0kr till Alby IF" in html
    assert services.totals(alby, YEAR).committed == Decimal("10000")


def test_invalid_decision_in_the_queue_comes_back_in_place(login, alby_chair, proposed):
    response = login(alby_chair).post(
        reverse("budget:request_decide", args=["alby", YEAR, proposed.pk]),
        {"decision": "reject", "from": "queue", "reason": ""}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "Skriv varför förslaget avslås" in html
    assert 'aria-invalid="true"' in html
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.PROPOSED


def test_queue_is_the_chairs_only(login, alby_people, alby_effort):
    for role in ("developer", "member", "vice", "secretary"):
        url = reverse("budget:queue", args=["alby", YEAR])
        assert login(alby_people[role]).get(url).status_code == 403


def test_vice_chair_gets_the_queue_under_a_delegation(login, alby, alby_chair, alby_vice, proposed):
    client = login(alby_chair)
    today = timezone.localdate()
    response = client.post(reverse("budget:delegations", args=["alby"]), {
        "delegate": alby_vice.pk, "start_date": today.isoformat(),
        "end_date": (today + timedelta(days=14)).isoformat(), "reason": "Semester"})
    assert response.status_code == 302
    vice = login(alby_vice)
    assert vice.get(reverse("budget:queue", args=["alby", YEAR])).status_code == 200
    assert "Förslag om utgifter som väntar på ditt beslut" in vice.get(reverse("start")).content.decode()
    vice.post(reverse("budget:request_decide", args=["alby", YEAR, proposed.pk]), {"decision": "approve"})
    proposed.refresh_from_db()
    assert proposed.decided_by == alby_vice and proposed.decided_by_delegation
    assert "vice ordförande på delegation" in vice.get(proposed.get_absolute_url()).content.decode()
    # The chair ends it early: the vice chair's right ends with it, the record stays.
    delegation = Delegation.objects.get()
    login(alby_chair).post(reverse("budget:delegation_revoke", args=["alby", delegation.pk]))
    assert login(alby_vice).get(reverse("budget:queue", args=["alby", YEAR])).status_code == 403
    delegation.refresh_from_db()
    assert delegation.revoked_at is not None and delegation.revoked_by == alby_chair


def test_only_the_chair_delegates(login, alby_developer, alby_vice, alby_effort):
    today = timezone.localdate().isoformat()
    for user in (alby_developer, alby_vice):
        response = login(user).post(reverse("budget:delegations", args=["alby"]), {
            "delegate": alby_vice.pk, "start_date": today, "end_date": today})
        assert response.status_code == 403
    assert not Delegation.objects.exists()


def test_delegation_to_someone_not_vice_chair_is_refused_with_a_message(login, alby_chair,
                                                                        alby_member):
    today = timezone.localdate().isoformat()
    response = login(alby_chair).post(reverse("budget:delegations", args=["alby"]), {
        "delegate": alby_member.pk, "start_date": today, "end_date": today})
    assert response.status_code == 200 and not Delegation.objects.exists()


def test_ledger_shows_totals_tables_chart_and_entries(login, alby_member, approved, alby_developer):
    services.book(approved, alby_developer, amount=Decimal("9500"), on=date(YEAR, 6, 10), voucher="V-9")
    html = login(alby_member).get(reverse("budget:ledger", args=["alby", YEAR])).content.decode()
    assert "100\xa0000\xa0kr" in html and "90\xa0500\xa0kr" in html  # grant, remaining
    assert "BK 1201" in html and "Ver. V-9" in html
    assert "Sommarlovsaktiviteter" in html and "Köp av varor och tjänster" in html
    assert '<svg class="chart"' in html and "Bokfört t.o.m. jun: 9\xa0500\xa0kr" in html
    assert "Föreslå en utgift" in html  # members propose


def test_ledger_filters_work_with_and_without_htmx(login, alby, alby_chair, alby_developer, alby_effort):
    other = add_effort(alby, title="Trygghetsvandringar", cost="12000")
    approve(propose(alby_developer, alby, alby_effort, recipient="Alby IF",
                             cost_type=CostType.IOP), alby_chair)
    approve(propose(alby_developer, alby, other, recipient="ICA Nära Alby"), alby_chair)
    client = login(alby_chair)
    url = reverse("budget:ledger", args=["alby", YEAR])
    page = client.get(url, {"cost_type": "iop"}).content.decode()
    entries = page.split('id="ledger-entries"')[1]
    assert "<h1>" in page and "Alby IF" in entries and "ICA Nära Alby" not in entries
    fragment = client.get(url, {"effort": str(other.pk)}, HTTP_HX_TARGET="ledger-entries",
                          **HTMX).content.decode()
    assert "<h1>" not in fragment and "ICA Nära Alby" in fragment and "Alby IF" not in fragment
    none = client.get(url, {"effort": "none"}).content.decode()
    assert "Inga poster matchar filtret" in none
    bad = client.get(url, {"status": "<script>"})
    assert bad.status_code == 200


def test_ledger_without_a_grant_says_who_sets_it(login, alby_chair, alby_people):
    html = login(alby_chair).get(reverse("budget:ledger", args=["alby", 2030])).content.decode()
    assert "Inget anslag är registrerat för 2030" in html


def test_ledger_forecast_from_october(login, alby_chair, approved, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(YEAR, 10, 2))
    html = login(alby_chair).get(reverse("budget:ledger", args=["alby", YEAR])).content.decode()
    assert "Prognos inför årets slut" in html and "90\xa0000\xa0kr av årets anslag outnyttjat" in html
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(YEAR, 9, 30))
    html = login(alby_chair).get(reverse("budget:ledger", args=["alby", YEAR])).content.decode()
    assert "Prognos" not in html


def test_start_page_warns_chair_and_developer_of_unspent_money(login, alby_grant, alby_people,
                                                               monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(YEAR, 11, 1))
    for role in ("chair", "developer"):
        html = login(alby_people[role]).get(reverse("start")).content.decode()
        assert "riskerar att bli outnyttjade" in html and "100\xa0000\xa0kr av 100\xa0000\xa0kr" in html
    html = login(alby_people["member"]).get(reverse("start")).content.decode()
    assert "riskerar att bli outnyttjade" not in html


def test_start_page_tells_the_chair_what_waits(login, alby_chair, alby_developer, proposed):
    html = login(alby_chair).get(reverse("start")).content.decode()
    assert "väntar på ditt beslut" in html and "1 förslag i Områdesgruppen Alby" in html
    assert "väntar på ditt beslut" not in login(alby_developer).get(reverse("start")).content.decode()


def test_district_page_shows_the_years_money(login, alby_member, approved, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(YEAR, 6, 1))
    html = login(alby_member).get(reverse("district", args=["alby"])).content.decode()
    assert "Utvecklingspengar 2026" in html and "återstår 90\xa0000\xa0kr" in html


def test_requests_list_filters_and_mine(login, alby, alby_developer, alby_member, alby_chair,
                                        alby_effort):
    mine = propose(alby_developer, alby, alby_effort, recipient="Mitt förslag")
    theirs = propose(alby_member, alby, alby_effort, recipient="Ledamotens förslag")
    approve(theirs, alby_chair)
    client = login(alby_developer)
    url = reverse("budget:requests", args=["alby", YEAR])
    html = client.get(url, {"mina": "1"}).content.decode()
    assert "Mitt förslag" in html and "Ledamotens förslag" not in html
    html = client.get(url, {"visa": "godkanda"}).content.decode()
    assert "Ledamotens förslag" in html and "Mitt förslag" not in html
    assert mine.status == SpendStatus.PROPOSED


def test_overview_lists_only_the_groups_a_user_reads(login, alby_member, reader, alby_grant,
                                                     tumba_grant):
    html = login(alby_member).get(reverse("budget:overview", args=[YEAR])).content.decode()
    assert "Områdesgruppen Alby" in html and "Områdesgruppen Tumba" not in html
    html = login(reader).get(reverse("budget:overview", args=[YEAR])).content.decode()
    assert "Områdesgruppen Alby" in html and "Områdesgruppen Tumba" in html and "Summa" in html


def test_grants_page_sets_every_groups_grant_all_or_nothing(login, superuser, alby, tumba, approved):
    client = login(superuser)
    url = reverse("budget:grants", args=[YEAR])
    form = client.get(url).content.decode()
    assert 'name="alby-amount"' in form and 'name="tumba-account_number"' in form
    # Tumba's new grant is fine, Alby's is below what is decided: neither is saved.
    response = client.post(url, {"alby-amount": "5000", "alby-account_number": "BK 1201",
                                 "tumba-amount": "250 000", "tumba-account_number": "BK 1205"})
    assert "inte sänkas under" in response.content.decode()
    assert not Grant.objects.filter(area_group=tumba).exists()
    assert Grant.objects.get(area_group=alby).amount == Decimal("100000")
    response = client.post(url, {"alby-amount": "120 000", "alby-account_number": "BK 1201",
                                 "tumba-amount": "250 000", "tumba-account_number": "BK 1205"})
    assert response.status_code == 302
    assert Grant.objects.get(area_group=tumba).amount == Decimal("250000")
    assert Grant.objects.get(area_group=alby).amount == Decimal("120000")


def test_grant_needs_an_account_number(login, superuser, alby_people):
    response = login(superuser).post(reverse("budget:grants", args=[YEAR]),
                                     {"alby-amount": "250000", "alby-account_number": ""})
    assert "Ange ordförandens BK-nummer" in response.content.decode()
    assert not Grant.objects.exists()


def test_management_office_sets_grants_by_permission(login, reader, alby_people):
    from django.contrib.auth.models import Permission

    assert login(reader).get(reverse("budget:grants", args=[YEAR])).status_code == 403
    reader.user_permissions.add(Permission.objects.get(codename="manage_grants"))
    from django.contrib.auth import get_user_model

    fresh = get_user_model().objects.get(pk=reader.pk)
    assert login(fresh).get(reverse("budget:grants", args=[YEAR])).status_code == 200


def test_attachment_of_another_group_is_forbidden(login, tumba_member, alby_developer, alby_effort):
    from django.core.files.base import ContentFile

    spend = propose(alby_developer, alby_effort.get_area_group(), alby_effort,
                    attachment=ContentFile(b"%PDF-1.4", name="offert.pdf"))
    url = reverse("budget:attachment", args=["alby", YEAR, spend.pk])
    assert login(tumba_member).get(url).status_code == 403


def test_request_of_another_year_in_the_url_is_404(login, alby_chair, proposed):
    assert login(alby_chair).get(reverse("budget:request", args=["alby", 2025, proposed.pk])).status_code == 404


def _spends(group, developer, chair, effort, n, start):
    """``n`` more spend requests (Mottagare start ...): every second approved, every
    third of those booked, so that the queue, the list and the ledger all grow."""
    for i in range(start, start + n):
        spend = propose(developer, group, effort, amount="1000", recipient=f"Mottagare {i}")
        if i % 2:
            approve(spend, chair)
            if i % 3 == 0:
                services.book(spend, developer, amount=Decimal("900"), on=date(YEAR, 6, 2))


# page, exact queries, a text the page shows once 20 requests are in it.
PAGES = [("ledger", 16, "Mottagare 19"), ("requests", 9, "Mottagare 19"),
         ("queue", 11, "Mottagare 18"), ("overview", 11, None)]


@pytest.mark.parametrize("name,queries,shows", PAGES, ids=[p[0] for p in PAGES])
def test_page_query_count_is_pinned_and_does_not_grow_with_the_requests(
    login, alby, alby_chair, alby_developer, alby_effort, pinned_queries, name, queries, shows
):
    _spends(alby, alby_developer, alby_chair, alby_effort, 2, 0)
    args = [YEAR] if name == "overview" else ["alby", YEAR]
    pinned_queries(login(alby_chair), reverse(f"budget:{name}", args=args), queries,
                   lambda: _spends(alby, alby_developer, alby_chair, alby_effort, 18, 2), shows)


def test_overview_query_count_does_not_grow_with_the_groups(login, reader, alby, org,
                                                            pinned_queries):
    """The management office's overview, a row per area group and its money: two
    groups with grants and requests, then all five."""

    def money(groups):
        for group in groups:
            people = _group_people(group, org, group.district.slug.replace("-", "_"))
            services.set_grant(group, YEAR, amount=Decimal("100000"),
                               account_number=f"BK {group.pk}")
            _spends(group, people["developer"], people["chair"], add_effort(group), 2, 0)

    two = ["alby", "tumba"]
    money(AreaGroup.objects.filter(district__slug__in=two))
    pinned_queries(login(reader), reverse("budget:overview", args=[YEAR]), 10,
                   lambda: money(AreaGroup.objects.exclude(district__slug__in=two)), "Tullinge")


def test_start_page_tells_proposers_what_became_of_their_requests(login, alby, alby_member,
                                                                  alby_chair, alby_effort):
    waiting = propose(alby_member, alby, alby_effort, recipient="Väntande förening")
    rejected = propose(alby_member, alby, alby_effort, recipient="Avslagen förening")
    services.reject(rejected, alby_chair, reason="Ligger utanför handlingsplanen")
    html = login(alby_member).get(reverse("start")).content.decode()
    assert "Dina förslag om utgifter" in html
    assert "Väntande förening" in html and "Föreslagen" in html
    assert "Avslagen förening" in html and "Ligger utanför handlingsplanen" in html
    assert waiting.status == SpendStatus.PROPOSED
