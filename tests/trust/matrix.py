"""THE permission matrix (GET): one row per named URL, one expected status per
role on an object of Alby's area group and on one of Tumba's.

test_matrix.py walks the whole URLconf (except admin/ and static); a URL without
a row here, or without a way to build its arguments (KWARGS), fails the test
with its name. The history page is asked of every audited model (HISTORY); a
model without a row there fails too. Here only GET is asked: views that take
POST only answer 405 to a signed-in user (anonymous users are sent to the login
page first). Who may post is the POST matrix's (tests/trust/post_matrix.py).

Roles (tests/trust/matrix_world.py): Alby's member, vice chair (no delegation),
vice chair holding the chair's current delegation of budget.decide_spend, area
developer, chair and secretary; a member of another group (Tumba); the
management office's reader (reads all groups); a superuser. Each role is asked
about Alby's object and about Tumba's.

Statuses: 200, 403, 404, 405; LOGIN is a redirect to the login page; REDIRECT
any other redirect.
"""

from tests.trust.matrix_apps import budget_kwargs, planning_kwargs

LOGIN = "login"
REDIRECT = "redirect"

SCOPES = ("alby", "tumba")  # each role is asked about Alby's object, then Tumba's
ROLES = ["anonymous", "member", "vice", "vice_delegated", "developer", "chair", "secretary",
         "other_member", "reader", "superuser"]


def row(anonymous=LOGIN, member=403, vice=403, vice_delegated=None, developer=403, chair=403,
        secretary=403, other_member=403, reader=403, superuser=200):
    """One row: each role's answer as (on Alby's object, on Tumba's object); a
    single value means the same answer for both. The delegated vice chair
    answers as the vice chair unless the row says otherwise: the delegation
    gives deciding over development money, nothing else."""
    if vice_delegated is None:
        vice_delegated = vice
    values = dict(anonymous=anonymous, member=member, vice=vice, vice_delegated=vice_delegated,
                  developer=developer, chair=chair, secretary=secretary,
                  other_member=other_member, reader=reader, superuser=superuser)
    return {k: v if isinstance(v, tuple) else (v, v) for k, v in values.items()}


OWN_ONLY = (200, 403)         # an Alby role: its own group yes, Tumba no
OTHER_ONLY = (403, 200)       # the Tumba member: the reverse

# Profiles shared by many rows (each row still names its URL below).
PUBLIC = row(anonymous=200, member=200, vice=200, developer=200, chair=200, secretary=200,
             other_member=200, reader=200, superuser=200)
SIGNED_IN = row(member=200, vice=200, developer=200, chair=200, secretary=200,
                other_member=200, reader=200)
GROUP_READERS = row(member=OWN_ONLY, vice=OWN_ONLY, developer=OWN_ONLY, chair=OWN_ONLY,
                    secretary=OWN_ONLY, other_member=OTHER_ONLY, reader=200)
MEMBER_MANAGERS = row(developer=OWN_ONLY, chair=OWN_ONLY)
DOCUMENT_EDITORS = row(developer=OWN_ONLY, chair=OWN_ONLY)
POST_ONLY = row(member=405, vice=405, developer=405, chair=405, secretary=405,
                other_member=405, reader=405, superuser=405)
AUDITORS = row()
# planning.manage_cycle (the management office, by explicit grant) and superusers.
CYCLE_MANAGERS = row()
EFFORT_UPDATERS = row(member=OWN_ONLY, developer=OWN_ONLY, chair=OWN_ONLY,
                      other_member=OTHER_ONLY)  # superusers and holders of trust.view_audit_trail

