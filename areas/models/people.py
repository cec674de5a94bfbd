"""People and the organisations they come from: administrations and local actors."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
