"""The permission matrix that cannot fall behind (rows in tests/trust/matrix.py)."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from areas.models import Membership, Role, WorkingGroup, WorkingGroupMember
from tests.trust.matrix import KWARGS, LOGIN, MATRIX, REDIRECT, ROLES

SKIPPED_PREFIXES = ("admin/", "static/", "media/", "__debug__/")


def named_urls(patterns=None, prefix="", namespace=""):
    """Every URL pattern of the URLconf, recursively: (name, route) pairs; a pattern
    without a name is returned with name None so the test can point at it."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = []
    for p in patterns:
        route = prefix + str(p.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            found += named_urls(p.url_patterns, route, inner)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            found.append((name, route))
    return found


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
    for name, expected in MATRIX.items():
        assert sorted(expected) == sorted(ROLES), name


def _world(group, people, org, prefix):
    from tests.conftest import make_user

    wg = WorkingGroup.objects.create(area_group=group, name=f"Arbetsgrupp {prefix}")
    helper = make_user(f"{prefix}_helper", "Hjälp", prefix.title(), org["UF"])
    wg_member = WorkingGroupMember.objects.create(working_group=wg, person=helper,
                                                  start_date=date(2025, 1, 1))
    world = {
        "group": group,
        "slug": group.district.slug,
        "member": people["member"],
        "membership": Membership.objects.get(person=people["member"], role=Role.MEMBER),
        "working_group": wg,
        "wg_member": wg_member,
    }
    world.update(_app_world(group, people, prefix))
    return world


def _app_world(group, people, prefix):
    """Objects of the other apps (planning, budget) for their URLs' arguments."""
    from tests.trust.matrix_apps import app_world

    return app_world(group, people, prefix)


def _status(response):
    if response.status_code in (301, 302):
        return LOGIN if response["Location"].startswith("/logga-in/") else REDIRECT
    return response.status_code


@pytest.mark.django_db
def test_permission_matrix(client, alby, tumba, org, alby_people, tumba_people, reader,
                           superuser):
    worlds = {
        "alby": _world(alby, alby_people, org, "alby"),
        "tumba": _world(tumba, tumba_people, org, "tumba"),
    }
    users = {
        "anonymous": None,
        "member": alby_people["member"],
        "developer": alby_people["developer"],
        "chair": alby_people["chair"],
        "secretary": alby_people["secretary"],
        "other_member": tumba_people["member"],
        "reader": reader,
        "superuser": superuser,
    }
    names = sorted({name for name, _ in named_urls()} & set(MATRIX))
    failures = []
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        for name in names:
            for scope, world in zip(("alby", "tumba"), (worlds["alby"], worlds["tumba"]),
                                    strict=True):
                expected = MATRIX[name][role][0 if scope == "alby" else 1]
                url = reverse(name, kwargs=KWARGS[name](world))
                got = _status(client.get(url))
                if got != expected:
                    failures.append(f"{name} {url} as {role} on {scope}: "
                                    f"expected {expected}, got {got}")
    assert not failures, f"{len(failures)} mismatches:\n" + "\n".join(failures)
