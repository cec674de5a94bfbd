"""What the trust app stores itself: which people have been anonymised, and when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Anonymisation(models.Model):
    """A person whose name and contact details were replaced (GDPR art. 17 as far as
    the public records law allows: the records they took part in stay)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="anonymisation",
        verbose_name=_("person"),
    )
    anonymised_at = models.DateTimeField(_("anonymiserad"), auto_now_add=True)
    left_on = models.DateField(_("sista dag i en grupp"))

    class Meta:
        verbose_name = _("anonymisering")
        verbose_name_plural = _("anonymiseringar")
        permissions = [
            ("view_audit_trail", _("Se granskningsloggen för alla objekt")),
            ("extract_personal_data", _("Ta ut registerutdrag för andra personer")),
        ]

    def __str__(self):
        return f"{self.user_id} ({self.anonymised_at:%Y-%m-%d})"
