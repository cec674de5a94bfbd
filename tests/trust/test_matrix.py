"""The permission matrix that cannot fall behind (rows in tests/trust/matrix.py)."""

import pytest
from django.db import transaction
from django.urls import reverse

from tests.trust.matrix import (
    HISTORY,
    KWARGS,
    LOGIN,
    MATRIX,
    REDIRECT,
    ROLES,
    SCOPES,
    cases,
)
from tests.trust.matrix_world import build_worlds, role_state, role_users
from tests.trust.urlconf import named_urls
from trust.audit import audited_models, model_key


def test_every_url_has_a_row_in_the_matrix():
    urls = named_urls()
    unnamed = [route for name, route in urls if name is None]
    assert not unnamed, f"URL patterns without a name (name them, add rows): {unnamed}"
    names = {name for name, _ in urls}
    missing = sorted(names - set(MATRIX))
    assert not missing, (
        "URLs without a row in tests/trust/matrix.py MATRIX (add the expected status "
        f"of every role): {missing}"
    )
    no_kwargs = sorted(names - set(KWARGS))
    assert not no_kwargs, f"URLs without a kwargs factory in matrix.KWARGS: {no_kwargs}"
    stale = sorted(set(MATRIX) - names)
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def test_every_row_covers_every_role():
    for label, _name, expected, _kwargs in cases():
        assert sorted(expected) == sorted(ROLES), label


def test_every_audited_model_has_a_history_row():
    """/historik/<app.model>/<id>/ is asked of every audited model: a budget
    object of another group once answered 500 where the matrix did not look."""
    audited = {model_key(m) for m in audited_models()}
    missing = sorted(audited - set(HISTORY))
    assert not missing, f"Audited models without a row in matrix.HISTORY: {missing}"
    stale = sorted(set(HISTORY) - audited)
    assert not stale, f"HISTORY rows for models that are not audited: {stale}"


def _status(response):
    if response.status_code in (301, 302):
        return LOGIN if response["Location"].startswith("/logga-in/") else REDIRECT
    return response.status_code


@pytest.mark.django_db
def test_permission_matrix(client, alby, tumba, org, alby_people, tumba_people, reader,
                           superuser):
    worlds = build_worlds(alby, tumba, org, alby_people, tumba_people)
    users = role_users(alby_people, tumba_people, reader, superuser)
    names = {name for name, _ in named_urls()}
    questions = [case for case in cases() if case[1] in names]
    failures = []
    for role in ROLES:
        # What the role holds beyond its seat, for this role only.
        with transaction.atomic():
            role_state(role, worlds)
            client.logout()
            if users[role] is not None:
                client.force_login(users[role])
            for label, name, expected_row, kwargs in questions:
                answers = {}  # a URL that names no group's object is asked once
                for scope, expected in zip(SCOPES, expected_row[role], strict=True):
                    url = reverse(name, kwargs=kwargs(worlds[scope]))
                    if url not in answers:
                        answers[url] = _status(client.get(url))
                    if answers[url] != expected:
                        failures.append(f"{label} {url} as {role} on {scope}: "
                                        f"expected {expected}, got {answers[url]}")
            transaction.set_rollback(True)
    assert not failures, f"{len(failures)} mismatches:\n" + "\n".join(failures)
