"""Copy forward, the public page, the yearly wheel's due dates and panels,
history with diffs, and the budget section of the annual report."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from planning import editing, errors, services
from planning.deadlines import deadlines
from planning.models import Effort, FollowUpStatus, PlanningYear, Section, Status
from tests.planning.conftest import add_effort, walk


@pytest.fixture
def last_year_plan(alby, alby_people):
    return services.start_year(alby, 2025).action_plan


def test_copy_forward_takes_last_years_efforts_that_are_not_done(
    client, last_year_plan, alby_plan, alby_developer
):
    done = add_effort(last_year_plan, "Klar insats", start_date=date(2025, 3, 1), end_date=date(2025, 5, 31))
    ongoing = add_effort(last_year_plan, "Pågående insats", start_date=date(2025, 2, 1),
                         end_date=date(2025, 12, 31), planned_cost=Decimal("1234.50"))
    never = add_effort(last_year_plan, "Ej uppföljd insats")
    annual = last_year_plan.planning_year.reports.get(kind="annual_report")
    editing.sync_report_rows(annual)
    for effort, status in ((done, FollowUpStatus.DONE), (ongoing, FollowUpStatus.ONGOING)):
        row = annual.rows.get(effort=effort)
        row.status = status
        row.save()

    client.force_login(alby_developer)
    response = client.post(reverse("planning:copy_forward", args=["alby", 2026]), follow=True)
    assert "2 insatser från 2025" in response.content.decode()
    copies = {e.title: e for e in alby_plan.efforts.all()}
    assert set(copies) == {"Pågående insats", "Ej uppföljd insats"}
    copy = copies["Pågående insats"]
    assert copy.copied_from == ongoing and copy.planned_cost == Decimal("1234.50")
    assert (copy.start_date, copy.end_date) == (date(2026, 2, 1), date(2026, 12, 31))
    assert copies["Ej uppföljd insats"].copied_from == never


def _follow_up(plan, kind, statuses):
    report = plan.planning_year.reports.get(kind=kind)
    editing.sync_report_rows(report)
    for effort, status in statuses.items():
        row = report.rows.get(effort=effort)
        row.status = status
        row.save()


def test_copy_forward_goes_by_the_latest_report_annual_before_interim(last_year_plan, alby_plan):
    # A draft interim report said done; the annual report says it goes on: copied.
    resumed = add_effort(last_year_plan, "Klar i september, pågår i december")
    # Ongoing in September, done by the annual report: not copied.
    finished = add_effort(last_year_plan, "Pågår i september, klar i december")
    # Only the interim report so far, and it says cancelled: not copied.
    cancelled = add_effort(last_year_plan, "Avbruten i september")
    _follow_up(last_year_plan, "interim_report", {
        resumed: FollowUpStatus.DONE, finished: FollowUpStatus.ONGOING, cancelled: FollowUpStatus.CANCELLED,
    })
    _follow_up(last_year_plan, "annual_report", {
        resumed: FollowUpStatus.ONGOING, finished: FollowUpStatus.DONE,
    })
    last_year_plan.planning_year.reports.get(kind="annual_report").rows.get(effort=cancelled).delete()

    assert [e.title for e in editing.copy_forward(alby_plan)] == ["Klar i september, pågår i december"]


def test_copy_forward_twice_copies_nothing_twice(last_year_plan, alby_plan):
    add_effort(last_year_plan, "Pågående", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    assert len(editing.copy_forward(alby_plan)) == 1
    assert editing.copy_forward(alby_plan) == []
    assert alby_plan.efforts.count() == 1


def test_copy_forward_refused_on_an_approved_plan(last_year_plan, alby_plan, alby_developer, alby_chair):
    add_effort(last_year_plan, "Pågående")
    add_effort(alby_plan, "Redan planerad")
    walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)
    with pytest.raises(errors.FrozenError):
        editing.copy_forward(alby_plan)


def test_public_page_shows_only_published_documents(client, alby_year, alby_analysis, alby_developer,
                                                    alby_chair):
    analysis, plan = alby_analysis, alby_year.action_plan
    add_effort(plan, "Trygghetsvandringar")
    walk(analysis, ["submit", "approve", "committee", "report", "publish"], alby_developer, alby_chair)
    walk(plan, ["submit", "approve", "committee", "report"], alby_developer, alby_chair)

    response = client.get(reverse("planning:public_district", args=["alby"]))  # not signed in
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stadsdelsanalys 2026" in html and "Handlingsplan 2026" not in html
    assert client.get(reverse("planning:public_document", args=["alby", 2026, "stadsdelsanalys"])).status_code == 200
    assert client.get(reverse("planning:public_document", args=["alby", 2026, "handlingsplan"])).status_code == 404


def test_public_document_shows_the_published_plan(client, alby_year, alby_developer, alby_chair):
    plan = alby_year.action_plan
    add_effort(plan, "Trygghetsvandringar")
    walk(plan, ["submit", "approve", "committee", "report", "publish"], alby_developer, alby_chair)
    html = client.get(reverse("planning:public_document", args=["alby", 2026, "handlingsplan"])).content.decode()
    assert "Trygghetsvandringar" in html and "KS/2026:55" in html


def test_late_documents_say_by_how_much(alby_year):
    due = deadlines([alby_year.area_group], today=date(2026, 3, 2))
    by_kind = {d.kind: d for d in due}
    assert by_kind["analysis"].is_late and by_kind["analysis"].days == 30
    assert "interim_report" not in by_kind  # due in September: not yet within reach


def test_soon_due_documents_count_the_days_left(alby_year):
    due = {d.kind: d for d in deadlines([alby_year.area_group], today=date(2026, 9, 1))}
    assert due["interim_report"].days_left == 29 and not due["interim_report"].is_late


def test_approved_documents_are_not_due(alby_year, alby_analysis, alby_developer, alby_chair):
    walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)
    kinds = {d.kind for d in deadlines([alby_year.area_group], today=date(2026, 3, 2))}
    assert "analysis" not in kinds and "action_plan" in kinds


def test_year_not_started_is_due(alby, alby_people):
    due = deadlines([alby], today=date(2026, 2, 10))
    assert [d.kind for d in due] == ["year"] and due[0].days == 10


def test_due_dates_are_data_set_by_the_management_office(client, alby_year, reader):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    url = reverse("planning:due_dates", args=["alby", 2026])
    data = {"analysis_due": "2026-02-15", "action_plan_due": "2026-02-15", "committee_due": "2026-03-20",
            "interim_report_due": "2026-09-25", "annual_report_due": "2027-02-10"}
    assert client.post(url, data).status_code == 302
    alby_year.refresh_from_db()
    assert alby_year.analysis_due == date(2026, 2, 15)
    assert {d.kind: d for d in deadlines([alby_year.area_group], today=date(2026, 2, 20))}["analysis"].days == 5


def test_due_date_outside_the_year_is_refused(client, alby_year, superuser):
    client.force_login(superuser)
    url = reverse("planning:due_dates", args=["alby", 2026])
    data = {"analysis_due": "2025-12-15", "action_plan_due": "2026-02-15", "committee_due": "2026-03-20",
            "interim_report_due": "2026-09-25", "annual_report_due": "2027-02-10"}
    response = client.post(url, data)
    assert "Datumet ska ligga inom 2026." in response.content.decode()
    alby_year.refresh_from_db()
    assert alby_year.analysis_due == date(2026, 1, 31)


def test_start_page_and_district_page_show_what_is_late(client, alby_year, alby_member):
    client.force_login(alby_member)
    start = client.get(reverse("start")).content.decode()
    assert "Årshjulet" in start and "dagar sen" in start
    district = client.get(reverse("district", args=["alby"])).content.decode()
    assert "Planeringsåret 2026" in district and "Stadsdelsanalys 2026" in district


def test_developer_starts_a_year_over_http(client, alby, alby_developer):
    client.force_login(alby_developer)
    response = client.post(reverse("planning:start_year", args=["alby"]), {"year": 2027})
    assert response.status_code == 302
    assert PlanningYear.objects.filter(area_group=alby, year=2027).exists()


def test_history_shows_who_changed_what_with_a_diff(client, alby_analysis, alby_developer, alby_chair):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    url = reverse("planning:section_edit", args=["alby", 2026, "stadsdelsanalys", section.pk])
    p = f"s{section.pk}"
    client.force_login(alby_developer)
    client.post(url, {f"{p}-body": "Befolkningen växer långsamt", f"{p}-version": 1})
    client.post(url, {f"{p}-body": "Befolkningen växer snabbt", f"{p}-version": 2})
    walk(alby_analysis, ["submit", "approve", "reopen"], alby_developer, alby_chair)
    html = client.get(reverse("planning:history", args=["alby", 2026, "stadsdelsanalys"])).content.decode()
    assert "<del>långsamt</del>" in html and "<ins>snabbt</ins>" in html
    assert "Utvecklare Alby" in html
    assert "Fel belopp" in html  # the reason for reopening


def test_only_the_annual_report_has_a_budget_section(client, alby_interim, alby_developer):
    client.force_login(alby_developer)
    assert "Budgetutfall" not in client.get(alby_interim.get_absolute_url()).content.decode()


def test_annual_report_shows_planned_against_spent(
    client, alby_plan, alby_annual, alby_developer, monkeypatch
):
    from budget import services as budget_services

    effort = add_effort(alby_plan, "Sommarlov", planned_cost=Decimal("85000"))
    monkeypatch.setattr(budget_services, "outcome_by_effort", lambda g, y: [
        {"effort": effort, "planned": Decimal("85000"), "decided": Decimal("80000"), "booked": Decimal("61250.50")},
    ])
    monkeypatch.setattr(budget_services, "outcome_by_cost_type", lambda g, y: [
        {"cost_type": "Köp av varor och tjänster", "decided": Decimal("80000"), "booked": Decimal("61250.50")},
    ])
    client.force_login(alby_developer)
    html = client.get(alby_annual.get_absolute_url()).content.decode()
    assert "Budgetutfall" in html and "Köp av varor och tjänster" in html
    assert "61\xa0250,50\xa0kr" in html  # the app's one money format (areas.formats.kr)
    assert "5\xa0000\xa0kr" in html  # left of the planned amount


def test_effort_interface_allows_zero_cost(alby_plan):
    effort = add_effort(alby_plan, "Gratis", planned_cost=Decimal("0"))
    effort.full_clean()
    assert Effort.objects.get().planned_cost == 0


def test_status_change_is_refused_once_published(alby_analysis, alby_developer, alby_chair):
    walk(alby_analysis, ["submit", "approve", "committee", "report", "publish"], alby_developer, alby_chair)
    assert alby_analysis.status == Status.PUBLISHED
    with pytest.raises(services.PlanningError):
        services.transition(alby_analysis, "publish", alby_developer)


def test_plan_shows_efforts_and_cost_per_main_task(client, alby_plan, alby_developer):
    from planning.models import MainTask, StrategicProgramme

    programme = StrategicProgramme.objects.create(
        district=alby_plan.get_area_group().district, title="Program för Alby",
        adopted_on=date(2017, 6, 15), first_year=2018,
    )
    task = MainTask.objects.create(programme=programme, position=1, title="Trygg stadsdel")
    add_effort(alby_plan, "Trygghetsvandringar", main_task=task, planned_cost=Decimal("12000"))
    add_effort(alby_plan, "Annat", planned_cost=Decimal("500"))
    client.force_login(alby_developer)
    html = client.get(alby_plan.get_absolute_url()).content.decode()
    assert "Så genomför planen det strategiska programmet" in html
    assert "1. Trygg stadsdel" in html and "Utan huvuduppgift" in html


def test_start_page_tells_the_chair_what_waits_for_approval(client, alby_plan, alby_developer, alby_chair):
    add_effort(alby_plan, "Sommarlov")
    walk(alby_plan, ["submit"], alby_developer, alby_chair)
    client.force_login(alby_chair)
    assert "Väntar på ditt godkännande" in client.get(reverse("start")).content.decode()
    client.force_login(alby_developer)
    assert "Väntar på ditt godkännande" not in client.get(reverse("start")).content.decode()


def test_start_page_tells_the_contact_member_what_to_follow_up(client, alby_plan, alby_interim, alby_member):
    add_effort(alby_plan, "Läxhjälp", contact=alby_member)
    editing.sync_report_rows(alby_interim)
    client.force_login(alby_member)
    html = client.get(reverse("start")).content.decode()
    assert "Uppföljning av dina insatser" in html and "Läxhjälp" in html


def test_history_shows_changed_main_task_working_group_administration_and_contact_by_name(
    client, alby_plan, alby_developer, alby_member, org
):
    from areas.models import WorkingGroup

    effort = add_effort(alby_plan, "Läxhjälp", organisation=org["UF"], contact=alby_member)
    group = WorkingGroup.objects.create(area_group=alby_plan.get_area_group(), name="Trygghetsgruppen",
                                        kind=WorkingGroup.Kind.WORKING)
    effort.organisation, effort.working_group, effort.contact = org["KOF"], group, alby_developer
    effort.save()
    client.force_login(alby_developer)
    html = client.get(reverse("planning:history", args=["alby", 2026, "handlingsplan"])).content.decode()
    assert "ansvarig förvaltning eller aktör" in html
    assert "<del>Utbildningsförvaltningen</del>" in html and "<ins>Kultur- och fritidsförvaltningen</ins>" in html
    assert "<del>–</del>" in html and "<ins>Trygghetsgruppen</ins>" in html
    assert "<del>Ledamot Alby</del>" in html and "<ins>Utvecklare Alby</ins>" in html


def test_history_status_change_shows_the_labels(client, alby_interim, alby_developer, effort):
    editing.sync_report_rows(alby_interim)
    row = alby_interim.rows.get()
    row.status = FollowUpStatus.ONGOING
    row.save()
    client.force_login(alby_developer)
    html = client.get(reverse("planning:history", args=["alby", 2026, "delarsrapport"])).content.decode()
    assert "<del>Ej påbörjad</del>" in html and "<ins>Pågår</ins>" in html


def test_long_history_is_paged_not_cut(client, alby_plan, alby_developer):
    effort = add_effort(alby_plan, "Version 0")
    for n in range(1, 130):
        effort.title = f"Version {n}"
        effort.save()
    client.force_login(alby_developer)
    url = reverse("planning:history", args=["alby", 2026, "handlingsplan"])
    first = client.get(url).content.decode()
    # 130 records of the effort and the plan's section created with the year.
    assert "Ändring 1–100 av 131" in first and "<del>128</del> <ins>129</ins>" in first
    assert '?sida=2" rel="next"' in first
    second = client.get(url + "?sida=2").content.decode()
    assert "Ändring 101–131 av 131" in second
    assert "Insats: Version 0</strong> · Skapad" in second  # the oldest entries are reachable


def test_document_submitted_on_time_waits_for_approval_and_is_not_late(
    client, alby_analysis, alby_developer
):
    submitted = timezone.make_aware(datetime(2026, 1, 20, 10, 0))  # due 31 January
    services.transition(alby_analysis, "submit", alby_developer, at=submitted)
    alby_analysis.refresh_from_db()
    assert alby_analysis.days_late(date(2026, 11, 2)) == 0
    item = {d.kind: d for d in deadlines([alby_analysis.get_area_group()], today=date(2026, 11, 2))}["analysis"]
    assert not item.is_late and item.waiting_since == date(2026, 1, 20)

    client.force_login(alby_developer)
    start = client.get(reverse("start")).content.decode()
    line = start.split('href="' + alby_analysis.get_absolute_url() + '"')[1].split("</li>")[0]
    assert "väntar på godkännande sedan 20 jan 2026" in line and "dagar sen" not in line
    page = client.get(alby_analysis.get_absolute_url()).content.decode()
    assert "Väntar på godkännande sedan 20 jan 2026" in page and "dagar sen" not in page


def test_document_submitted_after_its_due_date_stays_late_while_it_waits(alby_analysis, alby_developer):
    services.transition(alby_analysis, "submit", alby_developer,
                        at=timezone.make_aware(datetime(2026, 2, 10, 10, 0)))
    alby_analysis.refresh_from_db()
    item = {d.kind: d for d in deadlines([alby_analysis.get_area_group()], today=date(2026, 3, 2))}["analysis"]
    assert item.days == 30 and item.waiting_since == date(2026, 2, 10)


def test_management_office_sees_what_is_behind_in_every_district_on_the_start_page(
    client, reader, alby_analysis, alby_developer, alby_chair, tumba_year, tumba_developer
):
    walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)  # never reached the committee
    section = tumba_year.sections.filter(document="analysis").first()
    section.body = "Tumba växer."
    section.save()
    services.transition(tumba_year.analysis, "submit", tumba_developer,
                        at=timezone.make_aware(datetime(2026, 1, 20, 10, 0)))  # in time
    client.force_login(reader)
    html = client.get(reverse("start")).content.decode()
    assert "Inget väntar på dig" not in html
    panel = html.split("Alla stadsdelar: det här ligger efter i årshjulet")[1].split("</article>")[0]
    alby, tumba = panel.split("<h4>Alby</h4>")[1].split("<h4>")[0], panel.split("<h4>Tumba</h4>")[1]
    assert "Stadsdelsanalys 2026</a>:\n      godkänd men inte behandlad i demokratiberedningen" in alby
    assert "Handlingsplan 2026</a>:\n      <strong>" in alby and "dagar sen" in alby
    assert "Handlingsplan 2026</a>:\n      <strong>" in tumba
    # Submitted in time, but the chair has not approved it since January: the office sees that too.
    assert "Stadsdelsanalys 2026</a>:\n      lämnad i tid, väntar på ordförandens godkännande sedan 20 jan 2026" in tumba
    # Districts whose year has not started are behind too.
    assert "<h4>Fittja</h4>" in panel and "Planeringsåret 2026 är inte påbörjat" in panel


def test_committee_wait_counts_from_the_committee_due_date(alby_analysis, alby_developer, alby_chair):
    from planning.deadlines import waiting_for_committee

    walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)
    group = alby_analysis.get_area_group()
    assert waiting_for_committee([group], today=date(2026, 3, 31)) == []
    [wait] = waiting_for_committee([group], today=date(2026, 4, 10))
    assert (wait.document.kind, wait.due, wait.days) == ("analysis", date(2026, 3, 31), 10)
    walk(alby_analysis, ["committee"], alby_developer, alby_chair)
    assert waiting_for_committee([group], today=date(2026, 4, 10)) == []


def test_members_of_one_group_do_not_get_the_all_districts_panel(client, alby_year, tumba_year, alby_developer):
    client.force_login(alby_developer)
    assert "Alla stadsdelar: det här" not in client.get(reverse("start")).content.decode()


YEAR_DATES = {"datum-analysis_due": "2027-02-12", "datum-action_plan_due": "2027-02-12",
              "datum-committee_due": "2027-03-18", "datum-interim_report_due": "2027-09-24",
              "datum-annual_report_due": "2028-02-11"}


def test_management_office_sets_one_years_dates_for_every_group_at_once(client, reader, alby, tumba,
                                                                       alby_people):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    started = services.start_year(alby, 2027)  # Alby has started 2027; Tumba has not
    client.force_login(reader)
    url = reverse("planning:overview", args=[2027])
    assert "Datum i årshjulet 2027 för alla områdesgrupper" in client.get(url).content.decode()
    response = client.post(url, YEAR_DATES, follow=True)
    assert "gäller nu alla områdesgrupper" in response.content.decode()
    started.refresh_from_db()
    assert (started.analysis_due, started.committee_due) == (date(2027, 2, 12), date(2027, 3, 18))
    # A group that has not started the year is due by them, and starts from them.
    [not_started] = deadlines([tumba], today=date(2027, 2, 20))
    assert (not_started.kind, not_started.due, not_started.days) == ("year", date(2027, 2, 12), 8)
    later = services.start_year(tumba, 2027)
    assert (later.analysis_due, later.annual_report_due) == (date(2027, 2, 12), date(2028, 2, 11))
    assert services.start_year(tumba, 2028).analysis_due == date(2028, 1, 31)  # other years: the guidelines'


def test_year_dates_for_all_groups_are_refused_outside_the_year(client, reader):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    response = client.post(reverse("planning:overview", args=[2027]),
                           {**YEAR_DATES, "datum-committee_due": "2026-12-01"})
    assert response.status_code == 200
    assert "Datumet ska ligga inom 2027." in response.content.decode()
    assert f'action="{reverse("planning:overview", args=[2027])}#datum"' in response.content.decode()
    assert not PlanningYear.objects.exists()


def test_only_the_management_office_sets_dates_for_all_groups(client, reader, alby_year, alby_chair):
    for user in (reader, alby_chair):  # reads every group / chairs one: neither sets the wheel
        client.force_login(user)
        url = reverse("planning:overview", args=[2026])
        assert "för alla områdesgrupper" not in client.get(url).content.decode()
        assert client.post(url, YEAR_DATES).status_code == 403
    alby_year.refresh_from_db()
    assert alby_year.analysis_due == date(2026, 1, 31)


def test_years_page_links_each_documents_status_to_the_document(client, alby_year, alby_developer):
    client.force_login(alby_developer)
    html = client.get(reverse("planning:years", args=["alby"])).content.decode()
    for kind in ("stadsdelsanalys", "handlingsplan", "delarsrapport", "arsrapport"):
        assert f'<a href="{reverse("planning:document", args=["alby", 2026, kind])}">' in html
    assert "Utkast<span class=\"visually-hidden\">: stadsdelsanalys 2026</span></a>" in html
