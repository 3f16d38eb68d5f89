"""Who the portal emails, about what, and when: alerts and their escalation, exercise
reminders, inactivity nudges and the weekly digest.

The finders (`escalate_overdue_alerts`, `queue_due_reminders`, ...) run in the scheduler
(patients.jobs) and only queue messages (patients.outbox); `compose` writes each email
when a worker sends it, from the rows as they are then, and says when it is no longer
needed. No email names the patient's condition, pain or answers.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import formats, timezone, translation

from clinic import clock
from clinic.models import Clinic, StaffMembership, User
from patients import extensions, reminders
from patients.models import Alert, OutgoingMessage, Patient, ReminderPreference
from patients.outbox import queue_message

logger = logging.getLogger(__name__)

Kind = OutgoingMessage.Kind

# Reminders are sent at the chosen time; one the scheduler could not send within this long
# (it was stopped) is left for the next day rather than sent in the evening.
REMINDER_LATE_LIMIT = dt.timedelta(hours=3)
# Nudges and digests go out in the day, on the clinic's clock.
DAYTIME = (dt.time(9, 0), dt.time(20, 0))
DIGEST_TIME = dt.time(8, 0)  # Monday morning


@dataclass
class Email:
    template: str  # patients/email/<name>: its _subject.txt and _body.txt
    context: dict
    language: str
    headers: dict = field(default_factory=dict)


def link(name: str, *args, query: str = "") -> str:
    return settings.PORTAL_URL + reverse(name, args=args) + query


# --- Alerts ------------------------------------------------------------------------------


def queue_alert_emails(alert: Alert) -> list[OutgoingMessage]:
    """In the transaction that raises the alert: an email to the patient's clinician, or, if
    there is nobody to email, to the clinic's managers at once."""
    clinician = alert.patient.clinician
    if clinician is not None and clinician.is_active and clinician.email:
        message = queue_message(
            kind=Kind.ALERT,
            clinic_id=alert.clinic_id,
            recipient=clinician,
            to=clinician.email,
            patient_id=alert.patient_id,
            alert=alert,
        )
        return [message] if message else []
    return queue_to_managers(alert, kind=Kind.ALERT_TO_MANAGERS)


def managers_of(clinic: Clinic) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            staff_membership__clinic=clinic,
            staff_membership__role=StaffMembership.Role.MANAGER,
        ).order_by("pk")
    )


@transaction.atomic
def queue_to_managers(alert: Alert, *, kind: str) -> list[OutgoingMessage]:
    """An email about the alert to each of the clinic's managers (or, without any, to the
    clinic's own address), once each: the constraint drops a second one."""
    clinic = alert.clinic if alert.clinic_id else alert.patient.clinic
    recipients = [(user, user.email) for user in managers_of(clinic)]
    if not recipients and clinic.email:
        recipients = [(None, clinic.email)]
    if not recipients:
        logger.error(
            "Alert %s: clinic %s has no manager and no email address to tell.", alert.pk, clinic
        )
    queued = []
    for user, address in recipients:
        message = queue_message(
            kind=kind,
            clinic_id=clinic.pk,
            recipient=user,
            to=address,
            patient_id=alert.patient_id,
            alert=alert,
        )
        if message is not None:
            queued.append(message)
    return queued


def escalation_due_at(alert: Alert, clinic: Clinic) -> dt.datetime:
    """When an unacknowledged alert goes to the managers: the clinic's number of hours
    after it was raised, counted on its clock (clinic.clock.hours_later)."""
    return clock.hours_later(alert.created_at, clinic.escalation_hours, clinic.zone)


# Older open alerts are left alone: escalations start from this feature on, not from the
# clinic's whole history.
ESCALATION_LOOKBACK = dt.timedelta(days=7)


def escalate_overdue_alerts(*, now: dt.datetime) -> int:
    """Each open alert past its clinic's deadline with no escalation yet: to the managers."""
    escalated = OutgoingMessage.objects.filter(alert=OuterRef("pk"), kind=Kind.ESCALATION)
    count = 0
    for clinic in Clinic.objects.all():
        # A deadline on the clock is at most an hour earlier than in elapsed hours.
        latest = now - dt.timedelta(hours=clinic.escalation_hours - 1)
        candidates = (
            Alert.objects.open()
            .filter(
                clinic=clinic, created_at__lte=latest, created_at__gte=now - ESCALATION_LOOKBACK
            )
            .exclude(Exists(escalated))
            .select_related("patient")
        )
        for alert in candidates:
            alert.clinic = clinic
            if escalation_due_at(alert, clinic) <= now:
                count += len(queue_to_managers(alert, kind=Kind.ESCALATION))
    return count


