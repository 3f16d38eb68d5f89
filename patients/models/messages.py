"""What the portal emails, and the patients' choice of exercise reminders.

Every email the portal sends on its own (alerts, escalations, reminders, nudges, digests) is
first an `OutgoingMessage` row, written in the same transaction as what it is about, then
delivered by a worker (patients.outbox). The row holds who, what kind, when and how the
delivery went: never a subject or a body, so no health details. The email is written from
the rows it is about when it is sent.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic
from patients.models.pain import Alert
from patients.models.patient import Patient

WEEKDAYS = [
    ("monday", _("Monday")),
    ("tuesday", _("Tuesday")),
    ("wednesday", _("Wednesday")),
    ("thursday", _("Thursday")),
    ("friday", _("Friday")),
    ("saturday", _("Saturday")),
    ("sunday", _("Sunday")),
]


class ReminderPreference(models.Model):
    """A patient's exercise reminders (off until they turn them on) and inactivity nudges
    (on until they turn them off). A patient without a row has the defaults."""

    patient = models.OneToOneField(
        Patient,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reminder_preference",
        verbose_name=_("patient"),
    )
    enabled = models.BooleanField(_("email me a reminder"), default=False)
    time = models.TimeField(_("at"), default=dt.time(18, 0))
    monday = models.BooleanField(_("Monday"), default=True)
    tuesday = models.BooleanField(_("Tuesday"), default=True)
    wednesday = models.BooleanField(_("Wednesday"), default=True)
    thursday = models.BooleanField(_("Thursday"), default=True)
    friday = models.BooleanField(_("Friday"), default=True)
    saturday = models.BooleanField(_("Saturday"), default=True)
    sunday = models.BooleanField(_("Sunday"), default=True)
    nudges = models.BooleanField(
        _("email me when I have not logged a session for a while"), default=True
    )
    # Each time reminders or nudges are turned on, older emails' unsubscribe links stop
    # working: a link from last month cannot turn off what the patient has since chosen.
    reminders_since = models.DateTimeField(null=True, editable=False)
    nudges_since = models.DateTimeField(null=True, editable=False)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    clinic_lookup = "patient__clinic"
    patient_lookup = "patient_id"

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")
        indexes = [
            # The scheduler: who wants a reminder (most patients do not).
            models.Index(
                fields=["time"], condition=Q(enabled=True), name="patients_reminder_enabled"
            ),
        ]

    def __str__(self):
        return str(self.patient)

    @property
    def days(self) -> list[str]:
        return [day for day, _label in WEEKDAYS if getattr(self, day)]

    def on_weekday(self, weekday: int) -> bool:
        """Whether reminders go out on this weekday (0 = Monday, as `date.weekday()`)."""
        return getattr(self, WEEKDAYS[weekday][0])


class OutgoingMessageQuerySet(models.QuerySet):
    def for_admin_list(self):
        return self.select_related("recipient", "patient__user")

    def unfinished(self):
        return self.filter(state__in=OutgoingMessage.UNFINISHED)


class OutgoingMessage(models.Model):
    class Kind(models.TextChoices):
        ALERT = "alert", _("Alert, to the clinician")
        ALERT_TO_MANAGERS = "alert_managers", _("Alert, to the managers (no clinician to email)")
        ESCALATION = "escalation", _("Alert not acknowledged in time, to the managers")
        REMINDER = "reminder", _("Exercise reminder")
        NUDGE = "nudge", _("Inactivity nudge")
        DIGEST = "digest", _("Weekly digest")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        RETRYING = "retrying", _("Failed, will retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, gave up")
        CANCELLED = "cancelled", _("Not sent: no longer needed")

    UNFINISHED = (State.QUEUED, State.SENDING, State.RETRYING)
    ABOUT_AN_ALERT = (Kind.ALERT, Kind.ALERT_TO_MANAGERS, Kind.ESCALATION)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    clinic = models.ForeignKey(
        Clinic, on_delete=models.PROTECT, related_name="+", verbose_name=_("clinic")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    # The address it went to, kept when the account is gone.
    to = models.EmailField(_("to"))
    patient = models.ForeignKey(
        Patient,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("patient"),
    )
    alert = models.ForeignKey(
        Alert,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("alert"),
    )
    # The day a reminder, nudge or digest is for, on the clinic's calendar: a reminder's day,
    # the last day the patient was active (one nudge for each lapse), a digest's Monday.
    on_date = models.DateField(_("for"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    failures = models.PositiveSmallIntegerField(_("failures"), default=0)
    # What the mail server said last time it failed: never the email itself.
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # Until when the worker that took it may still be sending it; after that, a worker
    # that died is assumed, and it is delivered again (patients.outbox).
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("time sent"), null=True, blank=True)

    objects = OutgoingMessageQuerySet.as_manager()

    clinic_lookup = "clinic"
    patient_lookup = "patient_id"

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at"]
        constraints = [
            # The "once" of every kind, whatever runs twice at once (two schedulers, a
            # worker and the sweep): one email of a kind per alert and address...
            models.UniqueConstraint(
                fields=["alert", "kind", "to"],
                condition=Q(alert__isnull=False),
                name="patients_outgoing_once_per_alert",
            ),
            # ...one reminder a day...
            models.UniqueConstraint(
                fields=["patient", "on_date"],
                condition=Q(kind="reminder"),
                name="patients_outgoing_one_reminder_a_day",
            ),
            # ...one nudge for each time the patient stops...
            models.UniqueConstraint(
                fields=["patient", "on_date"],
                condition=Q(kind="nudge"),
                name="patients_outgoing_one_nudge_per_lapse",
            ),
            # ...and one digest a week for each person.
            models.UniqueConstraint(
                fields=["recipient", "on_date"],
                condition=Q(kind="digest"),
                name="patients_outgoing_one_digest_a_week",
            ),
            models.CheckConstraint(
                condition=Q(state="sent", sent_at__isnull=False) | ~Q(state="sent"),
                name="patients_outgoing_sent_has_time",
            ),
        ]
        indexes = [
            # The clinic's list of what was sent, newest first.
            models.Index(fields=["clinic", "-created_at"], name="patients_outgoing_clinic"),
            # The sweep: messages not yet delivered, by when they are due.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state__in=["queued", "sending", "retrying"]),
                name="patients_outgoing_unfinished",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.to} ({self.get_state_display()})"
