from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The composition layer: the pages and sections that draw from several apps
    (the start page, the district page, the annual report's budget section, the
    demo loader). It stands above every app; no app imports it."""

    name = "omradesutveckling"
    verbose_name = "Områdesutveckling"

    def ready(self):
        from omradesutveckling import annual_report
        from planning.extensions import register_document_section

        register_document_section(annual_report.budget_section)
