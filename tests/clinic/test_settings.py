import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(env, DJANGO_SETTINGS_MODULE="clinic.settings")
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    result = load_settings(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_settings_refuse_a_malformed_boolean():
    result = load_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a yes/no value" in result.stderr


def test_settings_refuse_an_unknown_time_zone():
    result = load_settings(DJANGO_TIME_ZONE="Mars/Olympus")
    assert result.returncode != 0
    assert "'Mars/Olympus' is not a known time zone" in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = load_settings(
        DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="portal.example"
    )
    assert result.returncode == 0, result.stderr
