import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from patients.invitations import invitation_url, send_invitation

# Signed, time-stamped links are compared with what the email holds.
pytestmark = pytest.mark.usefixtures("frozen_clock")

NEW_PASSWORD = "knee-strong-2026"


@pytest.fixture
def invite(clinician_a, patient_a, django_capture_on_commit_callbacks):
    def _send():
        with django_capture_on_commit_callbacks(execute=True):
            return send_invitation(patient=patient_a, sent_by=clinician_a)

    return _send


def link_path(invitation):
    return re.sub(r"^https?://[^/]+", "", invitation_url(invitation))


def accept(client, invitation, **extra):
    return client.post(
        link_path(invitation),
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, **extra},
    )


def test_the_invitation_email_holds_a_link_that_sets_a_password_and_signs_in(
    client, invite, patient_a
):
    invitation = invite()
    assert mail.outbox[0].to == [patient_a.user.email]
    assert invitation_url(invitation) in mail.outbox[0].body

    assert client.get(link_path(invitation)).status_code == 200
    response = accept(client, invitation)
    assert response.status_code == 302
    assert response["Location"] == "/"
    patient_a.user.refresh_from_db()
    assert patient_a.user.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(patient_a.user.pk)


def test_an_invitation_works_only_once(client, invite):
    invitation = invite()
    accept(client, invitation)
    client.logout()
    response = client.get(link_path(invitation))
    assert response.status_code == 410
    assert "already been used" in response.text


def test_sending_again_invalidates_the_previous_link(client, invite):
    first = invite()
    second = invite()
    response = client.get(link_path(first))
    assert response.status_code == 410
    assert "only the newest one sent to you works" in response.text
    assert client.get(link_path(second)).status_code == 200


@pytest.mark.parametrize(("days_later", "status"), [(6, 200), (8, 410)])
def test_an_invitation_expires_after_seven_days(client, invite, days_later, status):
    invitation = invite()
    with time_machine.travel(timezone.localtime() + dt.timedelta(days=days_later)):
        response = client.get(link_path(invitation))
    assert response.status_code == status


def test_a_tampered_link_is_not_found(client, invite):
    invitation = invite()
    assert client.get(link_path(invitation)[:-3] + "xx/").status_code == 404


def test_the_date_of_birth_is_asked_when_the_clinic_has_it(client, invite, patient_a):
    patient_a.date_of_birth = dt.date(1958, 4, 12)
    patient_a.save()
    invitation = invite()

    response = accept(client, invitation, date_of_birth="1960-01-01")
    assert response.status_code == 200
    assert "does not match the clinic&#x27;s records" in response.text
    patient_a.user.refresh_from_db()
    assert not patient_a.user.check_password(NEW_PASSWORD)

    response = accept(client, invitation, date_of_birth="1958-04-12")
    assert response["Location"] == "/"


def test_five_wrong_dates_of_birth_withdraw_the_link(client, invite, patient_a):
    patient_a.date_of_birth = dt.date(1958, 4, 12)
    patient_a.save()
    invitation = invite()
    for _ in range(5):
        accept(client, invitation, date_of_birth="1960-01-01")
    response = accept(client, invitation, date_of_birth="1958-04-12")
    assert response.status_code == 410
    patient_a.user.refresh_from_db()
    assert not patient_a.user.check_password(NEW_PASSWORD)


def test_a_weak_password_is_refused_with_a_reason(client, invite):
    invitation = invite()
    response = client.post(
        link_path(invitation), {"new_password1": "short", "new_password2": "short"}
    )
    assert response.status_code == 200
    assert "This password is too short" in response.text


def test_an_inactive_patient_cannot_use_an_invitation(client, invite, patient_a):
    invitation = invite()
    patient_a.is_active = False
    patient_a.save()
    assert client.get(link_path(invitation)).status_code == 410
