"""The planning year of an area group and its four documents.

Riktlinjerna: the district analysis and the action plan are presented at the
start of each year, the interim report in September, the annual report at the
start of the following year; all three of analysis, plan and annual report are
handled by the democracy committee in February or March and go on to the
executive board (KS) as a report item.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from areas.models import AreaGroup
from planning.models.cycle import DUE_FIELDS, due_dates_for


class DocumentKind(models.TextChoices):
    ANALYSIS = "analysis", _("Stadsdelsanalys")
    ACTION_PLAN = "action_plan", _("Handlingsplan")
    INTERIM_REPORT = "interim_report", _("Delårsrapport")
    ANNUAL_REPORT = "annual_report", _("Årsrapport")


# URL slugs (Swedish) of the document kinds.
KIND_SLUGS = {
    DocumentKind.ANALYSIS: "stadsdelsanalys",
    DocumentKind.ACTION_PLAN: "handlingsplan",
    DocumentKind.INTERIM_REPORT: "delarsrapport",
    DocumentKind.ANNUAL_REPORT: "arsrapport",
}
SLUG_KINDS = {slug: kind for kind, slug in KIND_SLUGS.items()}


class Status(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Lämnad till områdesgruppen")
    APPROVED = "approved", _("Godkänd av ordföranden")
    COMMITTEE = "committee", _("Behandlad i demokratiberedningen")
    REPORTED = "reported", _("Anmäld till kommunstyrelsen")
    PUBLISHED = "published", _("Publicerad")


# Statuses in which a document is approved and frozen.
FROZEN = {Status.APPROVED, Status.COMMITTEE, Status.REPORTED, Status.PUBLISHED}


class PlanningYear(models.Model):
    """An area group's year: the four documents and their due dates (the årshjul).

    Due dates are data: a new planning year starts from the dates the management
    office set for the year (``CycleDueDates``), else the guidelines' months
    (``default_due_dates``); they may then be changed for this group alone."""

    area_group = models.ForeignKey(
        AreaGroup, on_delete=models.PROTECT, related_name="planning_years",
        verbose_name=_("områdesgrupp"),
    )
    year = models.PositiveSmallIntegerField(_("år"))
    analysis_due = models.DateField(_("stadsdelsanalys senast"))
    action_plan_due = models.DateField(_("handlingsplan senast"))
    committee_due = models.DateField(_("demokratiberedningen senast"))
    interim_report_due = models.DateField(_("delårsrapport senast"))
    annual_report_due = models.DateField(_("årsrapport senast"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["area_group", "-year"]
        verbose_name = _("planeringsår")
        verbose_name_plural = _("planeringsår")
        constraints = [
            models.UniqueConstraint(
                fields=["area_group", "year"], name="one_planning_year_per_group_and_year",
                violation_error_message=_("Områdesgruppen har redan det planeringsåret."),
            ),
        ]
        permissions = [
            ("manage_cycle", _("Sätta datum i årshjulet och importera statistik (kommunledning)")),
        ]

    def __str__(self):
        return f"{self.area_group} {self.year}"

    def save(self, *args, **kwargs):
        if any(getattr(self, field) is None for field in DUE_FIELDS):
            for field, value in due_dates_for(self.year).items():
                if getattr(self, field) is None:
                    setattr(self, field, value)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("planning:year", args=[self.area_group.district.slug, self.year])

    def get_area_group(self):
        return self.area_group

    def due_date(self, kind: str) -> date:
        return getattr(self, f"{kind}_due")


class WorkflowDocument(models.Model):
    """What the four documents share: the workflow draft → submitted → approved
    (chair) → handled by the democracy committee → reported to KS → published."""

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("lämnad"), null=True, blank=True)
    approved_at = models.DateTimeField(_("godkänd"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("godkänd av"),
    )
    committee_date = models.DateField(_("behandlad i demokratiberedningen"), null=True, blank=True)
    ks_date = models.DateField(_("anmäld till kommunstyrelsen"), null=True, blank=True)
    ks_case_number = models.CharField(_("diarienummer KS"), max_length=40, blank=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)

    kind: str = ""

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.kind_label} {self.year}, {self.planning_year.area_group.district}"

    def get_absolute_url(self):
        group = self.planning_year.area_group
        return reverse(
            "planning:document", args=[group.district.slug, self.year, self.kind_slug]
        )

    @property
    def year(self) -> int:
        return self.planning_year.year

    def get_area_group(self):
        return self.planning_year.area_group

    @property
    def is_frozen(self) -> bool:
        return self.status in FROZEN

    @property
    def is_editable(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def kind_label(self) -> str:
        return DocumentKind(self.kind).label

    @property
    def kind_slug(self) -> str:
        return KIND_SLUGS[self.kind]

    @property
    def district_slug(self) -> str:
        return self.planning_year.area_group.district.slug

    @property
    def due(self) -> date:
        return self.planning_year.due_date(self.kind)

    @property
    def waiting_since(self) -> date | None:
        """The day it was submitted, while it waits for the chair's approval."""
        if self.status == Status.SUBMITTED and self.submitted_at:
            return timezone.localtime(self.submitted_at).date()
        return None

    def days_late(self, today: date | None = None) -> int:
        """Days past the due date while not yet approved; 0 when on time, done, or
        submitted by the due date (the area group delivered in time: the document
        waits for the chair's approval, which is not late)."""
        today = today or timezone.localdate()
        if self.is_frozen or today <= self.due:
            return 0
        waiting = self.waiting_since
        if waiting is not None and waiting <= self.due:
            return 0
        return (today - self.due).days

    def days_left(self, today: date | None = None) -> int:
        today = today or timezone.localdate()
        return (self.due - today).days

    def sections(self):
        return Section.objects.filter(planning_year_id=self.planning_year_id, document=self.kind)


