"""Places: the districts (stadsdelar) of Botkyrka."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
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
        return reverse("district", args=[self.slug])

    @property
    def area_group_or_none(self):
        try:
            return self.area_group
        except ObjectDoesNotExist:
            return None
