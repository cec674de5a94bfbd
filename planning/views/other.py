"""Statistics import, strategic programmes and the public pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from areas.models import District
from areas.permissions import MANAGE_CYCLE, VIEW_DOCUMENT, get_district_for_user, requires
from planning import statistics
from planning.forms import StatisticsImportForm
from planning.models import (
    ActionPlan,
    DistrictAnalysis,
    DocumentKind,
    ImportBatch,
    Report,
    Section,
    Status,
)
from planning.models.documents import SLUG_KINDS
from planning.views.context import programme_in_force


@require_http_methods(["GET", "POST"])
@requires(MANAGE_CYCLE)
def statistics_import(request):
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


@require_safe
def programme(request, slug):
    district = get_district_for_user(request, slug, VIEW_DOCUMENT)
    group = district.area_group_or_none
    programmes = district.programmes.prefetch_related("main_tasks")
    return render(request, "planning/programme.html", {
        "district": district, "group": group, "programmes": programmes,
    })


PUBLISHED = Status.PUBLISHED


@login_not_required
@require_safe
def public_index(request):
    """The districts, each with its public page (no sign-in)."""
    return render(request, "planning/public_index.html", {
        "districts": District.objects.select_related("area_group"),
    })


@login_not_required
@require_safe
def public_programme(request, slug):
    """A district's strategic development programmes, read-only for everyone: they
    are adopted by the council and public."""
    district = get_object_or_404(District, slug=slug)
    return render(request, "planning/public_programme.html", {
        "district": district, "programmes": district.programmes.prefetch_related("main_tasks"),
    })


@login_not_required
@require_safe
def public_district(request, slug):
    """Published documents of a district, for everyone (no sign-in)."""
    district = get_object_or_404(District.objects.select_related("area_group"), slug=slug)
    group = district.area_group_or_none
    published = []
    if group is not None:
        for model in (DistrictAnalysis, ActionPlan, Report):
            published += list(
                model.objects.filter(planning_year__area_group=group, status=PUBLISHED)
                .select_related("planning_year__area_group__district")
            )
    published.sort(key=lambda d: (-d.year, list(DocumentKind.values).index(d.kind)))
    years = {}
    for doc in published:
        years.setdefault(doc.year, []).append(doc)
    return render(request, "planning/public_district.html", {
        "district": district, "group": group, "years": sorted(years.items(), reverse=True),
        "programme": programme_in_force(group, max(years) if years else timezone.localdate().year)
        if group else None,
    })


@login_not_required
@require_safe
def public_document(request, slug, year, kind):
    kind_value = SLUG_KINDS.get(kind)
    if kind_value is None:
        raise Http404
    district = get_object_or_404(District, slug=slug)
    lookup = {"planning_year__area_group__district": district, "planning_year__year": year,
              "status": PUBLISHED}
    if kind_value == DocumentKind.ANALYSIS:
        doc = get_object_or_404(DistrictAnalysis.objects.select_related("planning_year__area_group"), **lookup)
    elif kind_value == DocumentKind.ACTION_PLAN:
        doc = get_object_or_404(ActionPlan.objects.select_related("planning_year__area_group"), **lookup)
    else:
        doc = get_object_or_404(
            Report.objects.select_related("planning_year__area_group"), kind=kind_value, **lookup
        )
    context = {
        "doc": doc, "district": district, "year": year,
        "sections": Section.objects.filter(planning_year_id=doc.planning_year_id, document=doc.kind),
    }
    if kind_value == DocumentKind.ANALYSIS:
        context["statistics"] = statistics.statistics_for(doc)
    elif kind_value == DocumentKind.ACTION_PLAN:
        context["efforts"] = doc.efforts.select_related("main_task", "working_group", "organisation")
    else:
        context["rows"] = doc.rows.select_related("effort")
    return render(request, "planning/public_document.html", context)


