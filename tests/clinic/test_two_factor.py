import re

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.roles import CLINICIAN
from clinic.services import set_staff_role
from tests.conftest import PASSWORD, make_user


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def password_only_client(user):
    client = Client()
    assert client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    return client


def new_staff(clinic_a):
    user = make_user("new.physio@a.example")
    set_staff_role(user=user, clinic=clinic_a, role=CLINICIAN)
    return user


def test_a_password_alone_does_not_open_the_admin(clinician_a):
    client = password_only_client(clinician_a)
    response = client.get("/admin/patients/patient/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/?next=")


def test_the_authenticator_code_opens_the_admin(clinician_a):
    client = password_only_client(clinician_a)
    device = TOTPDevice.objects.get(user=clinician_a)
    response = client.post(
        "/accounts/two-factor/", {"code": code_for(device), "next": "/admin/patients/patient/"}
    )
    assert response["Location"] == "/admin/patients/patient/"
    assert client.get("/admin/patients/patient/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(clinician_a):
    client = password_only_client(clinician_a)
    response = client.post("/accounts/two-factor/", {"code": "000000"})
    assert response.status_code == 200
    assert "That code is not right" in response.text
    assert client.get("/admin/").status_code == 302


def test_staff_without_an_app_must_enrol_before_any_admin_page(clinic_a):
    user = new_staff(clinic_a)
    client = password_only_client(user)
    response = client.get("/accounts/two-factor/", {"next": "/admin/"})
    assert response["Location"] == "/accounts/two-factor/setup/?next=/admin/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "<svg" in page.text
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page.text)[1]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert secret  # the key is shown for typing in

    response = client.post(
        "/accounts/two-factor/setup/", {"code": code_for(device), "next": "/admin/"}
    )
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.text)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_works_once(clinic_a):
    user = new_staff(clinic_a)
    client = password_only_client(user)
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=user)
    page = client.post("/accounts/two-factor/setup/", {"code": code_for(device)})
    backup = re.findall(r"<li><code>(\w+)</code></li>", page.text)[0]

    second = password_only_client(user)
    assert second.post("/accounts/two-factor/", {"code": backup}).status_code == 302
    third = password_only_client(user)
    assert third.post("/accounts/two-factor/", {"code": backup}).status_code == 200


def test_an_off_site_next_is_ignored(clinician_a):
    client = password_only_client(clinician_a)
    device = TOTPDevice.objects.get(user=clinician_a)
    response = client.post(
        "/accounts/two-factor/", {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_patients_never_see_the_two_factor_pages(client, patient_a):
    client.force_login(patient_a.user)
    assert client.get("/accounts/two-factor/").status_code == 404
    assert client.get("/accounts/two-factor/setup/").status_code == 404