def _alert_email(message: OutgoingMessage) -> Email | None:
    alert = (
        Alert.objects.select_related("pain_entry", "patient__clinic").filter(pk=message.alert_id)
    ).first()
    if alert is None or alert.acknowledged_at is not None:
        return None  # a colleague has seen to it
    recipient = message.recipient
    language = recipient.language if recipient else settings.LANGUAGE_CODE
    clinic = alert.patient.clinic
    with translation.override(language):
        context = {
            "recipient": recipient,
            "clinic": clinic,
            "reasons": alert.reasons,
            "told": alert.advice_text,
            "raised": formats.date_format(
                timezone.localtime(alert.created_at, clinic.zone), "DATETIME_FORMAT"
            ),
            "hours": clinic.escalation_hours,
            "url": link("admin:patients_alert_change", alert.pk),
        }
    template = {
        Kind.ALERT: "patients/email/alert",
        Kind.ALERT_TO_MANAGERS: "patients/email/alert_managers",
        Kind.ESCALATION: "patients/email/escalation",
    }[message.kind]
    return Email(template, context, language)


def gave_up(message: OutgoingMessage) -> None:
    """A message failed for good. An alert its clinician could not be emailed about goes
    to the managers: a warning sign reaches someone, whatever failed on the way."""
    if message.kind == Kind.ALERT and message.alert_id:
        alert = Alert.objects.select_related("clinic", "patient").get(pk=message.alert_id)
        if alert.acknowledged_at is None:
            queue_to_managers(alert, kind=Kind.ALERT_TO_MANAGERS)


# --- Reminders and nudges ----------------------------------------------------------------


def wants_emails(patient: Patient) -> bool:
    """A patient the portal may email about their exercises: active, with an active plan."""
    return patient.is_active and patient.user.is_active and patient.last_active_on is not None


def queue_due_reminders(*, now: dt.datetime) -> int:
    """Each patient whose reminder time has come today (on their clinic's clock), who has
    not done today's session and has not been reminded today."""
    count = 0
    for clinic in Clinic.objects.all():
        local = timezone.localtime(now, clinic.zone)
        today = local.date()
        reminded = OutgoingMessage.objects.filter(
            kind=Kind.REMINDER, patient=OuterRef("patient"), on_date=today
        )
        earliest = (local - REMINDER_LATE_LIMIT).time() if local.time() >= dt.time(3) else None
        due = ReminderPreference.objects.filter(
            enabled=True,
            patient__clinic=clinic,
            patient__is_active=True,
            patient__user__is_active=True,
            patient__last_active_on__isnull=False,
            time__lte=local.time(),
            **{reminders.weekday_field(today): True},
        )
        if earliest is not None:
            due = due.filter(time__gt=earliest)
        due = (
            due.exclude(patient__last_session_on=today)
            .exclude(Exists(reminded))
            .select_related("patient__user")
        )
        for preference in due:
            moment = clock.at_time(today, preference.time, clinic.zone)
            # Chosen after today's time had passed: from tomorrow.
            if moment > now or preference.updated_at > moment:
                continue
            patient = preference.patient
            count += bool(
                queue_message(
                    kind=Kind.REMINDER,
                    clinic_id=clinic.pk,
                    recipient=patient.user,
                    to=patient.user.email,
                    patient=patient,
                    on_date=today,
                )
            )
    return count


def queue_inactivity_nudges(*, now: dt.datetime) -> int:
    """One nudge for each patient whose last active day is the clinic's number of days
    back or more: once for that lapse (the message's day is the last active day)."""
    nudged = OutgoingMessage.objects.filter(
        kind=Kind.NUDGE, patient=OuterRef("pk"), on_date=OuterRef("last_active_on")
    )
    count = 0
    for clinic in Clinic.objects.all():
        local = timezone.localtime(now, clinic.zone)
        if not DAYTIME[0] <= local.time() < DAYTIME[1]:
            continue
        cutoff = local.date() - dt.timedelta(days=clinic.inactivity_days)
        patients = (
            Patient.objects.filter(
                clinic=clinic, is_active=True, user__is_active=True, last_active_on__lte=cutoff
            )
            .exclude(reminder_preference__nudges=False)
            .exclude(Exists(nudged))
            .select_related("user")
            .order_by()
        )
        for patient in patients:
            count += bool(
                queue_message(
                    kind=Kind.NUDGE,
                    clinic_id=clinic.pk,
                    recipient=patient.user,
                    to=patient.user.email,
                    patient=patient,
                    on_date=patient.last_active_on,
                )
            )
    return count


