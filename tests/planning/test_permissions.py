"""Who may open and do what, per role, for every planning view (HTTP layer).

Own group / other group / reader / outsider / anonymous; 404 for what does not
exist, 403 for what exists but is not theirs."""

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction
from django.urls import reverse

from planning import editing, services
from planning.models import ActionPlan, Comment, Effort, FollowUpRow, PlanningYear, Status
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


@pytest.fixture
def editable(setup, alby, alby_plan, alby_interim, org):
    """What each editing post acts on, so that an allowed post changes something:
    an effort neither followed up nor funded (removed, moved up, its report row
    fetched), and last year's plan with an effort not done (copied forward)."""
    add_effort(services.start_year(alby, 2025).action_plan, "Fritidsgård")
    return {**setup, "plan": alby_plan, "interim": alby_interim, "org": org,
            "loose": add_effort(alby_plan, "Sommarlov")}


def _posts(s):
    """name: (url, data, what the post changes (read anew), the allowed change)."""
    base = ("alby", 2026)
    plan, loose, row = s["plan"], s["loose"], s["row"]
    return {
        "start_year": (reverse("planning:start_year", args=["alby"]), {"year": 2027},
                       lambda: sorted(PlanningYear.objects.filter(area_group=plan.get_area_group())
                                      .values_list("year", flat=True)),
                       lambda before, after: after == sorted([*before, 2027])),
        "effort_add": (reverse("planning:effort_add", args=base),
                       {"new-title": "Ny", "new-planned_cost": "0",
                        "new-organisation": s["org"]["KOF"].pk},
                       lambda: plan.efforts.count(), lambda before, after: after == before + 1),
        "effort_remove": (reverse("planning:effort_remove", args=[*base, loose.pk]), {},
                          lambda: Effort.objects.filter(pk=loose.pk).exists(),
                          lambda before, after: before and not after),
        "effort_move": (reverse("planning:effort_move", args=[*base, loose.pk, "upp"]), {},
                        lambda: Effort.objects.get(pk=loose.pk).position,
                        lambda before, after: after == before - 1),
        "copy_forward": (reverse("planning:copy_forward", args=base), {},
                         lambda: plan.efforts.count(), lambda before, after: after == before + 1),
        "rows_sync": (reverse("planning:rows_sync", args=[*base, "delarsrapport"]), {},
                      lambda: s["interim"].rows.count(), lambda before, after: after == before + 1),
        "row_remove": (reverse("planning:row_remove", args=[*base, "delarsrapport", row.pk]), {},
                       lambda: FollowUpRow.objects.filter(pk=row.pk).exists(),
                       lambda before, after: before and not after),
        "submit": (reverse("planning:workflow", args=[*base, "handlingsplan", "submit"]), {},
                   lambda: ActionPlan.objects.get(pk=plan.pk).status,
                   lambda before, after: (before, after) == (Status.DRAFT, Status.SUBMITTED)),
    }


def _post(client, url, data, state):
    """Post in a transaction rolled back afterwards (every post starts from the same
    plan): the status, and what the post changed as (before, after)."""
    with transaction.atomic():
        before = state()
        response = client.post(url, data)
        after = state()
        transaction.set_rollback(True)
    return response, before, after


@pytest.mark.parametrize("who,allowed", [
    ("alby_developer", True), ("alby_chair", True), ("alby_vice", False), ("alby_secretary", False),
    ("alby_member", False), ("tumba_developer", False), ("reader", False), ("outsider", False),
])
def test_editing_posts_need_the_developer_or_chair(request, client, editable, who, allowed):
    """Allowed: the change is saved (a redirect alone proves nothing: a refused
    step redirects too). Refused: 403 and nothing changed."""
    client.force_login(_person(request, who))
    for name, (url, data, state, changed) in _posts(editable).items():
        response, before, after = _post(client, url, data, state)
        if allowed:
            assert response.status_code == 302 and changed(before, after), (
                name, response.status_code, before, after)
        else:
            assert response.status_code == 403 and after == before, (
                name, response.status_code, before, after)


def test_anonymous_posts_go_to_login_and_change_nothing(client, editable):
    for name, (url, data, state, _changed) in _posts(editable).items():
        response, before, after = _post(client, url, data, state)
        assert response.status_code == 302 and "/logga-in/" in response["Location"], name
        assert after == before, name


@pytest.mark.parametrize("who,allowed", [
    ("alby_member", True), ("alby_secretary", True), ("alby_vice", True),
    ("alby_developer", True), ("reader", False), ("tumba_developer", False), ("outsider", False),
])
def test_group_members_comment_readers_do_not(request, client, setup, alby_year, who, allowed):
    user = _person(request, who)
    client.force_login(user)
    url = reverse("planning:comment_add", args=["alby", 2026, "handlingsplan"])
    response = client.post(url, {"body": "Bra insats"})
    saved = Comment.objects.filter(planning_year=alby_year, author=user, body="Bra insats")
    if allowed:
        assert response.status_code == 302 and saved.count() == 1
    else:
        assert response.status_code == 403 and not saved.exists()


def test_member_updates_only_efforts_they_are_contact_for(client, setup, alby_plan, alby_member):
    not_theirs = add_effort(alby_plan, "Någon annans")
    client.force_login(alby_member)
    assert client.get(reverse("planning:effort_edit", args=["alby", 2026, not_theirs.pk])).status_code == 403


@pytest.mark.parametrize("who,allowed", [
    ("alby_chair", True), ("alby_developer", False), ("alby_vice", False), ("reader", False),
    ("tumba_chair", False),
])
def test_only_own_chair_approves_over_http(request, client, setup, alby_plan, alby_developer,
                                           who, allowed):
    services.transition(alby_plan, "submit", alby_developer)
    client.force_login(_person(request, who))
    url = reverse("planning:workflow", args=["alby", 2026, "handlingsplan", "approve"])
    response = client.post(url)
    alby_plan.refresh_from_db()
    if allowed:
        assert response.status_code == 302 and alby_plan.status == Status.APPROVED
        assert alby_plan.approved_by == _person(request, who)
    else:
        assert response.status_code == 403 and alby_plan.status == Status.SUBMITTED


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
    add_effort(alby_plan)
    services.transition(alby_plan, "submit", alby_developer)
    client.force_login(alby_member)
    url = reverse("planning:workflow", args=["alby", 2026, "handlingsplan", "approve"])
    assert client.post(url, data).status_code == 403
    alby_plan.refresh_from_db()
    assert alby_plan.status == "submitted"
