"""Every change of a document, with who and when, and a diff of its fields.

Built on django-simple-history: the document's own records, its sections', and
its efforts' (action plan) or follow-up rows' (reports), plus the workflow
events. Diffs are computed between consecutive records of the same object in
Python (no query per record); a changed foreign key (main task, working group,
administration, contact) is shown by the name of what it points to, looked up
once per related model for the whole history.
"""

import difflib
from collections import defaultdict

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planning.models import DocumentKind, Effort, FollowUpRow, Section, WorkflowEvent

TRACKED_FIELDS = {
    Section: ["body"],
    Effort: ["title", "description", "goal", "main_task", "working_group", "organisation",
             "contact", "indicators", "planned_cost", "start_date", "end_date"],
    FollowUpRow: ["status", "done", "outcome", "comment"],
}
CHANGE_LABELS = {
    "+": gettext_lazy("Skapad"), "~": gettext_lazy("Ändrad"), "-": gettext_lazy("Borttagen"),
}
PER_PAGE = 100


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)] with op in 'same', 'del', 'ins'; the template escapes the text."""
    a, b = str(old or "").split(" "), str(new or "").split(" ")
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("same", " ".join(a[i1:i2])))
        if tag in ("delete", "replace"):
            out.append(("del", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(("ins", " ".join(b[j1:j2])))
    return [(op, text) for op, text in out if text]  # a first text replaces "", not a word


def _label(model, record, titles):
    if model is Section:
        return _("Avsnitt: %(h)s") % {"h": record.heading}
    if model is Effort:
        return _("Insats: %(t)s") % {"t": record.title}
    return _("Uppföljning: %(t)s") % {"t": titles.get(record.effort_id, record.effort_id)}


class _Names:
    """Display names of the objects foreign keys point to, fetched once per model
    after every change is known (the template reads ``change["diff"]``)."""

    def __init__(self):
        self.wanted = defaultdict(set)  # related model -> pks
        self.pending = []  # (change, field, old pk, new pk)

    def later(self, change, field, old, new):
        model = field.related_model
        self.wanted[model].update(pk for pk in (old, new) if pk is not None)
        self.pending.append((change, model, old, new))

    @staticmethod
    def _name(obj):
        if hasattr(obj, "get_full_name"):
            return obj.get_full_name() or obj.get_username()
        return str(obj)

    def resolve(self):
        names = {
            model: {obj.pk: self._name(obj) for obj in model._default_manager.filter(pk__in=pks)}
            for model, pks in self.wanted.items()
        }
        for change, model, old, new in self.pending:
            def label(pk, _model=model):
                if pk is None:
                    return "–"
                return names[_model].get(pk) or _("borttagen (#%(pk)s)") % {"pk": pk}

            change["diff"] = [("del", label(old)), ("ins", label(new))]


def _change(field, previous, record, names):
    """The change of one field between two records, or None."""
    if isinstance(field, models.ForeignKey):
        old, new = getattr(previous, field.attname), getattr(record, field.attname)
        if old == new:
            return None
        change = {"field": str(field.verbose_name), "diff": []}
        names.later(change, field, old, new)
        return change
    old, new = getattr(previous, field.name), getattr(record, field.name)
    if old == new:
        return None
    if field.choices:
        labels = dict(field.flatchoices)
        return {"field": str(field.verbose_name),
                "diff": [("del", str(labels.get(old, old))), ("ins", str(labels.get(new, new)))]}
    return {"field": str(field.verbose_name), "diff": word_diff(old, new)}


def _entries_for(model, history_qs, names, titles=None):
    fields = [model._meta.get_field(name) for name in TRACKED_FIELDS[model]]
    by_object = defaultdict(list)
    for record in history_qs.select_related("history_user").order_by("history_date", "history_id"):
        by_object[record.id].append(record)
    entries = []
    for records in by_object.values():
        previous = None
        for record in records:
            changes = []
            if previous is not None and record.history_type == "~":
                changes = [c for c in (_change(f, previous, record, names) for f in fields) if c]
                if not changes:
                    previous = record
                    continue  # a move or a version bump only
            entries.append({
                "at": record.history_date, "user": record.history_user,
                "what": _label(model, record, titles or {}), "type": CHANGE_LABELS.get(record.history_type, ""),
                "changes": changes,
            })
            previous = record
    return entries


def document_history(document) -> list[dict]:
    """Every entry, newest first (the view pages them)."""
    py_id = document.planning_year_id
    names = _Names()
    entries = _entries_for(
        Section, Section.history.filter(planning_year_id=py_id, document=document.kind), names
    )
    if document.kind == DocumentKind.ACTION_PLAN:
        entries += _entries_for(Effort, Effort.history.filter(action_plan_id=document.pk), names)
    elif document.kind in (DocumentKind.INTERIM_REPORT, DocumentKind.ANNUAL_REPORT):
        titles = dict(
            Effort.objects.filter(action_plan__planning_year_id=py_id).values_list("pk", "title")
        )
        entries += _entries_for(
            FollowUpRow, FollowUpRow.history.filter(report_id=document.pk), names, titles
        )
    events = WorkflowEvent.objects.filter(planning_year_id=py_id, document=document.kind)
    for event in events.select_related("by"):
        entries.append({
            "at": event.at, "user": event.by, "what": _("Arbetsflöde"),
            "type": f"{event.get_from_status_display()} → {event.get_to_status_display()}",
            "note": event.note, "changes": [],
        })
    names.resolve()
    entries.sort(key=lambda e: e["at"], reverse=True)
    return entries
