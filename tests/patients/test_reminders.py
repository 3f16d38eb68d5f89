"""Exercise reminders: at the time the patient chose, on their clinic's clock, on their days;
never on a day already done, while inactive or paused, or twice for one day."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.models import Clinic, User
from patients import notifications, outbox, reminders, services
from patients.models import WEEKDAYS, OutgoingMessage, Patient, Plan

pytestmark = pytest.mark.usefixtures("frozen_clock")

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
EVERY_DAY = [day for day, _label in WEEKDAYS]
MONDAY = dt.date(2027, 1, 11)


def at(day, hour, minute=0, zone=TORONTO):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def want_reminders(patient, *, time=dt.time(18, 0), days=EVERY_DAY):
    return reminders.save_preference(
        patient=patient, enabled=True, time=time, days=days, nudges=True
    )


def run_scheduler():
    return notifications.queue_due_reminders(now=timezone.now())


def reminded(patient):
    return list(
        OutgoingMessage.objects.filter(kind=OutgoingMessage.Kind.REMINDER, patient=patient)
        .order_by("on_date")
        .values_list("on_date", flat=True)
    )


@pytest.fixture
def alex(plan_a, frozen_clock):
    """Patient A, with an active plan, who asked on a Monday morning for reminders at 18:00."""
    frozen_clock.move_to(at(MONDAY, 9))
    want_reminders(plan_a.patient)
    return plan_a.patient


def test_the_reminder_comes_at_the_chosen_time_once_a_day(alex, frozen_clock):
    frozen_clock.move_to(at(MONDAY, 17, 59))
    assert run_scheduler() == 0
    frozen_clock.move_to(at(MONDAY, 18))
    assert run_scheduler() == 1
    frozen_clock.move_to(at(MONDAY, 18, 1))
    assert run_scheduler() == 0  # already reminded today
    frozen_clock.move_to(at(MONDAY + dt.timedelta(days=1), 18))
    assert run_scheduler() == 1
    assert reminded(alex) == [MONDAY, MONDAY + dt.timedelta(days=1)]


def test_only_on_the_chosen_days(plan_a, frozen_clock):
    frozen_clock.move_to(at(MONDAY, 9))
    want_reminders(plan_a.patient, days=["monday", "wednesday"])
    for offset in range(7):
        frozen_clock.move_to(at(MONDAY + dt.timedelta(days=offset), 18, 30))
        run_scheduler()
    assert reminded(plan_a.patient) == [MONDAY, MONDAY + dt.timedelta(days=2)]


def test_each_clinics_own_clock(alex, plan_b, frozen_clock):
    Clinic.objects.filter(pk=plan_b.patient.clinic_id).update(time_zone="America/Vancouver")
    want_reminders(plan_b.patient)  # 18:00 in Vancouver: 21:00 in Toronto
    frozen_clock.move_to(at(MONDAY, 18))
    run_scheduler()
    assert reminded(plan_b.patient) == []
    frozen_clock.move_to(at(MONDAY, 21))
    run_scheduler()
    assert reminded(alex) == [MONDAY]
    assert reminded(plan_b.patient) == [MONDAY]


def test_a_time_the_clock_skips_is_sent_at_the_next_valid_minute(plan_a, frozen_clock):
    spring_forward = dt.date(2027, 3, 14)  # 2:00 becomes 3:00 in Toronto
    frozen_clock.move_to(at(spring_forward - dt.timedelta(days=1), 12))
    want_reminders(plan_a.patient, time=dt.time(2, 30))
    frozen_clock.move_to(dt.datetime(2027, 3, 14, 6, 59, tzinfo=dt.UTC))  # 1:59 EST
    assert run_scheduler() == 0
    frozen_clock.move_to(dt.datetime(2027, 3, 14, 7, 0, tzinfo=dt.UTC))  # 3:00 EDT
    assert run_scheduler() == 1
    assert reminded(plan_a.patient) == [spring_forward]


def test_a_time_the_clock_shows_twice_is_sent_once(plan_a, frozen_clock):
    fall_back = dt.date(2027, 11, 7)  # 1:00 to 1:59 happen twice in Toronto
    frozen_clock.move_to(at(fall_back - dt.timedelta(days=1), 12))
    want_reminders(plan_a.patient, time=dt.time(1, 30))
    frozen_clock.move_to(dt.datetime(2027, 11, 7, 5, 30, tzinfo=dt.UTC))  # 1:30 EDT
    assert run_scheduler() == 1
    frozen_clock.move_to(dt.datetime(2027, 11, 7, 6, 30, tzinfo=dt.UTC))  # 1:30 EST
    assert run_scheduler() == 0
    assert reminded(plan_a.patient) == [fall_back]


def test_none_on_a_day_the_session_is_already_done(alex, plan_a, frozen_clock):
    frozen_clock.move_to(at(MONDAY, 17))
    services.log_session(patient=alex, plan=plan_a, date=MONDAY)
    frozen_clock.move_to(at(MONDAY, 18))
    assert run_scheduler() == 0


def test_a_reminder_queued_before_the_session_was_done_is_not_sent(
    alex, plan_a, frozen_clock, django_capture_on_commit_callbacks
):
    frozen_clock.move_to(at(MONDAY, 18))
    with django_capture_on_commit_callbacks(execute=False):
        run_scheduler()
    services.log_session(patient=alex, plan=plan_a, date=MONDAY)
    message = OutgoingMessage.objects.get(kind="reminder")
    assert outbox.deliver(message.pk) == OutgoingMessage.State.CANCELLED
    assert mail.outbox == []


@pytest.mark.parametrize("why", ["patient inactive", "account off", "plan paused", "plan ended"])
def test_none_while_the_patient_is_inactive_or_the_plan_paused_or_ended(
    alex, plan_a, frozen_clock, why
):
    if why == "patient inactive":
        Patient.objects.filter(pk=alex.pk).update(is_active=False)
    elif why == "account off":
        User.objects.filter(pk=alex.user_id).update(is_active=False)
    else:
        status = Plan.Status.PAUSED if why == "plan paused" else Plan.Status.COMPLETED
        services.set_plan_status(plan=plan_a, status=status, by=None)
    frozen_clock.move_to(at(MONDAY, 18))
    assert run_scheduler() == 0


def test_reminders_turned_off_stop(alex, frozen_clock):
    reminders.save_preference(
        patient=alex, enabled=False, time=dt.time(18), days=EVERY_DAY, nudges=True
    )
    frozen_clock.move_to(at(MONDAY, 18))
    assert run_scheduler() == 0


def test_a_time_chosen_after_it_passed_today_starts_tomorrow(plan_a, frozen_clock):
    frozen_clock.move_to(at(MONDAY, 19))
    want_reminders(plan_a.patient)
    assert run_scheduler() == 0
    frozen_clock.move_to(at(MONDAY + dt.timedelta(days=1), 18))
    assert run_scheduler() == 1


def test_a_scheduler_stopped_for_hours_does_not_send_the_days_reminder_at_night(alex, frozen_clock):
    frozen_clock.move_to(at(MONDAY, 23))
    assert run_scheduler() == 0


def test_the_database_refuses_a_second_reminder_for_the_same_day(alex, frozen_clock):
    frozen_clock.move_to(at(MONDAY, 18))
    run_scheduler()
    with pytest.raises(IntegrityError), transaction.atomic():
        OutgoingMessage.objects.create(
            clinic=alex.clinic,
            kind=OutgoingMessage.Kind.REMINDER,
            to=alex.user.email,
            patient=alex,
            on_date=MONDAY,
        )


@pytest.mark.parametrize(
    ("language", "subject", "today"),
    [
        ("en", "Clinic A: time for your exercises", "Open Today"),
        ("fr", "Clinic A : c'est l'heure de vos exercices", "Ouvrez Aujourd'hui"),
    ],
)
def test_the_email_is_in_the_patients_language_links_to_today_and_holds_no_health_details(
    alex, plan_a, frozen_clock, language, subject, today
):
    User.objects.filter(pk=alex.user_id).update(language=language)
    frozen_clock.move_to(at(MONDAY, 18))
    run_scheduler()
    outbox.deliver(OutgoingMessage.objects.get(kind="reminder").pk)
    (email,) = mail.outbox
    assert email.to == ["ada@patients.example"]
    assert email.subject == subject
    assert today in email.body
    assert "http://127.0.0.1:8000/\n" in email.body
    (unsubscribe,) = [line for line in email.body.splitlines() if "/unsubscribe/" in line]
    assert email.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for detail in [plan_a.title, *plan_a.items.values_list("exercise__name", flat=True), "knee"]:
        assert detail.lower() not in (email.subject + email.body).lower()


def test_an_email_provider_through_anymail_sends_the_same_email(alex, frozen_clock, settings):
    """DJANGO_EMAIL_BACKEND=anymail.backends.<provider>.EmailBackend: the provider's API gets
    the reminder with its unsubscribe headers, and the message is recorded as sent."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    frozen_clock.move_to(at(MONDAY, 18))
    run_scheduler()
    message = OutgoingMessage.objects.get(kind="reminder")
    outbox.deliver(message.pk)

    (email,) = mail.outbox
    assert email.anymail_status.status == {"sent"}
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message.refresh_from_db()
    assert message.state == OutgoingMessage.State.SENT


def test_the_providers_settings_come_from_the_environment(fresh_settings):
    settings = fresh_settings(
        DJANGO_EMAIL_BACKEND="anymail.backends.postmark.EmailBackend",
        DJANGO_ANYMAIL_POSTMARK_SERVER_TOKEN="server-token",
        DJANGO_DEBUG="true",
    )
    assert settings.EMAIL_BACKEND == "anymail.backends.postmark.EmailBackend"
    assert settings.ANYMAIL == {"POSTMARK_SERVER_TOKEN": "server-token"}
