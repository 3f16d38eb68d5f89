"""A patient's exercise reminders and nudges: their choice, and the one-click unsubscribe.

The link in each reminder or nudge is signed (it names the patient, which email it turns
off, and since when that email was on): changed by hand, it is refused; used again, or
after the patient turned the email back on, it changes nothing. Either way the page says so.
"""

import datetime as dt
import enum

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from patients.models import WEEKDAYS, Patient, ReminderPreference

UNSUBSCRIBE_SALT = "patients.reminders.unsubscribe"
REMINDER = "reminder"
NUDGE = "nudge"
# Which switch each kind of email turns off, and the field that says since when it is on.
SWITCHES = {REMINDER: ("enabled", "reminders_since"), NUDGE: ("nudges", "nudges_since")}


def weekday_field(day: dt.date) -> str:
    """The preference's field for this day's weekday ("monday", ...)."""
    return WEEKDAYS[day.weekday()][0]


def preference_of(patient: Patient) -> ReminderPreference:
    """The patient's preference, or the defaults (not saved) if they never chose."""
    try:
        return patient.reminder_preference
    except ReminderPreference.DoesNotExist:
        return ReminderPreference(patient=patient)


@transaction.atomic
def save_preference(
    *, patient: Patient, enabled: bool, time: dt.time, days: list[str], nudges: bool
) -> ReminderPreference:
    """Save the patient's choice (in the audit trail). Turning an email on makes the
    unsubscribe links of the emails sent before stop working."""
    preference = ReminderPreference.objects.select_for_update().filter(
        patient=patient
    ).first() or ReminderPreference(patient=patient)
    now = timezone.now()
    if enabled and not preference.enabled:
        preference.reminders_since = now
    if nudges and not preference.nudges:
        preference.nudges_since = now
    preference.enabled = enabled
    preference.time = time
    preference.nudges = nudges
    for day, _label in WEEKDAYS:
        setattr(preference, day, day in days)
    preference.save()
    return preference


def _since(preference: ReminderPreference, kind: str) -> str:
    value = getattr(preference, SWITCHES[kind][1])
    return value.isoformat() if value else ""


def unsubscribe_token(preference: ReminderPreference, kind: str) -> str:
    return signing.dumps(
        {"patient": str(preference.patient_id), "kind": kind, "since": _since(preference, kind)},
        salt=UNSUBSCRIBE_SALT,
        compress=True,
    )


class Outcome(enum.Enum):
    TURNED_OFF = "turned_off"
    ALREADY_OFF = "already_off"  # a link used again: nothing to change
    OUTDATED = "outdated"  # the patient turned the email on again since this link was sent
    INVALID = "invalid"  # not a link the portal made


def read_token(token: str) -> tuple[Patient | None, str | None, str]:
    """The patient, the kind of email and the "since" a link names; (None, None, "") if it
    is not a link the portal made."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        patient = Patient.objects.select_related("user", "clinic").get(pk=data["patient"])
        kind, since = data["kind"], str(data["since"])
    except (signing.BadSignature, Patient.DoesNotExist, ValidationError, KeyError, TypeError):
        return None, None, ""
    if kind not in SWITCHES:
        return None, None, ""
    return patient, kind, since


@transaction.atomic
def unsubscribe(token: str) -> tuple[Outcome, Patient | None, str | None]:
    """Turn off the email a link names, if the link is genuine and still current."""
    patient, kind, since = read_token(token)
    if patient is None:
        return Outcome.INVALID, None, None
    switch, _since_field = SWITCHES[kind]
    preference = ReminderPreference.objects.select_for_update().filter(
        patient=patient
    ).first() or ReminderPreference(patient=patient)
    if not getattr(preference, switch):
        return Outcome.ALREADY_OFF, patient, kind
    if _since(preference, kind) != since:
        return Outcome.OUTDATED, patient, kind
    setattr(preference, switch, False)
    preference.save()
    return Outcome.TURNED_OFF, patient, kind
