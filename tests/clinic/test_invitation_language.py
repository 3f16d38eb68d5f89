"""The invitation's first sign-in: the page in the language the clinic gave the account, a
choice of language saved with the first password, and the welcome in the language chosen."""

import re
import uuid

import pytest
from django.conf import settings
from django.core import mail

from patients import services
from tests.clinic.test_invitation import NEW_PASSWORD, accept, link_path
from tests.parity import foreign_words

pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture
def french_invitation(patient_a, clinician_a):
    from patients.invitations import send_invitation

    patient_a.user.language = "fr"
    patient_a.user.save(update_fields=["language"])
    return send_invitation(patient=patient_a, sent_by=clinician_a)


def test_the_page_opens_in_the_accounts_language_whatever_the_browser(client, french_invitation):
    response = client.get(link_path(french_invitation), HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="fr">' in response.text
    assert "Choisissez votre mot de passe" in response.text
    # The choice, each language by its own name; the account's ticked.
    assert '<span lang="en">English</span>' in response.text
    assert '<span lang="fr">Français</span>' in response.text
    assert response.context["form"]["language"].value() == "fr"


def test_the_switch_before_signing_in_changes_the_page(client, french_invitation):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(link_path(french_invitation))
    assert '<html lang="en">' in response.text
    assert response.context["form"]["language"].value() == "en"


def test_the_language_chosen_is_saved_and_the_portal_opens_in_it(client, french_invitation):
    response = accept(client, french_invitation, language="en")
    assert response.status_code == 302
    user = french_invitation.patient.user
    user.refresh_from_db()
    assert (user.language, user.check_password(NEW_PASSWORD)) == ("en", True)
    today = client.get("/")
    assert '<html lang="en">' in today.text
    assert "Welcome! Your password is saved and you are signed in." in today.text


def test_no_choice_sent_keeps_the_accounts_language(client, french_invitation):
    assert accept(client, french_invitation).status_code == 302
    french_invitation.patient.user.refresh_from_db()
    assert french_invitation.patient.user.language == "fr"


def test_a_language_the_portal_does_not_offer_is_refused_by_the_field(client, french_invitation):
    response = accept(client, french_invitation, language="de")
    assert response.status_code == 200
    assert response.context["form"].has_error("language")
    french_invitation.patient.user.refresh_from_db()
    assert not french_invitation.patient.user.check_password(NEW_PASSWORD)


def test_the_alert_email_is_in_the_clinicians_language(
    patient_a, clinician_a, django_capture_on_commit_callbacks
):
    clinician_a.language = "fr"
    clinician_a.save(update_fields=["language"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.record_pain(
            patient=patient_a,
            submission_id=uuid.uuid4(),
            score=9,
            recorded_at=patient_a.clinic.now(),
            context="rest",
            location="kneecap",
            knee="right",
            swelling=True,
        )
    (email,) = mail.outbox
    assert email.to == [clinician_a.email]
    assert email.body.startswith("Bonjour")
    text = re.sub(r"https?://\S+", "", f"{email.subject}\n{email.body}")
    assert not foreign_words(text, "fr")