class DistrictAnalysis(WorkflowDocument):
    """The stadsdelsanalys: state and long-term development of the district, from
    dialogue with actors, local observations and relevant statistics."""

    planning_year = models.OneToOneField(
        PlanningYear, on_delete=models.PROTECT, related_name="analysis",
        verbose_name=_("planeringsår"),
    )
    kind = DocumentKind.ANALYSIS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stadsdelsanalys")
        verbose_name_plural = _("stadsdelsanalyser")


class ActionPlan(WorkflowDocument):
    """The handlingsplan: the group's and working groups' efforts for the year,
    building on the analysis and implementing the strategic programme."""

    planning_year = models.OneToOneField(
        PlanningYear, on_delete=models.PROTECT, related_name="action_plan",
        verbose_name=_("planeringsår"),
    )
    analysis = models.ForeignKey(
        DistrictAnalysis, on_delete=models.PROTECT, null=True, blank=True,
        related_name="action_plans", verbose_name=_("bygger på analysen"),
    )
    kind = DocumentKind.ACTION_PLAN

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("handlingsplan")
        verbose_name_plural = _("handlingsplaner")


class Report(WorkflowDocument):
    """A delårsrapport (September) or årsrapport (start of the following year):
    one follow-up row per effort of the year's action plan, plus free sections."""

    class Kind(models.TextChoices):
        INTERIM = DocumentKind.INTERIM_REPORT.value, DocumentKind.INTERIM_REPORT.label
        ANNUAL = DocumentKind.ANNUAL_REPORT.value, DocumentKind.ANNUAL_REPORT.label

    planning_year = models.ForeignKey(
        PlanningYear, on_delete=models.PROTECT, related_name="reports",
        verbose_name=_("planeringsår"),
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporter")
        constraints = [
            models.UniqueConstraint(
                fields=["planning_year", "kind"], name="one_report_of_each_kind_per_year",
                violation_error_message=_("Året har redan en sådan rapport."),
            ),
        ]


class Section(models.Model):
    """A free-text section of a document, saved on its own (per-section save).

    Text is stored as the editor typed it, in a small Markdown subset
    (``planning.markup``: headings, lists, bold, italic, http(s)/mailto links),
    escaped before the subset is applied: user HTML is never rendered. History
    diffs the source text. ``version`` guards against silent overwrites."""

    planning_year = models.ForeignKey(
        PlanningYear, on_delete=models.PROTECT, related_name="sections",
        verbose_name=_("planeringsår"),
    )
    document = models.CharField(_("dokument"), max_length=20, choices=DocumentKind.choices)
    key = models.SlugField(_("nyckel"), max_length=50)
    heading = models.CharField(_("rubrik"), max_length=200)
    guidance = models.CharField(_("vägledning"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["planning_year", "document", "position"]
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")
        constraints = [
            models.UniqueConstraint(
                fields=["planning_year", "document", "key"], name="unique_section_per_document",
            ),
        ]

    def __str__(self):
        return self.heading

    def get_area_group(self):
        return self.planning_year.area_group


class WorkflowEvent(models.Model):
    """A step in a document's workflow (submit, approve, reopen ...), kept for good."""

    planning_year = models.ForeignKey(
        PlanningYear, on_delete=models.PROTECT, related_name="events",
        verbose_name=_("planeringsår"),
    )
    document = models.CharField(_("dokument"), max_length=20, choices=DocumentKind.choices)
    action = models.CharField(_("händelse"), max_length=20)
    from_status = models.CharField(_("från"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("till"), max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("av"),
    )
    at = models.DateTimeField(_("tidpunkt"), default=timezone.now)
    note = models.TextField(_("motivering"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("händelse i arbetsflödet")
        verbose_name_plural = _("händelser i arbetsflödet")

    def __str__(self):
        return f"{self.get_document_display()}: {self.action}"

    def get_area_group(self):
        return self.planning_year.area_group


class Comment(models.Model):
    """A member's comment on a document, or on one effort of it."""

    planning_year = models.ForeignKey(
        PlanningYear, on_delete=models.PROTECT, related_name="comments",
        verbose_name=_("planeringsår"),
    )
    document = models.CharField(_("dokument"), max_length=20, choices=DocumentKind.choices)
    effort = models.ForeignKey(
        "planning.Effort", on_delete=models.CASCADE, null=True, blank=True, related_name="comments",
        verbose_name=_("insats"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("av"),
    )
    body = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(_("skriven"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")

    def __str__(self):
        return self.body[:60]

    def get_area_group(self):
        return self.planning_year.area_group


# What a document's pages and permission checks read with it.
WITH_YEAR_GROUP_AND_DISTRICT = "planning_year__area_group__district"


def document_queryset(kind: str):
    """The documents of one kind, with what their pages and permission checks
    read (the year, its group and district). The one place that maps a kind to
    its model: the analysis, the action plan, or one of the two reports."""
    if kind == DocumentKind.ANALYSIS:
        return DistrictAnalysis.objects.select_related(WITH_YEAR_GROUP_AND_DISTRICT)
    if kind == DocumentKind.ACTION_PLAN:
        return ActionPlan.objects.select_related(WITH_YEAR_GROUP_AND_DISTRICT, "analysis")
    if kind in Report.Kind.values:
        return Report.objects.filter(kind=kind).select_related(WITH_YEAR_GROUP_AND_DISTRICT)
    raise ValueError(f"Unknown document kind {kind!r}")


def documents_where(**lookup) -> list:
    """The documents of every kind that match ``lookup`` (analyses, plans, then
    reports: one query for each model), with their year, group and district."""
    return [
        document
        for model in (DistrictAnalysis, ActionPlan, Report)
        for document in model.objects.filter(**lookup).select_related(WITH_YEAR_GROUP_AND_DISTRICT)
    ]
