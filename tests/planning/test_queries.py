"""Query counts of the list and report pages are pinned: an N+1 fails here."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from areas.models import AreaGroup, Organisation, Role, WorkingGroup, WorkingGroupMember
from planning import editing, services, statistics
from planning.models import Status
from tests.conftest import make_user, seat
from tests.planning.conftest import add_effort


def fill(alby_plan, alby_member, n, start=0):
    """``n`` more efforts (Insats start, start + 1 ...), their report rows, comments."""
    for i in range(start, start + n):
        add_effort(alby_plan, f"Insats {i}", contact=alby_member)
    for report in alby_plan.planning_year.reports.all():
        editing.sync_report_rows(report)
    for i in range(start, start + n):
        editing.add_comment(alby_plan, alby_member, _comment_form(alby_plan, f"Kommentar {i}"))


def _comment_form(plan, body):
    from planning.forms import CommentForm

    form = CommentForm({"body": body}, planning_year=plan.planning_year)
    assert form.is_valid()
    return form


def _csv(indicators):
    return "stadsdel;år;indikator;värde;enhet;källa\n" + "".join(
        f"{area};{year};Indikator {i};{10 + i + year % 7};procent;SCB\n"
        for i in indicators for year in range(2020, 2026) for area in ("Alby", "Hela kommunen")
    )


def _analysis_grows(alby_plan, alby_member, n, start):
    """More indicators in the analysis (each a table and two charts), and comments."""
    statistics.import_csv(_csv(range(start, start + n)).encode(), f"q{start}.csv", None)
    analysis = alby_plan.planning_year.analysis
    for i in range(n):
        editing.add_comment(analysis, alby_member, _comment_form(analysis, f"Kommentar {i}"))


def _years_grow(alby_plan, n, start):
    for year in range(2026 - start - n, 2026 - start):
        services.start_year(alby_plan.get_area_group(), year)


def _groups_start_the_year(alby_plan, n):
    """More area groups with the year started (there are five in all)."""
    for group in AreaGroup.objects.exclude(planning_years__year=2026).order_by("pk")[:n]:
        services.start_year(group, 2026)


def _district_grows(alby_plan, alby_member, n, start):
    """Working groups (each with a member) and the group's efforts."""
    group = alby_plan.get_area_group()
    for i in range(start, start + n):
        wg = WorkingGroup.objects.create(area_group=group, name=f"Arbetsgrupp {i}")
        WorkingGroupMember.objects.create(working_group=wg, person=alby_member,
                                          start_date=date(2026, 1, 1))
    fill(alby_plan, alby_member, n, start)


def _start_page_grows(alby_plan, alby_member, n, start):
    """What waits for the area developer: members without a substitute, seats
    ending soon, the developer's efforts' follow-ups, comments."""
    group = alby_plan.get_area_group()
    for i in range(start, start + n):
        org = Organisation.objects.create(name=f"Aktör {i}", short_name=f"A{i}",
                                          kind=Organisation.Kind.LOCAL_ACTOR)
        person = make_user(f"ledamot{i}", "Ledamot", str(i), org)
        seat(person, group, Role.MEMBER, org,
             end=timezone.localdate() + timedelta(days=10) if i % 2 else None)
    fill(alby_plan, alby_member, n, start)


