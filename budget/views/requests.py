"""Spend requests: propose, withdraw, the chair's queue and decision, booking,
revoking and correcting. htmx requests get named partials; without JavaScript
the same URLs work as plain forms that redirect back."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from areas.formats import kr
from areas.htmx import render_fragment
from areas.permissions import BOOK_SPEND, DECIDE_SPEND, PROPOSE_SPEND, WITHDRAW_SPEND, may
from budget import services
from budget.forms import BookingForm, CancelForm, CorrectionForm, DecisionForm, SpendRequestForm
from budget.models import SpendRequest, SpendStatus
from budget.views.fetch import group_for_user, spend_for_user

LIST_FILTERS = {"": None, "oppna": [SpendStatus.PROPOSED],
                "godkanda": [SpendStatus.APPROVED, SpendStatus.BOOKED],
                "avslutade": [SpendStatus.REJECTED, SpendStatus.WITHDRAWN, SpendStatus.CANCELLED]}


def _next_url(request, default):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


def _done(request, url):
    """After a post: back to the page (a whole page for htmx, never a fragment swap)."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@require_GET
def requests_list(request, slug, year):
    group = group_for_user(request, slug)
    show = request.GET.get("visa", "")
    mine = request.GET.get("mina") == "1"
    spends = (SpendRequest.objects.for_group_and_year(group, year).with_amounts()
              .select_related("effort", "proposed_by", "decided_by"))
    if LIST_FILTERS.get(show):
        spends = spends.filter(status__in=LIST_FILTERS[show])
    if mine:
        spends = spends.filter(proposed_by=request.user)
    context = {
        "group": group, "district": group.district, "year": year, "spends": spends,
        "show": show if show in LIST_FILTERS else "", "mine": mine,
        "can_propose": may(request.user, PROPOSE_SPEND, group),
        "can_decide": may(request.user, DECIDE_SPEND, group),
        "filters": [("", _("Alla")), ("oppna", _("Väntar på beslut")),
                    ("godkanda", _("Godkända och bokförda")), ("avslutade", _("Avslagna och återtagna"))],
    }
    return render(request, "budget/requests.html", context)


@require_http_methods(["GET", "POST"])
def request_add(request, slug, year):
    group = group_for_user(request, slug, PROPOSE_SPEND)
    totals = services.totals(group, year)
    if request.method == "POST":
        form = SpendRequestForm(request.POST, request.FILES, area_group=group, year=year)
        if form.is_valid():
            try:
                spend, created = services.propose(
                    request.user, group, year,
                    submission_key=form.cleaned_data["submission_key"], **form.proposal_fields())
            except services.BudgetError as error:
                form.add_error(None, str(error))
            else:
                if created:
                    messages.success(request, _("Förslaget är registrerat och väntar på "
                                                "ordförandens beslut."))
                else:
                    messages.info(request, _("Förslaget var redan registrerat."))
                return redirect(spend.get_absolute_url())
    else:
        form = SpendRequestForm(area_group=group, year=year)
    return render(request, "budget/request_form.html", {
        "group": group, "district": group.district, "year": year, "form": form, "totals": totals})


def _request_context(request, spend, **extra):
    user = request.user
    entries = spend.entries.select_related("created_by", "reverses").order_by("pk")
    context = {
        "spend": spend, "group": spend.area_group, "district": spend.area_group.district,
        "year": spend.year, "entries": entries,
        "booked": sum((e.amount for e in entries if e.account == "booked"), start=0),
        "can_decide": spend.status == SpendStatus.PROPOSED and may(user, DECIDE_SPEND, spend),
        "can_withdraw": spend.status == SpendStatus.PROPOSED and may(user, WITHDRAW_SPEND, spend),
        "can_book": spend.status == SpendStatus.APPROVED and may(user, BOOK_SPEND, spend),
        "can_cancel": spend.status == SpendStatus.APPROVED and may(user, DECIDE_SPEND, spend),
        "can_correct": spend.status == SpendStatus.BOOKED and may(user, BOOK_SPEND, spend),
        "decision_form": DecisionForm(),
    }
    context.update(extra)
    return context


@require_GET
def request_detail(request, slug, year, pk):
    spend = spend_for_user(request, slug, year, pk)
    return render(request, "budget/request.html", _request_context(request, spend))


@require_GET
def attachment(request, slug, year, pk):
    """The quote or invoice, for those who read the group's money (never a public URL)."""
    spend = spend_for_user(request, slug, year, pk)
    if not spend.attachment:
        raise Http404
    try:
        handle = spend.attachment.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    suffix = spend.attachment_name.rsplit(".", 1)[-1].lower()
    content_type = {"pdf": "application/pdf", "png": "image/png"}.get(suffix, "image/jpeg")
    return FileResponse(handle, filename=spend.attachment_name, content_type=content_type)


@require_POST
@vary_on_headers("HX-Request")
def request_withdraw(request, slug, year, pk):
    spend = spend_for_user(request, slug, year, pk, WITHDRAW_SPEND)
    try:
        services.withdraw(spend, request.user)
    except services.AlreadyDone as error:
        messages.info(request, str(error))
    except services.BudgetError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Förslaget är återtaget."))
    return _done(request, _next_url(request, spend.get_absolute_url()))


def _queue_context(request, group, year):
    return {
        "group": group, "district": group.district, "year": year,
        "spends": services.waiting_for_decision([group]).filter(year=year),
        "totals": services.totals(group, year), "decision_form": DecisionForm(),
    }


