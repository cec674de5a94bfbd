"""The one permission answer (areas.permissions.may) and the rule table behind it."""

import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from guardian.shortcuts import assign_perm

from areas import rules
from areas.grants import ROLE_SOURCES, RoleSource, grants_of
from areas.models import Delegation
from areas.permissions import (
    DECIDE_SPEND,
    EDIT_DOCUMENT,
    MANAGE_MEMBERS,
    PROPOSE_SPEND,
    VIEW_BUDGET,
    VIEW_GROUP,
    may,
)
from budget import services as budget_services
from budget.models import LedgerEntry
from tests.budget.conftest import YEAR, add_effort, approve, propose
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_history_of_another_groups_money_answers_403_never_500(
        client, alby_developer, tumba, tumba_people):
    """guardian's backend raised WrongAppError for a budget object asked with an
    areas permission; the one answer says no instead."""
    budget_services.set_grant(tumba, YEAR, amount=Decimal("50000"), account_number="BK 1205")
    effort = add_effort(tumba)
    spend = approve(propose(tumba_people["developer"], tumba, effort), tumba_people["chair"])
    entry = LedgerEntry.objects.filter(spend_request=spend).first()
    client.force_login(alby_developer)
    assert client.get(f"/historik/budget.spendrequest/{spend.pk}/").status_code == 403
    assert client.get(f"/historik/budget.ledgerentry/{entry.pk}/").status_code == 403
    assert client.get(f"/historik/budget.grant/{spend.area_group.grants.get().pk}/"
                      ).status_code == 403


def test_a_superuser_administers_but_neither_proposes_nor_decides_money(superuser, alby):
    assert may(superuser, MANAGE_MEMBERS, alby)
    assert may(superuser, VIEW_BUDGET, alby)
    assert not may(superuser, PROPOSE_SPEND, alby)
    assert not may(superuser, DECIDE_SPEND, alby)


def test_the_vice_chair_decides_only_during_a_delegation(alby, alby_chair, alby_vice):
    assert not may(alby_vice, DECIDE_SPEND, alby)
    today = timezone.localdate()
    Delegation.objects.create(area_group=alby, delegate=alby_vice, granted_by=alby_chair,
                              start_date=today, end_date=today + timedelta(days=7))
    fresh = type(alby_vice).objects.get(pk=alby_vice.pk)  # a new request, new grants
    assert may(fresh, DECIDE_SPEND, alby)


def test_an_explicit_guardian_grant_is_answered_for_its_group_only(alby, tumba, org):
    official = make_user("official", org=org["KLF"])
    assign_perm("areas.view_areagroup", official, alby)
    assert may(official, VIEW_GROUP, alby)
    assert may(official, VIEW_BUDGET, alby)  # a reader of the group reads its money
    assert not may(official, VIEW_GROUP, tumba)
    assert not may(official, EDIT_DOCUMENT, alby)


def test_an_unknown_permission_is_a_configuration_error(alby_member, alby):
    with pytest.raises(ImproperlyConfigured):
        may(alby_member, "planning.edit_dokument", alby)


def test_a_registered_role_source_is_answered_from_the_same_table(monkeypatch, alby,
                                                                   alby_member, outsider):
    """Roles that are not area-group memberships (a dialogue forum's chair) come
    from a role source and are answered by the same rule table."""

    class Forum:
        pk = 7

        def get_area_group(self):
            return None

    source = RoleSource(kind="forum",
                        load=lambda user, on: {7: {"forum_chair"}} if user == outsider else {},
                        unit_of=lambda obj: obj.pk if isinstance(obj, Forum) else None)
    monkeypatch.setitem(ROLE_SOURCES, "forum", source)
    monkeypatch.setitem(rules.RULES, "dialogue.plan_dialogues",
                        rules.Rule(roles=frozenset({"forum_chair", rules.DEVELOPER})))
    assert may(outsider, "dialogue.plan_dialogues", Forum())
    assert not may(alby_member, "dialogue.plan_dialogues", Forum())


def test_grants_are_worked_out_once_for_many_questions(django_assert_num_queries, alby, tumba,
                                                       alby_chair):
    with django_assert_num_queries(1):  # the memberships
        for _ in range(20):
            assert may(alby_chair, DECIDE_SPEND, alby)
            assert may(alby_chair, EDIT_DOCUMENT, alby)
    with django_assert_num_queries(2):  # global permissions, explicit grants: once each
        for _ in range(20):
            assert not may(alby_chair, VIEW_GROUP, tumba)
    assert grants_of(alby_chair).group_ids == {alby.pk}


def _python_sources():
    for app in ("areas", "planning", "budget", "dialogue", "trust", "omradesutveckling"):
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_no_code_asks_django_or_guardian_for_permissions_directly():
    """One answer: views, services and templates ask areas.permissions.may (or the
    {% can %} tag), never user.has_perm or the template's perms."""
    offenders = [str(p.relative_to(ROOT)) for p in _python_sources()
                 if ".has_perm(" in p.read_text(encoding="utf-8")]
    templates = [str(p.relative_to(ROOT)) for p in ROOT.glob("**/templates/**/*.html")
                 if ".venv" not in p.parts and re.search(r"\bperms\.", p.read_text(encoding="utf-8"))]
    assert not offenders and not templates, offenders + templates


def test_no_app_hides_a_dependency_behind_an_import_shim():
    """A dependency is imported at the top like everything else (django-axes in
    trust.personal_data was behind one): a shim hides a missing or renamed module."""
    offenders = [str(p.relative_to(ROOT)) for p in _python_sources()
                 if re.search(r"except\s*\(?[\w, ]*ImportError", p.read_text(encoding="utf-8"))]
    assert not offenders, offenders


def test_every_permission_named_in_the_code_has_a_rule():
    named = set()
    for path in _python_sources():
        named |= set(re.findall(r'"((?:areas|planning|budget|dialogue|trust)\.[a-z_]+)"',
                                path.read_text(encoding="utf-8")))
    perms_like = {n for n in named if n.split(".")[1].startswith(
        ("view_", "edit_", "manage_", "approve_", "propose_", "decide_", "book_", "withdraw_",
         "read_", "extract_", "delegate_", "name_", "update_", "contribute"))}
    missing = sorted(perms_like - set(rules.RULES))
    assert not missing, missing
