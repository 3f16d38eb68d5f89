"""Two schedulers at once (two servers, or cron running while the last run has not ended):
each reminder, escalation and nudge still goes out once."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.utils import timezone

from patients import reminders
from patients.models import WEEKDAYS, OutgoingMessage, ReminderPreference
from tests.tasks.conftest import ROOT, WAIT, database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_schedulers_at_once_send_one_reminder(plan_a, tmp_path):
    patient = plan_a.patient
    local = patient.clinic.now()
    chosen = max(local - dt.timedelta(minutes=1), local.replace(hour=0, minute=0, second=0))
    reminders.save_preference(
        patient=patient,
        enabled=True,
        time=chosen.time().replace(second=0, microsecond=0),
        days=[day for day, _label in WEEKDAYS],
        nudges=True,
    )
    # Chosen before today's reminder time.
    ReminderPreference.objects.filter(patient=patient).update(
        updated_at=timezone.now() - dt.timedelta(days=1)
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": database_url(),
        "DJANGO_TASKS_URL": "database",
        "DJANGO_TASKS_QUEUE": settings.TASKS_QUEUE,
    }
    schedulers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "scheduler", "--once"],
            cwd=ROOT,
            env=env,
            stdout=(tmp_path / f"scheduler-{n}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        for n in range(2)
    ]
    for scheduler in schedulers:
        assert scheduler.wait(timeout=WAIT) == 0, (tmp_path / "scheduler-0.log").read_text()
    reminded = OutgoingMessage.objects.filter(kind="reminder", patient=patient)
    assert list(reminded.values_list("on_date", flat=True)) == [local.date()]
