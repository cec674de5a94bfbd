"""The dates of the yearly wheel (årshjulet) that hold for every area group.

Riktlinjerna name the months: analysis and action plan at the start of the
year, the democracy committee in February or March, the interim report in
September, the annual report at the start of the following year. The
management office sets the actual dates per year, once for all groups
(``CycleDueDates``); a group's planning year starts from them and may still be
changed for that group alone.
"""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

DUE_FIELDS = ["analysis_due", "action_plan_due", "committee_due", "interim_report_due",
              "annual_report_due"]


def default_due_dates(year: int) -> dict[str, date]:
    """The guidelines' months as default due dates: analysis and plan at the start
    of the year (end of January), the democracy committee in February or March
    (end of March), the interim report in September, the annual report at the
    start of the following year."""
    return {
        "analysis_due": date(year, 1, 31),
        "action_plan_due": date(year, 1, 31),
        "committee_due": date(year, 3, 31),
        "interim_report_due": date(year, 9, 30),
        "annual_report_due": date(year + 1, 1, 31),
    }


def due_dates_for(year: int) -> dict[str, date]:
    """A year's due dates as the management office set them for all groups, or
    the guidelines' months where it has not."""
    row = CycleDueDates.objects.filter(year=year).values(*DUE_FIELDS).first()
    return row or default_due_dates(year)


class CycleDueDates(models.Model):
    """The wheel's dates of one year for every area group (management office)."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    analysis_due = models.DateField(_("stadsdelsanalys senast"))
    action_plan_due = models.DateField(_("handlingsplan senast"))
    committee_due = models.DateField(_("demokratiberedningen senast"))
    interim_report_due = models.DateField(_("delårsrapport senast"))
    annual_report_due = models.DateField(_("årsrapport senast"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("datum i årshjulet")
        verbose_name_plural = _("datum i årshjulet")

    def __str__(self):
        return str(self.year)
