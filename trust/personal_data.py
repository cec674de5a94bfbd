"""Personal data (GDPR): the register extract (art. 15) and anonymisation.

Public records law (arkivlagen) outranks erasure: documents, decisions, the
ledger and the audit trail are never deleted. A person who has left every
group is anonymised instead: name and contact details are replaced, in the
live rows and in the history rows, and the records they took part in stay.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from areas.models import Membership, Person, WorkingGroupMember
from trust.audit import audited_models
from trust.models import Anonymisation

User = get_user_model()
ANONYMOUS_FIRST_NAME = "Anonymiserad"


def _value(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _row(obj, skip=()) -> dict:
    data = {}
    for f in obj._meta.concrete_fields:
        if f.name in skip:
            continue
        if f.is_relation:
            related = getattr(obj, f.name)
            data[str(f.verbose_name)] = str(related) if related is not None else None
        else:
            data[str(f.verbose_name)] = _value(getattr(obj, f.attname))
    return data


def register_extract(user) -> dict:
    """Everything stored about one person: the account, the person record, and every
    row of every model that points at them (found through the relations, so that a
    new app's references appear without changing this function), plus the count of
    audit-trail rows they caused."""
    sections = [{"title": "Konto", "rows": [_row(user, skip={"password"})]}]
    person = Person.objects.filter(user=user).first()
    if person is not None:
        sections.append({"title": "Personuppgifter", "rows": [_row(person)]})
    for holder in [user, person]:
        if holder is None:
            continue
        for rel in holder._meta.related_objects:
            model = rel.related_model
            if model._meta.app_label in {"admin", "guardian"} or rel.one_to_one:
                continue
            if getattr(model, "_history_excluded_fields", None) is not None or hasattr(
                model, "instance_type"
            ):
                continue  # history tables: counted below
            if rel.many_to_many:
                rows = list(getattr(holder, rel.get_accessor_name()).all())
            else:
                rows = list(model._default_manager.filter(**{rel.field.name: holder}))
            if rows:
                sections.append({
                    "title": f"{str(model._meta.verbose_name_plural).capitalize()} ({rel.field.verbose_name})",
                    "rows": [_row(r) for r in rows],
                })
    changes = []
    for model in audited_models():
        n = model.history.filter(history_user=user).count()
        if n:
            changes.append({"Typ": str(model._meta.verbose_name_plural), "Antal ändringar": n})
    if changes:
        sections.append({"title": "Ändringar du har gjort (granskningsloggen)", "rows": changes})
    logins = AccessLog.objects.filter(username=user.get_username()).order_by("-attempt_time")
    rows = [{"Inloggning": _value(a.attempt_time), "IP-adress": a.ip_address,
             "Webbläsare": a.user_agent} for a in logins[:100]]
    if rows:
        sections.append({"title": "Inloggningar (senaste 100)", "rows": rows})
    return {
        "person": user.get_full_name() or user.get_username(),
        "created": timezone.now().isoformat(),
        "sections": sections,
    }


def last_day_in_a_group(user):
    """The last day of any seat (area group or working group), or None if open or never."""
    seats = [Membership.objects.filter(person=user), WorkingGroupMember.objects.filter(person=user)]
    last = None
    for qs in seats:
        if qs.filter(end_date__isnull=True).exists():
            return None
        day = qs.aggregate(last=Max("end_date"))["last"]
        if day is not None and (last is None or day > last):
            last = day
    return last


def due_for_anonymisation(days=None, today=None):
    """People who left every group more than ``days`` ago (ANONYMISE_AFTER_DAYS),
    have not signed in since, hold no seat and are not administrators."""
    days = settings.ANONYMISE_AFTER_DAYS if days is None else days
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=days)
    candidates = (
        User.objects.filter(Q(memberships__isnull=False) | Q(working_group_seats__isnull=False))
        .exclude(is_superuser=True)
        .exclude(is_staff=True)
        .exclude(anonymisation__isnull=False)
        .filter(Q(last_login__isnull=True) | Q(last_login__date__lt=cutoff))
        .distinct()
        .order_by("pk")
    )
    out = []
    for user in candidates:
        last = last_day_in_a_group(user)
        if last is not None and last < cutoff:
            out.append((user, last))
    return out


@transaction.atomic
def anonymise(user, left_on) -> Anonymisation:
    """Replace a person's name and contact details everywhere they are stored,
    keep every record they took part in. Saved one object at a time so the audit
    trail records the anonymisation itself; earlier history rows of the person
    record are rewritten so that no history keeps the old details."""
    old_username = user.get_username()
    user.username = f"anonymiserad-{user.pk}"
    user.first_name = ANONYMOUS_FIRST_NAME
    user.last_name = f"person {user.pk}"
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    person = Person.objects.filter(user=user).first()
    if person is not None:
        old_history = list(person.history.values_list("history_id", flat=True))
        person.title = ""
        person.phone = ""
        person.save()
        # History tables are not audited models: rewriting their rows is how the
        # policy (no history keeps the details) is applied.
        Person.history.filter(history_id__in=old_history).update(title="", phone="")
    # The sign-in protection's records name the person by username (django-axes).
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=old_username).delete()
    return Anonymisation.objects.create(user=user, left_on=left_on)
