"""Retention: how long a deactivated patient's record is kept, and deleting it after that.

Deactivating a patient (Patient.is_active) shuts them out at once and keeps everything.
A deactivated patient's record is purged only once nothing has happened on it for the
retention period: no pain entry saved, no session logged, no plan changed and no sign-in.
Active patients are never purged, however quiet.
"""

import datetime as dt

from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

from patients.models import PainEntry, Patient, Plan, SessionLog


def _latest(model, field):
    return Subquery(
        model.objects.filter(patient=OuterRef("pk")).order_by(f"-{field}").values(field)[:1],
        output_field=models.DateTimeField(),
    )


def with_last_activity(queryset):
    """Annotate `last_activity`: the latest sign-in, pain entry, session or plan change.

    A patient with none of these counts from the day their record was created.
    """
    created = models.F("created_at")
    return queryset.annotate(
        last_activity=Greatest(
            Coalesce(_latest(PainEntry, "created_at"), created),
            Coalesce(_latest(SessionLog, "created_at"), created),
            Coalesce(_latest(Plan, "updated_at"), created),
            Coalesce("user__last_login", created),
        )
    )


def purgeable_patients(*, now: dt.datetime, days: int):
    """Deactivated patients with no activity for more than `days` days, oldest first."""
    cutoff = now - dt.timedelta(days=days)
    return (
        with_last_activity(Patient.objects.filter(is_active=False))
        .filter(last_activity__lt=cutoff)
        .select_related("clinic")
        .order_by("last_activity")
    )


@transaction.atomic
def purge_patient(*, patient: Patient) -> None:
    """Delete a patient's record (plans, logs, pain entries, alerts...) and their account."""
    user = patient.user
    patient.delete()
    user.delete()
