"""An alert's emails: queued with the alert, retried, escalated to the managers once after
the clinic's deadline, and never lost on the way (patients.outbox, patients.notifications).

Tasks run as they are enqueued here (tests/settings.py); tests/tasks runs the real workers.
"""

import datetime as dt
import smtplib
import uuid

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from clinic.models import Clinic, StaffMembership, User
from patients import notifications, outbox, services
from patients.models import Alert, OutgoingMessage, Patient

pytestmark = pytest.mark.usefixtures("frozen_clock")

Kind, State = OutgoingMessage.Kind, OutgoingMessage.State


def raise_alert(patient, **signs):
    entry, _ = services.record_pain(
        patient=patient, submission_id=uuid.uuid4(), score=3, **(signs or {"swelling": True})
    )
    return entry.alert


def deliver_all():
    for pk in OutgoingMessage.objects.unfinished().values_list("pk", flat=True):
        outbox.deliver(pk)


@pytest.fixture
def refusing_mail_server(monkeypatch):
    """The mail server refuses every email until `.back()`."""

    class Server:
        down = True

        def back(self):
            self.down = False

    server = Server()
    real_send = mail.EmailMessage.send

    def send(message, fail_silently=False):
        if server.down:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return real_send(message, fail_silently)

    monkeypatch.setattr(mail.EmailMessage, "send", send)
    return server


