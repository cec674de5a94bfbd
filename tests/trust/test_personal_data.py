"""GDPR: register extract (HTML and JSON) and anonymisation after leaving."""

import json
from datetime import date, timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from areas.models import Membership, Role
from tests.conftest import PASSWORD, make_user, seat
from trust.models import Anonymisation

pytestmark = pytest.mark.django_db


def test_own_extract_lists_account_person_and_seats(login, alby_member):
    text = login(alby_member).get("/mina-uppgifter/").content.decode()
    assert "alby_member@test.botkyrka.se" in text
    assert "Testtitel" in text
    assert "Ledamot Alby" in text and "Alby" in text
    assert "password" not in text.lower() and "md5$" not in text


def test_own_extract_as_json_download(login, alby_member):
    response = login(alby_member).get("/mina-uppgifter/json/")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    titles = [s["title"] for s in data["sections"]]
    assert "Konto" in titles and "Personuppgifter" in titles
    assert any(t.startswith("Medlemskap") for t in titles)
    assert "password" not in json.dumps(data).lower()


def test_extract_of_someone_else_is_for_administrators(login, alby_member, alby_chair,
                                                      reader, superuser):
    url = f"/personer/{alby_member.pk}/registerutdrag/"
    assert login(alby_chair).get(url).status_code == 403
    assert login(reader).get(url).status_code == 403
    assert "alby_member@test.botkyrka.se" in login(superuser).get(url).content.decode()
    reader.user_permissions.add(Permission.objects.get(codename="extract_personal_data"))
    fresh = type(reader).objects.get(pk=reader.pk)
    assert login(fresh).get(url + "json/").status_code == 200
    assert login(superuser).get("/personer/999999/registerutdrag/").status_code == 404


def _leaver(alby, org, ended):
    user = make_user("leaver", "Lena", "Lämnare", org["UF"])
    user.person.phone = "070-123 45 67"
    user.person.save()
    seat(user, alby, Role.SECRETARY, start=date(2020, 1, 1), end=ended)
    return user


def test_person_who_left_long_ago_is_anonymised_records_stay(alby, org, alby_people, settings):
    settings.ANONYMISE_AFTER_DAYS = 730
    old = _leaver(alby, org, timezone.localdate() - timedelta(days=800))
    recent = make_user("recent", "Rut", "Nyss", org["UF"])
    seat(recent, alby, Role.MEMBER, org["SOF"], start=date(2020, 1, 1),
         end=timezone.localdate() - timedelta(days=100))
    seat_count = Membership.objects.count()

    call_command("anonymise_people", stdout=open("/dev/null", "w"))

    old.refresh_from_db()
    assert old.first_name == "Anonymiserad" and old.last_name == f"person {old.pk}"
    assert old.email == "" and old.username == f"anonymiserad-{old.pk}"
    assert not old.is_active and not old.has_usable_password()
    assert old.person.phone == "" and old.person.title == ""
    # The records stay, now with the replaced name.
    assert Membership.objects.count() == seat_count
    assert "Anonymiserad person" in str(Membership.objects.get(person=old))
    # No history row keeps the old details.
    assert not old.person.history.filter(phone="070-123 45 67").exists()
    assert not old.person.history.filter(title="Testtitel").exists()
    assert old.person.history.first().history_type == "~"  # the anonymisation is recorded
    # Still in groups recently, or still active: untouched.
    recent.refresh_from_db()
    assert recent.first_name == "Rut"
    assert not Anonymisation.objects.filter(user__username__startswith="alby_").exists()
    assert Anonymisation.objects.get().user == old


def test_anonymisation_time_is_configurable_and_dry_run_changes_nothing(alby, org, settings):
    user = _leaver(alby, org, timezone.localdate() - timedelta(days=40))
    call_command("anonymise_people", "--days", "30", "--dry-run", stdout=open("/dev/null", "w"))
    user.refresh_from_db()
    assert user.first_name == "Lena"
    settings.ANONYMISE_AFTER_DAYS = 30
    call_command("anonymise_people", stdout=open("/dev/null", "w"))
    user.refresh_from_db()
    assert user.first_name == "Anonymiserad"


def test_person_with_an_open_seat_is_never_anonymised(alby, org, alby_member, settings):
    settings.ANONYMISE_AFTER_DAYS = 0
    call_command("anonymise_people", stdout=open("/dev/null", "w"))
    alby_member.refresh_from_db()
    assert alby_member.first_name == "Ledamot"


def test_anonymised_person_cannot_sign_in(client, alby, org):
    user = _leaver(alby, org, timezone.localdate() - timedelta(days=800))
    call_command("anonymise_people", stdout=open("/dev/null", "w"))
    response = client.post("/logga-in/", {"username": "leaver", "password": "test-lösenord-123"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.username != "leaver"


def _sign_in(client, username, password, ip="10.0.0.7"):
    return client.post("/logga-in/", {"username": username, "password": password},
                       REMOTE_ADDR=ip, HTTP_USER_AGENT="Testwebbläsare/1.0")


def test_own_extract_lists_the_persons_sign_ins(client, alby_member):
    assert _sign_in(client, "alby_member", PASSWORD).status_code == 302
    text = client.get("/mina-uppgifter/").content.decode()
    assert "Inloggningar (senaste 100)" in text
    assert "10.0.0.7" in text and "Testwebbläsare/1.0" in text


def test_anonymisation_forgets_the_sign_in_records_of_the_old_username(client, alby, org,
                                                                       alby_member):
    user = _leaver(alby, org, timezone.localdate() - timedelta(days=800))
    assert _sign_in(client, "leaver", PASSWORD).status_code == 302
    client.logout()
    type(user).objects.filter(pk=user.pk).update(last_login=None)  # signed in long ago
    _sign_in(client, "leaver", "fel-lösenord")
    _sign_in(client, "alby_member", "fel-lösenord")
    # The failure log is off in our settings (AXES_ENABLE_ACCESS_FAILURE_LOG); a row
    # from a time it was on is forgotten all the same.
    AccessFailureLog.objects.create(username="leaver", ip_address="10.0.0.7",
                                    user_agent="Testwebbläsare/1.0", path_info="/logga-in/")
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert model.objects.filter(username="leaver").exists(), model

    call_command("anonymise_people", stdout=open("/dev/null", "w"))

    user.refresh_from_db()
    assert user.first_name == "Anonymiserad"
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not model.objects.filter(username="leaver").exists(), model
    # Someone else's failed sign-in stays (the lockout still counts it).
    assert AccessAttempt.objects.filter(username="alby_member").exists()


def test_privacy_and_accessibility_pages_are_public_and_linked(client, login, alby_member):
    for url, heading in [("/personuppgifter/", "Så behandlar vi personuppgifter"),
                         ("/tillganglighet/", "Tillgänglighetsredogörelse")]:
        response = client.get(url)
        assert response.status_code == 200 and heading in response.content.decode()
    page = login(alby_member).get("/").content.decode()
    assert 'href="/tillganglighet/"' in page and 'href="/personuppgifter/"' in page
    statement = client.get("/tillganglighet/").content.decode()
    for required in ["delvis förenlig", "WCAG 2.1", "som inte är tillgängligt", "Hur vi testat",
                     "Rapportera brister", "Digg"]:
        assert required in statement
