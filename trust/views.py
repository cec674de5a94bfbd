"""Audit trail pages, the register extract, and the public statements."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from areas.permissions import EXTRACT_PERSONAL_DATA, VIEW_AUDIT_TRAIL, requires
from trust import audit
from trust.forms import TrailFilterForm
from trust.personal_data import register_extract


@require_safe
def object_history(request, model, pk):
    """Who changed what and when on one object, with the diff of each change."""
    obj = audit.object_for_user(request, model, pk)
    model_class = type(obj)
    return render(request, "trust/object_history.html", {
        "obj": obj,
        "model_label": model_class._meta.verbose_name,
        "entries": audit.object_history(obj),
    })


@require_safe
@requires(VIEW_AUDIT_TRAIL)
def audit_trail(request):
    """Across objects, for superusers and officials with trust.view_audit_trail."""
    form = TrailFilterForm(request.GET or None)
    entries = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        entries = audit.trail(
            model=audit.audited_model(data["model"]) if data["model"] else None,
            user=data["user"], since=data["since"], until=data["until"],
        )
    elif not form.is_bound:
        entries = audit.trail()
    return render(request, "trust/audit_trail.html", {"form": form, "entries": entries})


def _extract_response(request, user, as_json):
    extract = register_extract(user)
    if as_json:
        response = HttpResponse(
            json.dumps(extract, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="registerutdrag-{user.pk}.json"'
        return response
    return render(request, "trust/extract.html", {"extract": extract, "subject": user})


@require_safe
def my_data(request, as_json=False):
    """Everything stored about the signed-in person (GDPR art. 15)."""
    return _extract_response(request, request.user, as_json)


@require_safe
@requires(EXTRACT_PERSONAL_DATA)
def person_data(request, user_id, as_json=False):
    """An administrator's extract for someone who asked for theirs."""
    user = get_object_or_404(get_user_model(), pk=user_id)
    return _extract_response(request, user, as_json)


@login_not_required
@require_safe
def accessibility(request):
    return render(request, "trust/accessibility.html")


@login_not_required
@require_safe
def privacy(request):
    return render(request, "trust/privacy.html", {
        "anonymise_after_years": round(settings.ANONYMISE_AFTER_DAYS / 365, 1),
        "anonymise_after_days": settings.ANONYMISE_AFTER_DAYS,
    })
