"""Objects of the planning and budget apps for the matrix (one set per group),
built through the apps' own services where they have them."""

from datetime import date, datetime
from decimal import Decimal

YEAR = 2026


def app_world(group, people, prefix) -> dict:
    from planning import services
    from planning.models import Effort, FollowUpRow, Report

    year = services.start_year(group, YEAR)
    effort = Effort.objects.create(
        action_plan=year.action_plan, title=f"Läxhjälp {prefix}", position=0,
        planned_cost=Decimal("60000"), start_date=date(YEAR, 1, 1),
        end_date=date(YEAR, 12, 31), contact=people["member"],
    )
    interim = Report.objects.get(planning_year=year, kind=Report.Kind.INTERIM)
    follow_up = FollowUpRow.objects.create(report=interim, effort=effort, position=0)
    section = year.sections.filter(document="action_plan").first()
    return {
        "year": YEAR,
        "planning_year": year,
        "effort": effort,
        "follow_up": follow_up,
        "section": section,
        **budget_world(group, people, effort),
    }


def budget_world(group, people, effort) -> dict:
    """A grant, and spend requests in each state the budget URLs act on."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from budget import services
    from budget.models import CostType

    services.set_grant(group, YEAR, amount=Decimal("100000"), account_number="BK 9")

    def spend(amount, attachment=""):
        made, _created = services.propose(
            people["member"], group, YEAR, effort=effort, recipient="Förening",
            cost_type=CostType.GOODS_SERVICES, amount=Decimal(amount), date=date(YEAR, 5, 1),
            description="Material", attachment=attachment)
        return made

    proposed = spend("1000", ContentFile(b"%PDF-1.4 offert", name="offert.pdf"))
    approved = services.approve(spend("2000"), people["chair"])
    decided = timezone.make_aware(datetime(YEAR, 5, 1, 10))
    booked = services.book(services.approve(spend("3000"), people["chair"], at=decided),
                           people["developer"], amount=Decimal("3000"), on=date(YEAR, 5, 2))
    return {"proposed": proposed, "approved": approved, "booked": booked}


def planning_kwargs() -> dict:
    def y(w, **extra):
        return {"slug": w["slug"], "year": w["year"], **extra}

    return {
        "planning:overview": lambda w: {"year": w["year"]},
        "planning:statistics_import": lambda w: {},
        "planning:programme": lambda w: {"slug": w["slug"]},
        "planning:years": lambda w: {"slug": w["slug"]},
        "planning:start_year": lambda w: {"slug": w["slug"]},
        "planning:year": lambda w: y(w),
        "planning:due_dates": lambda w: y(w),
        "planning:effort_add": lambda w: y(w),
        "planning:effort_edit": lambda w: y(w, pk=w["effort"].pk),
        "planning:effort_remove": lambda w: y(w, pk=w["effort"].pk),
        "planning:effort_move": lambda w: y(w, pk=w["effort"].pk, direction="ner"),
        "planning:copy_forward": lambda w: y(w),
        "planning:row_add": lambda w: y(w, kind="delarsrapport"),
        "planning:rows_sync": lambda w: y(w, kind="delarsrapport"),
        "planning:row_edit": lambda w: y(w, kind="delarsrapport", pk=w["follow_up"].pk),
        "planning:row_remove": lambda w: y(w, kind="delarsrapport", pk=w["follow_up"].pk),
        "planning:row_move": lambda w: y(w, kind="delarsrapport", pk=w["follow_up"].pk,
                                         direction="ner"),
        "planning:document": lambda w: y(w, kind="handlingsplan"),
        "planning:history": lambda w: y(w, kind="handlingsplan"),
        "planning:workflow": lambda w: y(w, kind="handlingsplan", action="submit"),
        "planning:section_edit": lambda w: y(w, kind="handlingsplan", pk=w["section"].pk),
        "planning:comment_add": lambda w: y(w, kind="handlingsplan"),
        "planning:public_index": lambda w: {},
        "planning:public_district": lambda w: {"slug": w["slug"]},
        "planning:public_programme": lambda w: {"slug": w["slug"]},
        "planning:public_document": lambda w: y(w, kind="handlingsplan"),
    }


def budget_kwargs() -> dict:
    def y(w, **extra):
        return {"slug": w["slug"], "year": w["year"], **extra}

    return {
        "budget:overview": lambda w: {"year": w["year"]},
        "budget:grants": lambda w: {"year": w["year"]},
        "budget:delegations": lambda w: {"slug": w["slug"]},
        "budget:delegation_revoke": lambda w: {"slug": w["slug"], "pk": 1},
        "budget:ledger": lambda w: y(w),
        "budget:export_csv": lambda w: y(w),
        "budget:export_xlsx": lambda w: y(w),
        "budget:queue": lambda w: y(w),
        "budget:requests": lambda w: y(w),
        "budget:request_add": lambda w: y(w),
        "budget:request": lambda w: y(w, pk=w["proposed"].pk),
        "budget:attachment": lambda w: y(w, pk=w["proposed"].pk),
        "budget:request_withdraw": lambda w: y(w, pk=w["proposed"].pk),
        "budget:request_decide": lambda w: y(w, pk=w["proposed"].pk),
        "budget:request_book": lambda w: y(w, pk=w["approved"].pk),
        "budget:request_cancel": lambda w: y(w, pk=w["approved"].pk),
        "budget:request_correct": lambda w: y(w, pk=w["booked"].pk),
    }
