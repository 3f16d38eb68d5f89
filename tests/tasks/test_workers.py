"""An alert's email, from the patient's request to the clinician's mailbox, through a real
worker on each queue (the database's and Redis), whatever the mail server or the worker
does on the way."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from patients import outbox
from patients.models import OutgoingMessage
from tests.tasks.conftest import wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

State = OutgoingMessage.State


def report_warning_sign(client, patient):
    """The patient saves a warning sign; the page answers without any mail server."""
    client.force_login(patient.user)
    response = client.post(
        "/pain/",
        {
            "score": "4",
            "swelling": "on",
            "recorded_at": patient.clinic.now().strftime("%Y-%m-%dT%H:%M"),
            "submission_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    return OutgoingMessage.objects.get(kind=OutgoingMessage.Kind.ALERT)


def state_of(message):
    message.refresh_from_db()
    return message.state


def test_the_worker_emails_the_alert_to_the_clinician(client, patient_a, mail_server, workers):
    mail_server.start()
    message = report_warning_sign(client, patient_a)
    assert message.state == State.QUEUED
    workers.start()
    wait_for(lambda: state_of(message) == State.SENT, what="the email to be sent")
    (email,) = mail_server.mailbox.accepted
    assert email.rcpt_tos == ["clinician@a.example"]
    assert "needs your attention" in email.content.decode()
    assert message.attempts == 1
    assert message.failures == 0


def test_a_mail_server_down_when_the_patient_saved_gets_the_email_once_it_is_back(
    client, patient_a, clinician_a, mail_server, workers
):
    # The mail server is down: the patient's page answers all the same.
    message = report_warning_sign(client, patient_a)
    workers.start()
    wait_for(lambda: state_of(message) == State.RETRYING, what="a failed attempt")
    assert message.failures >= 1
    assert message.last_error
    # The clinic sees it on the alert: not sent yet, and how many attempts failed.
    client.force_login(clinician_a)
    page = client.get(reverse("admin:patients_alert_change", args=[message.alert_id]))
    assert "Failed, will retry" in page.content.decode()

    mail_server.start()
    wait_for(lambda: state_of(message) == State.SENT, what="the email once the server is back")
    (email,) = mail_server.mailbox.accepted
    assert email.rcpt_tos == ["clinician@a.example"]
    assert message.failures >= 1
    page = client.get(reverse("admin:patients_alert_changelist"))
    assert "failed attempt" in page.content.decode()


def test_a_worker_killed_while_sending_is_taken_over_and_the_email_goes_once(
    client, patient_a, mail_server, workers
):
    mail_server.start()
    mail_server.mailbox.hold.set()  # the first email waits at the mail server...
    message = report_warning_sign(client, patient_a)
    first = workers.start()
    wait_for(mail_server.mailbox.holding.is_set, what="the worker to be sending")
    workers.kill(first)  # ...while its worker dies
    mail_server.mailbox.released.set()
    assert state_of(message) == State.SENDING
    workers.start()

    def delivered():
        # The scheduler's sweep, as it runs every minute: the dead worker's lease runs out.
        outbox.requeue_stalled(now=timezone.now())
        return state_of(message) == State.SENT

    wait_for(delivered, every=0.5, what="another worker to take the email over")
    (email,) = mail_server.mailbox.accepted
    assert email.rcpt_tos == ["clinician@a.example"]
    assert message.attempts == 2
    # Sent is sent: the sweep and the workers leave it alone from now on.
    assert outbox.requeue_stalled(now=timezone.now()) == 0
    assert outbox.deliver(message.pk) == "not due"
    assert len(mail_server.mailbox.accepted) == 1
