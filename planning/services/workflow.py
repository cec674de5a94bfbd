"""A document's workflow: the steps from draft to published, who may take each,
and what each step records and sets off (an approved plan fills the interim
report; an approved analysis freezes its figures)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from areas.permissions import APPROVE_DOCUMENT, EDIT_DOCUMENT, may, require
from planning.editing import sync_report_rows
from planning.errors import PlanningError
from planning.models import DocumentKind, Report, Status, WorkflowEvent
from planning.models.documents import FROZEN
from planning.statistics import freeze_figures

# action: (allowed from, to, permission). Riktlinjerna: the area group prepares,
# the chair approves; the democracy committee handles the documents and they go
# to KS as a report item; then they are published.
TRANSITIONS = {
    "submit": ({Status.DRAFT}, Status.SUBMITTED, EDIT_DOCUMENT),
    "withdraw": ({Status.SUBMITTED}, Status.DRAFT, EDIT_DOCUMENT),
    "approve": ({Status.SUBMITTED}, Status.APPROVED, APPROVE_DOCUMENT),
    "committee": ({Status.APPROVED}, Status.COMMITTEE, EDIT_DOCUMENT),
    "report": ({Status.COMMITTEE}, Status.REPORTED, EDIT_DOCUMENT),
    "publish": ({Status.REPORTED}, Status.PUBLISHED, EDIT_DOCUMENT),
    "reopen": (FROZEN, Status.DRAFT, APPROVE_DOCUMENT),
}

ACTION_LABELS = {
    "submit": gettext_lazy("Lämnad till områdesgruppen"),
    "withdraw": gettext_lazy("Tillbaka till utkast"),
    "approve": gettext_lazy("Godkänd av ordföranden"),
    "committee": gettext_lazy("Behandlad i demokratiberedningen"),
    "report": gettext_lazy("Anmäld till kommunstyrelsen"),
    "publish": gettext_lazy("Publicerad"),
    "reopen": gettext_lazy("Öppnad igen av ordföranden"),
}


def step_permission(action: str) -> str:
    """The permission a workflow step needs (approve and reopen: the chair's)."""
    return TRANSITIONS[action][2]


def allowed_actions(user, document) -> list[str]:
    """The workflow steps the user may take now (buttons shown = POSTs allowed)."""
    return [
        action
        for action, (sources, _to, perm) in TRANSITIONS.items()
        if document.status in sources and may(user, perm, document)
    ]


def _locked(document):
    return type(document).objects.select_for_update().get(pk=document.pk)


@transaction.atomic
def transition(document, action: str, user, *, on: date | None = None,
               case_number: str = "", note: str = "", at=None):
    """Move a document one step in its workflow and record who did it.

    Refuses steps out of order, steps the user's role does not allow (only the
    chair approves and reopens), a reopening without a reason, and dates that
    come before the step they follow. ``at`` backdates the step (demo data)."""
    if action not in TRANSITIONS:
        raise PlanningError(_("Okänd åtgärd."))
    sources, target, perm = TRANSITIONS[action]
    require(user, perm, document)
    doc = _locked(document)
    if doc.status not in sources:
        raise PlanningError(
            _("Det går inte i det här läget: dokumentet är %(status)s.")
            % {"status": doc.get_status_display().lower()}
        )
    now = at or timezone.now()
    if action == "submit":
        _check_complete(doc)
        doc.submitted_at = now
    elif action == "approve":
        doc.approved_at, doc.approved_by = now, user
    elif action == "committee":
        if on is None:
            raise PlanningError(_("Ange datum för demokratiberedningens sammanträde."))
        if doc.approved_at and on < timezone.localtime(doc.approved_at).date():
            raise PlanningError(_("Beredningen kan inte ha behandlat dokumentet innan det godkändes."))
        doc.committee_date = on
    elif action == "report":
        if on is None or not case_number.strip():
            raise PlanningError(_("Ange datum och diarienummer för anmälan till kommunstyrelsen."))
        if doc.committee_date and on < doc.committee_date:
            raise PlanningError(
                _("Anmälan till kommunstyrelsen kan inte ske före beredningens behandling.")
            )
        doc.ks_date, doc.ks_case_number = on, case_number.strip()
    elif action == "publish":
        doc.published_at = now
    elif action == "reopen":
        if not note.strip():
            raise PlanningError(_("Skriv varför dokumentet öppnas igen."))
        doc.approved_at = doc.approved_by = doc.published_at = None
        doc.committee_date = doc.ks_date = None
        doc.ks_case_number = ""
    WorkflowEvent.objects.create(
        planning_year_id=doc.planning_year_id, document=doc.kind, action=action,
        from_status=doc.status, to_status=target, by=user, at=now, note=note.strip(),
    )
    doc.status = target
    doc.save()
    if action == "approve":
        _after_approval(doc)
    return doc


def _check_complete(doc):
    if doc.kind == DocumentKind.ANALYSIS and not any(s.body.strip() for s in doc.sections()):
        raise PlanningError(
            _("Stadsdelsanalysen är tom. Skriv minst ett av avsnitten (till exempel läget i "
              "stadsdelen) innan den lämnas till områdesgruppen.")
        )
    if doc.kind == DocumentKind.ACTION_PLAN and not doc.efforts.exists():
        raise PlanningError(_("Handlingsplanen har inga insatser. Lägg till minst en insats."))
    if isinstance(doc, Report) and not doc.rows.exists():
        raise PlanningError(
            _("Rapporten har inga uppföljningsrader. Hämta insatserna från handlingsplanen.")
        )


def _after_approval(doc):
    # The approved plan fills the interim report; the approved interim report
    # fills the annual report, so that the annual rows start from September's.
    follows = {DocumentKind.ACTION_PLAN: Report.Kind.INTERIM,
               DocumentKind.INTERIM_REPORT: Report.Kind.ANNUAL}
    if doc.kind == DocumentKind.ANALYSIS:
        freeze_figures(doc)
    elif doc.kind in follows:
        report = Report.objects.filter(
            planning_year_id=doc.planning_year_id, kind=follows[doc.kind], status=Status.DRAFT
        ).first()
        if report is not None:
            sync_report_rows(report)
