"""Session lifetimes (OWASP ASVS 4.0.3, 3.3.2): 30 minutes idle, 12 hours in all.

The idle limit is the session's age (SESSION_COOKIE_AGE), renewed by activity.
Django's SESSION_SAVE_EVERY_REQUEST would write the session on every request
(one more query on every page); this middleware renews it at most once a
minute instead, so the idle limit holds to the minute. It also ends a session
older than SESSION_ABSOLUTE_HOURS since sign-in, however active.
"""

import time

from django.conf import settings
from django.contrib.auth import logout

SIGNED_IN_AT = "trust_signed_in_at"
SEEN_AT = "trust_seen_at"
RENEW_AFTER_SECONDS = 60


def remember_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[SEEN_AT] = now


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session = request.session
            now = int(time.time())
            signed_in_at = session.get(SIGNED_IN_AT)
            if signed_in_at is None:
                # A session from before this rule: its limit starts now.
                session[SIGNED_IN_AT] = session[SEEN_AT] = now
            elif now - signed_in_at > settings.SESSION_ABSOLUTE_HOURS * 3600:
                logout(request)
            elif now - session.get(SEEN_AT, 0) >= RENEW_AFTER_SECONDS:
                session[SEEN_AT] = now  # saving renews the expiry by SESSION_COOKIE_AGE
        return self.get_response(request)
