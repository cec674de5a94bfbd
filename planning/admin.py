from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planning.models import (
    ActionPlan,
    AreaCode,
    DistrictAnalysis,
    Effort,
    Figure,
    ImportBatch,
    Indicator,
    MainTask,
    PlanningYear,
    Report,
    StrategicProgramme,
    WorkflowEvent,
)


class MainTaskInline(admin.StackedInline):
    model = MainTask
    extra = 0


@admin.register(StrategicProgramme)
class StrategicProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "district", "adopted_on", "first_year", "last_year"]
    list_filter = ["district"]
    inlines = [MainTaskInline]


@admin.register(PlanningYear)
class PlanningYearAdmin(SimpleHistoryAdmin):
    list_display = ["area_group", "year", "analysis_due", "action_plan_due", "committee_due",
                    "interim_report_due", "annual_report_due"]
    list_filter = ["year", "area_group"]


class DocumentAdmin(SimpleHistoryAdmin):
    """Documents change through the app's workflow; the admin only reads them."""

    list_display = ["__str__", "status", "approved_at", "committee_date", "ks_date"]
    list_filter = ["status", "planning_year__year"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(DistrictAnalysis, DocumentAdmin)
admin.site.register(ActionPlan, DocumentAdmin)
admin.site.register(Report, DocumentAdmin)


@admin.register(Effort)
class EffortAdmin(SimpleHistoryAdmin):
    list_display = ["title", "action_plan", "planned_cost", "contact"]
    list_filter = ["action_plan__planning_year__year", "action_plan__planning_year__area_group"]
    search_fields = ["title"]
    readonly_fields = ["version"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "key", "unit", "sort_order"]
    list_editable = ["sort_order"]


@admin.register(AreaCode)
class AreaCodeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "kind", "name", "district"]
    list_filter = ["kind", "district"]


@admin.register(Figure)
class FigureAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "district", "year", "value", "unit", "source"]
    list_filter = ["indicator", "district", "year"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "imported_at", "imported_by", "rows", "created", "revised"]


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(admin.ModelAdmin):
    list_display = ["planning_year", "document", "action", "by", "at"]
    list_filter = ["document", "action"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
