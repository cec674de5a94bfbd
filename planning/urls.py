from django.urls import path, register_converter

from planning.views import documents, editing, programmes, public, statistics


class DocumentConverter:
    regex = "stadsdelsanalys|handlingsplan|delarsrapport|arsrapport"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class ReportConverter(DocumentConverter):
    regex = "delarsrapport|arsrapport"


class DirectionConverter(DocumentConverter):
    regex = "upp|ner"


class ActionConverter(DocumentConverter):
    regex = "submit|withdraw|approve|committee|report|publish|reopen"


register_converter(DocumentConverter, "doc")
register_converter(ReportConverter, "report")
register_converter(DirectionConverter, "dir")
register_converter(ActionConverter, "step")

app_name = "planning"

Y = "stadsdelar/<slug:slug>/planering/<int:year>/"
PLAN = Y + "handlingsplan/"

urlpatterns = [
    path("planering/<int:year>/", documents.overview, name="overview"),
    path("statistik/import/", statistics.statistics_import, name="statistics_import"),
    path("stadsdelar/<slug:slug>/program/", programmes.programme, name="programme"),
    path("stadsdelar/<slug:slug>/planering/", documents.years, name="years"),
    path("stadsdelar/<slug:slug>/planering/nytt-ar/", documents.start_year, name="start_year"),
    path(Y, documents.year, name="year"),
    path(Y + "datum/", documents.due_dates, name="due_dates"),
    path(PLAN + "insatser/ny/", editing.effort_add, name="effort_add"),
    path(PLAN + "insatser/<int:pk>/", editing.effort_edit, name="effort_edit"),
    path(PLAN + "insatser/<int:pk>/ta-bort/", editing.effort_remove, name="effort_remove"),
    path(PLAN + "insatser/<int:pk>/flytta/<dir:direction>/", editing.effort_move, name="effort_move"),
    path(PLAN + "kopiera-fran-forra-aret/", editing.copy_forward, name="copy_forward"),
    path(Y + "<report:kind>/rader/ny/", editing.row_add, name="row_add"),
    path(Y + "<report:kind>/rader/hamta/", editing.rows_sync, name="rows_sync"),
    path(Y + "<report:kind>/rader/<int:pk>/", editing.row_edit, name="row_edit"),
    path(Y + "<report:kind>/rader/<int:pk>/ta-bort/", editing.row_remove, name="row_remove"),
    path(Y + "<report:kind>/rader/<int:pk>/flytta/<dir:direction>/", editing.row_move, name="row_move"),
    path(Y + "<doc:kind>/", documents.document, name="document"),
    path(Y + "<doc:kind>/historik/", documents.history, name="history"),
    path(Y + "<doc:kind>/steg/<step:action>/", documents.workflow, name="workflow"),
    path(Y + "<doc:kind>/avsnitt/<int:pk>/", editing.section_edit, name="section_edit"),
    path(Y + "<doc:kind>/kommentarer/", editing.comment_add, name="comment_add"),
    path("offentlig/", public.public_index, name="public_index"),
    path("offentlig/<slug:slug>/", public.public_district, name="public_district"),
    path("offentlig/<slug:slug>/program/", public.public_programme, name="public_programme"),
    path("offentlig/<slug:slug>/<int:year>/<doc:kind>/", public.public_document, name="public_document"),
]
