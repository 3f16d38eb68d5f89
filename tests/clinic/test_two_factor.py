import base64
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


def code_for_secret(secret):
    return f"{totp(base64.b32decode(secret)):06d}"


def test_staff_without_an_app_must_enrol_before_any_admin_page(clinic_a):
    user = new_staff(clinic_a)
    client = password_only_client(user)
    response = client.get("/accounts/two-factor/", {"next": "/admin/"})
    assert response["Location"] == "/accounts/two-factor/setup/?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "<svg" in page.text
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page.text)[1]

    response = client.post(
        "/accounts/two-factor/setup/", {"code": code_for_secret(secret), "next": "/admin/"}
    )
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.text)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/admin/").status_code == 200


def test_opening_the_setup_page_creates_nothing_and_keeps_its_secret(clinic_a):
    user = new_staff(clinic_a)
    client = password_only_client(user)
    pages = [client.get("/accounts/two-factor/setup/").text for _ in range(2)]
    secrets = [re.search(r'<code class="secret">([A-Z2-7]+)</code>', p)[1] for p in pages]
    assert secrets[0] == secrets[1]
    assert not TOTPDevice.objects.filter(user=user).exists()
    # A wrong code is refused; the secret shown stays the one to enrol.
    client.post("/accounts/two-factor/setup/", {"code": "000000"})
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    again = client.get("/accounts/two-factor/setup/").text
    assert secrets[0] in again


def test_the_page_to_return_to_survives_the_way_to_setup(clinic_a):
    user = new_staff(clinic_a)
    client = password_only_client(user)
    wanted = "/admin/patients/patient/?alerts=open&review=week"
    response = client.get("/accounts/two-factor/", {"next": wanted})
    assert response["Location"] == (
        "/accounts/two-factor/setup/?next=%2Fadmin%2Fpatients%2Fpatient%2F%3Falerts%3Dopen"
        "%26review%3Dweek"
    )
    page = client.get(response["Location"]).text
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page)[1]
    done = client.post(
        "/accounts/two-factor/setup/", {"code": code_for_secret(secret), "next": wanted}
    )
    assert wanted.replace("&", "&amp;") in done.text


def test_a_backup_code_works_once(clinic_a):
    user = new_staff(clinic_a)
    client = password_only_client(user)
    setup = client.get("/accounts/two-factor/setup/").text
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', setup)[1]
    page = client.post("/accounts/two-factor/setup/", {"code": code_for_secret(secret)})
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
