"""The audit trail, read from django-simple-history's per-model history tables.

Every domain model carries ``history = HistoricalRecords()``; the request
middleware records who. Signals miss bulk writes, so the app writes audited
models one object at a time (tests/trust/test_audit.py proves no code path uses
bulk writes on them).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
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


def _show(model, name, value) -> str:
    if value is None or value == "":
        return "–"
    try:
        f = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if f.is_relation and f.related_model is not None:
        obj = f.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj is not None else f"#{value}"
    return str(value)


def entries(records, model, with_changes=True) -> list[Entry]:
    """History rows, newest first, each with its field diff against the row before it."""
    records = list(records)
    out = []
    for record in records:
        changes = []
        if with_changes:
            previous = record.prev_record if record.history_type != "+" else None
            if previous is not None:
                delta = record.diff_against(previous)
                changes = [
                    Change(_label(model, c.field), _show(model, c.field, c.old),
                           _show(model, c.field, c.new))
                    for c in delta.changes
                    if c.field not in _HISTORY_FIELDS
                ]
        out.append(Entry(
            model_label=str(model._meta.verbose_name),
            object_repr=str(record.instance) if record.history_type != "-" else _repr(record),
            object_id=getattr(record, model._meta.pk.attname),
            date=record.history_date,
            action=ACTIONS.get(record.history_type, record.history_type),
            user=record.history_user,
            changes=changes,
        ))
    return out


def _repr(record):
    try:
        return str(record.instance)
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
    out = []
    for _date, _id, m, r in rows[:limit]:
        out.extend(entries([r], m))
    return out
