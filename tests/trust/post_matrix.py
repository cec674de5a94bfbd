"""THE permission matrix (POST): every URL that changes data, posted as every role
on Alby's object and on Tumba's.

test_post_matrix.py asks every view of the URLconf whether it takes a POST (a
view that does not answers 405); one that does and has no row here fails the
test with its name. A row (``Post``) says:

- ``data``: the form data that would succeed, built from the world
  (tests/trust/matrix_world.py), anew for every post;
- ``state``: what the post changes, read from the database (a snapshot);
- ``done``: how that snapshot changes when the post is allowed;
- ``expect``: each role's outcome on Alby's object and on Tumba's, as in the GET
  matrix (tests/trust/matrix.py, the same roles):
  DONE     2xx/3xx and the snapshot changed as ``done`` says;
  403/404  that status, and the snapshot unchanged;
  LOGIN    the login page (anonymous), and the snapshot unchanged;
  SENT_ON  another redirect, and the snapshot unchanged (the sign-in page sends a
           signed-in user on to the start page).

Every post runs in a transaction that is rolled back, so each starts from the
same world. Rules behind the rows: areas/rules.py.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from areas.models import AreaGroup, Delegation, Membership, WorkingGroup, WorkingGroupMember
from budget.models import CostType, Grant, SpendRequest, SpendStatus
from budget.services import booked_of
from planning.models import (
    ActionPlan,
    Comment,
    DistrictAnalysis,
    Effort,
    Figure,
    FollowUpRow,
    PlanningYear,
    Section,
    Status,
    default_due_dates,
)
from tests.conftest import PASSWORD
from tests.trust.matrix import KWARGS, row
from tests.trust.matrix_apps import YEAR

User = get_user_model()

DONE = "done"
SENT_ON = "sent on"
OWN = (DONE, 403)    # an Alby role: its own group's object yes, Tumba's no
OTHER = (403, DONE)  # the Tumba member: the reverse


def expect(**outcomes):
    """Each role's outcome as (on Alby's object, on Tumba's); a single value for
    both. A role not named is refused (403), anonymous is sent to sign in, the
    superuser may (unless the row says otherwise); the delegated vice chair
    answers as the vice chair unless named."""
    return row(**{"superuser": DONE, **outcomes})


@dataclass(frozen=True)
class Post:
    url: str
    data: object    # world -> dict of form data
    state: object   # world -> a snapshot of what the post changes
    done: object    # (before, after, world) -> the allowed post's change happened
    expect: dict
    kwargs: object = None  # world -> the URL's arguments (default: matrix.KWARGS)
    label: str = ""        # names a second case of the same URL
    signs_in_or_out: bool = False

    @property
    def name(self):
        return f"{self.url} {self.label}".strip()

    def url_kwargs(self, w):
        return (self.kwargs or KWARGS[self.url])(w)


# Snapshots -----------------------------------------------------------------------


def saved(model, key, field):
    """A field of the world's object ``w[key]`` as saved (None: the object is gone)."""
    return lambda w: model.objects.filter(pk=w[key].pk).values_list(field, flat=True).first()


def exists(model, key):
    return lambda w: model.objects.filter(pk=w[key].pk).exists()


def count(model, **lookups):
    """How many rows of ``model`` there are, filtered by the world's objects:
    ``count(Effort, action_plan="plan")`` counts the efforts of ``w["plan"]``."""
    return lambda w: model.objects.filter(**{k: w[v] for k, v in lookups.items()}).count()


# Changes -------------------------------------------------------------------------


def one_more(before, after, w):
    return after == before + 1


def one_fewer(before, after, w):
    return after == before - 1


def gone(before, after, w):
    return before and not after


def set_(before, after, w):
    return before is None and after is not None


def becomes(value):
    """The snapshot becomes ``value`` (or ``value(world)``), which it was not."""

    def done(before, after, w):
        wanted = value(w) if callable(value) else value
        return before != wanted and after == wanted

    return done


# Form data built from the world -----------------------------------------------------


def today():
    return timezone.localdate()


def booking_day():
    """Today, within the budget year (bookings cannot lie in the future)."""
    return min(today(), date(YEAR, 12, 31))


