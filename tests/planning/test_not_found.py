"""A document kind, report kind, workflow step or direction that does not exist
answers 404, for everyone and before anyone is asked who they are: never a 403,
which would say that the step exists and is only not theirs."""

import pytest

from planning import editing
from tests.planning.conftest import add_effort

WHO = ["alby_developer", "alby_chair", "alby_member", "tumba_developer", "reader", "outsider",
       "anonymous"]
Y = "/stadsdelar/alby/planering/2026/"


@pytest.fixture
def things(alby_year, alby_plan, alby_interim, alby_member, tumba_people):
    effort = add_effort(alby_plan, contact=alby_member)
    editing.sync_report_rows(alby_interim)
    return {"effort": effort, "row": alby_interim.rows.get(),
            "section": alby_year.sections.filter(document="analysis").first()}


def _unknown(t):
    effort, row, section = t["effort"].pk, t["row"].pk, t["section"].pk
    return {
        "document of an unknown kind": f"{Y}okand/",
        "history of an unknown kind": f"{Y}okand/historik/",
        "unknown workflow step": f"{Y}handlingsplan/steg/okand/",
        "workflow step of an unknown kind": f"{Y}okand/steg/approve/",
        "section of an unknown kind": f"{Y}okand/avsnitt/{section}/",
        "comment on an unknown kind": f"{Y}okand/kommentarer/",
        "rows of a plan, not a report": f"{Y}handlingsplan/rader/ny/",
        "rows of an unknown report kind": f"{Y}okand/rader/ny/",
        "rows fetched into the analysis": f"{Y}stadsdelsanalys/rader/hamta/",
        "a row under a plan": f"{Y}handlingsplan/rader/{row}/",
        "a row removed under an unknown kind": f"{Y}okand/rader/{row}/ta-bort/",
        "a row moved in an unknown direction": f"{Y}delarsrapport/rader/{row}/flytta/sidled/",
        "an effort moved in an unknown direction":
            f"{Y}handlingsplan/insatser/{effort}/flytta/sidled/",
        "a public document of an unknown kind": "/offentlig/alby/2026/okand/",
    }


def _as(request, client, who):
    client.logout()
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


@pytest.mark.parametrize("who", WHO)
def test_unknown_kind_step_or_direction_is_404_for_everyone(request, client, things, who):
    client = _as(request, client, who)
    got = {(name, method): getattr(client, method)(url).status_code
           for name, url in _unknown(things).items() for method in ("get", "post")}
    assert got == {key: 404 for key in got}


def test_a_known_step_not_theirs_is_403_an_unknown_one_404(request, client, things):
    """The difference the 404 makes: the member may not approve (403), and a step
    that does not exist is not something they are refused (404)."""
    client = _as(request, client, "alby_member")
    assert client.post(f"{Y}handlingsplan/steg/approve/").status_code == 403
    assert client.post(f"{Y}handlingsplan/steg/godkann/").status_code == 404
    client = _as(request, client, "tumba_developer")
    assert client.post(f"{Y}handlingsplan/steg/submit/").status_code == 403
    assert client.post(f"{Y}handlingsplan/steg/okand/").status_code == 404
    assert client.post(f"{Y}delarsrapport/rader/{things['row'].pk}/flytta/upp/").status_code == 403
    assert client.post(
        f"{Y}delarsrapport/rader/{things['row'].pk}/flytta/sidled/").status_code == 404
