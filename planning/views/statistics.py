"""The management office's import of the statistics the district analyses build on."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from areas.permissions import MANAGE_CYCLE, requires
from planning import statistics
from planning.forms import StatisticsImportForm
from planning.models import ImportBatch


@require_http_methods(["GET", "POST"])
@requires(MANAGE_CYCLE)
def statistics_import(request):
    """A CSV of figures, all or nothing: a file with an error imports nothing and
    the page names the line and column of each error."""
    form = StatisticsImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = statistics.import_csv(upload.read(), upload.name, request.user)
        except statistics.ImportRefused as refused:
            errors = refused.errors
        else:
            messages.success(
                request,
                _("Importen är klar: %(c)s nya värden, %(r)s reviderade, %(u)s oförändrade.")
                % {"c": result.created, "r": result.revised, "u": result.unchanged},
            )
            return redirect("planning:statistics_import")
    return render(request, "planning/statistics_import.html", {
        "form": form, "errors": errors,
        "batches": ImportBatch.objects.select_related("imported_by")[:10],
    })