NEW_ANALYSIS_DUE = date(YEAR, 2, 14)


def due_dates(prefix=""):
    dates = {**default_due_dates(YEAR), "analysis_due": NEW_ANALYSIS_DUE}
    return {f"{prefix}{name}": day.isoformat() for name, day in dates.items()}


def statistics_file(w):
    text = f"stadsdel;år;indikator;värde;enhet;källa\n{w['group'].district.name};{YEAR};" \
           "Folkmängd;13307;antal;SCB\n"
    return {"file": SimpleUploadedFile("nyckeltal.csv", text.encode(), "text/csv")}


NEW_GRANT = Decimal("120000")


def grant_page(w):
    """Every group's row of the grant page as saved, the world's group's grant raised."""
    grants = {g.area_group_id: g for g in Grant.objects.filter(year=YEAR)}
    data = {}
    for group in AreaGroup.objects.select_related("district"):
        grant, prefix = grants.get(group.pk), group.district.slug
        amount = "" if grant is None else f"{grant.amount:.2f}".replace(".", ",")
        if group == w["group"]:
            amount = str(NEW_GRANT)
        data.update({f"{prefix}-amount": amount,
                     f"{prefix}-account_number": grant.account_number if grant else "",
                     f"{prefix}-decision_reference": grant.decision_reference if grant else ""})
    return data


NEW_DESCRIPTION = "Läxhjälp tre kvällar i veckan."


def effort_form(w):
    """The effort's whole form as an editor sees it (a contact member's form has
    fewer fields and takes the same post)."""
    e = w["effort"]
    p = f"e{e.pk}-"
    return {p + "title": e.title, p + "description": NEW_DESCRIPTION, p + "goal": "",
            p + "main_task": "", p + "working_group": w["working_group"].pk,
            p + "organisation": "", p + "contact": e.contact_id,
            p + "start_date": e.start_date.isoformat(), p + "end_date": e.end_date.isoformat(),
            p + "planned_cost": "60000", p + "indicators": "", p + "version": e.version}


NEW_DONE = "Två läxhjälpsgrupper i gång."


def row_form(w):
    r = w["follow_up"]
    p = f"r{r.pk}-"
    return {p + "status": "ongoing", p + "done": NEW_DONE, p + "outcome": "", p + "comment": "",
            p + "version": r.version}


NEW_BODY = "Årets inriktning: fler unga i arbete."


def section_form(w):
    s = w["section"]
    return {f"s{s.pk}-body": NEW_BODY, f"s{s.pk}-version": s.version}


def spend_proposal(w):
    return {"submission_key": str(uuid.uuid4()), "effort": w["effort"].pk,
            "recipient": "Bokhandeln", "cost_type": CostType.GOODS_SERVICES, "amount": "500",
            "date": date(YEAR, 6, 1).isoformat(), "description": "Böcker till läxhjälpen"}


def plan_year(w, **extra):
    return {"slug": w["slug"], "year": w["year"], **extra}


# Who may post ------------------------------------------------------------------------

SIGNED_IN = ["member", "vice", "developer", "chair", "secretary", "other_member", "reader",
             "superuser"]
# areas.manage_members, planning.edit_document: the chair and the area developer.
LEADERS = expect(developer=OWN, chair=OWN)
# The management office's rights (planning.manage_cycle, budget.manage_grants),
# held by explicit permission, and superusers.
OFFICE = expect()
# planning.update_effort: the leaders, and the effort's contact person (the member).
CONTACT_OR_LEADERS = expect(member=OWN, developer=OWN, chair=OWN, other_member=OTHER)
# planning.contribute: every role of the group.
GROUP_ROLES = expect(member=OWN, vice=OWN, developer=OWN, chair=OWN, secretary=OWN,
                     other_member=OTHER)
# Development money is the group's own business: a superuser neither proposes,
# decides nor books. The vice chair decides only under the chair's delegation.
PROPOSERS = expect(member=OWN, vice=OWN, developer=OWN, chair=OWN, other_member=OTHER,
                   superuser=403)
PROPOSER_ONLY = expect(member=OWN, other_member=OTHER, superuser=403)  # the member proposed
DECIDERS = expect(chair=OWN, vice_delegated=OWN, superuser=403)
BOOKERS = expect(developer=OWN, chair=OWN, superuser=403)
CHAIR_ONLY = expect(chair=OWN, superuser=403)


