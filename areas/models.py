"""Who is who in Botkyrka's area development (riktlinjer KS/2015:173).

Districts, the administrations and local actors that take part, the area
groups, and the dated memberships that are the one truth for roles.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class District(models.Model):
    """A stadsdel. Five have an area group; Vårsta-Grödinge has only a dialogue forum."""

    name = models.CharField(_("namn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=50, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    description = models.TextField(_("beskrivning"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("stadsdel")
        verbose_name_plural = _("stadsdelar")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("areas:district", args=[self.slug])

    @property
    def area_group_or_none(self):
        try:
            return self.area_group
        except AreaGroup.DoesNotExist:
            return None


class Organisation(models.Model):
    """An administration (förvaltning) or a local actor (lokal aktör)."""

    class Kind(models.TextChoices):
        ADMINISTRATION = "administration", _("Förvaltning")
        LOCAL_ACTOR = "local_actor", _("Lokal aktör")

    name = models.CharField(_("namn"), max_length=150, unique=True)
    short_name = models.CharField(_("förkortning"), max_length=30, blank=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name


class Person(models.Model):
    """What we know of a user beyond the login: title and employer."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person"
    )
    title = models.CharField(_("titel"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("arbetsgivare"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    phone = models.CharField(_("telefon"), max_length=30, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self):
        return display_name(self.user)


def display_name(user) -> str:
    """'Förnamn Efternamn', falling back to the username."""
    return user.get_full_name() or user.get_username()


class AreaGroupQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The groups a user may read: through today's memberships, a global
        read permission, or an explicit guardian grant."""
        from areas.permissions import visible_area_groups

        return visible_area_groups(user, self)


class AreaGroup(models.Model):
    """An områdesgrupp: strategic planning and steering of a district's development."""

    district = models.OneToOneField(
        District, on_delete=models.PROTECT, related_name="area_group", verbose_name=_("stadsdel")
    )
    name = models.CharField(_("namn"), max_length=150)
    account_number = models.CharField(
        _("BK-nummer"),
        max_length=30,
        blank=True,
        help_text=_("Ordförandens kontonummer för utvecklingspengarna under kommunstyrelsen."),
    )

    objects = AreaGroupQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["district__sort_order", "district__name"]
        verbose_name = _("områdesgrupp")
        verbose_name_plural = _("områdesgrupper")
        permissions = [
            ("read_all_groups", _("Läsa alla områdesgrupper (kommunledning, beredning, KS)")),
            ("manage_members", _("Hantera medlemmar i områdesgruppen")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.district.get_absolute_url()

    def get_area_group(self):
        return self

    def active_memberships(self, on=None):
        return self.memberships.active(on=on).select_related(
            "person", "person__person", "organisation", "substitute"
        )

    def holder_of(self, role, on=None):
        """The user who holds a single-holder role (chair, vice chair) on a day."""
        membership = self.memberships.active(on=on).filter(role=role).select_related("person")
        first = membership.first()
        return first.person if first else None


class Role(models.TextChoices):
    CHAIR = "chair", _("Ordförande")
    VICE_CHAIR = "vice_chair", _("Vice ordförande")
    MEMBER = "member", _("Ledamot")
    SECRETARY = "secretary", _("Sekreterare")
    DEVELOPER = "developer", _("Områdesutvecklare")


# Display order of roles on the district page.
ROLE_ORDER = [Role.CHAIR, Role.VICE_CHAIR, Role.DEVELOPER, Role.SECRETARY, Role.MEMBER]
# At most one holder at a time (guidelines: "ordföranden", "vice ordförande").
SINGLE_HOLDER_ROLES = {Role.CHAIR, Role.VICE_CHAIR}
# Roles that speak for an administration or actor.
REPRESENTING_ROLES = {Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER}


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

    def for_user(self, user):
        return self.filter(person=user)


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
