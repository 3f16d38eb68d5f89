import datetime as dt
import uuid

import pytest
from django.utils import timezone

from patients import services
from tests.conftest import make_pain_entry, make_patient, make_plan


def pain(patient, score, *, days_ago=0, hours=1):
    """A pain entry through the service (alerts and proposals follow, as for the patient)."""
    entry, _created = services.record_pain(
        patient=patient,
        submission_id=uuid.uuid4(),
        score=score,
        recorded_at=timezone.now() - dt.timedelta(days=days_ago, hours=hours),
        context="after",
        location="kneecap",
        knee="right",
    )
    return entry


@pytest.fixture
def ready(frozen_clock, library, clinic_a, clinician_a):
    """A patient of clinic A who meets every criterion of phase 1 (the proposal not yet
    evaluated): three weeks in, a session each day of the last two weeks, pain at most 2
    each day of the last week, no alert."""
    patient = make_patient("ready@patients.example", clinic_a, clinician_a, affected_side="left")
    today = clinic_a.today()
    plan = make_plan(patient, start_date=today - dt.timedelta(days=21))
    plan.patient = patient
    for days_ago in range(1, 15):
        services.log_session(patient=patient, plan=plan, date=today - dt.timedelta(days=days_ago))
    for days_ago in range(1, 8):
        make_pain_entry(patient, score=2, at=timezone.now() - dt.timedelta(days=days_ago))
    return patient, plan
