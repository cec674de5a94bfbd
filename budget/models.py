"""Development money (utvecklingspengar): each area group's yearly grant, the spend
requests against it, and the ledger of what the chair decided and what was booked.

Riktlinjerna (KS/2015:173): the money carries out the action plan; the chair has
budget responsibility and decides; the budget sits under the executive board
with one account number (BK-nummer) per chair; association grants are not used
from 2017. Amounts are ``Decimal`` kronor with öre, never floats.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models import AreaGroup

MONEY = {"max_digits": 12, "decimal_places": 2}
ZERO = Decimal("0.00")


class CostType(models.TextChoices):
    """The cost types the guidelines allow (riktlinjerna, "Utvecklingspengar")."""

    GOODS_SERVICES = "goods_services", _("Köp av varor och tjänster från företag och föreningar")
    IOP = "iop", _("Idéburet offentligt partnerskap (IOP)")
    EMPLOYMENT = "employment", _("Visstidsanställning")
    MUNICIPAL = "municipal", _("Kommunal verksamhet")
    ADMINISTRATION = "administration", _("Områdesgruppens administration")
    ASSOCIATION_GRANT = "association_grant", _("Föreningsbidrag")


# Riktlinjerna: "Föreningsbidrag används inte från 2017 och fasas ut under 2016."
ASSOCIATION_GRANT_LAST_YEAR = 2016


def cost_type_allowed(cost_type: str, year: int) -> bool:
    if cost_type == CostType.ASSOCIATION_GRANT:
        return year <= ASSOCIATION_GRANT_LAST_YEAR
    return cost_type in CostType.values


def cost_type_choices(year: int) -> list[tuple[str, str]]:
    return [(value, label) for value, label in CostType.choices if cost_type_allowed(value, year)]


class GrantQuerySet(models.QuerySet):
    def for_group_and_year(self, area_group, year: int):
        return self.filter(area_group=area_group, year=year)


class Grant(models.Model):
    """An area group's yearly grant (anslag). The amount is data, set each year by
    the management office (250 000 kr in 2015); never hard-coded. The grant row
    is also the lock that serialises every change of the year's money."""

    area_group = models.ForeignKey(
        AreaGroup, on_delete=models.PROTECT, related_name="grants", verbose_name=_("områdesgrupp")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    amount = models.DecimalField(_("anslag (kr)"), **MONEY)
    account_number = models.CharField(
        _("BK-nummer"), max_length=30,
        help_text=_("Ordförandens kontonummer under kommunstyrelsen. Står på varje rad i exporten."),
    )
    decision_reference = models.CharField(
        _("beslut om anslaget"), max_length=60, blank=True,
        help_text=_("T.ex. kommunstyrelsens diarienummer för budgeten."),
    )
    note = models.TextField(_("anteckning"), blank=True)

    objects = GrantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "area_group__district__sort_order"]
        verbose_name = _("anslag")
        verbose_name_plural = _("anslag")
        permissions = [("manage_grants", _("Besluta om områdesgruppernas anslag (kommunledning)"))]
        constraints = [
            models.UniqueConstraint(fields=["area_group", "year"], name="one_grant_per_group_and_year",
                                    violation_error_message=_("Gruppen har redan ett anslag för året.")),
            models.CheckConstraint(condition=Q(amount__gte=0), name="grant_not_negative",
                                   violation_error_message=_("Anslaget kan inte vara negativt.")),
        ]

    def __str__(self):
        return f"{self.area_group} {self.year}"

    def get_absolute_url(self):
        return reverse("budget:ledger", args=[self.area_group.district.slug, self.year])

    # Who reads the object reads its history too (trust.audit): those who read the money.
    view_permission = "budget.view_ledger"

    def get_area_group(self):
        return self.area_group


class SpendStatus(models.TextChoices):
    PROPOSED = "proposed", _("Föreslagen")
    WITHDRAWN = "withdrawn", _("Återtagen")
    APPROVED = "approved", _("Godkänd")
    REJECTED = "rejected", _("Avslagen")
    BOOKED = "booked", _("Bokförd")
    CANCELLED = "cancelled", _("Beslutet återkallat")


