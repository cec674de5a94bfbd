"""Objects of the planning and budget apps for the matrix (one set per group),
built through the apps' own services where they have them."""

from datetime import date, datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from budget import services as budget_services
from budget.models import CostType
from planning import services
from planning.models import (
    AreaCode,
    Comment,
    CycleDueDates,
    DocumentKind,
    Effort,
    Figure,
    FollowUpRow,
    Indicator,
    MainTask,
    Report,
    StrategicProgramme,
    default_due_dates,
)

YEAR = 2026


def app_world(group, people, prefix) -> dict:
    def effort(plan, title, position, **fields):
        return Effort.objects.create(
            action_plan=plan, title=f"{title} {prefix}", position=position,
            planned_cost=Decimal("60000"), start_date=date(plan.year, 1, 1),
            end_date=date(plan.year, 12, 31), **fields)

    # Last year's plan with an effort not done: this year's plan copies it forward.
    last_year = services.start_year(group, YEAR - 1)
    effort(last_year.action_plan, "Fritidsgård", 0)
    year = services.start_year(group, YEAR)
    plan = year.action_plan
    # Three efforts: the member's (followed up, money tied to it), a second one
    # (followed up: rows and efforts move past each other), and one neither
    # followed up nor funded (it can be removed, or added to a report).
    main = effort(plan, "Läxhjälp", 0, contact=people["member"])
    second = effort(plan, "Trygga vuxna", 1)
    loose = effort(plan, "Sommarlov", 2)
    interim = Report.objects.get(planning_year=year, kind=Report.Kind.INTERIM)
    follow_up = FollowUpRow.objects.create(report=interim, effort=main, position=0)
    FollowUpRow.objects.create(report=interim, effort=second, position=1)
    # The analysis, written and submitted: the chair approves it.
    written = year.sections.filter(document=DocumentKind.ANALYSIS).order_by("position").first()
    written.body = f"{group.district.name} växer."
    written.save()
    services.transition(year.analysis, "submit", people["developer"])
    programme = StrategicProgramme.objects.create(
        district=group.district, title=f"Program för {group.district.name}",
        adopted_on=date(YEAR - 2, 6, 1), first_year=YEAR - 2)
    indicator = Indicator.objects.create(key=f"trygghet-{prefix}", name=f"Trygghet {prefix}")
    wheel_year = YEAR + (2 if prefix == "alby" else 3)  # a year no group has started
    return {
        "year": YEAR,
        "planning_year": year,
        "plan": plan,
        "interim": interim,
        "effort": main,
        "second_effort": second,
        "loose_effort": loose,
        "follow_up": follow_up,
        "section": year.sections.filter(document="action_plan").first(),
        "comment": Comment.objects.create(planning_year=year, document=DocumentKind.ACTION_PLAN,
                                          author=people["member"], body="Bra plan"),
        "programme": programme,
        "main_task": MainTask.objects.create(programme=programme, title="Fler i arbete"),
        # Outside any group (auditors only): statistics and a year's wheel.
        "area_code": AreaCode.objects.filter(district=group.district).first(),
        "indicator": indicator,
        "figure": Figure.objects.create(district=group.district, indicator=indicator, year=YEAR,
                                        value=Decimal("3"), source="SCB"),
        "cycle_dates": CycleDueDates.objects.create(year=wheel_year,
                                                    **default_due_dates(wheel_year)),
        **budget_world(group, people, main),
    }


def budget_world(group, people, effort) -> dict:
    """A grant, and spend requests in each state the budget URLs act on."""
    budget_services.set_grant(group, YEAR, amount=Decimal("100000"), account_number="BK 9")

    def spend(amount, attachment=""):
        made, _created = budget_services.propose(
            people["member"], group, YEAR, effort=effort, recipient="Förening",
            cost_type=CostType.GOODS_SERVICES, amount=Decimal(amount), date=date(YEAR, 5, 1),
            description="Material", attachment=attachment)
        return made

    proposed = spend("1000", ContentFile(b"%PDF-1.4 offert", name="offert.pdf"))
    approved = budget_services.approve(spend("2000"), people["chair"])
    decided = timezone.make_aware(datetime(YEAR, 5, 1, 10))
    to_book = budget_services.approve(spend("3000"), people["chair"], at=decided)
    booked = budget_services.book(to_book, people["developer"], amount=Decimal("3000"),
                                  on=date(YEAR, 5, 2))
    return {"grant": group.grants.get(year=YEAR), "proposed": proposed, "approved": approved,
            "booked": booked, "booked_entry": booked.entries.order_by("pk").first()}


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
        "planning:effort_remove": lambda w: y(w, pk=w["loose_effort"].pk),
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
        "budget:delegation_revoke": lambda w: {"slug": w["slug"], "pk": w["delegation"].pk},
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
