"""Idle and absolute session timeouts, a new session key on sign-in, sign-out clears it."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clinic import settings as portal_settings
from clinic.middleware import LAST_SEEN, SIGNED_IN_AT
from tests.security.conftest import LOGIN, sign_in

# Sign-in and the travels below start from the same instant.
pytestmark = pytest.mark.usefixtures("frozen_clock")


def at(start, **delta):
    # An aware time in the local zone: time-machine then leaves the process's TZ alone.
    return time_machine.travel(start + timedelta(**delta), tick=False)


def signed_out_after(response, page):
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={page}"


@pytest.fixture
def staff_client(client, clinician_a):
    client.force_login(clinician_a)
    return client


@pytest.fixture
def patient_client(client, patient_a):
    client.force_login(patient_a.user)
    return client


def test_staff_are_signed_out_after_fifteen_idle_minutes(staff_client):
    start = timezone.localtime()
    assert staff_client.get("/admin/").status_code == 200
    with at(start, minutes=16):
        response = staff_client.get("/admin/")
        signed_out_after(response, "/admin/")
        assert SESSION_KEY not in staff_client.session
        page = staff_client.get(response["Location"])
    assert "You were signed out after 15 minutes without activity." in page.text


def test_staff_idle_for_fourteen_minutes_are_still_in(staff_client):
    start = timezone.localtime()
    with at(start, minutes=14):
        assert staff_client.get("/admin/").status_code == 200


def test_patients_idle_for_sixteen_minutes_are_still_in(patient_client):
    start = timezone.localtime()
    with at(start, minutes=16):
        assert patient_client.get("/").status_code == 200


def test_patients_are_signed_out_after_thirty_idle_minutes(patient_client):
    start = timezone.localtime()
    with at(start, minutes=31):
        response = patient_client.get("/pain/")
        signed_out_after(response, "/pain/")
        page = patient_client.get(response["Location"])
    assert "You were signed out after 30 minutes without activity." in page.text
    with at(start, minutes=32):
        assert patient_client.get("/").status_code == 302


def test_activity_keeps_a_session_alive(patient_client):
    start = timezone.localtime()
    for minutes in (20, 40, 60, 80):
        with at(start, minutes=minutes):
            assert patient_client.get("/").status_code == 200


def test_a_session_ends_twelve_hours_after_sign_in_even_with_activity(patient_client):
    start = timezone.localtime()
    for minutes in range(25, 12 * 60, 25):
        with at(start, minutes=minutes):
            assert patient_client.get("/").status_code == 200
    with at(start, hours=12, minutes=1):
        response = patient_client.get("/")
        signed_out_after(response, "/")
        page = patient_client.get(response["Location"])
    assert "You were signed out because you signed in more than 12 hours ago." in page.text


def test_a_timed_out_post_changes_nothing_and_goes_to_sign_in(patient_client, plan_a):
    start = timezone.localtime()
    with at(start, minutes=31):
        response = patient_client.post(f"/plans/{plan_a.pk}/done/", {})
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert not plan_a.sessions.exists()


def test_idle_limits_come_from_settings(staff_client, settings):
    settings.STAFF_IDLE_MINUTES = 5
    start = timezone.localtime()
    with at(start, minutes=4):
        assert staff_client.get("/admin/").status_code == 200
    with at(start, minutes=10):
        signed_out_after(staff_client.get("/admin/"), "/admin/")


def test_activity_is_written_to_the_session_at_most_once_a_minute(patient_client):
    start = timezone.localtime()
    with at(start, seconds=30), CaptureQueriesContext(connection) as queries:
        assert patient_client.get("/").status_code == 200
    assert not [
        q for q in queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]
    ]
    first_seen = patient_client.session[LAST_SEEN]

    with at(start, seconds=90):
        assert patient_client.get("/").status_code == 200
    assert patient_client.session[LAST_SEEN] >= first_seen + 60


def test_signing_in_starts_the_clock_and_issues_a_new_session_key(client, patient_a):
    client.get(LOGIN)
    session = client.session
    session["before"] = "anonymous visit"
    session.save()
    old_key = session.session_key

    assert sign_in(client, "ada@patients.example").status_code == 302
    new_key = client.session.session_key
    assert new_key != old_key
    assert not SessionStore().exists(old_key)
    assert client.session[SIGNED_IN_AT] == client.session[LAST_SEEN]


def test_signing_out_deletes_the_session(client, patient_a):
    sign_in(client, "ada@patients.example")
    key = client.session.session_key
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert not SessionStore().exists(key)
    assert SESSION_KEY not in client.session
    assert client.get("/").status_code == 302


def test_the_session_cookie_lasts_no_longer_than_the_absolute_limit():
    assert portal_settings.SESSION_COOKIE_AGE == 12 * 60 * 60


@pytest.fixture
def production_settings(fresh_settings):
    def load(**env):
        return fresh_settings(
            DJANGO_DEBUG="false",
            DJANGO_SECRET_KEY="x" * 60,
            DJANGO_ALLOWED_HOSTS="portal.example.com",
            **env,
        )

    return load


def test_production_cookies_are_secure_http_only_and_same_site(production_settings):
    values = production_settings()
    assert values.SESSION_COOKIE_SECURE is True
    assert values.CSRF_COOKIE_SECURE is True
    assert values.SESSION_COOKIE_HTTPONLY is True
    assert values.SESSION_COOKIE_SAMESITE == "Lax"


def test_session_limits_are_configurable_from_the_environment(production_settings):
    values = production_settings(
        DJANGO_STAFF_IDLE_MINUTES="10",
        DJANGO_PATIENT_IDLE_MINUTES="45",
        DJANGO_SESSION_MAX_HOURS="8",
    )
    assert values.STAFF_IDLE_MINUTES == 10
    assert values.PATIENT_IDLE_MINUTES == 45
    assert values.SESSION_COOKIE_AGE == 8 * 60 * 60
