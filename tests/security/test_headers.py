"""Security headers, and nothing inline that the content-security policy would have to allow."""

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from patients.invitations import invitation_url, send_invitation

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=""", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"""<[^>]+\son[a-z]+\s*=\s*["']""", re.IGNORECASE)
EXPECTED_CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
}


def inline_code(html):
    """Every style attribute, <style> element, inline <script> and on*= handler in `html`."""
    return [
        match.group(0)
        for pattern in (STYLE_ATTRIBUTE, STYLE_ELEMENT, INLINE_SCRIPT, EVENT_HANDLER)
        for match in pattern.finditer(html)
    ]


def assert_strict_csp(response):
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert {part.strip() for part in policy.split(";")} == EXPECTED_CSP


def assert_never_stored(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control


@pytest.fixture
def patient_pages(plan_a, patient_a):
    return ["/", "/plans/", f"/plans/{plan_a.pk}/", "/articles/", "/pain/", "/my-data/"]


@pytest.fixture
def patient_client(client, patient_a):
    client.force_login(patient_a.user)
    return client


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def test_patient_pages_carry_a_strict_policy_and_are_never_stored(patient_client, patient_pages):
    for page in [*patient_pages, "/my-data.json", "/my-data.csv"]:
        response = patient_client.get(page)
        assert response.status_code == 200, page
        assert_strict_csp(response)
        assert_never_stored(response)


def test_patient_pages_have_nothing_inline(patient_client, patient_pages):
    for page in patient_pages:
        assert inline_code(patient_client.get(page).text) == [], page


def test_admin_pages_carry_a_strict_policy_and_are_never_stored(superuser_client, patient_a):
    for page in [
        "/admin/",
        "/admin/patients/patient/",
        f"/admin/patients/patient/{patient_a.pk}/change/",
    ]:
        response = superuser_client.get(page)
        assert response.status_code == 200, page
        assert_strict_csp(response)
        assert_never_stored(response)


def test_every_admin_list_and_add_page_has_nothing_inline(superuser_client, superuser, library, rf):
    request = rf.get("/admin/")
    request.user = superuser
    pages = []
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(request):
            pages.append(reverse("admin:{}_{}_add".format(*info)))
    pages.append("/admin/")
    for page in pages:
        response = superuser_client.get(page)
        assert response.status_code == 200, page
        assert inline_code(response.text) == [], page


def test_admin_change_pages_of_patient_data_have_nothing_inline(
    superuser_client, plan_a, patient_a
):
    for page in [
        f"/admin/patients/patient/{patient_a.pk}/change/",
        f"/admin/patients/plan/{plan_a.pk}/change/",
        f"/admin/clinic/user/{patient_a.user.pk}/change/",
    ]:
        response = superuser_client.get(page)
        assert response.status_code == 200, page
        assert inline_code(response.text) == [], page


def test_public_pages_carry_the_policy_too(client, db):
    for page in ["/accounts/login/", "/accounts/password/reset/"]:
        response = client.get(page)
        assert_strict_csp(response)
        assert inline_code(response.text) == [], page


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html"))
)
def test_no_template_has_inline_styles_or_scripts(path):
    assert inline_code((TEMPLATES / path).read_text()) == []


def test_the_inline_code_check_catches_what_it_should():
    assert len(inline_code('<p style="color:red">')) == 1
    assert len(inline_code("<style>p{}</style>")) == 1
    assert len(inline_code("<script>alert(1)</script>")) == 1
    assert len(inline_code('<a href="#" onclick="go()">')) == 1
    assert inline_code('<script src="/static/x.js" defer></script><svg class="qr"></svg>') == []


def test_the_other_security_headers(patient_client):
    response = patient_client.get("/")
    assert response["Permissions-Policy"] == (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    )
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_anonymous_pages_carry_the_permissions_policy(client, db):
    response = client.get("/accounts/login/")
    assert "camera=()" in response["Permissions-Policy"]


def test_the_invitation_page_is_never_stored(
    client, patient_a, clinician_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = send_invitation(patient=patient_a, sent_by=clinician_a)
    response = client.get(re.sub(r"^https?://[^/]+", "", invitation_url(invitation)))
    assert response.status_code == 200
    assert_never_stored(response)
    assert_strict_csp(response)


def test_the_password_reset_page_is_never_stored(client, patient_a):
    uid = urlsafe_base64_encode(force_bytes(patient_a.user.pk))
    token = default_token_generator.make_token(patient_a.user)
    response = client.get(f"/accounts/password/reset/{uid}/{token}/", follow=True)
    assert response.status_code == 200
    assert 'name="new_password1"' in response.text
    assert_never_stored(response)


def test_static_files_are_not_marked_personal(client, patient_a, settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in tests
    settings.WHITENOISE_AUTOREFRESH = True
    client.force_login(patient_a.user)
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
