from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in

from trust.middleware import remember_sign_in


class TrustConfig(AppConfig):
    """Security, audit trail, personal data and accessibility pages."""

    name = "trust"
    verbose_name = "Säkerhet och personuppgifter"

    def ready(self):
        user_logged_in.connect(remember_sign_in, dispatch_uid="trust_remember_sign_in")
