"""Hostile input: random, very long and unusual Unicode (HTML, script tags, null
bytes, right-to-left marks) posted to every form. Never a 500; nothing shown back
unescaped; a refused post changes nothing saved."""

import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.trust.matrix_world import group_world
from trust.audit import audited_models

SPECIALS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg/onload=alert(1)>",
    "\x00", "a\x00b", "\u202e\u2066evil\u2069", "\u200f", "\ufeff", "𝕳𝖊𝖏", "👩🏽‍💻" * 30,
    "' OR 1=1 --", "{{ 7*7 }}{% debug %}", "A" * 10_000, "é" * 5000, "\r\n" * 50, " ",
    "1e309", "-1", "2026-02-30", "99999999999999999999", "NaN", "０１２",
]
DANGEROUS = ["<script>alert", "<img src=x onerror", "<svg/onload"]

hostile = st.one_of(
    st.sampled_from(SPECIALS),
    st.text(max_size=300),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=50), st.sampled_from(SPECIALS),
              st.text(max_size=50)),
)

HYPOTHESIS = settings(
    max_examples=10, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def snapshot() -> str:
    """A digest of every saved domain row and history row (and the accounts)."""
    h = hashlib.sha256()
    for model in [*audited_models(), get_user_model()]:
        h.update(repr(list(model._default_manager.order_by("pk").values_list())).encode())
        if hasattr(model, "history"):
            h.update(str(model.history.count()).encode())
    return h.hexdigest()


def _v(obj):
    obj.refresh_from_db()
    return obj.version


# Each form: who posts, where, what (t is the hostile text, w the world).
CASES = {
    "login": ("anonymous", lambda w: reverse("login"),
              lambda t, w: {"username": t, "password": t}),
    "person_add": ("developer", lambda w: reverse("areas:person_add", args=["alby"]),
                   lambda t, w: {"first_name": t, "last_name": t, "email": t, "title": t}),
    "membership_add": ("developer", lambda w: reverse("areas:membership_add", args=["alby"]),
                       lambda t, w: {"person": t, "role": t, "organisation": t,
                                     "start_date": t, "end_date": t, "substitute": t}),
    "membership_edit": ("developer",
                        lambda w: reverse("areas:membership_edit",
                                          args=["alby", w["membership"].pk]),
                        lambda t, w: {"organisation": t, "start_date": t, "substitute": t}),
    "membership_end": ("developer",
                       lambda w: reverse("areas:membership_end",
                                         args=["alby", w["membership"].pk]),
                       lambda t, w: {"end_date": t}),
    "working_group_add": ("developer",
                          lambda w: reverse("areas:working_group_add", args=["alby"]),
                          lambda t, w: {"name": t, "kind": "working", "focus": t,
                                        "description": t}),
    "working_group_edit": ("developer",
                           lambda w: reverse("areas:working_group_edit",
                                             args=["alby", w["working_group"].pk]),
                           lambda t, w: {"name": t[:150] or "x", "kind": "working",
                                         "focus": t, "description": t, "is_active": "on"}),
    "working_group_member_add": ("developer",
                                 lambda w: reverse("areas:working_group_member_add",
                                                   args=["alby", w["working_group"].pk]),
                                 lambda t, w: {"person": t, "organisation": t,
                                               "start_date": t}),
    "substitute_edit": ("member",
                        lambda w: reverse("areas:substitute_edit", args=[w["membership"].pk]),
                        lambda t, w: {"substitute": t}),
    "section_edit": ("developer",
                     lambda w: reverse("planning:section_edit",
                                       args=["alby", 2026, "handlingsplan", w["section"].pk]),
                     lambda t, w: {"body": t, "version": _v(w["section"])}),
    "effort_add": ("developer",
                   lambda w: reverse("planning:effort_add", args=["alby", 2026]),
                   lambda t, w: {"title": t, "description": t, "goal": t, "indicators": t,
                                 "planned_cost": t, "start_date": "2026-01-01",
                                 "end_date": "2026-12-31"}),
    "effort_edit": ("developer",
                    lambda w: reverse("planning:effort_edit", args=["alby", 2026, w["effort"].pk]),
                    lambda t, w: {"title": t[:200] or "x", "description": t, "goal": t,
                                  "indicators": t, "planned_cost": "1000",
                                  "start_date": "2026-01-01", "end_date": "2026-12-31",
                                  "version": _v(w["effort"])}),
    "row_edit": ("member",
                 lambda w: reverse("planning:row_edit",
                                   args=["alby", 2026, "delarsrapport", w["follow_up"].pk]),
                 lambda t, w: {"status": t, "done": t, "outcome": t, "comment": t,
                               "version": _v(w["follow_up"])}),
    "comment_add": ("member",
                    lambda w: reverse("planning:comment_add", args=["alby", 2026, "handlingsplan"]),
                    lambda t, w: {"body": t, "effort": t}),
    "workflow": ("developer",
                 lambda w: reverse("planning:workflow",
                                   args=["alby", 2026, "handlingsplan", "submit"]),
                 lambda t, w: {"note": t, "on": t, "case_number": t}),
    "start_year": ("developer", lambda w: reverse("planning:start_year", args=["alby"]),
                   lambda t, w: {"year": t}),
    # --- budget
    "spend_request_add": ("member", lambda w: reverse("budget:request_add", args=["alby", 2026]),
                          lambda t, w: {"effort": t, "recipient": t, "cost_type": t, "amount": t,
                                        "date": t, "description": t, "submission_key": t}),
    "spend_decide": ("chair", lambda w: reverse("budget:request_decide",
                                                args=["alby", 2026, w["proposed"].pk]),
                     lambda t, w: {"decision": t, "paragraph": t, "reason": t, "from": t}),
    "spend_book": ("developer", lambda w: reverse("budget:request_book",
                                                  args=["alby", 2026, w["approved"].pk]),
                   lambda t, w: {"amount": t, "on": t, "voucher": t}),
    "spend_cancel": ("chair", lambda w: reverse("budget:request_cancel",
                                                args=["alby", 2026, w["approved"].pk]),
                     lambda t, w: {"reason": t}),
    "spend_correct": ("developer", lambda w: reverse("budget:request_correct",
                                                     args=["alby", 2026, w["booked"].pk]),
                      lambda t, w: {"amount": t, "reason": t, "on": t, "voucher": t}),
    "delegation": ("chair", lambda w: reverse("budget:delegations", args=["alby"]),
                   lambda t, w: {"delegate": t, "start_date": t, "end_date": t, "reason": t}),
}


@pytest.fixture
def world(alby, tumba, org, alby_people):
    return group_world(alby, alby_people, org, "alby")


def _assert_escaped(body: str, where: str):
    for needle in DANGEROUS:
        assert needle not in body, f"{needle!r} shown unescaped at {where}"


@pytest.mark.django_db
@pytest.mark.parametrize("form", sorted(CASES))
def test_hostile_input_never_500_never_executed_refusal_changes_nothing(
    form, world, client, alby_people
):
    role, url_of, data_of = CASES[form]
    if role != "anonymous":
        client.force_login(alby_people[role])
    url = url_of(world)

    @HYPOTHESIS
    @given(text=hostile)
    def run(text):
        before = snapshot()
        response = client.post(url, data_of(text, world), REMOTE_ADDR="10.9.9.9")
        assert response.status_code < 500, f"{form}: {response.status_code}"
        if response.status_code in (301, 302):
            location = response["Location"]
            if not location.startswith("/logga-in/"):
                shown = client.get(location)
                assert shown.status_code < 500
                _assert_escaped(shown.content.decode(), location)
        else:
            _assert_escaped(response.content.decode(), url)
            assert snapshot() == before, f"{form}: a refused post changed saved data"

    run()
