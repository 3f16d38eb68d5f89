"""Password-reset and invitation POSTs, and failed sign-ins: a fixed window per client address
and per target."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from clinic.env import env_cache
from patients.invitations import invitation_url, send_invitation
from tests.conftest import PASSWORD, make_user

RESET = "/accounts/password/reset/"
TOO_MANY = "This page was asked for too many times. Please wait 15 minutes and try again."


def ask_reset(client, email="ada@patients.example", **extra):
    return client.post(RESET, {"email": email}, **extra)


def test_five_reset_requests_go_through_and_the_sixth_is_refused(client, patient_a):
    for _ in range(5):
        assert ask_reset(client).status_code == 302
    assert len(mail.outbox) == 5
    response = ask_reset(client)
    assert response.status_code == 429
    assert TOO_MANY in response.text
    assert response["Retry-After"] == "900"
    assert len(mail.outbox) == 5


def test_the_limit_is_per_target_email_whatever_the_address(client, patient_a):
    for n in range(5):
        ask_reset(client, "Ada@Patients.example", REMOTE_ADDR=f"203.0.113.{n}")
    assert ask_reset(client, REMOTE_ADDR="203.0.113.99").status_code == 429
    assert len(mail.outbox) == 5


def test_the_limit_is_per_address_whatever_the_email(client, patient_a):
    for n in range(5):
        assert ask_reset(client, f"nobody{n}@example.com").status_code == 302
    assert ask_reset(client).status_code == 429
    assert mail.outbox == []


def test_another_address_asking_for_another_email_is_not_refused(client, patient_a, patient_a2):
    for _ in range(6):
        ask_reset(client)
    response = ask_reset(client, "ben@patients.example", REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["ben@patients.example"]


def test_the_window_closes_after_fifteen_minutes(client, patient_a):
    start = timezone.localtime()
    for _ in range(6):
        ask_reset(client)
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert ask_reset(client).status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert ask_reset(client).status_code == 302
    assert len(mail.outbox) == 6


def test_showing_the_form_is_not_counted(client, db):
    for _ in range(10):
        assert client.get(RESET).status_code == 200


def test_a_forged_forwarded_for_header_does_not_dodge_the_limit(client, patient_a):
    for n in range(5):
        ask_reset(client, headers={"X-Forwarded-For": f"198.51.100.{n}"})
    response = ask_reset(client, "other@example.com", headers={"X-Forwarded-For": "192.0.2.1"})
    assert response.status_code == 429


@pytest.fixture
def invitation(clinician_a, patient_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return send_invitation(patient=patient_a, sent_by=clinician_a)


def invitation_path(invitation):
    return re.sub(r"^https?://[^/]+", "", invitation_url(invitation))


def post_mismatched_passwords(client, path, **extra):
    data = {"new_password1": "knee-strong-2026", "new_password2": "knee-strong-2027"}
    return client.post(path, data, **extra)


def test_ten_invitation_posts_go_through_and_the_eleventh_is_refused(client, invitation):
    # Ten, not five: the link itself is withdrawn after five wrong dates of birth
    # (tests/clinic/test_invitation.py), and that page must not be hidden behind this one.
    path = invitation_path(invitation)
    for _ in range(10):
        assert post_mismatched_passwords(client, path).status_code == 200
    response = post_mismatched_passwords(client, path)
    assert response.status_code == 429
    assert TOO_MANY in response.text
    assert "no-store" in response["Cache-Control"]


def test_invitation_posts_are_limited_per_link_whatever_the_address(client, invitation):
    path = invitation_path(invitation)
    for n in range(10):
        post_mismatched_passwords(client, path, REMOTE_ADDR=f"203.0.113.{n}")
    assert post_mismatched_passwords(client, path, REMOTE_ADDR="203.0.113.99").status_code == 429


def test_guessing_invitation_links_is_limited_per_address(client, db):
    for n in range(10):
        assert post_mismatched_passwords(client, f"/invite/guess-{n}/").status_code == 404
    assert post_mismatched_passwords(client, "/invite/guess-10/").status_code == 429


def test_opening_an_invitation_link_is_not_counted(client, invitation):
    path = invitation_path(invitation)
    for _ in range(12):
        assert client.get(path).status_code == 200


def test_a_refused_invitation_post_sets_no_password(client, invitation, patient_a):
    path = invitation_path(invitation)
    for _ in range(10):
        post_mismatched_passwords(client, path)
    data = {"new_password1": "knee-strong-2026", "new_password2": "knee-strong-2026"}
    assert client.post(path, data).status_code == 429
    patient_a.user.refresh_from_db()
    assert not patient_a.user.check_password("knee-strong-2026")


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        (None, "django.core.cache.backends.locmem.LocMemCache", "portal"),
        ("", "django.core.cache.backends.locmem.LocMemCache", "portal"),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", "portal"),
        (
            "redis://127.0.0.1:6379/0",
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:6379/0",
        ),
        (
            "rediss://:secret@cache.internal:6380/1",
            "django.core.cache.backends.redis.RedisCache",
            "rediss://:secret@cache.internal:6380/1",
        ),
    ],
)
def test_the_cache_comes_from_django_cache_url(monkeypatch, url, backend, location):
    if url is None:
        monkeypatch.delenv("DJANGO_CACHE_URL", raising=False)
    else:
        monkeypatch.setenv("DJANGO_CACHE_URL", url)
    assert env_cache("DJANGO_CACHE_URL") == {"BACKEND": backend, "LOCATION": location}


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "127.0.0.1:6379", "redis"])
def test_an_unknown_cache_url_stops_start_up(monkeypatch, url):
    monkeypatch.setenv("DJANGO_CACHE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="is not a cache URL"):
        env_cache("DJANGO_CACHE_URL")


def test_the_redis_client_is_installed_for_the_redis_cache():
    import redis  # noqa: F401 - DJANGO_CACHE_URL=redis://... needs it at run time


# --- Sign-in: failures per address, across accounts (django-axes locks one account) ------

WRONG = "not-the-password"
WRONG = "not-the-password"
SIGN_IN_REFUSED = "Too many sign-ins failed from your network. Please wait 15 minutes"


def sign_in(client, email, password=WRONG, **extra):
    return client.post("/accounts/login/", {"username": email, "password": password}, **extra)


@pytest.mark.parametrize("kind", ["unknown", "real", "malformed"])
def test_twenty_failed_sign_ins_from_one_address_stop_the_next_whatever_the_accounts(
    client, patient_a, kind
):
    tried = {
        "unknown": [f"person{n}@patients.example" for n in range(20)],
        "real": [make_user(f"real{n}@patients.example").email for n in range(20)],
        "malformed": [f"not-an-address-{n}" for n in range(20)],
    }[kind]
    for email in tried:
        assert sign_in(client, email).status_code == 200  # the form again, with its error
    # Even the right password for yet another account is refused, unchecked.
    response = sign_in(client, "ada@patients.example", PASSWORD)
    assert response.status_code == 429
    assert SIGN_IN_REFUSED in response.text
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_thirty_accounts_tried_from_one_address_are_slowed_down(client, db):
    statuses = [sign_in(client, f"person{n}@patients.example").status_code for n in range(30)]
    assert statuses == [200] * 20 + [429] * 10


def test_failures_from_one_address_do_not_stop_another(client, patient_a):
    for n in range(21):
        sign_in(client, f"person{n}@patients.example", REMOTE_ADDR="203.0.113.7")
    response = sign_in(client, "ada@patients.example", PASSWORD, REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 302


def test_successful_sign_ins_are_not_counted(client, patient_a):
    for _ in range(25):
        assert sign_in(client, "ada@patients.example", PASSWORD).status_code == 302
        client.logout()


def test_the_address_may_try_again_after_fifteen_minutes(client, patient_a):
    start = timezone.localtime()
    for n in range(20):
        sign_in(client, f"person{n}@patients.example")
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert sign_in(client, "ada@patients.example", PASSWORD).status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert sign_in(client, "ada@patients.example", PASSWORD).status_code == 302