class SpendRequestQuerySet(models.QuerySet):
    def for_group_and_year(self, area_group, year: int):
        return self.filter(area_group=area_group, year=year)

    def waiting(self):
        return self.filter(status=SpendStatus.PROPOSED)

    def with_amounts(self):
        """Annotate what the ledger holds for each request: ``booked_amount``."""
        booked = models.Sum("entries__amount", filter=Q(entries__account=LedgerEntry.Account.BOOKED),
                            default=ZERO)
        return self.annotate(booked_amount=booked)


def attachment_path(instance, filename):
    return f"budget/{instance.area_group_id}/{instance.year}/{filename}"


class SpendRequest(models.Model):
    """A proposed spend of development money (förslag om utgift): proposed by the
    area developer or a member, decided by the chair, then booked (paid).

    Riktlinjerna: the money is used within the action plan, so once the year's
    plan exists every spend names the effort it carries out.
    """

    area_group = models.ForeignKey(
        AreaGroup, on_delete=models.PROTECT, related_name="spend_requests",
        verbose_name=_("områdesgrupp"),
    )
    year = models.PositiveSmallIntegerField(_("budgetår"))
    effort = models.ForeignKey(
        "planning.Effort", on_delete=models.PROTECT, null=True, blank=True,
        related_name="spend_requests", verbose_name=_("insats i handlingsplanen"),
    )
    recipient = models.CharField(_("mottagare"), max_length=200,
                                 help_text=_("Företag, förening eller verksamhet som får betalt."))
    cost_type = models.CharField(_("kostnadsslag"), max_length=30, choices=CostType.choices)
    amount = models.DecimalField(_("belopp (kr)"), **MONEY)
    date = models.DateField(_("datum för utgiften"))
    description = models.TextField(_("beskrivning"))
    attachment = models.FileField(_("bilaga (offert eller faktura)"), upload_to=attachment_path,
                                  blank=True, max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=SpendStatus.choices,
                              default=SpendStatus.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="spend_requests",
        verbose_name=_("föreslagen av"),
    )
    proposed_at = models.DateTimeField(_("föreslagen"), default=timezone.now)
    # A retried or double-clicked proposal carries the same key: the second post
    # finds the first request instead of creating another.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="spend_decisions", verbose_name=_("beslutad av"),
    )
    decided_at = models.DateTimeField(_("beslutad"), null=True, blank=True)
    decided_by_delegation = models.BooleanField(_("beslutad på delegation"), default=False)
    decision_paragraph = models.CharField(
        _("beslutsparagraf"), max_length=30, blank=True,
        help_text=_("Paragrafen i protokollet där beslutet togs, t.ex. ”§ 12/2027”."),
    )
    decision_reason = models.TextField(_("motivering"), blank=True)
    closed_at = models.DateTimeField(_("återtagen eller återkallad"), null=True, blank=True)

    objects = SpendRequestQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("förslag om utgift")
        verbose_name_plural = _("förslag om utgifter")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="spend_amount_positive",
                                   violation_error_message=_("Beloppet måste vara större än noll.")),
        ]

    def __str__(self):
        return f"{self.recipient}: {self.amount} kr ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("budget:request", args=[self.area_group.district.slug, self.year, self.pk])

    # Who reads the object reads its history too (trust.audit): those who read the money.
    view_permission = "budget.view_ledger"

    def get_area_group(self):
        return self.area_group

    @property
    def attachment_name(self) -> str:
        return self.attachment.name.rsplit("/", 1)[-1] if self.attachment else ""


class LedgerEntryQuerySet(models.QuerySet):
    def for_group_and_year(self, area_group, year: int):
        return self.filter(area_group=area_group, year=year)

    def update(self, **kwargs):
        raise TypeError("Ledger entries are never changed; post a correcting entry.")

    def delete(self):
        raise TypeError("Ledger entries are never deleted; post a correcting entry.")


