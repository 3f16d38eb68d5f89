"""`manage.py check --deploy` with production settings reports nothing."""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(env)
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def test_check_deploy_is_clean_with_production_settings():
    # A real start-up with production settings, in a process of its own.
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="portal.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_is_clean_behind_a_tls_proxy_with_redis(fresh_settings):
    # The same checks in this process: the settings such an environment gives (where they
    # differ from a development start-up) stand in for Django's while the checks run.
    development = fresh_settings(DJANGO_DEBUG="true")
    production = fresh_settings(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="portal.example.com",
        DJANGO_BEHIND_TLS_PROXY="true",
        DJANGO_CACHE_URL="redis://127.0.0.1:6379/0",
    )
    changed = {
        name: getattr(production, name)
        for name in dir(production)
        if name.isupper() and getattr(production, name) != getattr(development, name, None)
    }
    assert changed["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert changed["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    out = StringIO()
    with override_settings(**changed):
        call_command("check", "--deploy", "--fail-level", "WARNING", stdout=out, stderr=out)
    assert "System check identified no issues (0 silenced)." in out.getvalue()
