"""The chair's delegation of decisions on development money to the vice chair."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from areas import services as area_services
from areas.models import Delegation
from areas.permissions import DELEGATE_DECISIONS, VIEW_BUDGET, may
from budget.forms import DelegationForm
from budget.views.fetch import delegation_for_user, group_for_user


@require_http_methods(["GET", "POST"])
def delegations(request, slug):
    """Who may decide over the group's money, and since when: the chair's page to
    delegate for a period. Everyone who reads the group's money sees the list."""
    # Everyone who reads the money sees the list; only the chair posts a delegation.
    perm = DELEGATE_DECISIONS if request.method == "POST" else VIEW_BUDGET
    group = group_for_user(request, slug, perm)
    form = None
    if may(request.user, DELEGATE_DECISIONS, group):
        form = DelegationForm(request.POST or None, area_group=group, granted_by=request.user)
    if request.method == "POST" and form.is_valid():
        delegation = form.save()
        messages.success(request, _("%(who)s får besluta om utvecklingspengar %(start)s–%(end)s.") % {
            "who": delegation.delegate.get_full_name(), "start": delegation.start_date,
            "end": delegation.end_date})
        return redirect("budget:delegations", slug)
    today = timezone.localdate()
    rows = (Delegation.objects.filter(area_group=group)
            .select_related("delegate", "granted_by", "revoked_by"))
    return render(request, "budget/delegations.html", {
        "group": group, "district": group.district, "form": form, "today": today,
        "delegations": rows, "chair": group.holder_of("chair"),
    })


@require_POST
def delegation_revoke(request, slug, pk):
    """The chair ends a delegation early. The row stays, marked as ended."""
    delegation = delegation_for_user(request, slug, pk, DELEGATE_DECISIONS)
    if area_services.revoke_delegation(delegation, request.user):
        messages.success(request, _("Delegeringen är avslutad."))
    else:
        messages.info(request, _("Delegeringen har redan upphört."))
    return redirect("budget:delegations", slug)
