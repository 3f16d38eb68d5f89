"""django-axes: five failures for one email from one address lock that pair out for 15 minutes."""

from datetime import timedelta

import time_machine
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.core.checks import run_checks
from django.utils import timezone

from tests.security.conftest import sign_in

EMAIL = "ada@patients.example"
LOCKED = "Too many failed sign-in attempts. Try again in 15 minutes or reset your password."


def fail(client, email=EMAIL, times=1, **extra):
    for _ in range(times):
        response = sign_in(client, email, password="not-the-password", **extra)
    return response


def test_four_failures_only_say_the_password_is_wrong(client, patient_a):
    response = fail(client, times=4)
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.text


def test_the_fifth_failure_locks_with_a_clear_message(client, patient_a):
    fail(client, times=4)
    response = fail(client)
    assert response.status_code == 429
    assert LOCKED in response.text
    assert 'href="/accounts/password/reset/"' in response.text
    assert response["Retry-After"] == "900"


def test_a_locked_account_stays_locked_even_with_the_right_password(client, patient_a):
    fail(client, times=5)
    response = sign_in(client, EMAIL)
    assert response.status_code == 429
    assert LOCKED in response.text
    assert SESSION_KEY not in client.session


def test_the_email_counts_whatever_its_case(client, patient_a):
    fail(client, "Ada@Patients.example", times=2)
    fail(client, " ADA@PATIENTS.EXAMPLE ", times=2)
    response = fail(client, EMAIL)
    assert response.status_code == 429


def test_another_address_is_not_locked(client, patient_a):
    fail(client, times=5)
    response = sign_in(client, EMAIL, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_another_account_from_the_same_address_is_not_locked(client, patient_a, patient_a2):
    fail(client, times=5)
    response = sign_in(client, "ben@patients.example")
    assert response.status_code == 302


def test_the_lock_is_released_after_fifteen_minutes(client, patient_a):
    fail(client, times=5)
    with time_machine.travel(timezone.localtime() + timedelta(minutes=16), tick=False):
        response = sign_in(client, EMAIL)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_trying_while_locked_starts_the_fifteen_minutes_again(client, patient_a):
    start = timezone.localtime()
    fail(client, times=5)
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert sign_in(client, EMAIL).status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert sign_in(client, EMAIL).status_code == 429
    with time_machine.travel(start + timedelta(minutes=32), tick=False):
        assert sign_in(client, EMAIL).status_code == 302


def test_a_successful_sign_in_resets_the_count(client, patient_a):
    fail(client, times=4)
    assert sign_in(client, EMAIL).status_code == 302
    client.post("/accounts/logout/")
    assert fail(client, times=4).status_code == 200
    assert fail(client).status_code == 429


def test_a_forged_forwarded_for_header_does_not_dodge_the_lock(client, patient_a):
    for n in range(5):
        response = fail(client, headers={"X-Forwarded-For": f"198.51.100.{n}"})
    assert response.status_code == 429


def test_behind_our_proxy_the_address_it_appended_counts(client, patient_a, settings):
    settings.BEHIND_TLS_PROXY = True
    fail(client, times=5, headers={"X-Forwarded-For": "1.2.3.4, 198.51.100.7"})
    locked = sign_in(client, EMAIL, headers={"X-Forwarded-For": "9.9.9.9, 198.51.100.7"})
    assert locked.status_code == 429
    other = sign_in(client, EMAIL, headers={"X-Forwarded-For": "1.2.3.4, 198.51.100.8"})
    assert other.status_code == 302


def test_the_test_clients_force_login_still_signs_in_through_the_portal_backend(client, patient_a):
    client.force_login(patient_a.user)
    assert client.session[BACKEND_SESSION_KEY] == "clinic.backends.PortalBackend"
    assert client.get("/").status_code == 200


def test_system_checks_raise_no_axes_warning():
    assert [m.id for m in run_checks() if m.id.startswith("axes.")] == []