MATRIX = {
    # --- foundation
    "start": SIGNED_IN,
    "login": row(anonymous=200, member=REDIRECT, vice=REDIRECT, developer=REDIRECT,
                 chair=REDIRECT, secretary=REDIRECT, other_member=REDIRECT, reader=REDIRECT,
                 superuser=REDIRECT),
    "logout": POST_ONLY,
    # --- areas
    "district": GROUP_READERS,
    "areas:members": MEMBER_MANAGERS,
    "areas:membership_add": POST_ONLY,
    "areas:person_add": POST_ONLY,
    "areas:membership_edit": MEMBER_MANAGERS,
    "areas:membership_end": MEMBER_MANAGERS,
    "areas:working_groups": GROUP_READERS,
    "areas:working_group_add": POST_ONLY,
    "areas:working_group": GROUP_READERS,
    "areas:working_group_edit": POST_ONLY,
    "areas:working_group_member_add": POST_ONLY,
    "areas:working_group_member_end": POST_ONLY,
    # A member names their own substitute: the Alby member's own seat, and the
    # Tumba member's own seat; nobody else's (the vice chair, a member too,
    # neither; superusers neither: personal).
    "areas:substitute_edit": row(member=OWN_ONLY, other_member=OTHER_ONLY, superuser=403),
    # --- planning
    "planning:overview": SIGNED_IN,  # lists only the groups each user reads
    "planning:statistics_import": CYCLE_MANAGERS,
    "planning:programme": GROUP_READERS,
    "planning:years": GROUP_READERS,
    "planning:start_year": POST_ONLY,
    "planning:year": GROUP_READERS,
    "planning:due_dates": CYCLE_MANAGERS,
    "planning:effort_add": POST_ONLY,
    # Editors, and the effort's contact person (the member in each world).
    "planning:effort_edit": EFFORT_UPDATERS,
    "planning:effort_remove": POST_ONLY,
    "planning:effort_move": POST_ONLY,
    "planning:copy_forward": POST_ONLY,
    "planning:row_add": POST_ONLY,
    "planning:rows_sync": POST_ONLY,
    "planning:row_edit": EFFORT_UPDATERS,
    "planning:row_remove": POST_ONLY,
    "planning:row_move": POST_ONLY,
    "planning:document": GROUP_READERS,
    "planning:history": GROUP_READERS,
    "planning:workflow": POST_ONLY,
    "planning:section_edit": DOCUMENT_EDITORS,
    "planning:comment_add": POST_ONLY,
    "planning:public_index": PUBLIC,
    "planning:public_district": PUBLIC,
    # Adopted by the council: public whether or not the district has one yet.
    "planning:public_programme": PUBLIC,
    # The world's action plan is not published: no one finds it on the public site.
    "planning:public_document": row(anonymous=404, member=404, vice=404, developer=404,
                                    chair=404, secretary=404, other_member=404, reader=404,
                                    superuser=404),
    # --- budget (development money). Proposing, deciding and booking belong to the
    # group's own roles: a superuser administers but does not spend (403). The
    # vice chair decides only while the chair's delegation runs: the decision
    # queue and revoking an approval are theirs then, on their own group's money.
    "budget:overview": SIGNED_IN,  # lists only the groups each user reads
    "budget:grants": row(),  # budget.manage_grants (the management office) and superusers
    "budget:delegations": GROUP_READERS,
    "budget:delegation_revoke": POST_ONLY,
    "budget:ledger": GROUP_READERS,
    "budget:export_csv": GROUP_READERS,
    "budget:export_xlsx": GROUP_READERS,
    "budget:queue": row(chair=OWN_ONLY, vice_delegated=OWN_ONLY, superuser=403),
    "budget:requests": GROUP_READERS,
    "budget:request_add": row(member=OWN_ONLY, vice=OWN_ONLY, developer=OWN_ONLY,
                              chair=OWN_ONLY, other_member=OTHER_ONLY, superuser=403),
    "budget:request": GROUP_READERS,
    "budget:attachment": GROUP_READERS,
    "budget:request_withdraw": POST_ONLY,
    "budget:request_decide": POST_ONLY,
    "budget:request_book": row(developer=OWN_ONLY, chair=OWN_ONLY, superuser=403),
    "budget:request_cancel": row(chair=OWN_ONLY, vice_delegated=OWN_ONLY, superuser=403),
    "budget:request_correct": row(developer=OWN_ONLY, chair=OWN_ONLY, superuser=403),
    # --- trust
    "trust:audit_trail": AUDITORS,
    # The history of an object of a model that is not audited does not exist (the
    # history of each audited model: HISTORY below).
    "trust:object_history": row(member=404, vice=404, developer=404, chair=404,
                                secretary=404, other_member=404, reader=404, superuser=404),
    "trust:my_data": SIGNED_IN,
    "trust:my_data_json": SIGNED_IN,
    "trust:person_data": row(),
    "trust:person_data_json": row(),
    "trust:accessibility": PUBLIC,
    "trust:privacy": PUBLIC,
}


