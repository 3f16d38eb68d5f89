import datetime as dt
import uuid

import pytest
from django.utils import timezone

from patients import services
from tests.conftest import (
    CAST_PKS,
    make_pain_entry,
    make_patient,
    make_plan,
    rows_for_the_module,
)


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


@pytest.fixture(scope="module")
def ready_of_the_module(django_db_setup, django_db_blocker):
    """The rows of `ready`, written once for the module's tests, on a clock that stands
    still for the rest of the module (each test's own frozen clock starts from it): "three
    weeks in" stays true however long the module takes, midnight included."""
    import time_machine

    from clinic.models import Clinic, User

    with (
        time_machine.travel(timezone.now(), tick=False),
        rows_for_the_module(django_db_blocker),
    ):
        clinic = Clinic.objects.get(pk=CAST_PKS["clinic_a"])
        clinician = User.objects.get(pk=CAST_PKS["clinician_a"])
        patient = make_patient("ready@patients.example", clinic, clinician, affected_side="left")
        today = clinic.today()
        plan = make_plan(patient, start_date=today - dt.timedelta(days=21))
        plan.patient = patient
        for days_ago in range(1, 15):
            services.log_session(
                patient=patient, plan=plan, date=today - dt.timedelta(days=days_ago)
            )
        for days_ago in range(1, 8):
            make_pain_entry(patient, score=2, at=timezone.now() - dt.timedelta(days=days_ago))
        yield patient.pk, plan.pk


@pytest.fixture
def ready(ready_of_the_module, frozen_clock, library, clinic_a, clinician_a):
    """A patient of clinic A who meets every criterion of phase 1 (the proposal not yet
    evaluated): three weeks in, a session each day of the last two weeks, pain at most 2
    each day of the last week, no alert. A module that uses it asks for it in every test."""
    from patients.models import Patient, Plan

    patient_pk, plan_pk = ready_of_the_module
    patient = Patient.objects.select_related("user", "clinic", "clinician").get(pk=patient_pk)
    plan = Plan.objects.get(pk=plan_pk)
    plan.patient = patient
    return patient, plan