@require_GET
def queue(request, slug, year):
    """The chair's queue: proposals waiting for a decision, decided inline."""
    group = group_for_user(request, slug, DECIDE_SPEND)
    return render(request, "budget/queue.html", _queue_context(request, group, year))


@require_POST
@vary_on_headers("HX-Request")
def request_decide(request, slug, year, pk):
    """Approve or reject. Only the chair (or the vice chair under a delegation)."""
    spend = spend_for_user(request, slug, year, pk, DECIDE_SPEND)
    form = DecisionForm(request.POST)
    in_queue = request.POST.get("from") == "queue"
    outcome = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "approve":
                spend = services.approve(spend, request.user, paragraph=data["paragraph"])
                messages.success(request, _("Godkänt: %(amount)s till %(who)s.") % {
                    "amount": kr(spend.amount), "who": spend.recipient})
            else:
                spend = services.reject(spend, request.user, reason=data["reason"],
                                        paragraph=data["paragraph"])
                messages.success(request, _("Förslaget från %(who)s är avslaget.") % {
                    "who": spend.proposed_by.get_full_name()})
            outcome = "decided"
        except services.AlreadyDone as error:
            messages.info(request, str(error))
            outcome = "decided"
        except services.BudgetError as error:
            form.add_error(None, str(error))
    if outcome:
        spend.refresh_from_db()
        if request.htmx and in_queue:
            context = _queue_context(request, spend.area_group, year)
            return render_fragment(request, "budget/queue.html#decided-row",
                                   {**context, "spend": spend})
        return _done(request, _next_url(request, spend.get_absolute_url()))
    if request.htmx and in_queue:
        context = _queue_context(request, spend.area_group, year)
        return render_fragment(request, "budget/queue.html#queue-row",
                               {**context, "spend": spend, "decision_form": form})
    return render(request, "budget/request.html", _request_context(request, spend, decision_form=form))


def _action_page(request, spend, form, *, title, intro, submit, danger=False):
    return render(request, "budget/action.html", {
        "spend": spend, "group": spend.area_group, "district": spend.area_group.district,
        "year": spend.year, "form": form, "title": title, "intro": intro, "submit": submit,
        "danger": danger,
    })


def _post_action(request, spend, form, act, done_message):
    """A posted action form: run the service and go back to the request, or keep
    the form with the refusal. ``None`` when the page is to be shown (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        act(form.cleaned_data)
    except services.AlreadyDone as error:
        messages.info(request, str(error))
    except services.BudgetError as error:
        form.add_error(None, str(error))
        return None
    else:
        messages.success(request, done_message)
    return redirect(spend.get_absolute_url())


def _not_open_for(request, spend, status, message):
    """The action is for requests in one status only: say so and go back."""
    if spend.status == status:
        return None
    messages.info(request, message)
    return redirect(spend.get_absolute_url())


@require_http_methods(["GET", "POST"])
def request_book(request, slug, year, pk):
    """Record the payment of an approved spend (developer or chair)."""
    spend = spend_for_user(request, slug, year, pk, BOOK_SPEND)
    refused = _not_open_for(request, spend, SpendStatus.APPROVED, _(
        "Bara godkända förslag kan bokföras; förslaget är %(s)s.")
        % {"s": spend.get_status_display().lower()})
    if refused:
        return refused
    form = BookingForm(request.POST or None, spend=spend)
    done = _post_action(request, spend, form, lambda d: services.book(
        spend, request.user, amount=d["amount"], on=d["on"], voucher=d["voucher"]),
        _("Utgiften är bokförd."))
    return done or _action_page(
        request, spend, form, title=_("Bokför utgift"), submit=_("Bokför"),
        intro=_("Registrera det belopp som betalades enligt fakturan och ekonomisystemets "
                "verifikationsnummer."))


@require_http_methods(["GET", "POST"])
def request_cancel(request, slug, year, pk):
    """Revoke an approval that was never paid (the chair)."""
    spend = spend_for_user(request, slug, year, pk, DECIDE_SPEND)
    refused = _not_open_for(request, spend, SpendStatus.APPROVED, _(
        "Bara ett godkänt förslag som inte är bokfört kan återkallas."))
    if refused:
        return refused
    form = CancelForm(request.POST or None)
    done = _post_action(request, spend, form, lambda d: services.cancel(
        spend, request.user, reason=d["reason"]),
        _("Beslutet är återkallat och pengarna är frigjorda."))
    return done or _action_page(
        request, spend, form, title=_("Återkalla beslut"), submit=_("Återkalla"), danger=True,
        intro=_("Beslutet finns kvar i huvudboken; en motpost med ditt skäl frigör beloppet."))


@require_http_methods(["GET", "POST"])
def request_correct(request, slug, year, pk):
    """Correct a booking with a reversing entry and a reason (developer or chair)."""
    spend = spend_for_user(request, slug, year, pk, BOOK_SPEND)
    refused = _not_open_for(request, spend, SpendStatus.BOOKED,
                            _("Bara bokförda utgifter kan rättas."))
    if refused:
        return refused
    booked = services.booked_of(spend)
    form = CorrectionForm(request.POST or None, spend=spend, booked=booked)
    done = _post_action(request, spend, form, lambda d: services.correct_booking(
        spend, request.user, amount=d["amount"], reason=d["reason"], on=d["on"],
        voucher=d["voucher"]), _("Bokföringen är rättad med en motpost."))
    return done or _action_page(
        request, spend, form, title=_("Rätta bokföring"), submit=_("Rätta"),
        intro=_("Inget tas bort: en motpost tar tillbaka det bokförda beloppet (%(booked)s) "
                "och en ny post bokför rätt belopp.") % {"booked": kr(booked)})
