"""Key figures per district and year, as statistics offices publish them.

A figure keeps its unit and source ("Källa: SCB"). Districts map to the
statistics office's area codes (RegSO/DeSO) so that a file keyed by code
imports too. The figures an approved analysis used are frozen with it
(``FrozenFigure``); a later import that revises one is flagged, never silently
changed in the analysis.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models import District


class Indicator(models.Model):
    key = models.SlugField(_("nyckel"), max_length=80, unique=True)
    name = models.CharField(_("indikator"), max_length=150, unique=True)
    unit = models.CharField(_("enhet"), max_length=30, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=100)

    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self):
        return self.name


class AreaCode(models.Model):
    """A statistics office's area code and the district it belongs to
    (no district: the whole municipality, code 0127 for Botkyrka)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        REGSO = "regso", _("RegSO")
        DESO = "deso", _("DeSO")

    code = models.CharField(_("områdeskod"), max_length=20, unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("namn"), max_length=100, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="area_codes",
        verbose_name=_("stadsdel"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("områdeskod")
        verbose_name_plural = _("områdeskoder")

    def __str__(self):
        return f"{self.code} {self.name}".strip()


class ImportBatch(models.Model):
    """One imported statistics file."""

    filename = models.CharField(_("fil"), max_length=200)
    imported_at = models.DateTimeField(_("importerad"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("importerad av"),
    )
    rows = models.PositiveIntegerField(_("rader"), default=0)
    created = models.PositiveIntegerField(_("nya värden"), default=0)
    revised = models.PositiveIntegerField(_("reviderade värden"), default=0)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("statistikimport")
        verbose_name_plural = _("statistikimporter")

    def __str__(self):
        return f"{self.filename} ({self.imported_at:%Y-%m-%d})"


class Figure(models.Model):
    """A value of an indicator for a district (or, without one, the whole
    municipality) and a year."""

    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="figures",
        verbose_name=_("stadsdel"), help_text=_("Tomt: hela kommunen."),
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="figures", verbose_name=_("indikator")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.DecimalField(_("värde"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("enhet"), max_length=30, blank=True)
    source = models.CharField(_("källa"), max_length=150)
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="figures",
        verbose_name=_("import"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__sort_order", "indicator__name", "year"]
        verbose_name = _("nyckeltal")
        verbose_name_plural = _("nyckeltal")
        constraints = [
            models.UniqueConstraint(
                fields=["district", "indicator", "year"], condition=Q(district__isnull=False),
                name="one_figure_per_district_indicator_year",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"], condition=Q(district__isnull=True),
                name="one_municipality_figure_per_indicator_year",
            ),
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}: {self.value} {self.unit}"


class FrozenFigure(models.Model):
    """A figure as it stood when the analysis was approved."""

    analysis = models.ForeignKey(
        "planning.DistrictAnalysis", on_delete=models.CASCADE, related_name="frozen_figures",
        verbose_name=_("stadsdelsanalys"),
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("stadsdel"),
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="+", verbose_name=_("indikator")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.DecimalField(_("värde"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("enhet"), max_length=30, blank=True)
    source = models.CharField(_("källa"), max_length=150)

    class Meta:
        ordering = ["indicator__sort_order", "indicator__name", "year"]
        verbose_name = _("fryst nyckeltal")
        verbose_name_plural = _("frysta nyckeltal")

    def __str__(self):
        return f"{self.indicator} {self.year}: {self.value} {self.unit}"

    def get_area_group(self):
        return self.analysis.get_area_group()
