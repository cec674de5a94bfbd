"""The planning cycle in the admin. The freeze holds here as in the app: documents
change only through the workflow; what belongs to a document (its efforts, a
report's follow-up rows) changes only while the app would let it change, asked
the same way (the one permission answer, then ``planning.editing.ensure_editable``);
the figures an approved analysis froze, and the main tasks of a programme an
approved plan implements, are only shown. Every refusal says why on the page."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from areas.history_admin import HistoryAdmin
from areas.permissions import EDIT_DOCUMENT, may
from planning.editing import ensure_editable
from planning.errors import FrozenError
from planning.models import (
    ActionPlan,
    AreaCode,
    DistrictAnalysis,
    Effort,
    Figure,
    FollowUpRow,
    FrozenFigure,
    ImportBatch,
    Indicator,
    MainTask,
    PlanningYear,
    Report,
    StrategicProgramme,
    WorkflowEvent,
)


def why_not_editable(user, document) -> str:
    """Why what belongs to ``document`` may not change now ('' when it may): the
    app's answers, the role rule first, then the document's state (a draft only)."""
    if not may(user, EDIT_DOCUMENT, document):
        return _("Bara områdesutvecklaren och ordföranden ändrar %(doc)s.") % {"doc": document}
    try:
        ensure_editable(document)
    except FrozenError as error:
        return str(error)
    return ""


def _frozen_plans_reason(programme) -> str:
    plans = list(programme.frozen_action_plans()) if programme is not None else []
    if not plans:
        return ""
    return _(
        "Huvuduppgifterna kan inte ändras, läggas till eller tas bort här: %(plans)s genomför "
        "programmet och är godkänd och låst."
    ) % {"plans": ", ".join(str(plan) for plan in plans)}


class MainTaskInline(admin.StackedInline):
    """Main tasks change with their programme, until an approved plan implements it."""

    model = MainTask
    extra = 0

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not _frozen_plans_reason(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not _frozen_plans_reason(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _frozen_plans_reason(obj)


@admin.register(StrategicProgramme)
class StrategicProgrammeAdmin(HistoryAdmin):
    list_display = ["title", "district", "adopted_on", "first_year", "last_year"]
    list_filter = ["district"]
    inlines = [MainTaskInline]

    def has_delete_permission(self, request, obj=None):
        # Deleting the programme would take its main tasks with it.
        return super().has_delete_permission(request, obj) and not _frozen_plans_reason(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        reason = _frozen_plans_reason(self.get_object(request, unquote(object_id)))
        if reason and request.method == "GET":
            self.message_user(request, reason, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(PlanningYear)
class PlanningYearAdmin(HistoryAdmin):
    list_display = ["area_group", "year", "analysis_due", "action_plan_due", "committee_due",
                    "interim_report_due", "annual_report_due"]
    list_filter = ["year", "area_group"]


class DocumentAdmin(HistoryAdmin):
    """Documents change through the app's workflow; the admin only reads them."""

    list_display = ["__str__", "status", "approved_at", "committee_date", "ks_date"]
    list_filter = ["status", "planning_year__year"]
    read_only_reason = gettext_lazy(
        "Dokumenten ändras i appen, genom arbetsflödet (lämna, godkänna, öppna igen); "
        "här visas de bara."
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(DistrictAnalysis, DocumentAdmin)
admin.site.register(ActionPlan, DocumentAdmin)
admin.site.register(Report, DocumentAdmin)


class DocumentPartAdmin(HistoryAdmin):
    """What belongs to a document (``document_field``) and carries a ``version``:
    changed, added or deleted only while the document may change in the app. A
    save here is a new version, so a form the app opened before it meets the
    version guard instead of silently writing over the admin's correction."""

    document_field = ""
    readonly_fields = ["version"]

    def refusal(self, request, obj) -> str:
        return why_not_editable(request.user, getattr(obj, self.document_field))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or not self.refusal(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or not self.refusal(request, obj)
        )

    def get_deleted_objects(self, objs, request):
        # The bulk delete action asks each object's delete permission here; its page
        # names only the kind of object refused, so say why as well.
        for reason in sorted({self.refusal(request, obj) for obj in objs} - {""}):
            self.message_user(request, reason, messages.WARNING)
        return super().get_deleted_objects(objs, request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.document_field:
            kwargs["queryset"] = db_field.related_model.objects.select_related(
                "planning_year__area_group__district"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.admin_user, form.document_field = request.user, self.document_field
        return form

    def save_model(self, request, obj, form, change):
        if change:
            current = type(obj).objects.select_for_update().only("version").get(pk=obj.pk)
            obj.version = current.version + 1
        super().save_model(request, obj, form, change)


class DocumentPartForm(forms.ModelForm):
    """Refuses to add an object to, or move it into, a document that may not change
    now (the admin sets ``admin_user`` and ``document_field`` per request)."""

    admin_user = None
    document_field = ""

    def clean(self):
        cleaned = super().clean()
        document = cleaned.get(self.document_field)
        if document is not None:
            reason = why_not_editable(self.admin_user, document)
            if reason:
                self.add_error(self.document_field, reason)
        return cleaned


@admin.register(Effort)
class EffortAdmin(DocumentPartAdmin):
    form = DocumentPartForm
    document_field = "action_plan"
    list_display = ["title", "action_plan", "planned_cost", "contact"]
    list_filter = ["action_plan__planning_year__year", "action_plan__planning_year__area_group"]
    list_select_related = ["action_plan__planning_year__area_group__district", "contact"]
    search_fields = ["title"]


@admin.register(FollowUpRow)
class FollowUpRowAdmin(DocumentPartAdmin):
    form = DocumentPartForm
    document_field = "report"
    list_display = ["effort", "report", "status"]
    list_filter = ["report__kind", "report__planning_year__year", "status"]
    list_select_related = ["effort", "report__planning_year__area_group__district"]
    raw_id_fields = ["effort"]


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    list_display = ["name", "key", "unit", "sort_order"]
    list_editable = ["sort_order"]


@admin.register(AreaCode)
class AreaCodeAdmin(HistoryAdmin):
    list_display = ["code", "kind", "name", "district"]
    list_filter = ["kind", "district"]


@admin.register(Figure)
class FigureAdmin(HistoryAdmin):
    """Live figures: a correction here is a revision, as an import's is; an approved
    analysis keeps its frozen copy and flags the revised value."""

    list_display = ["indicator", "district", "year", "value", "unit", "source"]
    list_filter = ["indicator", "district", "year"]


@admin.register(FrozenFigure)
class FrozenFigureAdmin(admin.ModelAdmin):
    """The figures as they stood when the chair approved the analysis: the approval
    writes them, nothing else does."""

    list_display = ["indicator", "district", "year", "value", "unit", "source", "analysis"]
    list_filter = ["analysis__planning_year__year", "district"]
    list_select_related = ["indicator", "district", "analysis__planning_year__area_group__district"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self.message_user(request, _(
                "Nyckeltalen frystes med stadsdelsanalysen när ordföranden godkände den och "
                "ändras inte. En rättelse görs i nyckeltalen; analysen visar då att värdet "
                "har reviderats."
            ), messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "imported_at", "imported_by", "rows", "created", "revised"]


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(admin.ModelAdmin):
    """The workflow's record of who took each step: written by the workflow only."""

    list_display = ["planning_year", "document", "action", "by", "at"]
    list_filter = ["document", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
