"""Deactivation shuts a patient out at once; a purge deletes old records, off by default."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command, load_command_class
from django.utils import timezone

from clinic.models import User
from patients.models import PainEntry, Patient, Plan, SessionLog
from tests.conftest import make_pain_entry
from tests.security.conftest import LOGIN, sign_in

LONG_AGO = timedelta(days=400)


def purge(*args):
    out = StringIO()
    call_command("purge_inactive_patients", *args, stdout=out)
    return out.getvalue()


def age(patient, by=LONG_AGO):
    """Make everything on a patient's record `by` old."""
    then = timezone.now() - by
    Patient.objects.filter(pk=patient.pk).update(created_at=then)
    User.objects.filter(pk=patient.user_id).update(last_login=None)
    patient.pain_entries.update(created_at=then)
    patient.sessions.update(created_at=then)
    patient.plans.update(updated_at=then)


def deactivate(patient):
    patient.is_active = False
    patient.save(update_fields=["is_active"])


# Deactivation


def test_deactivating_a_patient_cuts_off_their_open_session(client, patient_a):
    client.force_login(patient_a.user)
    assert client.get("/").status_code == 200
    deactivate(patient_a)
    response = client.get("/pain/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/pain/"


def test_a_deactivated_patient_cannot_sign_in(client, patient_a):
    deactivate(patient_a)
    response = sign_in(client, "ada@patients.example")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_deactivating_keeps_the_record(patient_a, plan_a):
    make_pain_entry(patient_a)
    deactivate(patient_a)
    patient_a.refresh_from_db()
    assert patient_a.plans.count() == 1
    assert patient_a.pain_entries.count() == 1


# The purge command


def test_the_purge_is_off_by_default(settings, patient_a):
    settings.PATIENT_RETENTION_DAYS = 0
    deactivate(patient_a)
    age(patient_a)
    with pytest.raises(CommandError, match="No retention period: patient records are kept"):
        purge()
    assert Patient.objects.filter(pk=patient_a.pk).exists()


def test_the_purge_exits_non_zero_without_a_retention_period(settings, capsys, db):
    # What `manage.py purge_inactive_patients` does from the command line (a cron job).
    settings.PATIENT_RETENTION_DAYS = 0
    command = load_command_class("patients", "purge_inactive_patients")
    with pytest.raises(SystemExit) as exit:
        command.run_from_argv(["manage.py", "purge_inactive_patients"])
    assert exit.value.code == 1
    assert "No retention period" in capsys.readouterr().err


@pytest.mark.parametrize("days", ["0", "-5"])
def test_the_purge_refuses_a_period_under_a_day(db, days):
    with pytest.raises(CommandError, match="must be at least 1"):
        purge(f"--days={days}")


def test_a_dry_run_lists_and_deletes_nothing(patient_a, plan_a):
    deactivate(patient_a)
    age(patient_a)
    out = purge("--days=365", "--dry-run")
    assert f"Would delete patient {patient_a.pk} of clinic-a" in out
    assert "1 deactivated patient(s) inactive for more than 365 days would be deleted." in out
    assert Patient.objects.filter(pk=patient_a.pk).exists()
    assert Plan.objects.filter(pk=plan_a.pk).exists()


def test_the_output_names_no_one(patient_a):
    deactivate(patient_a)
    age(patient_a)
    out = purge("--days=365", "--dry-run")
    assert "Ada" not in out
    assert "ada@patients.example" not in out


def test_a_real_run_deletes_old_deactivated_patients_and_their_accounts(
    patient_a, plan_a, patient_a2, patient_b
):
    make_pain_entry(patient_a)
    user_id = patient_a.user_id
    deactivate(patient_a)
    age(patient_a)
    age(patient_b)  # old but active
    out = purge("--days=365")
    assert f"Deleting patient {patient_a.pk} of clinic-a" in out
    assert not Patient.objects.filter(pk=patient_a.pk).exists()
    assert not User.objects.filter(pk=user_id).exists()
    assert not Plan.objects.filter(pk=plan_a.pk).exists()
    assert not PainEntry.objects.filter(patient_id=patient_a.pk).exists()
    assert set(Patient.objects.values_list("pk", flat=True)) == {patient_a2.pk, patient_b.pk}


def test_the_period_can_come_from_the_environment(settings, patient_a):
    settings.PATIENT_RETENTION_DAYS = 365
    deactivate(patient_a)
    age(patient_a)
    purge()
    assert not Patient.objects.filter(pk=patient_a.pk).exists()


def test_a_recently_deactivated_patient_is_kept(patient_a):
    deactivate(patient_a)
    age(patient_a, by=timedelta(days=100))
    purge("--days=365")
    assert Patient.objects.filter(pk=patient_a.pk).exists()


def recent_pain(patient, plan):
    make_pain_entry(patient)


def recent_session(patient, plan):
    SessionLog.objects.create(patient=patient, plan=plan, date=plan.start_date)


def recent_plan_change(patient, plan):
    plan.save()


def recent_sign_in(patient, plan):
    User.objects.filter(pk=patient.user_id).update(last_login=timezone.now())


@pytest.mark.parametrize(
    "activity", [recent_pain, recent_session, recent_plan_change, recent_sign_in]
)
def test_any_recent_activity_keeps_a_deactivated_patient(patient_a, plan_a, activity):
    deactivate(patient_a)
    age(patient_a)
    activity(patient_a, plan_a)
    purge("--days=365")
    assert Patient.objects.filter(pk=patient_a.pk).exists()
