"""Cookies: `__Host-` names whenever the portal is served over HTTPS, so a sibling subdomain
cannot plant one, and no page that sets one is kept by a cache."""

import pytest
from django.conf import global_settings
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.routes import PUBLIC, ROUTES

NAMES = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")


HOST = ["__Host-sessionid", "__Host-csrftoken", True, True]
PLAIN = ["sessionid", "csrftoken", False, False]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "portal.example"}, HOST),
        # A proxy that does the redirect itself: still HTTPS, still __Host-.
        (
            {
                "DJANGO_DEBUG": "false",
                "DJANGO_ALLOWED_HOSTS": "portal.example",
                "DJANGO_SECURE_SSL_REDIRECT": "false",
            },
            HOST,
        ),
        ({"DJANGO_DEBUG": "true", "DJANGO_SECURE_SSL_REDIRECT": "true"}, HOST),
        ({"DJANGO_DEBUG": "true"}, PLAIN),  # the development server speaks plain HTTP
    ],
    ids=["server", "server-proxy-redirects", "debug-over-https", "debug"],
)
def test_cookies_are_host_only_and_secure_whenever_served_over_https(fresh_settings, env, expected):
    settings = fresh_settings(DJANGO_SECRET_KEY="x" * 60, **env)
    # A name the portal leaves alone keeps Django's default.
    assert [getattr(settings, name, getattr(global_settings, name)) for name in NAMES] == expected


def test_a_sign_in_over_https_sets_a_host_only_session_cookie(client, settings, patient_a):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.CSRF_COOKIE_SECURE = True
    response = client.post(
        "/accounts/login/",
        {"username": "ada@patients.example", "password": PASSWORD},
        secure=True,
    )
    assert response.status_code == 302
    cookie = response.cookies["__Host-sessionid"]
    # What a browser requires of a __Host- cookie: Secure, the whole site, no Domain.
    assert (cookie["secure"], cookie["path"], cookie["domain"]) == (True, "/", "")
    assert "sessionid" not in response.cookies
    assert client.get("/", secure=True).status_code == 200


PUBLIC_PAGES = [name for name, kind in ROUTES.items() if kind == PUBLIC]


@pytest.mark.parametrize("name", ["login", "password_reset"])
def test_a_public_page_that_sets_a_cookie_is_never_cached(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.cookies  # the CSRF token of its form
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_no_public_page_sets_a_cookie_and_lets_it_be_cached(client, db):
    from tests.routes import walk

    cached = []
    for name, path in walk():
        if name not in PUBLIC_PAGES:
            continue
        response = client.get(path)
        if response.cookies and "no-store" not in response.get("Cache-Control", ""):
            cached.append(name)
    assert cached == []


def test_a_public_page_without_cookies_stays_cacheable(client, db):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    assert not response.cookies
    assert "no-store" not in response.get("Cache-Control", "")
