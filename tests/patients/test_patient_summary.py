"""The patient's summary columns (the staff list's) and version follow every write."""

import datetime as dt
import uuid

from django.utils import timezone

from patients import services
from patients.models import Patient, Plan
from tests.conftest import make_pain_entry


def fresh(patient):
    return Patient.objects.get(pk=patient.pk)


def test_a_pain_entry_and_its_alert_update_the_summary(patient_a):
    before = fresh(patient_a).version
    entry, _ = services.record_pain(
        patient=patient_a, submission_id=uuid.uuid4(), score=8, swelling=True
    )
    now = fresh(patient_a)
    assert (now.last_pain_at, now.last_pain_score, now.open_alerts) == (entry.recorded_at, 8, 1)
    assert now.version > before
    # The newest entry by time is the one shown, not the last saved.
    make_pain_entry(patient_a, score=2, at=timezone.now() - dt.timedelta(days=3))
    services.refresh_patient_summary(patient_a.pk)
    assert fresh(patient_a).last_pain_score == 8


def test_acknowledging_clears_the_open_alert_count(patient_a, clinician_a):
    entry, _ = services.record_pain(patient=patient_a, submission_id=uuid.uuid4(), swelling=True)
    services.acknowledge_alerts(alerts=[entry.alert], by=clinician_a, outcome="called")
    assert fresh(patient_a).open_alerts == 0


def test_a_session_sets_the_last_session_day(patient_a, plan_a):
    day = patient_a.clinic.today() - dt.timedelta(days=1)
    services.log_session(patient=patient_a, plan=plan_a, date=day)
    assert fresh(patient_a).last_session_on == day


def test_the_active_plan_and_its_review_follow_the_plan(patient_a, plan_a, clinician_a):
    summary = fresh(patient_a)
    assert (summary.active_plan_title, summary.review_date) == (plan_a.title, plan_a.review_date)
    services.set_plan_status(plan=plan_a, status=Plan.Status.COMPLETED, by=clinician_a)
    summary = fresh(patient_a)
    assert (summary.active_plan_title, summary.review_date) == ("", None)


def test_rows_listed_by_clinic_carry_their_patients_clinic(patient_b, plan_b):
    entry, _ = services.record_pain(
        patient=patient_b, submission_id=uuid.uuid4(), score=9, swelling=True
    )
    session, _ = services.log_session(patient=patient_b, plan=plan_b, date=plan_b.start_date)
    assert entry.clinic_id == entry.alert.clinic_id == session.clinic_id == patient_b.clinic_id
