"""Working groups (arbetsgrupper) and the network group (nätverksgrupp)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models.groups import AreaGroup
from areas.models.memberships import MembershipQuerySet
from areas.models.people import Organisation, display_name


class WorkingGroup(models.Model):
    """An arbetsgrupp (operative work) or the district's nätverksgrupp
    (children, youth and safety: barn, unga, trygghet)."""

    class Kind(models.TextChoices):
        WORKING = "working", _("Arbetsgrupp")
        NETWORK = "network", _("Nätverksgrupp")

    area_group = models.ForeignKey(
        AreaGroup, on_delete=models.PROTECT, related_name="working_groups",
        verbose_name=_("områdesgrupp"),
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.WORKING)
    name = models.CharField(_("namn"), max_length=150)
    focus = models.CharField(
        _("inriktning"), max_length=200, blank=True,
        help_text=_("T.ex. barn, unga och trygghet för nätverksgruppen."),
    )
    description = models.TextField(_("uppdrag"), blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["area_group", "kind", "name"]
        verbose_name = _("arbetsgrupp")
        verbose_name_plural = _("arbetsgrupper")
        constraints = [
            models.UniqueConstraint(
                fields=["area_group"],
                condition=Q(kind="network"),
                name="one_network_group_per_area_group",
                violation_error_message=_("Gruppen har redan en nätverksgrupp."),
            ),
            models.UniqueConstraint(
                fields=["area_group", "name"], name="unique_working_group_name",
                violation_error_message=_("Det finns redan en arbetsgrupp med det namnet."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_area_group(self):
        return self.area_group


class WorkingGroupMember(models.Model):
    """A person in a working group or the network group, for a period."""

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="members",
        verbose_name=_("arbetsgrupp"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="working_group_seats",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True,
        verbose_name=_("företräder"),
    )
    is_lead = models.BooleanField(_("sammankallande"), default=False)
    start_date = models.DateField(_("från och med"))
    end_date = models.DateField(_("till och med"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["working_group", "-is_lead", "person__last_name"]
        verbose_name = _("medlem i arbetsgrupp")
        verbose_name_plural = _("medlemmar i arbetsgrupper")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="working_group_member_ends_after_start",
                violation_error_message=_("Ett medlemskap kan inte sluta innan det börjar."),
            ),
        ]

    def __str__(self):
        return f"{display_name(self.person)} – {self.working_group}"

    def get_area_group(self):
        return self.working_group.area_group

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ett medlemskap kan inte sluta innan det börjar.")})
        if self.working_group_id and self.person_id and self.start_date:
            clash = WorkingGroupMember.objects.filter(
                working_group_id=self.working_group_id, person_id=self.person_id
            ).exclude(pk=self.pk).overlapping(self.start_date, self.end_date)
            if clash.exists():
                raise ValidationError(
                    {"person": _("Personen är redan med i arbetsgruppen under perioden.")}
                )
