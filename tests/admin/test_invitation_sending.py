"""An invitation email that does not leave is never reported as sent: staff are told, and
the link still works (it is printed on the handout)."""

import smtplib

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from patients.models import Invitation

REFUSED = set()  # addresses the mail server below refuses; "*" refuses every one
FAILURES = {
    "recipient refused": lambda to: smtplib.SMTPRecipientsRefused({to: (550, b"No such user")}),
    "server gone": lambda to: smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    "no server": lambda to: ConnectionRefusedError(111, "Connection refused"),
    "timeout": lambda to: TimeoutError("timed out"),
}
failure = {"make": FAILURES["recipient refused"]}


class RefusingBackend(EmailBackend):
    """A mail server that refuses some addresses (the others reach mail.outbox)."""

    def send_messages(self, messages):
        for message in messages:
            for to in message.to:
                if "*" in REFUSED or to in REFUSED:
                    raise failure["make"](to)
        return super().send_messages(messages)


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    REFUSED.clear()
    yield REFUSED
    REFUSED.clear()
    failure["make"] = FAILURES["recipient refused"]


def told(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("kind", list(FAILURES))
def test_an_invitation_the_mail_server_does_not_take_is_not_reported_as_sent(
    client, front_desk_a, patient_a, mail_server, kind
):
    mail_server.add("*")
    failure["make"] = FAILURES[kind]
    client.force_login(front_desk_a)
    response = client.post(f"/admin/patients/patient/{patient_a.pk}/send-invitation/")
    assert response.status_code == 302
    assert told(response) == [
        (
            "error",
            "The invitation email to ada@patients.example was not sent: the mail server did "
            "not accept it. The new link works: print the patient's handout to give it to "
            "them, or try again later.",
        )
    ]
    assert mail.outbox == []
    invitation = Invitation.objects.get(patient=patient_a)
    assert invitation.is_usable  # printed on the handout, it still lets the patient in


def test_a_sent_invitation_is_reported_as_sent(client, front_desk_a, patient_a, mail_server):
    client.force_login(front_desk_a)
    response = client.post(f"/admin/patients/patient/{patient_a.pk}/send-invitation/")
    assert told(response) == [("success", "Invitation sent to ada@patients.example.")]
    assert mail.outbox[0].to == ["ada@patients.example"]


def test_the_bulk_action_says_which_invitations_went_and_which_did_not(
    client, clinician_a, patient_a, patient_a2, mail_server
):
    mail_server.add("ben@patients.example")
    client.force_login(clinician_a)
    response = client.post(
        "/admin/patients/patient/",
        {"action": "send_invitations", "_selected_action": [patient_a.pk, patient_a2.pk]},
    )
    assert response.status_code == 302
    assert told(response) == [
        ("success", "Invitation sent to 1 patient."),
        (
            "error",
            "The invitation email to ben@patients.example was not sent: the mail server did "
            "not accept it. The new link works: print the patient's handout to give it to "
            "them, or try again later.",
        ),
    ]
    assert [message.to for message in mail.outbox] == [["ada@patients.example"]]


def test_a_clinic_name_stored_on_two_lines_still_makes_a_one_line_subject(
    client, clinic_a, front_desk_a, patient_a, mail_server
):
    # From before names were checked: the email goes all the same.
    type(clinic_a).objects.filter(pk=clinic_a.pk).update(name="Clinic A\nBcc: all@x.example")
    client.force_login(front_desk_a)
    response = client.post(f"/admin/patients/patient/{patient_a.pk}/send-invitation/")
    assert told(response) == [("success", "Invitation sent to ada@patients.example.")]
    (sent,) = mail.outbox
    assert sent.subject == "Clinic A Bcc: all@x.example invites you to your home programme"
    assert sent.bcc == []
