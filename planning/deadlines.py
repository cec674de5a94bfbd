"""What is due and what is late in the yearly wheel (for the start and district pages)."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from planning.models import DocumentKind, FollowUpRow, PlanningYear, Status, due_dates_for
from planning.models.documents import FROZEN, documents_where

SOON_DAYS = 45


@dataclass
class Deadline:
    group: object
    year: int
    kind: str
    label: str
    due: date
    status_label: str
    days: int  # > 0: days late; <= 0: days left (negated)
    url: str | None
    done: bool = False
    waiting_since: date | None = None  # submitted, waiting for the chair's approval

    @property
    def is_late(self) -> bool:
        return self.days > 0

    @property
    def days_left(self) -> int:
        return -self.days


def _docs(planning_year):
    yield planning_year.analysis
    yield planning_year.action_plan
    yield from planning_year.reports.all()


def deadlines(groups, today: date | None = None, *, soon_days: int = SOON_DAYS,
              include_done: bool = False) -> list[Deadline]:
    """Documents of this year (and last year's annual report) not yet approved whose
    due date has passed or comes within ``soon_days``; a year not started at all
    counts from its first due date. Late first, most late first."""
    today = today or timezone.localdate()
    years = (today.year - 1, today.year)
    planning_years = {
        (py.area_group_id, py.year): py
        for py in PlanningYear.objects.filter(area_group__in=groups, year__in=years)
        .select_related("analysis", "action_plan", "area_group__district")
        .prefetch_related("reports")
    }
    result, year_dates = [], {}
    for group in groups:
        for year in years:
            py = planning_years.get((group.pk, year))
            if py is None:
                if year != today.year:
                    continue
                if year not in year_dates:  # one query, only when some group has not started
                    year_dates[year] = due_dates_for(year)
                due = year_dates[year]["analysis_due"]
                days = (today - due).days
                if days > -soon_days:
                    result.append(Deadline(
                        group, year, "year", _("Planeringsåret %(year)s är inte påbörjat") % {"year": year},
                        due, _("Inte påbörjat"), days, None,
                    ))
                continue
            for doc in _docs(py):
                if year != today.year and doc.kind != DocumentKind.ANNUAL_REPORT:
                    continue
                done = doc.status in FROZEN
                if done and not include_done:
                    continue
                due = doc.due
                # Late only while the area group owes it: a document submitted by its
                # due date waits for the chair (days_late is 0), and says so.
                days = 0 if done else (doc.days_late(today) or min((today - due).days, 0))
                if include_done or days > -soon_days or doc.waiting_since:
                    result.append(Deadline(
                        group, year, doc.kind, f"{doc.kind_label} {year}", due,
                        doc.get_status_display(), days, doc.get_absolute_url(),
                        done, doc.waiting_since,
                    ))
    result.sort(key=lambda d: (-d.days, d.group.pk))
    return result


def awaiting_approval(groups) -> list:
    """Documents submitted to the area group that wait for the chair's approval."""
    waiting = documents_where(planning_year__area_group__in=groups, status=Status.SUBMITTED)
    return sorted(waiting, key=lambda d: (d.planning_year.area_group_id, d.year))


def follow_ups_for(user, groups) -> list:
    """Rows of draft reports, for efforts the user is contact for, not yet written."""
    return list(
        FollowUpRow.objects.filter(
            report__planning_year__area_group__in=groups, report__status=Status.DRAFT,
            effort__contact=user, done="",
        ).select_related("effort", "report__planning_year__area_group__district")
    )


@dataclass
class CommitteeWait:
    """An approved document that the democracy committee should have handled by now."""

    group: object
    document: object
    due: date
    days: int  # days past the committee's due date


def waiting_for_committee(groups, today: date | None = None) -> list[CommitteeWait]:
    """Documents approved by the chair but not handled by the democracy committee
    after the committee's due date. Riktlinjerna: the committee handles the
    analysis and action plan of the year and the annual report of the year before
    in February or March, so an annual report counts from the next year's committee
    date (the year's dates for all groups when the group has not started it). The interim
    report has no committee date in the guidelines and is left out."""
    today = today or timezone.localdate()
    planning_years = list(
        PlanningYear.objects.filter(area_group__in=groups, year__in=(today.year - 2, today.year - 1, today.year))
        .select_related("analysis", "action_plan", "area_group__district")
        .prefetch_related("reports")
    )
    committee_due = {(py.area_group_id, py.year): py.committee_due for py in planning_years}
    year_dates = {}
    result = []
    for py in planning_years:
        annual = [r for r in py.reports.all() if r.kind == DocumentKind.ANNUAL_REPORT]
        for doc in (py.analysis, py.action_plan, *annual):
            if doc.status != Status.APPROVED:
                continue
            if doc.kind == DocumentKind.ANNUAL_REPORT:
                due = committee_due.get((py.area_group_id, py.year + 1))
                if due is None:
                    if py.year + 1 not in year_dates:
                        year_dates[py.year + 1] = due_dates_for(py.year + 1)
                    due = year_dates[py.year + 1]["committee_due"]
            else:
                due = py.committee_due
            if today > due:
                doc.planning_year = py
                result.append(CommitteeWait(py.area_group, doc, due, (today - due).days))
    return sorted(result, key=lambda w: (-w.days, w.group.pk))


def across_districts(groups, today: date | None = None) -> list[dict]:
    """For readers across districts (the management office), per district: the
    documents that are late, those submitted in time that still wait for the
    chair's approval after their due date, and those the democracy committee has
    not handled after its due date. Districts where nothing is behind are left out."""
    today = today or timezone.localdate()
    groups = list(groups)
    by_group = {g.pk: {"group": g, "late": [], "committee": []} for g in groups}
    for d in deadlines(groups, today):
        if d.is_late or (d.waiting_since and d.due < today):
            by_group[d.group.pk]["late"].append(d)
    for wait in waiting_for_committee(groups, today):
        by_group[wait.group.pk]["committee"].append(wait)
    return [item for item in by_group.values() if item["late"] or item["committee"]]
