"""The workflow: draft → submitted → approved (chair) → democracy committee →
reported to KS → published, with reopening recorded. Through services."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from planning import editing, errors, services
from planning.models import FollowUpRow, FollowUpStatus, Status, WorkflowEvent
from tests.planning.conftest import add_effort, walk


def test_developer_submits_a_plan_with_efforts(alby_plan, alby_developer):
    add_effort(alby_plan)
    services.transition(alby_plan, "submit", alby_developer)
    alby_plan.refresh_from_db()
    assert alby_plan.status == Status.SUBMITTED
    assert alby_plan.submitted_at is not None


def test_plan_without_efforts_cannot_be_submitted(alby_plan, alby_developer):
    with pytest.raises(services.PlanningError, match="inga insatser"):
        services.transition(alby_plan, "submit", alby_developer)
    alby_plan.refresh_from_db()
    assert alby_plan.status == Status.DRAFT


def test_submitted_document_can_be_taken_back_to_draft(alby_analysis, alby_developer):
    services.transition(alby_analysis, "submit", alby_developer)
    services.transition(alby_analysis, "withdraw", alby_developer)
    alby_analysis.refresh_from_db()
    assert alby_analysis.status == Status.DRAFT


def test_only_the_chair_approves(alby_analysis, alby_developer, alby_vice, alby_member, alby_chair):
    services.transition(alby_analysis, "submit", alby_developer)
    for user in (alby_developer, alby_vice, alby_member):
        with pytest.raises(PermissionDenied):
            services.transition(alby_analysis, "approve", user)
    services.transition(alby_analysis, "approve", alby_chair)
    alby_analysis.refresh_from_db()
    assert alby_analysis.status == Status.APPROVED
    assert alby_analysis.approved_by == alby_chair


def test_chair_of_another_group_cannot_approve(alby_analysis, alby_developer, tumba_chair):
    services.transition(alby_analysis, "submit", alby_developer)
    with pytest.raises(PermissionDenied):
        services.transition(alby_analysis, "approve", tumba_chair)


def test_draft_cannot_be_approved_directly(alby_analysis, alby_chair):
    with pytest.raises(services.PlanningError, match="utkast"):
        services.transition(alby_analysis, "approve", alby_chair)


def test_full_workflow_to_published_records_every_step(alby_analysis, alby_developer, alby_chair):
    walk(alby_analysis, ["submit", "approve", "committee", "report", "publish"], alby_developer, alby_chair)
    assert alby_analysis.status == Status.PUBLISHED
    assert alby_analysis.committee_date == timezone.localdate()
    assert alby_analysis.ks_case_number == "KS/2026:55"
    actions = list(WorkflowEvent.objects.order_by("at", "pk").values_list("action", flat=True))
    assert actions == ["submit", "approve", "committee", "report", "publish"]


def test_steps_cannot_be_skipped(alby_analysis, alby_developer, alby_chair):
    walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)
    with pytest.raises(services.PlanningError):
        services.transition(alby_analysis, "publish", alby_developer)
    with pytest.raises(services.PlanningError):
        services.transition(alby_analysis, "report", alby_developer, on=timezone.localdate(),
                            case_number="KS/1")


def test_committee_step_needs_a_date_not_before_approval(alby_analysis, alby_developer, alby_chair):
    walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)
    with pytest.raises(services.PlanningError, match="datum"):
        services.transition(alby_analysis, "committee", alby_developer)
    with pytest.raises(services.PlanningError, match="innan det godkändes"):
        services.transition(alby_analysis, "committee", alby_developer,
                            on=timezone.localdate() - timedelta(days=30))
    alby_analysis.refresh_from_db()
    assert alby_analysis.status == Status.APPROVED


def test_report_to_ks_needs_date_and_case_number(alby_analysis, alby_developer, alby_chair):
    walk(alby_analysis, ["submit", "approve", "committee"], alby_developer, alby_chair)
    with pytest.raises(services.PlanningError, match="diarienummer"):
        services.transition(alby_analysis, "report", alby_developer, on=timezone.localdate())
    with pytest.raises(services.PlanningError, match="före beredningens"):
        services.transition(alby_analysis, "report", alby_developer,
                            on=timezone.localdate() - timedelta(days=1), case_number="KS/2026:1")


def test_reopen_needs_the_chair_and_a_reason_and_is_recorded(alby_analysis, alby_developer, alby_chair):
    walk(alby_analysis, ["submit", "approve", "committee"], alby_developer, alby_chair)
    with pytest.raises(PermissionDenied):
        services.transition(alby_analysis, "reopen", alby_developer, note="x")
    with pytest.raises(services.PlanningError, match="varför"):
        services.transition(alby_analysis, "reopen", alby_chair, note="  ")
    services.transition(alby_analysis, "reopen", alby_chair, note="Fel siffror i avsnitt 2")
    alby_analysis.refresh_from_db()
    assert alby_analysis.status == Status.DRAFT
    assert alby_analysis.approved_at is None and alby_analysis.committee_date is None
    event = WorkflowEvent.objects.get(action="reopen")
    assert event.by == alby_chair and event.note == "Fel siffror i avsnitt 2"
    assert event.from_status == Status.COMMITTEE


def test_draft_cannot_be_reopened(alby_analysis, alby_chair):
    with pytest.raises(services.PlanningError):
        services.transition(alby_analysis, "reopen", alby_chair, note="x")


def test_approved_document_is_frozen(alby_plan, alby_developer, alby_chair):
    add_effort(alby_plan)
    walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)
    with pytest.raises(errors.FrozenError, match="låst"):
        editing.ensure_editable(alby_plan)


def test_submitted_document_is_not_editable(alby_plan, alby_developer):
    add_effort(alby_plan)
    walk(alby_plan, ["submit"], alby_developer, None)
    with pytest.raises(errors.FrozenError, match="Ta tillbaka"):
        editing.ensure_editable(alby_plan)


def test_approving_the_plan_prefills_the_interim_report_and_the_interim_the_annual(
    alby_plan, alby_interim, alby_annual, alby_developer, alby_chair
):
    first, second = add_effort(alby_plan, "Sommarlov"), add_effort(alby_plan, "Läxhjälp")
    walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)
    assert set(alby_interim.rows.values_list("effort", flat=True)) == {first.pk, second.pk}
    assert not alby_annual.rows.exists()

    alby_interim.rows.get(effort=first).delete()  # left out of the interim report
    row = alby_interim.rows.get(effort=second)
    row.status, row.done = FollowUpStatus.ONGOING, "Två terminer av tre"
    row.save()
    walk(alby_interim, ["submit", "approve"], alby_developer, alby_chair)
    annual = {r.effort_id: r for r in alby_annual.rows.all()}
    assert set(annual) == {first.pk, second.pk}  # every effort of the plan, again
    assert (annual[second.pk].status, annual[second.pk].done) == ("ongoing", "Två terminer av tre")


def test_annual_report_rows_start_from_the_interim_report(
    alby_plan, alby_interim, alby_annual, alby_developer, alby_chair
):
    effort = add_effort(alby_plan)
    editing.sync_report_rows(alby_interim)
    row = alby_interim.rows.get()
    row.status, row.done = "ongoing", "Halva terminen genomförd"
    row.save()
    editing.sync_report_rows(alby_annual)
    annual_row = FollowUpRow.objects.get(report=alby_annual, effort=effort)
    assert (annual_row.status, annual_row.done) == ("ongoing", "Halva terminen genomförd")


def test_report_without_rows_cannot_be_submitted(alby_interim, alby_developer):
    with pytest.raises(services.PlanningError, match="uppföljningsrader"):
        services.transition(alby_interim, "submit", alby_developer)


def test_start_year_is_idempotent_and_uses_guideline_months(alby, alby_people):
    first = services.start_year(alby, 2027)
    again = services.start_year(alby, 2027)
    assert first.pk == again.pk
    assert first.analysis_due.month == 1 and first.committee_due.month == 3
    assert first.interim_report_due.month == 9
    assert first.annual_report_due.year == 2028
    assert first.sections.filter(document="analysis").count() == 4


@pytest.mark.parametrize("action", list(services.TRANSITIONS))
def test_every_step_is_refused_from_every_status_it_does_not_start_from(
    alby_analysis, alby_chair, action
):
    sources = services.TRANSITIONS[action][0]
    for status in Status.values:
        if status in sources:
            continue
        alby_analysis.status = status
        alby_analysis.save()
        with pytest.raises(services.PlanningError):
            services.transition(alby_analysis, action, alby_chair, on=timezone.localdate(),
                                case_number="KS/1", note="skäl")
        alby_analysis.refresh_from_db()
        assert alby_analysis.status == status


def test_analysis_with_every_section_empty_cannot_be_submitted(client, alby_year, alby_developer):
    analysis = alby_year.analysis
    for section in analysis.sections():
        section.body = "  \n "  # blank is empty too
        section.save()
    with pytest.raises(services.PlanningError, match="Stadsdelsanalysen är tom"):
        services.transition(analysis, "submit", alby_developer)
    client.force_login(alby_developer)
    url = reverse("planning:workflow", args=["alby", 2026, "stadsdelsanalys", "submit"])
    html = client.post(url, follow=True).content.decode()
    assert "Stadsdelsanalysen är tom. Skriv minst ett av avsnitten" in html
    analysis.refresh_from_db()
    assert analysis.status == Status.DRAFT and not WorkflowEvent.objects.exists()
