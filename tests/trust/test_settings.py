"""Production settings: check --deploy clean, strict CSP, framing refused."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "prod-like-" + "k3y!" * 16,
    "ALLOWED_HOSTS": "omradesutveckling.botkyrka.se",
    "CSRF_TRUSTED_ORIGINS": "https://omradesutveckling.botkyrka.se",
}


def _run(args, extra_env):
    env = {k: v for k, v in os.environ.items()
           if k not in {"SECURE_SSL_REDIRECT", "SECURE_COOKIES", "DEBUG", "SECRET_KEY",
                         "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(extra_env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_check_deploy_has_no_warning_with_production_environment():
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_defaults_need_no_security_variables():
    """DEBUG off alone gives the secure values (nothing to forget in production)."""
    code = ("from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, "
            "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
            "s.SESSION_COOKIE_AGE, s.SESSION_ABSOLUTE_HOURS, s.AXES_FAILURE_LIMIT)")
    result = _run(["shell", "-c", code], PRODUCTION_ENV)
    assert result.stdout.split()[-7:] == ["True", "True", "True", "31536000", "1800", "12", "5"]


def test_development_runs_over_plain_http():
    code = "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE)"
    result = _run(["shell", "-c", code], {"DEBUG": "true"})
    assert result.stdout.split()[-2:] == ["False", "False"]


def test_malformed_setting_is_refused_at_start_up():
    result = _run(["check"], {**PRODUCTION_ENV, "SESSION_IDLE_MINUTES": "half an hour"})
    assert result.returncode != 0
    assert "SESSION_IDLE_MINUTES must be a whole number" in result.stderr


@pytest.mark.django_db
def test_pages_carry_strict_content_security_policy(client):
    response = client.get("/logga-in/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_cookies_are_http_only():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_templates_have_no_inline_script_or_style():
    """CSP refuses inline code: a template that adds some would break silently."""
    offenders = []
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("<script>", "<style", " style=", " hx-on", "onclick=", "javascript:"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle.strip()}")
        if "<script" in text.replace("<script src=", ""):
            offenders.append(f"{path.relative_to(ROOT)}: inline <script")
    assert offenders == []