# name, url, who, grow(fixtures, n, already): n more of what the page lists;
# the exact query count; a text the larger page shows (what grew is on it).
PAGES = [
    ("plan", lambda: reverse("planning:document", args=["alby", 2026, "handlingsplan"]),
     "alby_developer", lambda f, n, s: fill(f["alby_plan"], f["alby_member"], n, s), 24,
     "Insats 19"),
    ("interim", lambda: reverse("planning:document", args=["alby", 2026, "delarsrapport"]),
     "alby_developer", lambda f, n, s: fill(f["alby_plan"], f["alby_member"], n, s), 16,
     "Insats 19"),
    # The annual report also shows the year's development money (budget section).
    ("annual", lambda: reverse("planning:document", args=["alby", 2026, "arsrapport"]),
     "alby_developer", lambda f, n, s: fill(f["alby_plan"], f["alby_member"], n, s), 19,
     "Insats 19"),
    ("analysis", lambda: reverse("planning:document", args=["alby", 2026, "stadsdelsanalys"]),
     "alby_developer", lambda f, n, s: _analysis_grows(f["alby_plan"], f["alby_member"], n, s),
     15, "Indikator 19"),
    ("history", lambda: reverse("planning:history", args=["alby", 2026, "handlingsplan"]),
     "alby_developer", lambda f, n, s: fill(f["alby_plan"], f["alby_member"], n, s), 13,
     "Insats 19"),
    # The year lists its four documents: the efforts and comments change nothing.
    ("year", lambda: reverse("planning:year", args=["alby", 2026]),
     "alby_developer", lambda f, n, s: fill(f["alby_plan"], f["alby_member"], n, s), 13, None),
    ("years", lambda: reverse("planning:years", args=["alby"]),
     "alby_developer", lambda f, n, s: _years_grow(f["alby_plan"], n, s), 11, "2006"),
    ("overview", lambda: reverse("planning:overview", args=[2026]),
     "reader", lambda f, n, s: _groups_start_the_year(f["alby_plan"], n), 9,
     "/stadsdelar/tullinge/planering/2026/"),
    # The district and start pages also show the year's development money (budget panels).
    ("district", lambda: reverse("district", args=["alby"]),
     "alby_developer", lambda f, n, s: _district_grows(f["alby_plan"], f["alby_member"], n, s),
     18, "Arbetsgrupp 19"),
    ("start", lambda: reverse("start"),
     "alby_developer", lambda f, n, s: _start_page_grows(f["alby_plan"], f["alby_member"], n, s),
     17, "Ledamot 19"),
]
# Two sizes of what each page lists, beside what the fixtures hold: 2 and 20 (the
# overview: 2 and all 5 area groups).
SMALL, LARGE = 2, 20


# The management office's start page: what is behind in every district it reads
# (one more query, for the year's dates, while some group has not started the year:
# two of five have, then all five).
PINNED_READER_START = (13, 12)


@pytest.mark.parametrize("name,url,who,grow,queries,shows", PAGES, ids=[p[0] for p in PAGES])
def test_page_query_count_is_pinned_and_does_not_grow_with_what_it_lists(
    request, client, alby_plan, alby_member, reader, tumba_year, pinned_queries,
    name, url, who, grow, queries, shows,
):
    fixtures = {"alby_plan": alby_plan, "alby_member": alby_member}
    grow(fixtures, SMALL - (1 if name == "overview" else 0), 0)  # Tumba has started the year
    client.force_login(request.getfixturevalue(who))
    pinned_queries(client, url(), queries, lambda: grow(fixtures, LARGE - SMALL, SMALL), shows)


def test_public_page_query_count_is_pinned(client, alby_plan, pinned_queries):
    """The public district page lists the published documents, by year."""
    group = alby_plan.get_area_group()

    def publish(years):
        for year in years:
            planning_year = services.start_year(group, year)
            for doc in services.documents_of(planning_year):
                doc.status = Status.PUBLISHED
                doc.save()

    publish([2025, 2026])
    pinned_queries(client, reverse("planning:public_district", args=["alby"]), 5,
                   lambda: publish(range(2007, 2025)), "2007")


def test_history_looks_up_changed_foreign_keys_once_per_model(client, alby_plan, alby_developer,
                                                               alby_member, org, pinned_queries):
    effort = add_effort(alby_plan, "Läxhjälp", organisation=org["UF"], contact=alby_member)
    client.force_login(alby_developer)

    def change(times):
        for n in range(times):
            effort.organisation = org["KOF"] if n % 2 == 0 else org["UF"]
            effort.contact = alby_developer if n % 2 == 0 else alby_member
            effort.save()

    change(2)
    pinned_queries(client, reverse("planning:history", args=["alby", 2026, "handlingsplan"]),
                   15, lambda: change(18), "Kultur- och fritidsförvaltningen")


def test_management_office_start_page_query_count_is_pinned_and_flat(
    client, reader, alby_plan, tumba_year, pinned_queries
):
    """What is behind in every district it reads: two groups that started the year,
    then all five."""
    client.force_login(reader)
    pinned_queries(client, reverse("start"), PINNED_READER_START,
                   lambda: _groups_start_the_year(alby_plan, 3))