def test_the_alert_and_its_email_are_saved_together_and_the_email_waits_for_a_worker(
    patient_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        alert = raise_alert(patient_a)
    message = OutgoingMessage.objects.get()
    assert (message.kind, message.alert, message.to) == (Kind.ALERT, alert, "clinician@a.example")
    assert message.state == State.QUEUED
    assert mail.outbox == []  # nothing sent inside the patient's request


def test_a_refused_email_is_retried_with_growing_waits_then_sent_once(
    patient_a, refusing_mail_server, frozen_clock
):
    alert = raise_alert(patient_a)
    message = alert.messages.get()
    assert outbox.deliver(message.pk) == State.RETRYING
    message.refresh_from_db()
    assert (message.failures, message.attempts) == (1, 1)
    assert "unexpectedly closed" in message.last_error
    assert message.next_attempt_at == timezone.now() + dt.timedelta(seconds=60)
    # Not yet due: a second task for it does nothing.
    assert outbox.deliver(message.pk) == "not due"
    frozen_clock.shift(dt.timedelta(seconds=60))
    assert outbox.deliver(message.pk) == State.RETRYING
    message.refresh_from_db()
    assert message.next_attempt_at == timezone.now() + dt.timedelta(seconds=120)
    refusing_mail_server.back()
    frozen_clock.shift(dt.timedelta(seconds=120))
    assert outbox.deliver(message.pk) == State.SENT
    assert outbox.deliver(message.pk) == "not due"
    message.refresh_from_db()
    assert (message.state, message.failures, message.attempts) == (State.SENT, 2, 3)
    assert len(mail.outbox) == 1


def test_every_attempt_carries_the_same_message_id(patient_a):
    alert = raise_alert(patient_a)
    message = alert.messages.get()
    outbox.deliver(message.pk)
    (email,) = mail.outbox
    assert email.extra_headers["Message-ID"] == f"<{message.pk}@localhost>"


def test_an_email_that_keeps_failing_goes_to_the_managers_instead(
    patient_a, refusing_mail_server, frozen_clock
):
    alert = raise_alert(patient_a)
    message = alert.messages.get()
    for _ in range(outbox.max_attempts(Kind.ALERT)):
        outbox.deliver(message.pk)
        frozen_clock.shift(dt.timedelta(hours=1))
    message.refresh_from_db()
    assert message.state == State.FAILED
    (to_managers,) = alert.messages.filter(kind=Kind.ALERT_TO_MANAGERS)
    assert to_managers.to == "manager@a.example"
    refusing_mail_server.back()
    outbox.deliver(to_managers.pk)
    assert [email.to for email in mail.outbox] == [["manager@a.example"]]


def test_an_email_no_longer_needed_is_not_sent(
    patient_a, clinician_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        alert = raise_alert(patient_a)
    services.acknowledge_alerts(alerts=[alert], by=clinician_a, outcome="called")
    message = alert.messages.get()
    assert outbox.deliver(message.pk) == State.CANCELLED
    assert mail.outbox == []


@pytest.mark.parametrize("missing", ["no clinician", "inactive clinician"])
def test_an_alert_with_no_clinician_to_email_goes_to_the_managers_at_once(
    patient_a, clinician_a, missing
):
    if missing == "no clinician":
        Patient.objects.filter(pk=patient_a.pk).update(clinician=None)
        patient_a.clinician = None
    else:
        User.objects.filter(pk=clinician_a.pk).update(is_active=False)
        patient_a.clinician.is_active = False
    alert = raise_alert(patient_a)
    deliver_all()
    assert [m.kind for m in alert.messages.all()] == [Kind.ALERT_TO_MANAGERS]
    (email,) = mail.outbox
    assert email.to == ["manager@a.example"]
    assert "could not email their clinician" in email.body


def test_a_clinic_without_a_manager_is_told_at_its_own_address(patient_b):
    Clinic.objects.filter(pk=patient_b.clinic_id).update(email="front@b.example")
    Patient.objects.filter(pk=patient_b.pk).update(clinician=None)
    patient_b.clinician = None
    raise_alert(patient_b)
    deliver_all()
    assert [email.to for email in mail.outbox] == [["front@b.example"]]


# --- Escalation ------------------------------------------------------------------------------


def escalations():
    return OutgoingMessage.objects.filter(kind=Kind.ESCALATION)


def test_an_unacknowledged_alert_reaches_the_managers_after_the_deadline_once(
    patient_a, frozen_clock
):
    alert = raise_alert(patient_a)
    deliver_all()
    mail.outbox.clear()
    frozen_clock.shift(dt.timedelta(hours=3, minutes=59))
    assert notifications.escalate_overdue_alerts(now=timezone.now()) == 0
    frozen_clock.shift(dt.timedelta(minutes=1))
    assert notifications.escalate_overdue_alerts(now=timezone.now()) == 1
    # The scheduler runs every minute, and may run twice at once: still one email.
    assert notifications.escalate_overdue_alerts(now=timezone.now()) == 0
    frozen_clock.shift(dt.timedelta(hours=5))
    assert notifications.escalate_overdue_alerts(now=timezone.now()) == 0
    deliver_all()
    (email,) = mail.outbox
    assert email.to == ["manager@a.example"]
    assert email.subject == "Clinic A: an alert has waited too long"
    assert "within 4 hours" in email.body
    assert f"/admin/patients/alert/{alert.pk}/change/" in email.body
    assert escalations().get().alert == alert


def test_an_acknowledged_alert_is_not_escalated(patient_a, clinician_a, frozen_clock):
    alert = raise_alert(patient_a)
    services.acknowledge_alerts(alerts=[alert], by=clinician_a, outcome="called")
    frozen_clock.shift(dt.timedelta(hours=5))
    assert notifications.escalate_overdue_alerts(now=timezone.now()) == 0
    assert not escalations().exists()


def test_each_clinic_sets_its_own_deadline_and_every_manager_is_told(
    patient_a, clinic_a, frozen_clock
):
    Clinic.objects.filter(pk=clinic_a.pk).update(escalation_hours=1)
    second = User.objects.create_user(email="second.manager@a.example", password=None)
    StaffMembership.objects.create(user=second, clinic=clinic_a, role="manager")
    raise_alert(patient_a)
    frozen_clock.shift(dt.timedelta(minutes=59))
    assert notifications.escalate_overdue_alerts(now=timezone.now()) == 0
    frozen_clock.shift(dt.timedelta(minutes=1))
    assert notifications.escalate_overdue_alerts(now=timezone.now()) == 2
    assert set(escalations().values_list("to", flat=True)) == {
        "manager@a.example",
        "second.manager@a.example",
    }


def test_the_deadline_is_counted_on_the_clinics_clock(patient_a, frozen_clock):
    # Raised at 0:30 in Toronto the night clocks go forward: due at 4:30 on the clock,
    # three real hours later.
    frozen_clock.move_to(dt.datetime(2027, 3, 14, 5, 30, tzinfo=dt.UTC))
    alert = raise_alert(patient_a)
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now())
    with time_machine.travel(dt.datetime(2027, 3, 14, 8, 29, tzinfo=dt.UTC), tick=False):
        assert notifications.escalate_overdue_alerts(now=timezone.now()) == 0
    with time_machine.travel(dt.datetime(2027, 3, 14, 8, 30, tzinfo=dt.UTC), tick=False):
        assert notifications.escalate_overdue_alerts(now=timezone.now()) == 1


# --- The sweep -------------------------------------------------------------------------------


def test_an_email_whose_task_was_lost_is_enqueued_again_by_the_sweep(
    patient_a, django_capture_on_commit_callbacks, frozen_clock
):
    # The queue was unreachable when the patient saved: the task never existed.
    with django_capture_on_commit_callbacks(execute=False):
        alert = raise_alert(patient_a)
    message = alert.messages.get()
    assert outbox.requeue_stalled(now=timezone.now()) == 0  # a queue may be busy a while
    frozen_clock.shift(outbox.SWEEP_GRACE + dt.timedelta(seconds=1))
    assert outbox.requeue_stalled(now=timezone.now()) == 1
    message.refresh_from_db()
    assert message.state == State.SENT
    assert len(mail.outbox) == 1
