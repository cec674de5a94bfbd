"""The public pages (no sign-in): the districts, their strategic programmes and
their published documents."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from areas.models import District
from planning import statistics
from planning.models import DocumentKind, Section, Status
from planning.models.documents import SLUG_KINDS, document_queryset, documents_where
from planning.views.context import programme_in_force


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
        published = documents_where(planning_year__area_group=group, status=Status.PUBLISHED)
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
    """A published document of a district's year, for everyone (no sign-in)."""
    kind_value = SLUG_KINDS.get(kind)
    if kind_value is None:
        raise Http404
    district = get_object_or_404(District, slug=slug)
    doc = get_object_or_404(
        document_queryset(kind_value), planning_year__area_group__district=district,
        planning_year__year=year, status=Status.PUBLISHED,
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
