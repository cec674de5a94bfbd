"""Strategic development programmes (strategiska utvecklingsprogram).

Adopted by the municipal council for a district, in dialogue with citizens:
main tasks (huvuduppgifter) and long-term paths (handlingsvägar). They frame
the action plans; not every district has one (riktlinjerna, "vartefter
programmen blir klara").
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models import District
from planning.models.documents import FROZEN, ActionPlan


class StrategicProgrammeQuerySet(models.QuerySet):
    def in_force(self, year: int):
        """Programmes that apply to a year: adopted for it and not yet expired."""
        return self.filter(first_year__lte=year).filter(
            Q(last_year__isnull=True) | Q(last_year__gte=year)
        )


class StrategicProgramme(models.Model):
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("stadsdel")
    )
    title = models.CharField(_("titel"), max_length=200)
    adopted_on = models.DateField(_("fastställt"))
    adopted_by = models.CharField(_("fastställt av"), max_length=100, default="Kommunfullmäktige")
    case_number = models.CharField(_("diarienummer"), max_length=40, blank=True)
    first_year = models.PositiveSmallIntegerField(_("gäller från år"))
    last_year = models.PositiveSmallIntegerField(_("gäller till och med år"), null=True, blank=True)
    summary = models.TextField(_("sammanfattning"), blank=True)

    objects = StrategicProgrammeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["district__sort_order", "-first_year"]
        verbose_name = _("strategiskt utvecklingsprogram")
        verbose_name_plural = _("strategiska utvecklingsprogram")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__isnull=True) | Q(last_year__gte=models.F("first_year")),
                name="programme_ends_after_start",
                violation_error_message=_("Programmet kan inte sluta gälla innan det börjar."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_area_group(self):
        return self.district.area_group_or_none

    def frozen_action_plans(self):
        """The approved action plans that implement the programme (its district's
        plans of the years it applies): their pages show its main tasks, so these
        stay as the plans were approved."""
        plans = ActionPlan.objects.filter(
            planning_year__area_group__district_id=self.district_id,
            planning_year__year__gte=self.first_year, status__in=FROZEN,
        )
        if self.last_year is not None:
            plans = plans.filter(planning_year__year__lte=self.last_year)
        return plans.select_related("planning_year__area_group__district")


class MainTask(models.Model):
    """A huvuduppgift of a programme, with its long-term paths (handlingsvägar)."""

    programme = models.ForeignKey(
        StrategicProgramme, on_delete=models.CASCADE, related_name="main_tasks",
        verbose_name=_("program"),
    )
    position = models.PositiveSmallIntegerField(_("nummer"), default=1)
    title = models.CharField(_("huvuduppgift"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    paths = models.TextField(
        _("handlingsvägar"), blank=True, help_text=_("En handlingsväg per rad.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "position"]
        verbose_name = _("huvuduppgift")
        verbose_name_plural = _("huvuduppgifter")

    def __str__(self):
        return f"{self.position}. {self.title}"

    def get_area_group(self):
        return self.programme.get_area_group()

    def path_list(self) -> list[str]:
        return [line.strip() for line in self.paths.splitlines() if line.strip()]
