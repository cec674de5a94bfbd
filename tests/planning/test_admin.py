"""The freeze holds in the admin too: an approved document's efforts, follow-up
rows and frozen figures, and the main tasks of a programme an approved plan
implements, are not changed, added or deleted there (not even by a superuser,
not by a history revert); the page says why. Drafts are corrected as before."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.forms.models import model_to_dict
from django.test import RequestFactory
from simple_history.admin import SimpleHistoryAdmin

from areas.history_admin import HistoryAdmin
from planning import services, statistics
from planning.models import (
    ActionPlan,
    Effort,
    Figure,
    FollowUpRow,
    FrozenFigure,
    MainTask,
    Status,
    StrategicProgramme,
    WorkflowEvent,
)
from tests.planning.conftest import add_effort, walk
from tests.planning.test_editing import effort_data

FROZEN_PLAN = "Handlingsplan är godkänd och låst."
CSV = "stadsdel;år;indikator;värde;enhet;källa\nAlby;2025;Förvärvsfrekvens;61,5;procent;SCB\n"


def _url(obj, view="change", *extra):
    meta = obj._meta
    parts = [meta.app_label, meta.model_name, *([str(obj.pk)] if obj.pk else []), view, *extra]
    return "/admin/" + "/".join(parts) + "/"


def _effort_post(effort, **changes):
    data = {
        "action_plan": effort.action_plan_id, "position": effort.position, "title": effort.title,
        "description": effort.description, "goal": effort.goal, "main_task": "",
        "working_group": "", "organisation": "", "contact": effort.contact_id or "",
        "start_date": "", "end_date": "", "planned_cost": str(effort.planned_cost),
        "indicators": "", "copied_from": "",
    }
    data.update(changes)
    return data


def _row_post(row, **changes):
    data = {"report": row.report_id, "effort": row.effort_id, "position": row.position,
            "status": row.status, "done": row.done, "outcome": row.outcome,
            "comment": row.comment}
    data.update(changes)
    return data


def _snapshot(obj):
    fresh = type(obj).objects.get(pk=obj.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}


@pytest.fixture
def approved_plan(alby_plan, alby_developer, alby_chair, alby_member):
    effort = add_effort(alby_plan, contact=alby_member)
    effort.title = "Läxhjälp på biblioteket och i skolan"
    effort.save()  # a second version in its history, for the revert
    return walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)


@pytest.fixture
def approved_interim(approved_plan, alby_interim, alby_developer, alby_chair):
    """The approved plan filled the interim report; the chair approves that too."""
    row = alby_interim.rows.get()
    row.done = "Startat i februari"
    row.save()
    return walk(alby_interim, ["submit", "approve"], alby_developer, alby_chair)


# --- efforts -----------------------------------------------------------------------


def test_admin_shows_an_effort_of_an_approved_plan_read_only_and_says_why(
    login, superuser, approved_plan
):
    effort = approved_plan.efforts.get()
    response = login(superuser).get(_url(effort))
    html = response.content.decode()
    assert response.status_code == 200
    assert FROZEN_PLAN in html
    assert 'name="_save"' not in html and 'name="title"' not in html
    assert "/delete/" not in html


def test_admin_refuses_to_change_an_effort_of_an_approved_plan(login, superuser, approved_plan):
    effort = approved_plan.efforts.get()
    before = _snapshot(effort)
    response = login(superuser).post(_url(effort), _effort_post(effort, title="Ändrad i admin",
                                                                planned_cost="1"))
    assert response.status_code == 403
    assert _snapshot(effort) == before


def test_admin_refuses_to_delete_an_effort_of_an_approved_plan(login, superuser, approved_plan):
    effort = approved_plan.efforts.get()
    client = login(superuser)
    assert client.get(_url(effort, "delete")).status_code == 403
    assert client.post(_url(effort, "delete"), {"post": "yes"}).status_code == 403
    bulk = client.post("/admin/planning/effort/", {
        "action": "delete_selected", "_selected_action": [effort.pk], "post": "yes"})
    assert bulk.status_code == 200  # the refusal page (its follow-up row protects it too)
    assert "Kan inte ta bort insats" in bulk.content.decode()
    assert FROZEN_PLAN in bulk.content.decode()
    assert Effort.objects.filter(pk=effort.pk).exists()


def test_admin_refuses_to_add_an_effort_to_an_approved_plan(login, superuser, approved_plan):
    new = Effort(action_plan=approved_plan, title="Ny insats i admin", planned_cost=Decimal("0"))
    response = login(superuser).post("/admin/planning/effort/add/", _effort_post(new))
    assert response.status_code == 200
    assert FROZEN_PLAN in response.content.decode()
    assert not Effort.objects.filter(title="Ny insats i admin").exists()


def test_admin_refuses_to_move_an_effort_into_an_approved_plan(login, superuser, approved_plan,
                                                              alby):
    draft = services.start_year(alby, 2027).action_plan
    effort = Effort.objects.create(action_plan=draft, title="Nästa års insats")
    response = login(superuser).post(_url(effort), _effort_post(effort,
                                                                action_plan=approved_plan.pk))
    assert response.status_code == 200 and FROZEN_PLAN in response.content.decode()
    effort.refresh_from_db()
    assert effort.action_plan == draft


def test_admin_refuses_to_revert_an_effort_of_an_approved_plan(login, superuser, approved_plan):
    effort = approved_plan.efforts.get()
    first = effort.history.earliest()
    client = login(superuser)
    page = client.get(_url(effort, "history", str(first.history_id)))
    assert page.status_code == 200
    assert FROZEN_PLAN in page.content.decode() and 'name="_save"' not in page.content.decode()
    before = _snapshot(effort)
    revert = client.post(_url(effort, "history", str(first.history_id)),
                         _effort_post(effort, title=first.title))
    assert revert.status_code == 403
    assert _snapshot(effort) == before


def test_admin_refuses_to_bring_back_a_deleted_effort_into_an_approved_plan(
    login, superuser, alby_plan, alby_developer, alby_chair
):
    gone = add_effort(alby_plan, "Insats som togs bort")
    gone_pk, version = gone.pk, gone.history.earliest()
    gone.delete()
    add_effort(alby_plan)
    walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)
    response = login(superuser).post(
        f"/admin/planning/effort/{gone_pk}/history/{version.history_id}/",
        _effort_post(version.instance))
    assert response.status_code == 403
    assert not Effort.objects.filter(pk=gone_pk).exists()


def test_admin_refuses_the_efforts_of_a_submitted_plan_as_the_app_does(
    login, superuser, alby_plan, alby_developer, alby_chair, alby_member
):
    effort = add_effort(alby_plan, contact=alby_member)
    walk(alby_plan, ["submit"], alby_developer, alby_chair)
    client = login(superuser)
    page = client.get(_url(effort)).content.decode()
    assert "Handlingsplan är lämnad till områdesgruppen." in page
    assert client.post(_url(effort), _effort_post(effort, title="Ändrad")).status_code == 403
    effort.refresh_from_db()
    assert effort.title == "Läxhjälp på biblioteket"


def test_admin_corrects_adds_and_deletes_efforts_of_a_draft_plan(login, superuser, alby_plan,
                                                                 alby_member):
    effort = add_effort(alby_plan, contact=alby_member)
    client = login(superuser)
    changed = client.post(_url(effort), _effort_post(effort, title="Rättad i admin"))
    assert changed.status_code == 302
    effort.refresh_from_db()
    assert (effort.title, effort.version) == ("Rättad i admin", 2)
    new = Effort(action_plan=alby_plan, title="Ny insats i admin", planned_cost=Decimal("0"))
    assert client.post("/admin/planning/effort/add/", _effort_post(new)).status_code == 302
    added = Effort.objects.get(title="Ny insats i admin")
    assert added.action_plan == alby_plan
    assert client.post(_url(added, "delete"), {"post": "yes"}).status_code == 302
    assert not Effort.objects.filter(pk=added.pk).exists()


def test_admin_reverts_an_effort_of_a_draft_plan_as_a_new_version(login, superuser, alby_plan):
    effort = add_effort(alby_plan)
    effort.title = "Andra lydelsen"
    effort.version = 2
    effort.save()
    first = effort.history.earliest()
    response = login(superuser).post(_url(effort, "history", str(first.history_id)),
                                     _effort_post(effort, title=first.title))
    assert response.status_code == 302
    effort.refresh_from_db()
    assert (effort.title, effort.version) == ("Läxhjälp på biblioteket", 3)


def test_a_form_opened_before_an_admin_correction_meets_the_version_guard(
    login, superuser, alby_developer, alby_plan, alby_member, org
):
    effort = add_effort(alby_plan, contact=alby_member, organisation=org["UF"])
    corrected = login(superuser).post(_url(effort), _effort_post(
        effort, title="Rättad i admin", organisation=org["UF"].pk))
    assert corrected.status_code == 302
    url = f"/stadsdelar/alby/planering/2026/handlingsplan/insatser/{effort.pk}/"
    opened = effort_data(f"e{effort.pk}", title="Utvecklarens text", organisation=org["UF"].pk,
                         version=1)  # the form the developer opened before the correction
    response = login(alby_developer).post(url, opened)
    assert "Någon annan har sparat ändringar här" in response.content.decode()
    effort.refresh_from_db()
    assert effort.title == "Rättad i admin"


# --- follow-up rows ----------------------------------------------------------------

FROZEN_REPORT = "Delårsrapport är godkänd och låst."


def test_admin_refuses_to_change_delete_or_revert_a_row_of_an_approved_report(
    login, superuser, approved_interim
):
    row = approved_interim.rows.get()
    before = _snapshot(row)
    client = login(superuser)
    page = client.get(_url(row))
    assert page.status_code == 200 and FROZEN_REPORT in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert client.post(_url(row), _row_post(row, done="Ändrat i admin")).status_code == 403
    assert client.post(_url(row, "delete"), {"post": "yes"}).status_code == 403
    bulk = client.post("/admin/planning/followuprow/", {
        "action": "delete_selected", "_selected_action": [row.pk], "post": "yes"})
    assert bulk.status_code == 403
    first = row.history.earliest()
    assert client.post(_url(row, "history", str(first.history_id)),
                       _row_post(row, done="")).status_code == 403
    assert _snapshot(row) == before


def test_admin_refuses_to_add_a_row_to_an_approved_report(login, superuser, approved_interim,
                                                          alby_plan):
    extra = add_effort(alby_plan, "Insats som lades till efteråt")  # no follow-up yet
    new = FollowUpRow(report=approved_interim, effort=extra)
    response = login(superuser).post("/admin/planning/followuprow/add/", _row_post(new))
    assert response.status_code == 200 and FROZEN_REPORT in response.content.decode()
    assert not FollowUpRow.objects.filter(effort=extra).exists()


def test_admin_corrects_adds_and_deletes_rows_of_a_draft_report(login, superuser, approved_plan,
                                                                alby_interim, alby_plan):
    row = alby_interim.rows.get()  # the approved plan filled the draft interim report
    client = login(superuser)
    assert client.post(_url(row), _row_post(row, done="Rättat i admin")).status_code == 302
    row.refresh_from_db()
    assert (row.done, row.version) == ("Rättat i admin", 2)
    extra = Effort.objects.create(action_plan=alby_plan, title="Lades till efteråt")
    added = client.post("/admin/planning/followuprow/add/",
                        _row_post(FollowUpRow(report=alby_interim, effort=extra)))
    assert added.status_code == 302
    new = FollowUpRow.objects.get(effort=extra)
    assert client.post(_url(new, "delete"), {"post": "yes"}).status_code == 302
    assert not FollowUpRow.objects.filter(pk=new.pk).exists()


# --- figures -----------------------------------------------------------------------


@pytest.fixture
def approved_analysis(alby_analysis, alby_developer, alby_chair):
    statistics.import_csv(CSV.encode(), "scb.csv", None)
    return walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)


def test_admin_never_changes_adds_or_deletes_the_frozen_figures_of_an_approved_analysis(
    login, superuser, approved_analysis
):
    frozen = approved_analysis.frozen_figures.get()
    before = _snapshot(frozen)
    client = login(superuser)
    assert client.get("/admin/planning/frozenfigure/").status_code == 200
    page = client.get(_url(frozen))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert "frystes med stadsdelsanalysen" in page.content.decode()
    data = {"analysis": approved_analysis.pk, "district": frozen.district_id,
            "indicator": frozen.indicator_id, "year": 2025, "value": "99", "unit": "procent",
            "source": "Admin"}
    assert client.post(_url(frozen), data).status_code == 403
    assert client.post("/admin/planning/frozenfigure/add/", data).status_code == 403
    assert client.post(_url(frozen, "delete"), {"post": "yes"}).status_code == 403
    assert _snapshot(frozen) == before
    assert FrozenFigure.objects.count() == 1


def test_admin_correction_of_a_figure_leaves_the_approved_analysis_as_approved(
    login, superuser, alby_developer, approved_analysis
):
    figure = Figure.objects.get()
    client = login(superuser)
    response = client.post(_url(figure), {
        "district": figure.district_id, "indicator": figure.indicator_id, "year": 2025,
        "value": "63.0", "unit": "procent", "source": "SCB", "batch": figure.batch_id or "",
    })
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.value == Decimal("63.0")
    assert approved_analysis.frozen_figures.get().value == Decimal("61.5")
    page = login(alby_developer).get("/stadsdelar/alby/planering/2026/stadsdelsanalys/")
    html = page.content.decode()
    assert "61,5" in html and "63" in html  # the frozen value, and the revision flagged


# --- documents, workflow events ----------------------------------------------------


def test_admin_refuses_to_revert_an_approved_plan_to_its_draft(login, superuser, approved_plan):
    draft = approved_plan.history.filter(status=Status.DRAFT).earliest()
    client = login(superuser)
    page = client.get(_url(approved_plan, "history", str(draft.history_id)))
    assert page.status_code == 200 and "genom arbetsflödet" in page.content.decode()
    as_it_was = {k: "" if v is None else v for k, v in model_to_dict(draft.instance).items()}
    response = client.post(_url(approved_plan, "history", str(draft.history_id)), as_it_was)
    assert response.status_code == 403
    assert ActionPlan.objects.get(pk=approved_plan.pk).status == Status.APPROVED


def test_admin_never_writes_the_workflow_record(login, superuser, approved_plan, alby_chair):
    event = WorkflowEvent.objects.get(action="approve")
    client = login(superuser)
    added = client.post("/admin/planning/workflowevent/add/", {
        "planning_year": approved_plan.planning_year_id, "document": "action_plan",
        "action": "reopen", "from_status": "approved", "to_status": "draft",
        "by": alby_chair.pk, "at_0": "2026-03-01", "at_1": "10:00", "note": "Påhittad"})
    assert added.status_code == 403
    assert client.post(_url(event, "delete"), {"post": "yes"}).status_code == 403
    assert list(WorkflowEvent.objects.values_list("action", flat=True)) == ["approve", "submit"]


# --- main tasks of a programme -----------------------------------------------------


@pytest.fixture
def programme(alby):
    programme = StrategicProgramme.objects.create(
        district=alby.district, title="Strategiskt utvecklingsprogram för Alby",
        adopted_on=date(2024, 6, 13), first_year=2025, case_number="KS/2024:12")
    MainTask.objects.create(programme=programme, position=1, title="Trygghet",
                            paths="Fler vuxna ute")
    return programme


def _programme_post(programme, task_title, extra_task=None, delete=False):
    task = programme.main_tasks.get()
    data = {
        "district": programme.district_id, "title": programme.title,
        "adopted_on": "2024-06-13", "adopted_by": programme.adopted_by,
        "case_number": programme.case_number, "first_year": 2025, "last_year": "",
        "summary": "", "main_tasks-TOTAL_FORMS": 2 if extra_task else 1,
        "main_tasks-INITIAL_FORMS": 1, "main_tasks-MIN_NUM_FORMS": 0,
        "main_tasks-MAX_NUM_FORMS": 1000,
        "main_tasks-0-id": task.pk, "main_tasks-0-programme": programme.pk,
        "main_tasks-0-position": 1, "main_tasks-0-title": task_title,
        "main_tasks-0-description": "", "main_tasks-0-paths": task.paths,
    }
    if delete:
        data["main_tasks-0-DELETE"] = "on"
    if extra_task:
        data.update({"main_tasks-1-programme": programme.pk, "main_tasks-1-position": 2,
                     "main_tasks-1-title": extra_task, "main_tasks-1-description": "",
                     "main_tasks-1-paths": ""})
    return data


def test_admin_keeps_the_main_tasks_of_a_programme_an_approved_plan_implements(
    login, superuser, programme, approved_plan
):
    client = login(superuser)
    url = _url(programme)
    page = client.get(url).content.decode()
    assert "genomför programmet och är godkänd och låst" in page
    assert 'name="main_tasks-0-title"' not in page
    client.post(url, _programme_post(programme, "Omdöpt", extra_task="Ny uppgift"))
    client.post(url, _programme_post(programme, "Trygghet", delete=True))
    assert list(programme.main_tasks.values_list("title", flat=True)) == ["Trygghet"]
    assert client.post(_url(programme, "delete"), {"post": "yes"}).status_code == 403
    assert StrategicProgramme.objects.filter(pk=programme.pk).exists()


def test_admin_changes_the_main_tasks_while_no_approved_plan_implements_the_programme(
    login, superuser, programme, alby_plan
):
    client = login(superuser)
    response = client.post(_url(programme), _programme_post(programme, "Omdöpt",
                                                            extra_task="Ny uppgift"))
    assert response.status_code == 302
    assert sorted(programme.main_tasks.values_list("title", flat=True)) == ["Ny uppgift", "Omdöpt"]


# --- every audited admin -----------------------------------------------------------


def test_every_admin_with_history_holds_a_revert_to_the_rule_of_a_change():
    plain = [type(a).__name__ for a in admin.site._registry.values()
             if isinstance(a, SimpleHistoryAdmin) and not isinstance(a, HistoryAdmin)]
    assert not plain, plain


def test_every_planning_admin_page_opens_for_the_superuser(login, superuser, approved_interim,
                                                           approved_analysis, programme):
    client = login(superuser)
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label != "planning":
            continue
        base = f"/admin/planning/{model._meta.model_name}/"
        assert client.get(base).status_code == 200, model
        expected_add = 200 if model_admin.has_add_permission(_request(superuser)) else 403
        assert client.get(base + "add/").status_code == expected_add, model
        obj = model.objects.first()
        assert obj is not None, model
        assert client.get(f"{base}{obj.pk}/change/").status_code == 200, model
        if isinstance(model_admin, SimpleHistoryAdmin):
            assert client.get(f"{base}{obj.pk}/history/").status_code == 200, model
            record = obj.history.first()
            assert client.get(f"{base}{obj.pk}/history/{record.history_id}/").status_code == 200


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_admin_asks_the_one_permission_answer_of_staff_who_are_not_superusers(
    login, alby_plan, alby_developer, reader
):
    """Staff with the admin's model permissions still need the app's right to edit
    the document: the management office's reader has none in Alby, its developer has."""
    effort = add_effort(alby_plan)
    perms = Permission.objects.filter(content_type__app_label="planning",
                                      codename__in=["view_effort", "change_effort"])
    for user in (reader, alby_developer):
        user.is_staff = True
        user.save()
        user.user_permissions.add(*perms)
    refused = login(type(reader).objects.get(pk=reader.pk))
    assert "Bara områdesutvecklaren och ordföranden" in refused.get(_url(effort)).content.decode()
    assert refused.post(_url(effort), _effort_post(effort, title="Läsarens")).status_code == 403
    allowed = login(type(alby_developer).objects.get(pk=alby_developer.pk))
    assert allowed.post(_url(effort), _effort_post(effort, title="Utvecklarens")).status_code == 302
    effort.refresh_from_db()
    assert effort.title == "Utvecklarens"
