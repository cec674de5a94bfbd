"""Test personas, one per role and group (as healthchecks' hc/test.py has Alice,
Bob and Charlie). Every test file reuses these; they are built from the same
real structure ``make run`` loads (areas.demo.load_structure) but with their
own people, so tests never depend on the demo data."""

import os
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connections

from areas.models import AreaGroup, Membership, Organisation, Person, Role
from omradesutveckling.structure import load_structure

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run inside one unless told. Only test code is affected.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

User = get_user_model()
PASSWORD = "test-lösenord-123"
START = date(2025, 1, 1)


def make_user(username, first="Test", last="Person", org=None, password=PASSWORD):
    user = User.objects.create_user(
        username=username, password=password, first_name=first, last_name=last,
        email=f"{username}@test.botkyrka.se",
    )
    Person.objects.create(user=user, organisation=org, title="Testtitel")
    return user


def seat(user, group, role, org=None, start=START, end=None, substitute=None):
    m = Membership(person=user, area_group=group, role=role, organisation=org,
                   start_date=start, end_date=end, substitute=substitute)
    m.full_clean()
    m.save()
    return m


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.3 s a user; tests need no protection from brute force."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded attachments go to a temporary folder, never into the work tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def structure(db):
    load_structure()


@pytest.fixture
def alby(structure):
    return AreaGroup.objects.get(district__slug="alby")


@pytest.fixture
def tumba(structure):
    return AreaGroup.objects.get(district__slug="tumba")


@pytest.fixture
def org(structure):
    """Administrations by short name: org['UF'] is Utbildningsförvaltningen."""
    return {o.short_name: o for o in Organisation.objects.all()}


def _group_people(group, org, prefix):
    chair = make_user(f"{prefix}_chair", "Ordförande", prefix.title(), org["SOF"])
    developer = make_user(f"{prefix}_developer", "Utvecklare", prefix.title(), org["KLF"])
    secretary = make_user(f"{prefix}_secretary", "Sekreterare", prefix.title(), org["KLF"])
    member = make_user(f"{prefix}_member", "Ledamot", prefix.title(), org["UF"])
    vice = make_user(f"{prefix}_vice", "Vice", prefix.title(), org["KOF"])
    seat(chair, group, Role.CHAIR, org["SOF"])
    seat(developer, group, Role.DEVELOPER)
    seat(secretary, group, Role.SECRETARY)
    seat(member, group, Role.MEMBER, org["UF"])
    seat(vice, group, Role.MEMBER, org["KOF"])
    seat(vice, group, Role.VICE_CHAIR, org["KOF"])
    return {"chair": chair, "developer": developer, "secretary": secretary,
            "member": member, "vice": vice}


@pytest.fixture
def alby_people(alby, org):
    return _group_people(alby, org, "alby")


@pytest.fixture
def tumba_people(tumba, org):
    return _group_people(tumba, org, "tumba")


@pytest.fixture
def alby_chair(alby_people):
    return alby_people["chair"]


@pytest.fixture
def alby_developer(alby_people):
    return alby_people["developer"]


@pytest.fixture
def alby_secretary(alby_people):
    return alby_people["secretary"]


@pytest.fixture
def alby_member(alby_people):
    return alby_people["member"]


@pytest.fixture
def alby_vice(alby_people):
    return alby_people["vice"]


@pytest.fixture
def tumba_developer(tumba_people):
    return tumba_people["developer"]


@pytest.fixture
def tumba_member(tumba_people):
    return tumba_people["member"]


@pytest.fixture
def tumba_chair(tumba_people):
    return tumba_people["chair"]


@pytest.fixture
def reader(structure, org):
    """An official of the management office who reads every group."""
    user = make_user("reader", "Läsare", "Kommunledning", org["KLF"])
    user.user_permissions.add(
        Permission.objects.get(codename="read_all_groups", content_type__app_label="areas")
    )
    return User.objects.get(pk=user.pk)  # fresh object: no cached permissions


@pytest.fixture
def outsider(structure, org):
    """Signed in, but no seat in any group and no read permission."""
    return make_user("outsider", "Utan", "Uppdrag", org["SEF"])


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@test.botkyrka.se", PASSWORD)


@pytest.fixture
def login(client):
    """``login(user)`` signs the test client in as ``user`` and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def pinned_queries(django_assert_num_queries):
    """``pinned_queries(client, url, count, grow, shows=None)``: the page answers 200
    in exactly ``count`` queries, and again in exactly ``count`` after ``grow()``
    has added to what it lists (and then shows the text ``shows``), so an N+1 fails
    the day it appears, as pretalx pins its list pages. ``count`` may be a pair
    (small, large) where the page rightly asks less of more data. Each count
    follows a first request that fills what a process caches once (content
    types), which an earlier test may or may not have left."""

    def check(client, url, count, grow, shows=None):
        counts = count if isinstance(count, tuple) else (count, count)
        for step, expected in zip(("small", "large"), counts, strict=True):
            if step == "large":
                grow()
            client.get(url)
            with django_assert_num_queries(expected):
                response = client.get(url)
            assert response.status_code == 200, (step, url)
        if shows is not None:
            assert shows in response.content.decode(), (url, shows)

    return check


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser_page(live_server):
    """A Chromium page (Debian's chromium through Playwright) against the live server.
    Skips, saying why, only where Chromium cannot be had."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium saknas (/usr/bin/chromium): apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(10_000)
        page.base_url = live_server.url
        try:
            yield page
        finally:
            # Playwright hands control back to the test inside another contextvars
            # context, and Django keeps one connection per context: the queries the
            # test body makes go through a second connection that nothing else
            # closes. On PostgreSQL it would still be open when the test database
            # is dropped ("is being accessed by other users"). Close it here, in
            # that same context.
            connections.close_all()
            browser.close()


def browser_login(page, username, password=PASSWORD):
    page.goto(page.base_url + "/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(page.base_url + "/")
