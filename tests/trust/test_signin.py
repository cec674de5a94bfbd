"""Sign-in protection (django-axes) and session lifetimes."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from tests.conftest import PASSWORD
from trust.middleware import SEEN_AT, SIGNED_IN_AT


def _fail(client, username, ip="10.0.0.1"):
    return client.post("/logga-in/", {"username": username, "password": "fel-lösenord"},
                       REMOTE_ADDR=ip)


def test_lockout_is_keyed_on_username_and_address_together():
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)


@pytest.mark.django_db
def test_five_failed_logins_lock_out_with_a_swedish_message(client, alby_member):
    for _ in range(4):
        assert _fail(client, "alby_member").status_code == 200
    locked = _fail(client, "alby_member")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Inloggningen är tillfälligt spärrad" in text
    assert "15 minuter" in text
    # Even the right password is refused while locked.
    right = client.post("/logga-in/", {"username": "alby_member", "password": PASSWORD},
                        REMOTE_ADDR="10.0.0.1")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_leaves_colleagues_on_the_same_address_and_the_user_elsewhere(
    client, alby_member, alby_chair
):
    for _ in range(5):
        _fail(client, "alby_member")
    colleague = client.post("/logga-in/", {"username": "alby_chair", "password": PASSWORD},
                            REMOTE_ADDR="10.0.0.1")
    assert colleague.status_code == 302
    client.logout()
    elsewhere = client.post("/logga-in/", {"username": "alby_member", "password": PASSWORD},
                            REMOTE_ADDR="10.0.0.2")
    assert elsewhere.status_code == 302


@pytest.mark.django_db
def test_lockout_ends_after_the_cool_off(client, alby_member):
    for _ in range(5):
        _fail(client, "alby_member")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    ok = client.post("/logga-in/", {"username": "alby_member", "password": PASSWORD},
                     REMOTE_ADDR="10.0.0.1")
    assert ok.status_code == 302


@pytest.mark.django_db
def test_weak_password_is_refused_by_the_validators(alby_member):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["kort", "123456789012", "password1234"]:
        with pytest.raises(ValidationError):
            validate_password(weak, alby_member)


def test_session_expires_after_30_minutes_idle():
    assert settings.SESSION_COOKIE_AGE == 30 * 60


@pytest.mark.django_db
def test_activity_renews_the_idle_limit_at_most_once_a_minute(client, alby_member):
    from django.contrib.sessions.models import Session

    client.force_login(alby_member)
    key = client.session.session_key
    session = client.session
    session[SEEN_AT] = int(time.time()) - 61
    session.save()
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(minutes=5))
    client.get("/")
    renewed = Session.objects.get(pk=key).expire_date
    assert renewed > timezone.now() + timedelta(minutes=29)
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(minutes=5))
    client.get("/")  # within the minute: no write
    assert Session.objects.get(pk=key).expire_date < timezone.now() + timedelta(minutes=6)


@pytest.mark.django_db
def test_idle_session_is_signed_out(client, alby_member):
    from django.contrib.sessions.models import Session

    client.force_login(alby_member)
    Session.objects.filter(pk=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/logga-in/")


@pytest.mark.django_db
def test_session_ends_12_hours_after_sign_in_however_active(client, alby_member):
    client.force_login(alby_member)
    assert client.get("/").status_code == 200
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 12 * 3600 - 60
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")


@pytest.mark.django_db
def test_sign_in_records_the_time_for_the_absolute_limit(client, alby_member):
    client.post("/logga-in/", {"username": "alby_member", "password": PASSWORD})
    assert abs(client.session[SIGNED_IN_AT] - time.time()) < 5
