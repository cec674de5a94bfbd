"""The chair's delegation of a decision right to the vice chair."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models.groups import AreaGroup, Role
from areas.models.memberships import Membership
from areas.models.people import display_name


class DelegationQuerySet(models.QuerySet):
    def active(self, on: date | None = None):
        """Delegations in force on a day (today by default): within the period, not revoked."""
        on = on or timezone.localdate()
        return self.filter(start_date__lte=on, end_date__gte=on, revoked_at__isnull=True)


class Delegation(models.Model):
    """The chair's delegation of a decision right to the vice chair for a period.

    Riktlinjerna: the chair has budget responsibility and decides over the
    group's development money. When the chair is away, the right can be
    delegated to the vice chair for a stated period; the delegation is recorded
    (who, to whom, when, why) so that every decision taken under it is
    traceable. It only counts while the delegate is vice chair of the group.
    """

    class Right(models.TextChoices):
        DECIDE_SPEND = "budget.decide_spend", _("Besluta om utvecklingspengar")

    area_group = models.ForeignKey(
        AreaGroup, on_delete=models.PROTECT, related_name="delegations",
        verbose_name=_("områdesgrupp"),
    )
    right = models.CharField(
        _("beslutsrätt"), max_length=50, choices=Right.choices, default=Right.DECIDE_SPEND
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="delegations_received",
        verbose_name=_("till"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="delegations_granted",
        verbose_name=_("delegerad av"),
    )
    start_date = models.DateField(_("från och med"))
    end_date = models.DateField(_("till och med"))
    reason = models.CharField(_("skäl"), max_length=200, blank=True,
                              help_text=_("T.ex. ordförandens semester."))
    created_at = models.DateTimeField(_("registrerad"), default=timezone.now)
    revoked_at = models.DateTimeField(_("avslutad i förtid"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="delegations_revoked", verbose_name=_("avslutad av"),
    )

    objects = DelegationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["area_group", "-start_date", "-pk"]
        verbose_name = _("delegering")
        verbose_name_plural = _("delegeringar")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="delegation_ends_after_start",
                violation_error_message=_("En delegering kan inte sluta innan den börjar."),
            ),
        ]

    def __str__(self):
        return _("%(right)s: %(who)s %(start)s–%(end)s") % {
            "right": self.get_right_display(), "who": display_name(self.delegate),
            "start": self.start_date, "end": self.end_date,
        }

    def get_area_group(self):
        return self.area_group

    def is_active(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.revoked_at is None and self.start_date <= on <= self.end_date

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("En delegering kan inte sluta innan den börjar.")})
        if not (self.area_group_id and self.delegate_id and self.start_date and self.end_date):
            return
        vice_seats = Membership.objects.filter(
            area_group_id=self.area_group_id, person_id=self.delegate_id, role=Role.VICE_CHAIR,
            start_date__lte=self.start_date,
        ).filter(Q(end_date__isnull=True) | Q(end_date__gte=self.end_date))
        if not vice_seats.exists():
            raise ValidationError({"delegate": _(
                "Beslutsrätten kan bara delegeras till gruppens vice ordförande, och bara för "
                "en period då personen är vice ordförande."
            )})
        overlapping = Delegation.objects.filter(
            area_group_id=self.area_group_id, right=self.right, revoked_at__isnull=True,
            start_date__lte=self.end_date, end_date__gte=self.start_date,
        ).exclude(pk=self.pk)
        if overlapping.exists():
            raise ValidationError(_("Det finns redan en delegering av beslutsrätten under perioden."))