class LedgerEntry(models.Model):
    """One line of the group's ledger (huvudbok). Written once, never edited or
    deleted: a correction is a new entry with a reason that points at the entry
    it reverses.

    Two accounts: *committed* (beslutat, ännu inte bokfört) and *booked*
    (bokfört). An approval adds to committed; a booking moves the amount from
    committed to booked (a settlement entry takes it off committed); a revoked
    decision takes it off committed. So for a group and year:
    remaining = grant − Σ committed − Σ booked, and it is never negative.
    """

    class Account(models.TextChoices):
        COMMITTED = "committed", _("Beslutat, ej bokfört")
        BOOKED = "booked", _("Bokfört")

    class Event(models.TextChoices):
        APPROVAL = "approval", _("Beslut")
        BOOKING = "booking", _("Bokföring")
        SETTLEMENT = "settlement", _("Avräkning mot bokföring")
        CANCELLATION = "cancellation", _("Återkallat beslut")
        CORRECTION = "correction", _("Rättelse")

    area_group = models.ForeignKey(AreaGroup, on_delete=models.PROTECT, related_name="ledger_entries",
                                   verbose_name=_("områdesgrupp"))
    year = models.PositiveSmallIntegerField(_("budgetår"))
    account_number = models.CharField(_("BK-nummer"), max_length=30)
    spend_request = models.ForeignKey(SpendRequest, on_delete=models.PROTECT, related_name="entries",
                                      verbose_name=_("förslag"))
    cost_type = models.CharField(_("kostnadsslag"), max_length=30, choices=CostType.choices)
    effort = models.ForeignKey("planning.Effort", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="ledger_entries", verbose_name=_("insats"))
    account = models.CharField(_("konto"), max_length=20, choices=Account.choices)
    event = models.CharField(_("händelse"), max_length=20, choices=Event.choices)
    amount = models.DecimalField(_("belopp (kr)"), **MONEY)
    entry_date = models.DateField(_("datum"))
    voucher = models.CharField(_("verifikationsnummer"), max_length=40, blank=True)
    decision_paragraph = models.CharField(_("beslutsparagraf"), max_length=30, blank=True)
    reason = models.TextField(_("skäl"), blank=True)
    reverses = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="reversed_by", verbose_name=_("rättar post"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="ledger_entries", verbose_name=_("registrerad av"))
    created_at = models.DateTimeField(_("registrerad"), default=timezone.now)

    objects = LedgerEntryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["entry_date", "pk"]
        verbose_name = _("post i huvudboken")
        verbose_name_plural = _("poster i huvudboken")
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="ledger_amount_not_zero",
                                   violation_error_message=_("En post har ett belopp.")),
            # A decision, its booking, its settlement and its revocation happen once
            # per request: a double click or a retry cannot post them twice.
            models.UniqueConstraint(
                fields=["spend_request", "event"],
                condition=Q(event__in=["approval", "booking", "settlement", "cancellation"]),
                name="one_entry_per_request_and_event",
            ),
            models.CheckConstraint(
                condition=~Q(event="correction") | ~Q(reason=""),
                name="correction_has_reason",
                violation_error_message=_("En rättelse har ett skäl."),
            ),
            models.CheckConstraint(
                condition=~Q(event="cancellation") | ~Q(reason=""),
                name="cancellation_has_reason",
                violation_error_message=_("Ett återkallat beslut har ett skäl."),
            ),
        ]
        indexes = [models.Index(fields=["area_group", "year", "account"])]

    def __str__(self):
        return f"{self.entry_date} {self.get_event_display()} {self.amount} kr"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Ledger entries are never changed; post a correcting entry.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Ledger entries are never deleted; post a correcting entry.")

    # Who reads the object reads its history too (trust.audit): those who read the money.
    view_permission = "budget.view_ledger"

    def get_area_group(self):
        return self.area_group
