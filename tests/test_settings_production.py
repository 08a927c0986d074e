"""Production settings refuse to start without their secrets and pass Django's deploy check."""

import json
import os
import secrets
import subprocess  # noqa: S404 - runs this project's own Python with a controlled environment
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

LOAD_SETTINGS = "import django; django.setup()"


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Run Python in the project with only the given environment (no leaks from the caller)."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONIOENCODING": "utf-8",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        **env,
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def secret_key() -> str:
    return secrets.token_urlsafe(60)


@pytest.fixture
def database_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}"


def test_missing_secret_key_stops_start_up(database_url):
    result = run(["-c", LOAD_SETTINGS], ALLOWED_HOSTS="example.org", DATABASE_URL=database_url)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set in production" in result.stderr


def test_empty_secret_key_counts_as_missing(database_url):
    result = run(
        ["-c", LOAD_SETTINGS],
        SECRET_KEY="",
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=database_url,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_missing_allowed_hosts_stops_start_up(secret_key, database_url):
    result = run(["-c", LOAD_SETTINGS], SECRET_KEY=secret_key, DATABASE_URL=database_url)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS must be set in production" in result.stderr
    assert "SECRET_KEY must be set" not in result.stderr
    assert secret_key not in result.stderr


def test_blank_allowed_hosts_counts_as_missing(secret_key, database_url):
    result = run(
        ["-c", LOAD_SETTINGS],
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS=" , ",
        DATABASE_URL=database_url,
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


def test_deploy_check_reports_no_issues(secret_key, database_url):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=database_url,
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_values(secret_key, database_url):
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, "
        "'ssl_redirect': s.SECURE_SSL_REDIRECT, 'hsts': s.SECURE_HSTS_SECONDS, "
        "'session_secure': s.SESSION_COOKIE_SECURE, 'csrf_secure': s.CSRF_COOKIE_SECURE, "
        "'engine': s.DATABASES['default']['ENGINE']}))"
    )
    result = run(
        ["-c", script],
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="example.org, www.example.org",
        DATABASE_URL=database_url,
        DEBUG="true",  # ignored: production never runs in debug mode
    )

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "debug": False,
        "hosts": ["example.org", "www.example.org"],
        "ssl_redirect": True,
        "hsts": 60 * 60 * 24 * 365,
        "session_secure": True,
        "csrf_secure": True,
        "engine": "django.db.backends.sqlite3",
    }


def test_base_settings_alone_are_not_in_debug_mode():
    result = run(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DEBUG)",
        ],
        DJANGO_SETTINGS_MODULE="cms.settings.base",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_sends_the_security_headers(secret_key, database_url):
    script = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client(SERVER_NAME='example.org').get('/api/v1/openapi.json', secure=True); "
        "print(r['Content-Security-Policy']); print(r['Permissions-Policy'])"
    )
    result = run(
        ["-c", script],
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=database_url,
    )

    assert result.returncode == 0, result.stderr
    csp, permissions = result.stdout.splitlines()
    assert "script-src 'self';" in csp
    assert "object-src 'none'" in csp
    assert "camera=()" in permissions
