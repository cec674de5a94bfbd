"""Area groups (områdesgrupper) and the roles held in them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models.places import District


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