# How to build each URL's arguments for a group's world (tests/trust/matrix_world.py
# builds one world per group: w["group"], w["membership"], ...).
KWARGS = {
    "start": lambda w: {},
    "login": lambda w: {},
    "logout": lambda w: {},
    "district": lambda w: {"slug": w["slug"]},
    "areas:members": lambda w: {"slug": w["slug"]},
    "areas:membership_add": lambda w: {"slug": w["slug"]},
    "areas:person_add": lambda w: {"slug": w["slug"]},
    "areas:membership_edit": lambda w: {"slug": w["slug"], "pk": w["membership"].pk},
    "areas:membership_end": lambda w: {"slug": w["slug"], "pk": w["membership"].pk},
    "areas:working_groups": lambda w: {"slug": w["slug"]},
    "areas:working_group_add": lambda w: {"slug": w["slug"]},
    "areas:working_group": lambda w: {"slug": w["slug"], "pk": w["working_group"].pk},
    "areas:working_group_edit": lambda w: {"slug": w["slug"], "pk": w["working_group"].pk},
    "areas:working_group_member_add": lambda w: {"slug": w["slug"],
                                                 "pk": w["working_group"].pk},
    "areas:working_group_member_end": lambda w: {"slug": w["slug"],
                                                 "pk": w["working_group"].pk,
                                                 "member_pk": w["wg_member"].pk},
    "areas:substitute_edit": lambda w: {"pk": w["membership"].pk},
    "trust:audit_trail": lambda w: {},
    "trust:object_history": lambda w: {"model": "auth.user", "pk": w["member"].pk},
    "trust:my_data": lambda w: {},
    "trust:my_data_json": lambda w: {},
    "trust:person_data": lambda w: {"user_id": w["member"].pk},
    "trust:person_data_json": lambda w: {"user_id": w["member"].pk},
    "trust:accessibility": lambda w: {},
    "trust:privacy": lambda w: {},
}


KWARGS.update(planning_kwargs())
KWARGS.update(budget_kwargs())


# The history page of every audited model (trust.audit.audited_models()), asked of
# Alby's object and Tumba's: who reads an object reads its history (the money's
# rows: who reads the group's money, the same roles). Objects outside any group
# (places, people, organisations, statistics, a year's wheel) only auditors read.
# An audited model without a row here fails the test with its name.
HISTORY = {
    "areas.areagroup": (GROUP_READERS, lambda w: w["group"]),
    "areas.delegation": (GROUP_READERS, lambda w: w["delegation"]),
    "areas.district": (AUDITORS, lambda w: w["group"].district),
    "areas.membership": (GROUP_READERS, lambda w: w["membership"]),
    "areas.organisation": (AUDITORS, lambda w: w["organisation"]),
    "areas.person": (AUDITORS, lambda w: w["member"].person),
    "areas.workinggroup": (GROUP_READERS, lambda w: w["working_group"]),
    "areas.workinggroupmember": (GROUP_READERS, lambda w: w["wg_member"]),
    "budget.grant": (GROUP_READERS, lambda w: w["grant"]),
    "budget.ledgerentry": (GROUP_READERS, lambda w: w["booked_entry"]),
    "budget.spendrequest": (GROUP_READERS, lambda w: w["proposed"]),
    "planning.actionplan": (GROUP_READERS, lambda w: w["plan"]),
    "planning.areacode": (AUDITORS, lambda w: w["area_code"]),
    "planning.comment": (GROUP_READERS, lambda w: w["comment"]),
    "planning.cycleduedates": (AUDITORS, lambda w: w["cycle_dates"]),
    "planning.districtanalysis": (GROUP_READERS, lambda w: w["planning_year"].analysis),
    "planning.effort": (GROUP_READERS, lambda w: w["effort"]),
    "planning.figure": (AUDITORS, lambda w: w["figure"]),
    "planning.followuprow": (GROUP_READERS, lambda w: w["follow_up"]),
    "planning.indicator": (AUDITORS, lambda w: w["indicator"]),
    "planning.maintask": (GROUP_READERS, lambda w: w["main_task"]),
    "planning.planningyear": (GROUP_READERS, lambda w: w["planning_year"]),
    "planning.report": (GROUP_READERS, lambda w: w["interim"]),
    "planning.section": (GROUP_READERS, lambda w: w["section"]),
    "planning.strategicprogramme": (GROUP_READERS, lambda w: w["programme"]),
}


def cases():
    """Every question the matrix asks: (label, URL name, expected row, kwargs of a
    world). The history page once per audited model, every other URL once."""
    for name, expected in MATRIX.items():
        yield name, name, expected, KWARGS[name]
    for key, (expected, obj) in HISTORY.items():
        yield (f"trust:object_history[{key}]", "trust:object_history", expected,
               lambda w, key=key, obj=obj: {"model": key, "pk": obj(w).pk})
