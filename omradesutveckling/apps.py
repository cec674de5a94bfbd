from django.apps import AppConfig

from planning.extensions import register_document_section


class ProjectConfig(AppConfig):
    """The composition layer: the pages and sections that draw from several apps
    (the start page, the district page, the annual report's budget section, the
    demo loader). It stands above every app; no app imports it."""

    name = "omradesutveckling"
    verbose_name = "Områdesutveckling"

    def ready(self):
        # Imported here, not at the top: Django imports apps.py while it fills the
        # app registry, before any model may be imported, and annual_report reads
        # budget's and planning's models (AppRegistryNotReady at start-up).
        from omradesutveckling import annual_report

        register_document_section(annual_report.budget_section)
