"""Dated memberships: the one truth for roles (riktlinjer KS/2015:173)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models.groups import REPRESENTING_ROLES, SINGLE_HOLDER_ROLES, AreaGroup, Role
from areas.models.people import Organisation, Person, display_name


class MembershipQuerySet(models.QuerySet):
    def active(self, on: date | None = None):
        """Memberships in force on a day (today by default): started, not yet ended.

        The end date is the last day of the membership.
        """
        on = on or timezone.localdate()
        return self.filter(start_date__lte=on).filter(Q(end_date__isnull=True) | Q(end_date__gte=on))

    def overlapping(self, start: date, end: date | None):
        """Memberships whose period shares at least one day with [start, end]."""
        qs = self.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        if end is not None:
            qs = qs.filter(start_date__lte=end)
        return qs


class Membership(models.Model):
    """A person's role in an area group for a period. The one truth for roles.

    Rules from the guidelines, checked in ``clean()`` (and by forms, which call it):
    one chair and at most one vice chair at a time; the vice chair is appointed
    among the members; one member per administration per group; a substitute
    (ersättare) represents the same administration as the member.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("person"),
    )
    area_group = models.ForeignKey(
        AreaGroup, on_delete=models.PROTECT, related_name="memberships",
        verbose_name=_("områdesgrupp"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("företräder"),
    )
    start_date = models.DateField(_("från och med"))
    end_date = models.DateField(_("till och med"), null=True, blank=True)
    substitute = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitute_for",
        verbose_name=_("ersättare"),
    )

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["area_group", "role", "start_date"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
                violation_error_message=_("Ett medlemskap kan inte sluta innan det börjar."),
            ),
            # Backs the overlap checks in clean() for the open-ended (current) case.
            models.UniqueConstraint(
                fields=["area_group", "role"],
                condition=Q(end_date__isnull=True, role__in=["chair", "vice_chair"]),
                name="one_current_holder_of_single_roles",
                violation_error_message=_("Gruppen har redan en innehavare av rollen."),
            ),
            models.UniqueConstraint(
                fields=["area_group", "organisation"],
                condition=Q(end_date__isnull=True, role="member"),
                name="one_current_member_per_organisation",
                violation_error_message=_("Organisationen har redan en ledamot i gruppen."),
            ),
        ]

    def __str__(self):
        return f"{display_name(self.person)} – {self.get_role_display()}, {self.area_group}"

    def get_area_group(self):
        return self.area_group

    def is_active(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ett medlemskap kan inte sluta innan det börjar.")
        if self.role in REPRESENTING_ROLES and self.role != Role.CHAIR and not self.organisation_id:
            errors["organisation"] = _("Ange vilken förvaltning eller aktör som företräds.")
        if errors:
            raise ValidationError(errors)
        if not (self.area_group_id and self.start_date and self.role and self.person_id):
            return  # field errors are reported by the form

        others = Membership.objects.filter(area_group_id=self.area_group_id).exclude(pk=self.pk)
        overlapping = others.overlapping(self.start_date, self.end_date)

        if self.role in SINGLE_HOLDER_ROLES and overlapping.filter(role=self.role).exists():
            errors["role"] = (
                _("Gruppen har redan en ordförande under perioden.")
                if self.role == Role.CHAIR
                else _("Gruppen har redan en vice ordförande under perioden.")
            )
        if self.role == Role.VICE_CHAIR and not self._is_member_throughout():
            errors["person"] = _(
                "Vice ordförande utses bland ledamöterna: personen måste vara ledamot "
                "i gruppen under hela perioden."
            )
        if (
            self.role == Role.MEMBER
            and self.organisation_id
            and overlapping.filter(role=Role.MEMBER, organisation_id=self.organisation_id).exists()
        ):
            errors["organisation"] = _(
                "%(org)s har redan en ledamot i gruppen under perioden."
            ) % {"org": self.organisation}
        if (
            self.role in {Role.MEMBER, Role.DEVELOPER, Role.SECRETARY}
            and overlapping.filter(role=self.role, person_id=self.person_id).exists()
        ):
            errors["person"] = _("Personen har redan den rollen i gruppen under perioden.")
        if self.substitute_id:
            errors.update(self._substitute_errors())
        if errors:
            raise ValidationError(errors)

    def _is_member_throughout(self) -> bool:
        """True if the person holds a member seat covering the whole period.

        Periods of consecutive seats are not joined: a vice chair's period must lie
        within one member seat, which is how the guidelines' appointment works.
        """
        seats = Membership.objects.filter(
            area_group_id=self.area_group_id, person_id=self.person_id, role=Role.MEMBER,
            start_date__lte=self.start_date,
        ).exclude(pk=self.pk)
        if self.end_date is None:
            return seats.filter(end_date__isnull=True).exists()
        return seats.filter(Q(end_date__isnull=True) | Q(end_date__gte=self.end_date)).exists()

    def _substitute_errors(self) -> dict:
        if self.substitute_id == self.person_id:
            return {"substitute": _("En ledamot kan inte vara sin egen ersättare.")}
        if self.role not in REPRESENTING_ROLES:
            return {"substitute": _("Bara ledamöter utser ersättare.")}
        sub_org = Person.objects.filter(user_id=self.substitute_id).values_list(
            "organisation_id", flat=True
        ).first()
        if sub_org is None or sub_org != self.organisation_id:
            return {
                "substitute": _(
                    "Ersättaren måste företräda samma förvaltning eller aktör som ledamoten."
                )
            }
        return {}