POSTS = [
    # --- signing in and out: the session changes.
    Post("login", lambda w: {"username": w["member"].username, "password": PASSWORD},
         saved(User, "member", "last_login"), lambda before, after, w: after != before,
         expect(anonymous=DONE, **{role: SENT_ON for role in SIGNED_IN}),
         signs_in_or_out=True),
    Post("logout", lambda w: {}, lambda w: Session.objects.count(), one_fewer,
         expect(**{role: DONE for role in SIGNED_IN}), signs_in_or_out=True),
    # --- areas
    Post("areas:membership_add",
         lambda w: {"person": w["helper"].pk, "role": "member",
                    "organisation": w["org"]["SBF"].pk, "start_date": today().isoformat(),
                    "end_date": "", "substitute": ""},
         count(Membership, area_group="group"), one_more, LEADERS),
    Post("areas:person_add",
         lambda w: {"first_name": "Nyvald", "last_name": w["prefix"].title(),
                    "email": f"nyvald.{w['prefix']}@test.botkyrka.se", "title": "Rektor",
                    "organisation": w["org"]["UF"].pk},
         lambda w: User.objects.filter(email=f"nyvald.{w['prefix']}@test.botkyrka.se").count(),
         one_more, LEADERS),
    Post("areas:membership_edit",
         lambda w: {"organisation": w["org"]["UF"].pk, "start_date": "2025-02-01",
                    "substitute": ""},
         saved(Membership, "membership", "start_date"), becomes(date(2025, 2, 1)), LEADERS),
    Post("areas:membership_end", lambda w: {"end_date": today().isoformat()},
         saved(Membership, "membership", "end_date"), becomes(lambda w: today()), LEADERS),
    Post("areas:working_group_add",
         lambda w: {"name": f"Trygghet {w['prefix']}", "kind": "working", "focus": "",
                    "description": "", "is_active": "on"},
         count(WorkingGroup, area_group="group"), one_more, LEADERS),
    Post("areas:working_group_edit",
         lambda w: {"name": "Läxhjälpsgruppen", "kind": "working", "focus": "",
                    "description": "", "is_active": "on"},
         saved(WorkingGroup, "working_group", "name"), becomes("Läxhjälpsgruppen"), LEADERS),
    Post("areas:working_group_member_add",
         lambda w: {"person": w["member"].pk, "organisation": w["org"]["UF"].pk,
                    "is_lead": "", "start_date": today().isoformat()},
         count(WorkingGroupMember, working_group="working_group"), one_more, LEADERS),
    Post("areas:working_group_member_end", lambda w: {},
         saved(WorkingGroupMember, "wg_member", "end_date"), becomes(lambda w: today()),
         LEADERS),
    # Personal: the member names their own substitute, nobody else (a superuser neither).
    Post("areas:substitute_edit", lambda w: {"substitute": w["helper"].pk},
         saved(Membership, "membership", "substitute"), becomes(lambda w: w["helper"].pk),
         expect(member=OWN, other_member=OTHER, superuser=403)),
    # --- planning
    # The year's wheel for every group at once (the overview of all districts).
    Post("planning:overview", lambda w: due_dates("datum-"),
         saved(PlanningYear, "planning_year", "analysis_due"), becomes(NEW_ANALYSIS_DUE),
         OFFICE),
    Post("planning:statistics_import", statistics_file,
         lambda w: Figure.objects.filter(district=w["group"].district).count(), one_more,
         OFFICE),
    Post("planning:start_year", lambda w: {"year": YEAR + 1},
         lambda w: sorted(w["group"].planning_years.values_list("year", flat=True)),
         lambda before, after, w: after == sorted([*before, YEAR + 1]), LEADERS),
    Post("planning:due_dates", lambda w: due_dates(),
         saved(PlanningYear, "planning_year", "analysis_due"), becomes(NEW_ANALYSIS_DUE),
         OFFICE),
    Post("planning:effort_add",
         lambda w: {"new-title": "Läsfrämjande", "new-planned_cost": "5000",
                    "new-organisation": w["org"]["KOF"].pk},
         count(Effort, action_plan="plan"), one_more, LEADERS),
    Post("planning:effort_edit", effort_form, saved(Effort, "effort", "description"),
         becomes(NEW_DESCRIPTION), CONTACT_OR_LEADERS),
    Post("planning:effort_remove", lambda w: {}, exists(Effort, "loose_effort"), gone, LEADERS),
    Post("planning:effort_move", lambda w: {}, saved(Effort, "effort", "position"),
         becomes(1), LEADERS),
    Post("planning:copy_forward", lambda w: {}, count(Effort, action_plan="plan"), one_more,
         LEADERS),
    Post("planning:row_add", lambda w: {"effort": w["loose_effort"].pk},
         count(FollowUpRow, report="interim"), one_more, LEADERS),
    Post("planning:rows_sync", lambda w: {}, count(FollowUpRow, report="interim"), one_more,
         LEADERS),
    Post("planning:row_edit", row_form, saved(FollowUpRow, "follow_up", "done"),
         becomes(NEW_DONE), CONTACT_OR_LEADERS),
    Post("planning:row_remove", lambda w: {}, exists(FollowUpRow, "follow_up"), gone, LEADERS),
    Post("planning:row_move", lambda w: {}, saved(FollowUpRow, "follow_up", "position"),
         becomes(1), LEADERS),
    Post("planning:workflow", lambda w: {}, saved(ActionPlan, "plan", "status"),
         becomes(Status.SUBMITTED), LEADERS, label="submit"),
    # Only the chair approves (and a superuser, who administers documents).
    Post("planning:workflow", lambda w: {},
         lambda w: DistrictAnalysis.objects.get(planning_year=w["planning_year"]).status,
         becomes(Status.APPROVED), expect(chair=OWN), label="approve",
         kwargs=lambda w: plan_year(w, kind="stadsdelsanalys", action="approve")),
    Post("planning:section_edit", section_form, saved(Section, "section", "body"),
         becomes(NEW_BODY), LEADERS),
    Post("planning:comment_add", lambda w: {"body": "Bra att läxhjälpen fortsätter.",
                                            "effort": ""},
         count(Comment, planning_year="planning_year"), one_more, GROUP_ROLES),
    # --- budget
    Post("budget:grants", grant_page, saved(Grant, "grant", "amount"), becomes(NEW_GRANT),
         OFFICE),
    Post("budget:delegations",
         lambda w: {"delegate": w["vice"].pk,
                    "start_date": (today() + timedelta(days=60)).isoformat(),
                    "end_date": (today() + timedelta(days=67)).isoformat(),
                    "reason": "Tjänsteresa"},
         count(Delegation, area_group="group"), one_more, CHAIR_ONLY),
    Post("budget:delegation_revoke", lambda w: {},
         saved(Delegation, "delegation", "revoked_at"), set_, CHAIR_ONLY),
    Post("budget:request_add", spend_proposal, count(SpendRequest, area_group="group"),
         one_more, PROPOSERS),
    Post("budget:request_withdraw", lambda w: {}, saved(SpendRequest, "proposed", "status"),
         becomes(SpendStatus.WITHDRAWN), PROPOSER_ONLY),
    Post("budget:request_decide", lambda w: {"decision": "approve", "paragraph": "",
                                             "reason": ""},
         saved(SpendRequest, "proposed", "status"), becomes(SpendStatus.APPROVED), DECIDERS),
    Post("budget:request_book",
         lambda w: {"amount": "2000", "on": booking_day().isoformat(), "voucher": "V-101"},
         saved(SpendRequest, "approved", "status"), becomes(SpendStatus.BOOKED), BOOKERS),
    Post("budget:request_cancel", lambda w: {"reason": "Aktiviteten blev inte av."},
         saved(SpendRequest, "approved", "status"), becomes(SpendStatus.CANCELLED), DECIDERS),
    Post("budget:request_correct",
         lambda w: {"amount": "2500", "reason": "Fakturan var lägre.",
                    "on": booking_day().isoformat(), "voucher": "V-102"},
         lambda w: booked_of(w["booked"]), becomes(Decimal("2500")), BOOKERS),
]
