"""Who may open and do what, per role, for every planning view (HTTP layer).

Own group / other group / reader / outsider / anonymous; 404 for what does not
exist, 403 for what exists but is not theirs."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.planning.conftest import add_effort

ALBY_ROLES = ["alby_developer", "alby_chair", "alby_vice", "alby_secretary", "alby_member"]
EVERYONE = ALBY_ROLES + ["tumba_developer", "reader", "outsider", "anonymous"]


def _status(client, user, method, url, data=None):
    if user is not None:
        client.force_login(user)
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


@pytest.fixture
def setup(alby_year, alby_plan, alby_interim, alby_member, tumba_people):
    effort = add_effort(alby_plan, contact=alby_member)
    from planning import editing

    editing.sync_report_rows(alby_interim)
    return {"effort": effort, "row": alby_interim.rows.get(),
            "section": alby_year.sections.filter(document="analysis").first()}


def _person(request, name):
    return None if name == "anonymous" else request.getfixturevalue(name)


READ_ONLY = {"alby_developer": 200, "alby_chair": 200, "alby_vice": 200, "alby_secretary": 200,
             "alby_member": 200, "tumba_developer": 403, "reader": 200, "outsider": 403,
             "anonymous": 302}
EDITORS = {"alby_developer": 200, "alby_chair": 200, "alby_vice": 403, "alby_secretary": 403,
           "alby_member": 403, "tumba_developer": 403, "reader": 403, "outsider": 403,
           "anonymous": 302}
CONTACT_OR_EDITOR = {**EDITORS, "alby_member": 200}  # the member is the effort's contact
MANAGEMENT = {name: 403 for name in EVERYONE} | {"anonymous": 302}


def _urls(s):
    base = ("alby", 2026)
    return [
        ("years", reverse("planning:years", args=["alby"]), READ_ONLY),
        ("year", reverse("planning:year", args=base), READ_ONLY),
        ("analysis", reverse("planning:document", args=[*base, "stadsdelsanalys"]), READ_ONLY),
        ("plan", reverse("planning:document", args=[*base, "handlingsplan"]), READ_ONLY),
        ("interim", reverse("planning:document", args=[*base, "delarsrapport"]), READ_ONLY),
        ("annual", reverse("planning:document", args=[*base, "arsrapport"]), READ_ONLY),
        ("history", reverse("planning:history", args=[*base, "handlingsplan"]), READ_ONLY),
        ("programme", reverse("planning:programme", args=["alby"]), READ_ONLY),
        ("section_edit", reverse("planning:section_edit", args=[*base, "stadsdelsanalys", s["section"].pk]), EDITORS),
        ("effort_edit", reverse("planning:effort_edit", args=[*base, s["effort"].pk]), CONTACT_OR_EDITOR),
        ("row_edit", reverse("planning:row_edit", args=[*base, "delarsrapport", s["row"].pk]), CONTACT_OR_EDITOR),
        ("due_dates", reverse("planning:due_dates", args=base), MANAGEMENT),
        ("statistics_import", reverse("planning:statistics_import"), MANAGEMENT),
    ]


@pytest.mark.parametrize("who", EVERYONE)
def test_get_views_answer_each_role(request, client, setup, who):
    user = _person(request, who)
    got = {name: _status(client, user, "get", url) for name, url, _ in _urls(setup)}
    expected = {name: table[who] for name, _, table in _urls(setup)}
    assert got == expected


def test_management_office_sets_due_dates_and_imports(client, setup, reader):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    for name, url, _table in _urls(setup):
        if name in ("due_dates", "statistics_import"):
            assert client.get(url).status_code == 200, name


def test_nonexistent_things_are_404(client, setup, alby_developer):
    client.force_login(alby_developer)
    for url in [
        reverse("planning:year", args=["alby", 1999]),
        reverse("planning:year", args=["finns-inte", 2026]),
        reverse("planning:document", args=["alby", 1999, "handlingsplan"]),
        reverse("planning:effort_edit", args=["alby", 2026, 999999]),
        reverse("planning:row_edit", args=["alby", 2026, "delarsrapport", 999999]),
        reverse("planning:public_district", args=["finns-inte"]),
    ]:
        assert client.get(url).status_code == 404, url


def test_effort_of_another_group_is_not_reachable_through_this_group(
    client, setup, tumba_year, tumba_developer
):
    other = add_effort(tumba_year.action_plan, "Tumbas insats")
    client.force_login(tumba_developer)
    # Tumba's developer asks for Tumba's effort under Alby's URL: 403 on the group.
    assert client.get(reverse("planning:effort_edit", args=["alby", 2026, other.pk])).status_code == 403
    client.force_login(tumba_developer)
    assert client.get(reverse("planning:effort_edit", args=["tumba", 2026, other.pk])).status_code == 200


def _posts(s):
    base = ("alby", 2026)
    return {
        "start_year": (reverse("planning:start_year", args=["alby"]), {"year": 2027}),
        "effort_add": (reverse("planning:effort_add", args=base),
                       {"new-title": "Ny", "new-planned_cost": "0", "new-organisation": ""}),
        "effort_remove": (reverse("planning:effort_remove", args=[*base, s["effort"].pk]), {}),
        "effort_move": (reverse("planning:effort_move", args=[*base, s["effort"].pk, "upp"]), {}),
        "copy_forward": (reverse("planning:copy_forward", args=base), {}),
        "rows_sync": (reverse("planning:rows_sync", args=[*base, "delarsrapport"]), {}),
        "row_remove": (reverse("planning:row_remove", args=[*base, "delarsrapport", s["row"].pk]), {}),
        "submit": (reverse("planning:workflow", args=[*base, "handlingsplan", "submit"]), {}),
    }


@pytest.mark.parametrize("who,allowed", [
    ("alby_developer", True), ("alby_chair", True), ("alby_vice", False), ("alby_secretary", False),
    ("alby_member", False), ("tumba_developer", False), ("reader", False), ("outsider", False),
])
def test_editing_posts_need_the_developer_or_chair(request, client, setup, who, allowed):
    user = _person(request, who)
    client.force_login(user)
    for name, (url, data) in _posts(setup).items():
        code = client.post(url, data).status_code
        if allowed:
            assert code in (200, 302), name
        else:
            assert code == 403, name


def test_anonymous_posts_go_to_login(client, setup):
    for name, (url, data) in _posts(setup).items():
        response = client.post(url, data)
        assert response.status_code == 302 and "/logga-in/" in response["Location"], name


@pytest.mark.parametrize("who,code", [
    ("alby_member", 302), ("alby_secretary", 302), ("alby_vice", 302), ("alby_developer", 302),
    ("reader", 403), ("tumba_developer", 403), ("outsider", 403),
])
def test_group_members_comment_readers_do_not(request, client, setup, who, code):
    client.force_login(_person(request, who))
    url = reverse("planning:comment_add", args=["alby", 2026, "handlingsplan"])
    assert client.post(url, {"body": "Bra insats"}).status_code == code


def test_member_updates_only_efforts_they_are_contact_for(client, setup, alby_plan, alby_member):
    not_theirs = add_effort(alby_plan, "Någon annans")
    client.force_login(alby_member)
    assert client.get(reverse("planning:effort_edit", args=["alby", 2026, not_theirs.pk])).status_code == 403


@pytest.mark.parametrize("who,code", [
    ("alby_chair", 302), ("alby_developer", 403), ("alby_vice", 403), ("reader", 403),
    ("tumba_chair", 403),
])
def test_only_own_chair_approves_over_http(request, client, setup, alby_plan, alby_developer, who, code):
    from planning import services

    services.transition(alby_plan, "submit", alby_developer)
    client.force_login(_person(request, who))
    url = reverse("planning:workflow", args=["alby", 2026, "handlingsplan", "approve"])
    assert client.post(url).status_code == code


def test_explicit_grant_on_one_group_reads_that_groups_documents_only(
    client, setup, tumba_year, outsider
):
    from guardian.shortcuts import assign_perm

    from areas.models import AreaGroup

    assign_perm("areas.view_areagroup", outsider, AreaGroup.objects.get(district__slug="alby"))
    client.force_login(outsider)
    assert client.get(reverse("planning:document", args=["alby", 2026, "handlingsplan"])).status_code == 200
    assert client.get(reverse("planning:document", args=["tumba", 2026, "handlingsplan"])).status_code == 403
    # ... and reading is all it gives.
    url = reverse("planning:section_edit", args=["alby", 2026, "stadsdelsanalys", setup["section"].pk])
    assert client.get(url).status_code == 403


def test_reader_sees_all_five_districts_in_the_overview(client, setup, reader):
    client.force_login(reader)
    html = client.get(reverse("planning:overview", args=[2026])).content.decode()
    for name in ("Alby", "Fittja", "Hallunda-Norsborg", "Tullinge", "Tumba"):
        assert name in html


def test_overview_shows_an_outsider_nothing(client, setup, outsider):
    client.force_login(outsider)
    html = client.get(reverse("planning:overview", args=[2026])).content.decode()
    assert "Du kan inte läsa någon områdesgrupp." in html


@pytest.mark.parametrize("data", [{"on": "inte ett datum"}, {"on": "2026-02-30", "case_number": "x" * 99}])
def test_workflow_step_checks_permission_before_the_form(client, setup, alby_plan, alby_developer,
                                                        alby_member, data):
    """A member posting 'approve' gets 403, whatever the form says, never a validation message."""
    from planning import services

    add_effort(alby_plan)
    services.transition(alby_plan, "submit", alby_developer)
    client.force_login(alby_member)
    url = reverse("planning:workflow", args=["alby", 2026, "handlingsplan", "approve"])
    assert client.post(url, data).status_code == 403
    alby_plan.refresh_from_db()
    assert alby_plan.status == "submitted"
