"""Query counts of the list and report pages are pinned: an N+1 fails here."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning import editing, statistics
from tests.planning.conftest import add_effort

CSV = "stadsdel;år;indikator;värde;enhet;källa\n" + "".join(
    f"{area};{year};Indikator {i};{10 + i + year % 7};procent;SCB\n"
    for i in range(4) for year in range(2020, 2026) for area in ("Alby", "Hela kommunen")
)


def fill(alby_plan, alby_member, n):
    for i in range(n):
        add_effort(alby_plan, f"Insats {i}", contact=alby_member)
    for report in alby_plan.planning_year.reports.all():
        editing.sync_report_rows(report)
    for i in range(n):
        editing.add_comment(alby_plan, alby_member, _comment_form(alby_plan, f"Kommentar {i}"))


def _comment_form(plan, body):
    from planning.forms import CommentForm

    form = CommentForm({"body": body}, planning_year=plan.planning_year)
    assert form.is_valid()
    return form


PAGES = [
    ("plan", lambda: reverse("planning:document", args=["alby", 2026, "handlingsplan"]), 28),
    ("interim", lambda: reverse("planning:document", args=["alby", 2026, "delarsrapport"]), 22),
    ("annual", lambda: reverse("planning:document", args=["alby", 2026, "arsrapport"]), 22),
    ("analysis", lambda: reverse("planning:document", args=["alby", 2026, "stadsdelsanalys"]), 20),
    ("history", lambda: reverse("planning:history", args=["alby", 2026, "handlingsplan"]), 18),
    ("year", lambda: reverse("planning:year", args=["alby", 2026]), 18),
    ("years", lambda: reverse("planning:years", args=["alby"]), 16),
    ("overview", lambda: reverse("planning:overview", args=[2026]), 13),
    # The district and start pages also show the year's development money (budget panels).
    ("district", lambda: reverse("district", args=["alby"]), 21),
    ("start", lambda: reverse("start"), 20),
]


# The management office's start page: what is behind in every district it reads
# (one more query, for the year's dates, while some group has not started the year).
PINNED_READER_START = 14


@pytest.mark.parametrize("name,url,limit", PAGES, ids=[p[0] for p in PAGES])
def test_page_query_count_is_pinned(client, alby_plan, alby_developer, alby_member,
                                    django_assert_max_num_queries, name, url, limit):
    statistics.import_csv(CSV.encode(), "q.csv", None)
    fill(alby_plan, alby_member, 12)
    client.force_login(alby_developer)
    with django_assert_max_num_queries(limit):
        assert client.get(url()).status_code == 200


@pytest.mark.parametrize("name,url,limit", PAGES[:5], ids=[p[0] for p in PAGES[:5]])
def test_query_count_does_not_grow_with_the_number_of_efforts(client, alby_plan, alby_developer,
                                                               alby_member, name, url, limit):
    client.force_login(alby_developer)
    fill(alby_plan, alby_member, 2)
    with CaptureQueriesContext(connection) as few:
        client.get(url())
    fill(alby_plan, alby_member, 10)
    with CaptureQueriesContext(connection) as many:
        client.get(url())
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_public_page_query_count_is_pinned(client, alby_plan, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get(reverse("planning:public_district", args=["alby"])).status_code == 200


def test_history_looks_up_changed_foreign_keys_once_per_model(client, alby_plan, alby_developer,
                                                               alby_member, org):
    effort = add_effort(alby_plan, "Läxhjälp", organisation=org["UF"], contact=alby_member)
    url = reverse("planning:history", args=["alby", 2026, "handlingsplan"])
    client.force_login(alby_developer)

    def change(times):
        for n in range(times):
            effort.organisation = org["KOF"] if n % 2 == 0 else org["UF"]
            effort.contact = alby_developer if n % 2 == 0 else alby_member
            effort.save()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert change(2) == change(20)


def test_management_office_start_page_query_count_is_pinned_and_flat(
    client, reader, alby_plan, tumba_year, django_assert_max_num_queries
):
    from areas.models import AreaGroup
    from planning import services

    client.force_login(reader)
    with django_assert_max_num_queries(PINNED_READER_START):
        client.get(reverse("start"))
    with CaptureQueriesContext(connection) as two_groups:
        client.get(reverse("start"))
    for group in AreaGroup.objects.exclude(pk__in=[alby_plan.get_area_group().pk, tumba_year.area_group_id]):
        services.start_year(group, 2026)
    with django_assert_max_num_queries(PINNED_READER_START):
        assert client.get(reverse("start")).status_code == 200
    with CaptureQueriesContext(connection) as five_groups:
        client.get(reverse("start"))
    assert len(five_groups) <= len(two_groups)
