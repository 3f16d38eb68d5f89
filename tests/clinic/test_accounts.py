import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD

LOGIN = "/accounts/login/"


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra})


def test_staff_land_on_the_admin_after_signing_in(client, clinician_a):
    response = sign_in(client, "clinician@a.example")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_patients_land_on_their_home_page_after_signing_in(client, patient_a):
    response = sign_in(client, "ada@patients.example")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_email_is_matched_whatever_its_case(client, patient_a):
    response = sign_in(client, "  Ada@Patients.EXAMPLE ")
    assert response["Location"] == "/"


def test_a_wrong_password_says_so_and_signs_nobody_in(client, patient_a):
    response = sign_in(client, "ada@patients.example", password="not-the-password")
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.text
    assert "_auth_user_id" not in client.session


def test_an_inactive_account_cannot_sign_in(client, patient_a):
    patient_a.user.is_active = False
    patient_a.user.save()
    response = sign_in(client, "ada@patients.example")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_next_sends_a_user_back_to_the_page_they_wanted(client, clinician_a):
    response = sign_in(client, "clinician@a.example", next="/admin/clinic/clinic/")
    assert response["Location"] == "/admin/clinic/clinic/"


def test_next_pointing_off_site_is_ignored(client, patient_a):
    response = sign_in(client, "ada@patients.example", next="https://evil.example/")
    assert response["Location"] == "/"


def test_sign_out_is_a_post_and_ends_the_session(client, patient_a):
    client.force_login(patient_a.user)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert client.get("/")["Location"].startswith(LOGIN)


def test_password_change_needs_the_old_password(client, patient_a):
    client.force_login(patient_a.user)
    url = reverse("password_change")
    response = client.post(
        url,
        {
            "old_password": "wrong",
            "new_password1": "a-new-pass-123",
            "new_password2": "a-new-pass-123",
        },
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.text

    response = client.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-pass-123",
            "new_password2": "a-new-pass-123",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    patient_a.user.refresh_from_db()
    assert patient_a.user.check_password("a-new-pass-123")


def request_reset_link(client, email):
    client.post(reverse("password_reset"), {"email": email})
    assert len(mail.outbox) == 1
    return re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]


def test_password_reset_link_lets_the_user_choose_a_new_password(client, patient_a):
    link = request_reset_link(client, "ada@patients.example")
    form_url = client.get(link)["Location"]  # Django swaps the token out of the URL
    response = client.post(
        form_url, {"new_password1": "fresh-pass-456", "new_password2": "fresh-pass-456"}
    )
    assert response["Location"] == reverse("password_reset_complete")
    patient_a.user.refresh_from_db()
    assert patient_a.user.check_password("fresh-pass-456")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


@pytest.mark.parametrize(("minutes_later", "works"), [(59, True), (61, False)])
def test_password_reset_link_expires_after_an_hour(client, patient_a, minutes_later, works):
    link = request_reset_link(client, "ada@patients.example")
    with time_machine.travel(timezone.localtime() + timedelta(minutes=minutes_later)):
        response = client.get(link, follow=True)
    assert ('name="new_password1"' in response.text) is works
    assert ("This link no longer works" in response.text) is not works
