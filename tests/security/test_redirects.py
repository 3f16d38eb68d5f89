"""`next=` goes only to paths on this site: sign-in and the staff two-factor step."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.security.conftest import LOGIN, sign_in

PAYLOADS = [
    "https://evil.example",
    "https://evil.example/admin/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:evil.example",
    "  //evil.example",
    "https://testserver.evil.example/",
]


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.parametrize("target", PAYLOADS)
def test_sign_in_ignores_an_off_site_next_for_a_patient(client, patient_a, target):
    response = sign_in(client, "ada@patients.example", next=target)
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("target", PAYLOADS)
def test_sign_in_ignores_an_off_site_next_for_staff(client, clinician_a, target):
    response = sign_in(client, "clinician@a.example", next=target)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("target", PAYLOADS)
def test_an_already_signed_in_visitor_is_not_sent_off_site(client, patient_a, target):
    client.force_login(patient_a.user)
    response = client.get(LOGIN, {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("target", PAYLOADS)
def test_the_two_factor_step_ignores_an_off_site_next(client, clinician_a, target):
    sign_in(client, "clinician@a.example")
    device = TOTPDevice.objects.get(user=clinician_a)
    response = client.post("/accounts/two-factor/", {"code": code_for(device), "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("target", PAYLOADS)
def test_the_two_factor_form_does_not_carry_an_off_site_next(client, clinician_a, target):
    sign_in(client, "clinician@a.example")
    response = client.get("/accounts/two-factor/", {"next": target})
    assert response.status_code == 200
    assert 'name="next" value=""' in response.text


def test_a_path_on_this_site_is_followed(client, patient_a):
    response = sign_in(client, "ada@patients.example", next="/pain/?from=email")
    assert response["Location"] == "/pain/?from=email"
