"""The patients app's periodic jobs (clinic.scheduler): each finds what is due and queues it.

Registered when the app is ready (PatientsConfig.ready); `manage.py scheduler` runs them.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from clinic.models import Clinic
from clinic.scheduler import periodic
from patients import notifications, outbox, phases, services
from patients.models import Patient, PhaseProposal, Plan

MINUTE = dt.timedelta(minutes=1)


@periodic(every=MINUTE)
def sweep_outgoing_messages(*, now):
    """Emails whose task was lost or whose worker died: enqueued again."""
    return outbox.requeue_stalled(now=now)


@periodic(every=MINUTE)
def escalate_alerts(*, now):
    return notifications.escalate_overdue_alerts(now=now)


@periodic(every=MINUTE)
def send_reminders(*, now):
    return notifications.queue_due_reminders(now=now)


@periodic(every=10 * MINUTE)
def nudge_inactive_patients(*, now):
    return notifications.queue_inactivity_nudges(now=now)


@periodic(every=10 * MINUTE)
def send_weekly_digests(*, now):
    return notifications.queue_weekly_digests(now=now)


@periodic(every=10 * MINUTE)
def count_adherence(*, now, batch=500):
    """The patient list's adherence column, counted again on each clinic's new day: the
    week it covers moves on at midnight, even when nothing is written."""
    counted = 0
    for clinic in Clinic.objects.all():
        today = timezone.localtime(now, clinic.zone).date()
        stale = list(
            Patient.objects.filter(clinic=clinic)
            .filter(Q(adherence_on__lt=today) | Q(adherence_on__isnull=True))
            .filter(Q(last_active_on__isnull=False) | Q(adherence_percent__isnull=False))
            .values_list("pk", flat=True)
        )
        for start in range(0, len(stale), batch):
            services.refresh_adherence(stale[start : start + batch])
        counted += len(stale)
    return counted


@periodic(every=30 * MINUTE)
def evaluate_proposals(*, now):
    """Each patient with an active plan, measured against their plan's criteria: a day
    passing (days in the phase, the windows moving on) changes them with nothing written.
    Safe twice at once: one open proposal per plan and kind is a database constraint."""
    changed = 0
    patients = Patient.objects.filter(
        Exists(Plan.objects.filter(patient=OuterRef("pk"), status=Plan.Status.ACTIVE))
        | Exists(PhaseProposal.objects.open().filter(patient=OuterRef("pk")))
    ).select_related("clinic")
    # Read first, then written: no cursor stays open across the writes.
    for patient in list(patients):
        changed += phases.evaluate_patient(patient, now=now)
    return changed
