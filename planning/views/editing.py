"""Editing a document in place: sections, efforts, follow-up rows, comments.

htmx requests get the named partial of the document's template; without
JavaScript the same URLs render the whole page (with the item in edit mode) or
redirect back to it. Invalid forms and refused saves come back with 200 and
keep what the user typed.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from areas.htmx import render_fragment
from areas.permissions import CONTRIBUTE, EDIT_DOCUMENT, UPDATE_EFFORT, may
from planning import editing
from planning.errors import ConflictError, FrozenError, PlanningError
from planning.forms import (
    CONTRIBUTOR_EFFORT_FIELDS,
    AddRowForm,
    CommentForm,
    EffortForm,
    FollowUpRowForm,
    SectionForm,
)
from planning.views.context import document_context, document_page
from planning.views.fetch import document_for_user, effort_for_user, row_for_user


def _back(request, doc, anchor=""):
    """Back to the document page; an htmx request is sent there as a whole page
    (a redirect would swap the page into the fragment)."""
    url = doc.get_absolute_url() + anchor
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _refused(form, error):
    """Keep what the user typed, say why it was not saved, and let a second,
    deliberate save (after seeing the saved version) go through."""
    form.add_error(None, str(error))
    form.data = form.data.copy()
    form.data[form.add_prefix("version")] = str(error.current.version)


def _not_saved(request, form, what: str):
    """Without JavaScript a refused form comes back as the whole page (its action
    carries the form's anchor, so the browser lands at it): say in the messages
    area what was not saved, as htmx users see it in place."""
    if request.htmx:
        return
    count = sum(len(errors) for errors in form.errors.values())
    messages.error(request, ngettext(
        "%(what)s: rätta felet i formuläret.", "%(what)s: rätta de %(n)s felen i formuläret.", count,
    ) % {"what": what, "n": count})


def _frozen_message(doc):
    try:
        editing.ensure_editable(doc)
    except FrozenError as error:
        return error
    return ""


def _edit_in_place(request, doc, item, base, *, name, shown, form_fragment, make_form,
                   not_saved, saved_message):
    """Edit one versioned item of a draft document (a section, an effort, a
    follow-up row) where it stands on the page. GET shows the form; a POST saves
    it unless the form is invalid, someone else saved the item since the form
    was opened (the form comes back with the saved version beside it) or the
    document is no longer a draft (the message says why, nothing is saved).

    htmx gets the item's partials of the page: ``shown`` (the item as it is now)
    or ``form_fragment`` (its form); without JavaScript the whole page with the
    item in edit mode, or a redirect to the item (``#<name>-<pk>``). ``base`` is
    the partials' context; ``make_form(data)`` binds the item's form."""
    anchor = f"#{name}-{item.pk}"
    item.user_can_update = doc.is_editable
    if not doc.is_editable:
        messages.error(request, str(_frozen_message(doc)))
        if request.htmx:
            return render_fragment(request, shown, base)
        return _back(request, doc, anchor)
    form = make_form(request.POST if request.method == "POST" else None)
    saved = None
    if request.method == "POST" and not form.is_valid():
        _not_saved(request, form, not_saved)
    elif request.method == "POST":
        try:
            item = editing.save_versioned(form, form.expected_version(), doc)
        except ConflictError as error:
            _refused(form, error)
            saved = error.current
        except FrozenError as error:
            messages.error(request, str(error))
            return _back(request, doc)
        else:
            messages.success(request, saved_message(item))
            if request.htmx:
                return render_fragment(request, shown, {**base, name: item})
            return _back(request, doc, anchor)
    if request.htmx:
        return render_fragment(request, form_fragment, {**base, "form": form, "saved": saved})
    return document_page(request, doc, saved=saved,
                         **{f"editing_{name}": item.pk, f"{name}_form": form})


# Sections ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def section_edit(request, slug, year, kind, pk):
    doc = document_for_user(request, slug, year, kind, EDIT_DOCUMENT)
    section = get_object_or_404(doc.sections(), pk=pk)
    return _edit_in_place(
        request, doc, section, {"doc": doc, "section": section, "can_edit": doc.is_editable},
        name="section", shown="planning/section.html#section",
        form_fragment="planning/section.html#section-form",
        make_form=lambda data: SectionForm(data, instance=section, prefix=f"s{section.pk}"),
        not_saved=_("Avsnittet sparades inte"),
        saved_message=lambda saved: _("Avsnittet ”%(h)s” är sparat.") % {"h": saved.heading},
    )


# Efforts -----------------------------------------------------------------------------


def _effort_form(request, plan, effort, data=None):
    fields = None
    if not may(request.user, EDIT_DOCUMENT, effort):
        fields = CONTRIBUTOR_EFFORT_FIELDS
    return EffortForm(data, instance=effort, plan=plan, fields=fields, prefix=f"e{effort.pk}")


def _effort_list_fragment(request, plan, template="planning/action_plan.html#effort-list"):
    context = document_context(request, plan)
    return render_fragment(request, template, context)


@require_POST
@vary_on_headers("HX-Request")
def effort_add(request, slug, year):
    plan = document_for_user(request, slug, year, "handlingsplan", EDIT_DOCUMENT)
    form = EffortForm(request.POST, plan=plan, prefix="new")
    if form.is_valid():
        try:
            effort = editing.add_effort(plan, form)
        except FrozenError as error:
            messages.error(request, str(error))
            return _back(request, plan)
        messages.success(request, _("Insatsen ”%(t)s” är tillagd.") % {"t": effort.title})
        if request.htmx:
            return _effort_list_fragment(request, plan, "planning/action_plan.html#efforts-and-add-form")
        return _back(request, plan, f"#effort-{effort.pk}")
    _not_saved(request, form, _("Insatsen lades inte till"))
    if request.htmx:
        context = document_context(request, plan, add_form=form)
        return render_fragment(request, "planning/action_plan.html#add-effort", context)
    return document_page(request, plan, add_form=form)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def effort_edit(request, slug, year, pk):
    plan, effort = effort_for_user(request, slug, year, pk, UPDATE_EFFORT)
    group = plan.get_area_group()
    base = {"doc": plan, "effort": effort, "group": group, "district": group.district,
            "can_edit": plan.is_editable and may(request.user, EDIT_DOCUMENT, plan)}
    return _edit_in_place(
        request, plan, effort, base,
        name="effort", shown="planning/action_plan.html#effort-row",
        form_fragment="planning/action_plan.html#effort-form",
        make_form=lambda data: _effort_form(request, plan, effort, data),
        not_saved=_("Insatsen sparades inte"),
        saved_message=lambda saved: _("Insatsen ”%(t)s” är sparad.") % {"t": saved.title},
    )


@require_POST
@vary_on_headers("HX-Request")
def effort_remove(request, slug, year, pk):
    plan, effort = effort_for_user(request, slug, year, pk, EDIT_DOCUMENT)
    try:
        editing.remove_effort(effort)
    except PlanningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Insatsen ”%(t)s” är borttagen.") % {"t": effort.title})
    if request.htmx:
        return _effort_list_fragment(request, plan)
    return _back(request, plan, "#efforts")


@require_POST
@vary_on_headers("HX-Request")
def effort_move(request, slug, year, pk, direction):
    plan, effort = effort_for_user(request, slug, year, pk, EDIT_DOCUMENT)
    try:
        editing.move_effort(effort, "up" if direction == "upp" else "down")
    except PlanningError as error:
        messages.error(request, str(error))
    if request.htmx:
        return _effort_list_fragment(request, plan)
    return _back(request, plan, f"#effort-{effort.pk}")


@require_POST
def copy_forward(request, slug, year):
    plan = document_for_user(request, slug, year, "handlingsplan", EDIT_DOCUMENT)
    try:
        copies = editing.copy_forward(plan)
    except PlanningError as error:
        messages.error(request, str(error))
    else:
        if copies:
            messages.success(
                request,
                _("%(n)s insatser från %(prev)s som inte var genomförda är kopierade. "
                  "Se över perioder, kostnader och mål.") % {"n": len(copies), "prev": year - 1},
            )
        else:
            messages.info(request, _("Det fanns inga ej genomförda insatser att kopiera från %(prev)s.")
                          % {"prev": year - 1})
    return _back(request, plan, "#efforts")


# Follow-up rows ----------------------------------------------------------------------


def _rows_fragment(request, report):
    return render_fragment(request, "planning/report.html#row-list", document_context(request, report))


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def row_edit(request, slug, year, kind, pk):
    report, row = row_for_user(request, slug, year, kind, pk, UPDATE_EFFORT)
    base = {"doc": report, "row": row, "group": report.get_area_group(),
            "can_edit": report.is_editable and may(request.user, EDIT_DOCUMENT, report)}
    return _edit_in_place(
        request, report, row, base,
        name="row", shown="planning/report.html#row", form_fragment="planning/report.html#row-form",
        make_form=lambda data: FollowUpRowForm(data, instance=row, prefix=f"r{row.pk}"),
        not_saved=_("Uppföljningen sparades inte"),
        saved_message=lambda saved: _("Uppföljningen av ”%(t)s” är sparad.") % {"t": saved.effort.title},
    )


@require_POST
@vary_on_headers("HX-Request")
def row_add(request, slug, year, kind):
    report = document_for_user(request, slug, year, kind, EDIT_DOCUMENT)
    form = AddRowForm(request.POST, report=report)
    if form.is_valid():
        try:
            editing.add_report_row(report, form.cleaned_data["effort"])
        except PlanningError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Raden är tillagd."))
        if request.htmx:
            return _rows_fragment(request, report)
        return _back(request, report, "#rows")
    _not_saved(request, form, _("Raden lades inte till"))
    if request.htmx:
        return render_fragment(request, "planning/report.html#row-list",
                               document_context(request, report, add_row_form=form))
    return document_page(request, report, add_row_form=form)


@require_POST
def rows_sync(request, slug, year, kind):
    report = document_for_user(request, slug, year, kind, EDIT_DOCUMENT)
    try:
        added = editing.sync_report_rows(report)
    except PlanningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(n)s insatser från handlingsplanen är tillagda.") % {"n": added})
    return _back(request, report, "#rows")


@require_POST
@vary_on_headers("HX-Request")
def row_remove(request, slug, year, kind, pk):
    report, row = row_for_user(request, slug, year, kind, pk, EDIT_DOCUMENT)
    try:
        editing.remove_report_row(row)
    except PlanningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Raden för ”%(t)s” är borttagen.") % {"t": row.effort.title})
    if request.htmx:
        return _rows_fragment(request, report)
    return _back(request, report, "#rows")


@require_POST
@vary_on_headers("HX-Request")
def row_move(request, slug, year, kind, pk, direction):
    report, row = row_for_user(request, slug, year, kind, pk, EDIT_DOCUMENT)
    try:
        editing.move_report_row(row, "up" if direction == "upp" else "down")
    except PlanningError as error:
        messages.error(request, str(error))
    if request.htmx:
        return _rows_fragment(request, report)
    return _back(request, report, f"#row-{row.pk}")


# Comments ----------------------------------------------------------------------------


@require_POST
def comment_add(request, slug, year, kind):
    doc = document_for_user(request, slug, year, kind, CONTRIBUTE)
    form = CommentForm(request.POST, planning_year=doc.planning_year)
    if not form.is_valid():
        _not_saved(request, form, _("Kommentaren sparades inte"))
        return document_page(request, doc, comment_form=form)
    try:
        editing.add_comment(doc, request.user, form)
    except PlanningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Din kommentar är sparad."))
    return _back(request, doc, "#comments")


