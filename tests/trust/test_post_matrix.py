"""The POST matrix that cannot fall behind (rows in tests/trust/post_matrix.py):
every URL that takes a POST is posted as every role, on Alby's object and on
Tumba's. Allowed: the saved change. Refused: 403/404 (anonymous: the login
page) and nothing changed."""

from http.cookies import SimpleCookie

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.forms import BaseForm
from django.urls import reverse
from django.urls.converters import IntConverter

from tests.trust.matrix import LOGIN, ROLES, SCOPES
from tests.trust.matrix_world import build_worlds, role_state, role_users
from tests.trust.post_matrix import DONE, POSTS, SENT_ON
from tests.trust.urlconf import url_patterns

LOGIN_PAGE = "/logga-in/"


def _sample_kwargs(pattern):
    """Arguments the route accepts (1 for a number, the first word a converter
    allows, else "x"): the objects need not exist to be asked about POST."""
    kwargs = {}
    for name, converter in pattern.pattern.converters.items():
        if isinstance(converter, IntConverter):
            kwargs[name] = 1
        else:
            kwargs[name] = converter.regex.split("|")[0] if "|" in converter.regex else "x"
    return kwargs


def urls_taking_post(client, user):
    """Ask every view: a view that does not take POST answers 405 before it looks
    at anything (@require_safe, @require_GET). Asked as a superuser (past the
    login), each post rolled back."""
    taking = set()
    for name, _route, pattern in url_patterns():
        url = reverse(name, kwargs=_sample_kwargs(pattern))
        with transaction.atomic():
            client.force_login(user)
            status = client.post(url).status_code
            transaction.set_rollback(True)
        if status != 405:
            taking.add(name)
    return taking


@pytest.mark.django_db
def test_every_url_that_takes_post_has_a_post_row(client, superuser):
    taking = urls_taking_post(client, superuser)
    rows = {post.url for post in POSTS}
    missing = sorted(taking - rows)
    assert not missing, (
        "URLs that take POST without a row in tests/trust/post_matrix.py POSTS (a view "
        f"that only reads: @require_safe): {missing}"
    )
    stale = sorted(rows - taking)
    assert not stale, f"POST rows for URLs that answer POST with 405: {stale}"


def test_every_post_row_covers_every_role():
    for post in POSTS:
        assert sorted(post.expect) == sorted(ROLES), post.name


def _sign_in(client, user):
    client.cookies = SimpleCookie()
    if user is not None:
        client.force_login(user)


def _why(response):
    """What the page said: form errors and messages (for a failure's message)."""
    said = [str(m) for m in get_messages(response.wsgi_request)]
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, BaseForm) and value.is_bound and value.errors:
                said.append(value.errors.as_text())
    said = list(dict.fromkeys(said))  # a form is in the context of each template it fills
    return f" ({'; '.join(said)})" if said else ""


def _verdict(expected, response, before, after, post, world):
    """None if the post went as the row says, else what went otherwise."""
    status, location = response.status_code, response.get("Location", "")
    if expected == DONE:  # a redirect proves nothing (a refusal redirects too): the change does
        if not 200 <= status < 400:
            return f"expected the change, got {status} {location}{_why(response)}"
        if not post.done(before, after, world):
            return (f"answered {status} {location} but the change did not happen: "
                    f"{before!r} -> {after!r}{_why(response)}")
        return None
    if expected == LOGIN:
        answered = status == 302 and location.startswith(LOGIN_PAGE)
    elif expected == SENT_ON:
        answered = status in (301, 302) and not location.startswith(LOGIN_PAGE)
    else:
        answered = status == expected
    if not answered:
        return f"expected {expected}, got {status} {location}{_why(response)}"
    if after != before:
        return f"refused ({status}) but changed {before!r} -> {after!r}"
    return None


def _post(client, post, world):
    """Post in a transaction rolled back afterwards, so that every post starts from
    the same world: the response, and the snapshot before and after it."""
    url = reverse(post.url, kwargs=post.url_kwargs(world))
    with transaction.atomic():
        before = post.state(world)
        response = client.post(url, post.data(world))
        after = post.state(world)
        transaction.set_rollback(True)
    return url, response, before, after


@pytest.mark.django_db
def test_each_role_changes_only_what_the_rule_table_allows(
        client, alby, tumba, org, alby_people, tumba_people, reader, superuser):
    worlds = build_worlds(alby, tumba, org, alby_people, tumba_people)
    users = role_users(alby_people, tumba_people, reader, superuser)
    failures = []
    for role in ROLES:
        with transaction.atomic():  # what the role holds beyond its seat, for this role only
            role_state(role, worlds)
            _sign_in(client, users[role])
            for post in POSTS:
                for scope, expected in zip(SCOPES, post.expect[role], strict=True):
                    url, response, before, after = _post(client, post, worlds[scope])
                    if post.signs_in_or_out:
                        _sign_in(client, users[role])
                    problem = _verdict(expected, response, before, after, post, worlds[scope])
                    if problem:
                        failures.append(f"{post.name} {url} as {role} on {scope}: {problem}")
            transaction.set_rollback(True)
    assert not failures, f"{len(failures)} mismatches:\n" + "\n".join(failures)