def _patient_email(message: OutgoingMessage) -> Email | None:
    patient = (
        Patient.objects.select_related("user", "clinic", "reminder_preference")
        .filter(pk=message.patient_id)
        .first()
    )
    if patient is None or not wants_emails(patient):
        return None
    preference = reminders.preference_of(patient)
    today = patient.clinic.today()
    if message.kind == Kind.REMINDER:
        still_wanted = (
            preference.enabled and message.on_date == today and patient.last_session_on != today
        )
        template, kind = "patients/email/reminder", reminders.REMINDER
    else:
        still_wanted = preference.nudges and patient.last_active_on == message.on_date
        template, kind = "patients/email/nudge", reminders.NUDGE
    if not still_wanted:
        return None
    unsubscribe = link("patients:unsubscribe", reminders.unsubscribe_token(preference, kind))
    context = {
        "user": patient.user,
        "clinic": patient.clinic,
        "today_url": link("home"),
        "reminders_url": link("patients:reminders"),
        "unsubscribe_url": unsubscribe,
        # What other apps add to a reminder (outcomes: a questionnaire due).
        "extra_lines": extensions.reminder_lines(patient, today)
        if kind == reminders.REMINDER
        else [],
    }
    headers = {
        # One click in the mail program turns it off (RFC 8058): it POSTs to this address.
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return Email(template, context, patient.user.language, headers)


# --- The weekly digest -------------------------------------------------------------------


def queue_weekly_digests(*, now: dt.datetime) -> int:
    """From Monday 8:00 on each clinic's clock, this week's digest for each staff member who
    asked for one (once a week: the message's day is the Monday)."""
    count = 0
    for clinic in Clinic.objects.all():
        local = timezone.localtime(now, clinic.zone)
        monday = local.date() - dt.timedelta(days=local.weekday())
        if now < clock.at_time(monday, DIGEST_TIME, clinic.zone):
            continue
        sent = OutgoingMessage.objects.filter(
            kind=Kind.DIGEST, recipient=OuterRef("user"), on_date=monday
        )
        memberships = (
            StaffMembership.objects.filter(
                clinic=clinic,
                weekly_digest=True,
                user__is_active=True,
                role__in=[StaffMembership.Role.CLINICIAN, StaffMembership.Role.MANAGER],
            )
            .exclude(Exists(sent))
            .select_related("user")
        )
        for membership in memberships:
            count += bool(
                queue_message(
                    kind=Kind.DIGEST,
                    clinic_id=clinic.pk,
                    recipient=membership.user,
                    to=membership.user.email,
                    on_date=monday,
                )
            )
    return count


def _digest_email(message: OutgoingMessage) -> Email | None:
    user, clinic = message.recipient, message.clinic
    if user is None or not user.is_active:
        return None
    today = clinic.today()
    mine = Patient.objects.filter(clinic=clinic, clinician=user, is_active=True)
    inactive = mine.filter(last_active_on__lte=today - dt.timedelta(days=clinic.inactivity_days))
    patients = reverse("admin:patients_patient_changelist")
    context = {
        "recipient": user,
        "clinic": clinic,
        "days": clinic.inactivity_days,
        "inactive": inactive.count(),
        "alerting": mine.filter(open_alerts__gt=0).count(),
        "inactive_url": settings.PORTAL_URL + patients + f"?clinician={user.pk}&inactive=yes",
        "alerting_url": settings.PORTAL_URL + patients + f"?clinician={user.pk}&alerts=open",
    }
    return Email("patients/email/digest", context, user.language)


# --- Writing each email --------------------------------------------------------------------


def compose(message: OutgoingMessage) -> Email | None:
    """The email to send for this message, written now; None if it is no longer needed."""
    if message.kind in OutgoingMessage.ABOUT_AN_ALERT:
        return _alert_email(message)
    if message.kind in (Kind.REMINDER, Kind.NUDGE):
        return _patient_email(message)
    return _digest_email(message)
