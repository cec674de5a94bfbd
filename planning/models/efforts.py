"""The action plan's efforts (insatser) and the reports' follow-up rows."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, When
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models import Organisation, WorkingGroup
from planning.models.documents import ActionPlan, Report
from planning.models.programmes import MainTask


class EffortQuerySet(models.QuerySet):
    def for_group_and_year(self, area_group, year: int):
        return self.filter(
            action_plan__planning_year__area_group=area_group,
            action_plan__planning_year__year=year,
        )

    def not_done(self):
        """Efforts whose latest follow-up does not say done or cancelled (copy
        forward takes these): the annual report's row where there is one, else the
        interim report's; no follow-up at all counts as not done. An interim row
        that said done in September does not outweigh an annual report that says
        the effort goes on."""
        latest = (
            FollowUpRow.objects.filter(effort=OuterRef("pk"))
            .order_by(Case(When(report__kind=Report.Kind.ANNUAL, then=0), default=1), "-pk")
            .values("status")[:1]
        )
        open_statuses = [s for s in FollowUpStatus.values
                         if s not in (FollowUpStatus.DONE, FollowUpStatus.CANCELLED)]
        # A positive filter: NOT IN on a NULL subquery result would drop unfollowed efforts.
        return self.annotate(latest_status=Subquery(latest)).filter(
            Q(latest_status__isnull=True) | Q(latest_status__in=open_statuses)
        )


class Effort(models.Model):
    """An insats of the action plan. Its planned cost is development money
    (utvecklingspengar), so spending is tied to it (riktlinjerna: "inom ramen
    för handlingsplanen")."""

    action_plan = models.ForeignKey(
        ActionPlan, on_delete=models.PROTECT, related_name="efforts",
        verbose_name=_("handlingsplan"),
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    title = models.CharField(_("insats"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    goal = models.TextField(_("mål"), blank=True)
    main_task = models.ForeignKey(
        MainTask, on_delete=models.PROTECT, null=True, blank=True, related_name="efforts",
        verbose_name=_("huvuduppgift i det strategiska programmet"),
    )
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="efforts",
        verbose_name=_("ansvarig arbetsgrupp"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="efforts",
        verbose_name=_("ansvarig förvaltning eller aktör"),
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="contact_for_efforts", verbose_name=_("kontaktperson i områdesgruppen"),
    )
    start_date = models.DateField(_("planerad start"), null=True, blank=True)
    end_date = models.DateField(_("planerat slut"), null=True, blank=True)
    planned_cost = models.DecimalField(
        _("planerad kostnad (kr)"), max_digits=12, decimal_places=2, default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Ur områdesgruppens utvecklingspengar. 0 om insatsen inte kostar något."),
    )
    indicators = models.TextField(_("indikatorer för framgång"), blank=True)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies",
        verbose_name=_("fortsätter insatsen"),
    )
    version = models.PositiveIntegerField(default=1)

    objects = EffortQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["action_plan", "position", "pk"]
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_cost__gte=0), name="effort_planned_cost_not_negative",
                violation_error_message=_("Den planerade kostnaden kan inte vara negativ."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="effort_ends_after_start",
                violation_error_message=_("Insatsen kan inte sluta innan den börjar."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def year(self) -> int:
        return self.action_plan.planning_year.year

    def get_area_group(self):
        return self.action_plan.planning_year.area_group

    def clean(self):
        errors = {}
        if self.action_plan_id:
            year = self.year
            for field in ("start_date", "end_date"):
                value = getattr(self, field)
                if value and value.year != year:
                    errors[field] = _(
                        "Perioden måste ligga inom handlingsplanens år (%(year)s)."
                    ) % {"year": year}
            group = self.get_area_group()
            if self.main_task_id and self.main_task.programme.district_id != group.district_id:
                errors["main_task"] = _("Huvuduppgiften hör till en annan stadsdels program.")
            if self.working_group_id and self.working_group.area_group_id != group.pk:
                errors["working_group"] = _("Arbetsgruppen hör till en annan områdesgrupp.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Insatsen kan inte sluta innan den börjar.")
        if errors:
            raise ValidationError(errors)


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Ej påbörjad")
    ONGOING = "ongoing", _("Pågår")
    DONE = "done", _("Genomförd")
    POSTPONED = "postponed", _("Uppskjuten")
    CANCELLED = "cancelled", _("Avbruten")


class FollowUpRow(models.Model):
    """One effort followed up in an interim or annual report."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="rows", verbose_name=_("rapport")
    )
    effort = models.ForeignKey(
        Effort, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("insats")
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=FollowUpStatus.choices,
        default=FollowUpStatus.NOT_STARTED,
    )
    done = models.TextField(_("vad som gjorts"), blank=True)
    outcome = models.TextField(_("resultat mot indikatorerna"), blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("uppföljningsrad")
        verbose_name_plural = _("uppföljningsrader")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "effort"], name="one_follow_up_row_per_effort",
                violation_error_message=_("Insatsen följs redan upp i rapporten."),
            ),
        ]

    def __str__(self):
        return f"{self.effort} ({self.get_status_display()})"

    @property
    def year(self) -> int:
        return self.report.planning_year.year

    def get_area_group(self):
        return self.report.planning_year.area_group

    def clean(self):
        if self.report_id and self.effort_id:
            if self.effort.action_plan.planning_year_id != self.report.planning_year_id:
                raise ValidationError(
                    {"effort": _("Insatsen hör till ett annat års handlingsplan.")}
                )
