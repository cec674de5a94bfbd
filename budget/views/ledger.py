"""The ledger of a group's year, the overview of all groups, the grants, the exports."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from areas.htmx import render_fragment
from areas.models import AreaGroup
from areas.permissions import (
    BOOK_SPEND,
    DECIDE_SPEND,
    MANAGE_GRANTS,
    PROPOSE_SPEND,
    may,
    requires,
    visible_area_groups,
)
from budget import charts, exports, services
from budget.forms import GrantForm, LedgerFilterForm
from budget.models import Grant, SpendRequest
from budget.views.fetch import group_for_user


@require_GET
def overview(request, year):
    """Every group the user reads: grant, committed, booked, remaining, waiting."""
    groups = list(visible_area_groups(request.user).select_related("district"))
    all_totals = services.totals_by_group(year, groups)
    waiting = dict(
        SpendRequest.objects.filter(year=year, area_group__in=groups).waiting()
        .values_list("area_group").annotate(n=Count("pk")).order_by()
    )
    rows = [{"group": g, "totals": all_totals[g.pk], "waiting": waiting.get(g.pk, 0)} for g in groups]
    return render(request, "budget/overview.html", {
        "year": year, "rows": rows, "can_manage_grants": may(request.user, MANAGE_GRANTS),
        "sum_grant": sum(r["totals"].grant for r in rows),
        "sum_committed": sum(r["totals"].committed for r in rows),
        "sum_booked": sum(r["totals"].booked for r in rows),
        "sum_remaining": sum(r["totals"].remaining for r in rows),
    })


def _ledger_context(request, group, year):
    grant = Grant.objects.filter(area_group=group, year=year).first()
    t = services.totals(group, year, grant)
    by_effort = services.outcome_by_effort(group, year)
    efforts = [row["effort"] for row in by_effort if row["effort"] is not None]
    filter_form = LedgerFilterForm(request.GET or None, efforts=efforts)
    today = timezone.localdate()
    through = 12 if year < today.year else (today.month if year == today.year else 0)
    user = request.user
    monthly = services.monthly_use(group, year)
    waiting = services.waiting_summary(group, year)
    return {
        "group": group, "district": group.district, "year": year, "grant": grant, "totals": t,
        "forecast": services.forecast(group, year, today, t, waiting),
        "by_cost_type": services.outcome_by_cost_type(group, year),
        "by_effort": by_effort,
        "chart": charts.spending_chart(monthly, t.grant, through_month=through),
        "monthly": monthly[:through] if through else [],
        "filter_form": filter_form,
        "entries": services.ledger_entries(group, year, **filter_form.filters()),
        "filtered": bool(filter_form.filters()),
        "waiting": waiting["count"],
        "can_propose": may(user, PROPOSE_SPEND, group),
        "can_decide": may(user, DECIDE_SPEND, group),
        "can_book": may(user, BOOK_SPEND, group),
        "can_manage_grants": may(user, MANAGE_GRANTS),
    }


@require_GET
@vary_on_headers("HX-Request")
def ledger(request, slug, year):
    group = group_for_user(request, slug)
    context = _ledger_context(request, group, year)
    if request.htmx and request.htmx.target == "ledger-entries":
        return render_fragment(request, "budget/ledger.html#entries", context)
    return render(request, "budget/ledger.html", context)


def _grant_or_404(request, slug, year):
    group = group_for_user(request, slug)
    grant = Grant.objects.select_related("area_group__district").filter(
        area_group=group, year=year).first()
    if grant is None:
        raise Http404
    return grant


@require_GET
def export_csv(request, slug, year):
    grant = _grant_or_404(request, slug, year)
    response = HttpResponse(exports.ledger_csv(grant), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(grant, "csv")}"'
    return response


@require_GET
def export_xlsx(request, slug, year):
    grant = _grant_or_404(request, slug, year)
    response = HttpResponse(
        exports.ledger_xlsx(grant),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(grant, "xlsx")}"'
    return response


@require_http_methods(["GET", "POST"])
@requires(MANAGE_GRANTS)
def grants(request, year):
    """The management office sets every group's grant of a year on one page (all or
    nothing: ``services.set_grants``)."""
    groups = list(AreaGroup.objects.select_related("district"))
    existing = {g.area_group_id: g for g in Grant.objects.filter(year=year)}
    used = services.totals_by_group(year, groups)
    rows = []
    for group in groups:
        grant = existing.get(group.pk)
        initial = ({"amount": grant.amount, "account_number": grant.account_number,
                    "decision_reference": grant.decision_reference} if grant
                   else {"account_number": group.account_number})
        form = GrantForm(request.POST or None, initial=initial, prefix=group.district.slug)
        rows.append({"group": group, "grant": grant, "form": form, "totals": used[group.pk]})
    if request.method == "POST":
        if all(r["form"].is_valid() for r in rows):
            try:
                changed = services.set_grants(
                    year, [(r["group"], r["form"].cleaned_data) for r in rows])
            except services.BudgetError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Anslagen för %(year)s är sparade (%(n)s ändrade).")
                                 % {"year": year, "n": changed})
                return redirect("budget:grants", year)
        else:
            messages.error(request, _("Inget är sparat. Rätta de markerade fälten."))
    return render(request, "budget/grants.html", {"year": year, "rows": rows})
