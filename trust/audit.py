"""The audit trail, read from django-simple-history's per-model history tables.

Every domain model carries ``history = HistoricalRecords()``; the request
middleware records who. Signals miss bulk writes, so the app writes audited
models one object at a time (tests/trust/test_audit.py proves no code path uses
bulk writes on them).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404
from simple_history.models import registered_models

from areas.permissions import VIEW_AUDIT_TRAIL, VIEW_GROUP, may

ACTIONS = {"+": "Skapad", "~": "Ändrad", "-": "Borttagen"}
# Fields of a history row that describe the row, not the object.
_HISTORY_FIELDS = {"history_id", "history_date", "history_change_reason", "history_type",
                   "history_user", "history_relation"}


def audited_models() -> list:
    """The models with a history table, sorted by app and name (stable for forms)."""
    models = {m for m in registered_models.values() if m._meta.app_label != "auth"}
    return sorted(models, key=lambda m: (m._meta.app_label, m._meta.model_name))


def model_key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def audited_model(key: str):
    """The audited model for 'app.model', or None (a URL must name an audited model)."""
    try:
        model = apps.get_model(key)
    except (LookupError, ValueError):
        return None
    return model if model in audited_models() else None


def object_for_user(request, key: str, pk: int):
    """An audited object whose history the user may read: 404 if the model is not
    audited or the object does not exist, 403 if the user may not read it."""
    model = audited_model(key)
    if model is None:
        raise Http404
    try:
        obj = model._default_manager.get(pk=pk)
    except model.DoesNotExist:
        raise Http404 from None
    if not may_view_history(request.user, obj):
        raise PermissionDenied
    return obj


def view_permission(obj) -> str:
    """The permission that reads an object: a model names it in ``view_permission``
    (the ledger's rows: ``budget.view_ledger``); else reading its area group."""
    return getattr(obj, "view_permission", VIEW_GROUP)


def may_view_history(user, obj) -> bool:
    """Those who may read an object may read its history. Objects outside any
    group (people, organisations) only the auditors."""
    return may(user, VIEW_AUDIT_TRAIL) or may(user, view_permission(obj), obj)


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    model_label: str
    object_repr: str
    object_id: int
    date: datetime
    action: str
    user: object
    changes: list = field(default_factory=list)


def _label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _fill_related(objects, depth=3):
    """Fill the foreign-key caches of ``objects`` (of any models) that their names
    follow, ``depth`` levels down (a document's year's group's district): one query
    per related model and level for all of them, not one per row of the trail."""
    while objects and depth:
        wanted, links = defaultdict(set), []
        for obj in objects:
            for f in obj._meta.concrete_fields:
                if (f.many_to_one or f.one_to_one) and not f.is_cached(obj):
                    value = getattr(obj, f.attname)
                    if value is not None:
                        key = (f.related_model, f.target_field.name)
                        wanted[key].add(value)
                        links.append((obj, f, key, value))
        fetched = {
            key: key[0]._base_manager.in_bulk(values, field_name=key[1])
            for key, values in wanted.items()
        }
        for obj, f, key, value in links:
            if value in fetched[key]:
                f.set_cached_value(obj, fetched[key][value])
        objects = [related for found in fetched.values() for related in found.values()]
        depth -= 1


def _previous_records(records, model) -> dict:
    """The record before each record (of the same object, earlier), by history id:
    two queries for all of them (simple-history's ``prev_record`` asks one a row)."""
    wanted = [r.history_id for r in records if r.history_type != "+"]
    if not wanted:
        return {}
    history, pk = model.history, model._meta.pk.attname
    before = (history.filter(**{pk: OuterRef(pk)}, history_date__lt=OuterRef("history_date"))
              .order_by("-history_date").values("history_id")[:1])
    pairs = dict(history.filter(history_id__in=wanted)
                 .annotate(previous_id=Subquery(before)).values_list("history_id", "previous_id"))
    found = history.in_bulk([p for p in pairs.values() if p is not None])
    return {hid: found.get(previous_id) for hid, previous_id in pairs.items()}


class _Shown:
    """How a changed value reads: a choice by its label, a foreign key by the name
    of what it points to (fetched once per related model for all changes)."""

    def __init__(self, model, changes):
        self.model = model
        wanted = defaultdict(set)
        for change in changes:
            f = self._field(change.field)
            if f is not None and f.is_relation and f.related_model is not None:
                wanted[f.related_model] |= {v for v in (change.old, change.new)
                                            if v is not None and v != ""}
        self.names = {}
        for related_model, pks in wanted.items():
            found = related_model._default_manager.in_bulk(pks)
            _fill_related(list(found.values()), depth=2)
            self.names[related_model] = {pk: str(obj) for pk, obj in found.items()}

    def _field(self, name):
        try:
            return self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None

    def __call__(self, name, value) -> str:
        if value is None or value == "":
            return "–"
        f = self._field(name)
        if f is None:
            return str(value)
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if f.is_relation and f.related_model is not None:
            return self.names[f.related_model].get(value, f"#{value}")
        return str(value)


def entries(records, model, with_changes=True) -> list[Entry]:
    """History rows in the order given, each with its field diff against the row
    before it. The rows before, what the rows name and what a changed foreign key
    points to are fetched once for all the rows, not once a row."""
    records = list(records)
    previous = _previous_records(records, model) if with_changes else {}
    deltas = {}
    for record in records:
        before = previous.get(record.history_id)
        if before is not None:
            deltas[record.history_id] = [c for c in record.diff_against(before).changes
                                         if c.field not in _HISTORY_FIELDS]
    shown = _Shown(model, [c for changes in deltas.values() for c in changes])
    instances = {record.history_id: record.instance for record in records}
    _fill_related(list(instances.values()))
    return [
        Entry(
            model_label=str(model._meta.verbose_name),
            object_repr=_repr(instances[record.history_id], record),
            object_id=getattr(record, model._meta.pk.attname),
            date=record.history_date,
            action=ACTIONS.get(record.history_type, record.history_type),
            user=record.history_user,
            changes=[Change(_label(model, c.field), shown(c.field, c.old), shown(c.field, c.new))
                     for c in deltas.get(record.history_id, [])],
        )
        for record in records
    ]


def _repr(instance, record):
    if record.history_type != "-":
        return str(instance)
    try:
        return str(instance)
    except Exception:  # a deleted object whose relations are gone too
        return f"#{getattr(record, 'id', '?')}"


def object_history(obj) -> list[Entry]:
    model = type(obj)
    records = obj.history.select_related("history_user").order_by("-history_date", "-history_id")
    return entries(records, model)


def trail(*, model=None, user=None, since=None, until=None, limit=200) -> list[Entry]:
    """Across objects, newest first, at most ``limit`` rows (filter to see older)."""
    models = [model] if model is not None else audited_models()
    rows = []
    for m in models:
        qs = m.history.select_related("history_user").order_by("-history_date")
        if user is not None:
            qs = qs.filter(history_user=user)
        if since is not None:
            qs = qs.filter(history_date__date__gte=since)
        if until is not None:
            qs = qs.filter(history_date__date__lte=until)
        rows.extend((r.history_date, r.history_id, m, r) for r in qs[:limit])
    rows.sort(key=lambda t: (t[0], t[1]), reverse=True)
    rows = rows[:limit]
    by_model = defaultdict(list)
    for _date, _id, m, r in rows:
        by_model[m].append(r)
    made = {}
    for m, records in by_model.items():
        for record, entry in zip(records, entries(records, m), strict=True):
            made[(m, record.history_id)] = entry
    return [made[(m, r.history_id)] for _date, _id, m, r in rows]
