"""Pages of the planning cycle: a group's years, a year's wheel, the documents,
their workflow and history, the due dates, and the all-districts overview."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from areas.permissions import (
    EDIT_DOCUMENT,
    MANAGE_CYCLE,
    VIEW_DOCUMENT,
    may,
    require,
    visible_area_groups,
)
from planning import charts, services
from planning.errors import PlanningError
from planning.forms import DueDatesForm, StartYearForm, WorkflowForm, YearDueDatesForm
from planning.history import PER_PAGE as HISTORY_PER_PAGE
from planning.history import document_history
from planning.models import CycleDueDates, DocumentKind, PlanningYear, Report, default_due_dates
from planning.views.context import document_page, programme_in_force
from planning.views.fetch import document_for_user, group_for_user, year_for_user


@require_safe
def years(request, slug):
    group = group_for_user(request, slug, VIEW_DOCUMENT)
    planning_years = (
        group.planning_years.select_related("analysis", "action_plan").prefetch_related("reports")
    )
    return render(request, "planning/years.html", {
        "group": group, "district": group.district, "planning_years": planning_years,
        "can_start": may(request.user, EDIT_DOCUMENT, group),
        "start_form": StartYearForm(initial={"year": timezone.localdate().year + 1}),
        "programme": programme_in_force(group, timezone.localdate().year),
    })


@require_POST
def start_year(request, slug):
    group = group_for_user(request, slug, EDIT_DOCUMENT)
    form = StartYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ange ett år mellan 2015 och 2100."))
        return redirect("planning:years", slug)
    planning_year = services.start_year(group, form.cleaned_data["year"])
    messages.success(request, _("Planeringsåret %(year)s är påbörjat.") % {"year": planning_year.year})
    return redirect(planning_year)


@require_safe
def year(request, slug, year):
    planning_year = year_for_user(request, slug, year)
    docs = services.documents_of(planning_year)
    for doc in docs:
        doc.planning_year = planning_year
    return render(request, "planning/year.html", {
        "planning_year": planning_year, "group": planning_year.area_group,
        "district": planning_year.area_group.district, "year": year, "docs": docs,
        "can_manage_cycle": may(request.user, MANAGE_CYCLE),
        "wheel": charts.year_wheel(planning_year, docs, timezone.localdate()),
    })


@require_http_methods(["GET", "POST"])
def due_dates(request, slug, year):
    planning_year = year_for_user(request, slug, year, MANAGE_CYCLE)
    form = DueDatesForm(request.POST or None, instance=planning_year)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Datumen i årshjulet är sparade."))
        return redirect(planning_year)
    return render(request, "planning/due_dates.html", {
        "planning_year": planning_year, "group": planning_year.area_group,
        "district": planning_year.area_group.district, "year": year, "form": form,
    })


@require_safe
def document(request, slug, year, kind):
    doc = document_for_user(request, slug, year, kind)
    return document_page(request, doc)


@require_POST
def workflow(request, slug, year, kind, action):
    if action not in services.TRANSITIONS:
        raise Http404
    # The step's own permission (only the chair approves) before anything else:
    # someone who may not take the step gets 403, not a message about the date.
    doc = document_for_user(request, slug, year, kind, services.step_permission(action))
    form = WorkflowForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Datumet är inte giltigt. Skriv det som ÅÅÅÅ-MM-DD."))
        return redirect(doc)
    try:
        services.transition(doc, action, request.user, **form.cleaned_data)
    except PlanningError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(doc)s: %(step)s.") % {"doc": doc.kind_label,
                                                 "step": str(services.ACTION_LABELS[action]).lower()}
        )
    return redirect(doc)


@require_safe
def history(request, slug, year, kind):
    doc = document_for_user(request, slug, year, kind)
    page = Paginator(document_history(doc), HISTORY_PER_PAGE).get_page(request.GET.get("sida"))
    return render(request, "planning/history.html", {
        "doc": doc, "group": doc.planning_year.area_group,
        "district": doc.planning_year.area_group.district, "year": year,
        "entries": page.object_list, "page": page,
    })


@require_http_methods(["GET", "POST"])
def overview(request, year):
    """All districts' documents of a year, for readers across districts; for the
    management office also the year's due dates, set for every group at once."""
    if request.method == "POST":
        require(request.user, MANAGE_CYCLE)  # reading is for all; setting dates is not
    manages = may(request.user, MANAGE_CYCLE)
    dates_form = None
    if manages and 2015 <= year <= 2100:
        dates = CycleDueDates.objects.filter(year=year).first() or CycleDueDates(
            year=year, **default_due_dates(year))
        dates_form = YearDueDatesForm(request.POST or None, instance=dates, prefix="datum")
        if request.method == "POST" and dates_form.is_valid():
            changed = services.set_due_dates_for_all_groups(dates_form)
            messages.success(request, _(
                "Datumen i årshjulet %(year)s gäller nu alla områdesgrupper (nya datum för "
                "%(n)s grupper som påbörjat året; de andra får dem när de påbörjar det)."
            ) % {"year": year, "n": changed})
            return redirect("planning:overview", year)
    elif request.method == "POST":
        raise Http404
    groups = visible_area_groups(request.user).select_related("district")
    planning_years = {
        py.area_group_id: py
        for py in PlanningYear.objects.filter(area_group__in=groups, year=year)
        .select_related("analysis", "action_plan")
        .prefetch_related(Prefetch("reports", queryset=Report.objects.order_by("kind")))
    }
    rows = []
    for group in groups:
        py = planning_years.get(group.pk)
        docs = []
        if py is not None:
            reports = {r.kind: r for r in py.reports.all()}
            docs = [py.analysis, py.action_plan, reports.get(DocumentKind.INTERIM_REPORT),
                    reports.get(DocumentKind.ANNUAL_REPORT)]
            for doc in docs:
                if doc is not None:
                    doc.planning_year = py
                    py.area_group = group
        rows.append({"group": group, "planning_year": py, "docs": docs})
    return render(request, "planning/overview.html", {
        "year": year, "rows": rows, "kinds": DocumentKind.choices, "dates_form": dates_form,
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 4, -1),
    })
