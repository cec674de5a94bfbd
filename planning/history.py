"""Every change of a document, with who and when, and a diff of its text fields.

Built on django-simple-history: the document's own records, its sections', and
its efforts' (action plan) or follow-up rows' (reports), plus the workflow
events. Diffs are computed between consecutive records of the same object in
Python (no query per record).
"""

import difflib
from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planning.models import DocumentKind, Effort, FollowUpRow, Section, WorkflowEvent

TEXT_FIELDS = {
    Section: ["body"],
    Effort: ["title", "description", "goal", "indicators", "planned_cost", "start_date", "end_date"],
    FollowUpRow: ["status", "done", "outcome", "comment"],
}
CHANGE_LABELS = {
    "+": gettext_lazy("Skapad"), "~": gettext_lazy("Ändrad"), "-": gettext_lazy("Borttagen"),
}
MAX_ENTRIES = 200


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
    return out


def _label(model, record, titles):
    if model is Section:
        return _("Avsnitt: %(h)s") % {"h": record.heading}
    if model is Effort:
        return _("Insats: %(t)s") % {"t": record.title}
    return _("Uppföljning: %(t)s") % {"t": titles.get(record.effort_id, record.effort_id)}


def _entries_for(model, history_qs, titles=None):
    fields = TEXT_FIELDS[model]
    verbose = {f: str(model._meta.get_field(f).verbose_name) for f in fields}
    by_object = defaultdict(list)
    for record in history_qs.select_related("history_user").order_by("history_date", "history_id"):
        by_object[record.id].append(record)
    entries = []
    for records in by_object.values():
        previous = None
        for record in records:
            changes = []
            if previous is not None and record.history_type == "~":
                for name in fields:
                    old, new = getattr(previous, name), getattr(record, name)
                    if old != new:
                        changes.append({"field": verbose[name], "diff": word_diff(old, new)})
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
    py_id = document.planning_year_id
    entries = _entries_for(
        Section, Section.history.filter(planning_year_id=py_id, document=document.kind)
    )
    if document.kind == DocumentKind.ACTION_PLAN:
        entries += _entries_for(Effort, Effort.history.filter(action_plan_id=document.pk))
    elif document.kind in (DocumentKind.INTERIM_REPORT, DocumentKind.ANNUAL_REPORT):
        titles = dict(
            Effort.objects.filter(action_plan__planning_year_id=py_id).values_list("pk", "title")
        )
        entries += _entries_for(
            FollowUpRow, FollowUpRow.history.filter(report_id=document.pk), titles
        )
    events = WorkflowEvent.objects.filter(planning_year_id=py_id, document=document.kind)
    for event in events.select_related("by"):
        entries.append({
            "at": event.at, "user": event.by, "what": _("Arbetsflöde"),
            "type": f"{event.get_from_status_display()} → {event.get_to_status_display()}",
            "note": event.note, "changes": [],
        })
    entries.sort(key=lambda e: e["at"], reverse=True)
    return entries[:MAX_ENTRIES]
