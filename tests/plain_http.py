"""pytest plugin (loaded with -p in pyproject.toml, before Django's settings):
the test client and the live server speak plain http, so the production
defaults that need https are turned off for the test process only.
tests/trust/test_settings.py checks the production values in a subprocess."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_COOKIES", "false")
