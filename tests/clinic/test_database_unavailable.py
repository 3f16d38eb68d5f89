"""A database that is briefly away (a restart, a failover): a calm 503 that keeps the form."""

import html
import re
import uuid
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError

from patients import services
from patients.models import PainEntry
from tests.conftest import PortalClient


@pytest.fixture
def browser(patient_a):
    # A browser gets a page, not the exception.
    client = PortalClient(raise_request_exception=False)
    client.force_login(patient_a.user)
    return client


def hidden_fields(text):
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', text))


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_pain_entry_sent_while_the_database_is_away_comes_back_ready_to_resend(
    browser, patient_a, error
):
    data = {
        "score": "8",
        "swelling": "on",
        "note": "Gave way on the stairs.",
        "submission_id": str(uuid.uuid4()),
    }
    with mock.patch.object(services, "record_pain", side_effect=error("server closed")):
        response = browser.post("/pain/", data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    text = html.unescape(response.content.decode())
    assert "Nothing you entered is lost." in text
    assert "call your clinic. In an emergency, call 911." in text
    kept = hidden_fields(text)
    assert {name: kept[name] for name in data} == data
    assert re.search(r'<form method="post" action="/pain/">', text)
    # Sent again once the database is back: saved once, however often it is pressed.
    browser.post("/pain/", kept)
    browser.post("/pain/", kept)
    entry = PainEntry.objects.get()
    assert (entry.score, entry.note) == (8, "Gave way on the stairs.")


def test_a_page_asked_for_while_the_database_is_away_offers_to_try_again(browser):
    with mock.patch("patients.views.Plan.objects.for_today", side_effect=OperationalError):
        response = browser.get("/")
    assert response.status_code == 503
    text = response.content.decode()
    assert '<a class="btn btn-primary btn-lg" href="/">' in text
    assert "<form" not in text.split("<main")[1].split("</main>")[0]


def test_a_sign_in_form_never_comes_back_with_its_password(patient_a):
    client = PortalClient(raise_request_exception=False)
    with mock.patch("clinic.views.LoginView.form_valid", side_effect=OperationalError):
        response = client.post(
            "/accounts/login/",
            {"username": patient_a.user.email, "password": "a-long-test-password"},
        )
    assert response.status_code == 503
    assert "a-long-test-password" not in response.content.decode()


def test_other_errors_are_still_a_500(browser):
    with mock.patch("patients.views.Plan.objects.for_today", side_effect=ValueError):
        response = browser.get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response
