from django.apps import AppConfig


class TrustConfig(AppConfig):
    """Security, audit trail, personal data and accessibility pages."""

    name = "trust"
    verbose_name = "Säkerhet och personuppgifter"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from trust.middleware import remember_sign_in

        user_logged_in.connect(remember_sign_in, dispatch_uid="trust_remember_sign_in")
