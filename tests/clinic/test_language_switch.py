"""The language switch on every page: a POST that keeps the page, saves the choice on the
account (or, before signing in, in a cookie), and is refused when it names no language."""

import pytest
from django.conf import settings
from django.urls import reverse

from clinic.models import User

SWITCH = reverse("set_language")


def switch(client, language, next_url):
    return client.post(SWITCH, {"language": language, "next": next_url})


@pytest.mark.parametrize("path", ["/", "/plans/", "/pain/", "/my-data/", "/accessibility/"])
def test_every_patient_page_has_the_switch_back_to_itself(client, patient_a, plan_a, path):
    client.force_login(patient_a.user)
    html = client.get(path).content.decode()
    assert f'action="{SWITCH}"' in html
    assert f'name="next" value="{path}"' in html
    # The other language, named in itself and marked with it.
    assert (
        '<button type="submit" name="language" value="fr" class="btn btn-link" lang="fr">' in html
    )
    assert ">Français</button>" in html


def test_a_patient_switches_and_stays_on_the_same_page_in_french(client, patient_a, plan_a):
    client.force_login(patient_a.user)
    page = reverse("patients:plan", args=[plan_a.pk])
    assert "Your exercises" in client.get(page).text  # cached in English first
    response = switch(client, "fr", page)
    assert response.status_code == 302
    assert response["Location"] == page
    assert User.objects.get(pk=patient_a.user.pk).language == "fr"
    french = client.get(page)
    assert french["Content-Language"] == "fr"
    # The page's cached fragment is the French one, content and interface alike.
    assert "Vos exercices" in french.text
    assert "Douleur au genou après l&#x27;effort — calmer (phase 1)" in french.text
    assert "Knee pain after exercise" not in french.text


def test_staff_switch_the_admin_and_keep_it(client, clinician_a):
    client.force_login(clinician_a)
    assert 'value="fr"' in client.get("/admin/").text
    response = switch(client, "fr", "/admin/education/exercise/")
    assert response["Location"] == "/admin/education/exercise/"
    assert User.objects.get(pk=clinician_a.pk).language == "fr"
    assert "Exercices" in client.get("/admin/education/exercise/").text


def test_before_signing_in_the_choice_is_kept_in_a_cookie(client, db):
    response = switch(client, "fr", "/accounts/login/")
    assert response["Location"] == "/accounts/login/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    page = client.get("/accounts/login/")
    assert '<html lang="fr">' in page.text
    assert "Connexion" in page.text or "Se connecter" in page.text


def test_a_public_page_offers_the_switch_without_setting_a_cookie(client, db):
    response = client.get("/accessibility/")
    assert f'action="{SWITCH}"' in response.text
    assert not response.cookies  # no CSRF token: still a cacheable public page


def test_a_signed_in_switch_needs_the_pages_csrf_token(patient_a):
    from tests.conftest import PortalClient

    strict = PortalClient(enforce_csrf_checks=True)
    strict.force_login(patient_a.user)
    assert switch(strict, "fr", "/").status_code == 403
    assert User.objects.get(pk=patient_a.user.pk).language == "en"


@pytest.mark.parametrize("language", ["de", "", "fr-ca"])
def test_a_language_the_portal_does_not_offer_is_refused(client, patient_a, language):
    client.force_login(patient_a.user)
    response = switch(client, language, "/")
    assert response.status_code == 400
    assert "The portal does not offer that language." in response.text
    assert User.objects.get(pk=patient_a.user.pk).language == "en"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "", "plans/"])
def test_the_switch_never_leads_off_the_portal(client, patient_a, next_url):
    client.force_login(patient_a.user)
    assert switch(client, "fr", next_url)["Location"] == "/"


def test_a_get_is_not_allowed(client, patient_a):
    client.force_login(patient_a.user)
    assert client.get(SWITCH).status_code == 405
