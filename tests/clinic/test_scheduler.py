"""The scheduler: each periodic job at its interval, one failing job never stops the others."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from clinic import scheduler


@pytest.fixture
def jobs(monkeypatch):
    runs = []
    monkeypatch.setattr(scheduler, "JOBS", {})

    @scheduler.periodic(every=dt.timedelta(minutes=1))
    def every_minute(*, now):
        runs.append(("minute", now))
        return 1

    @scheduler.periodic(every=dt.timedelta(minutes=10))
    def every_ten_minutes(*, now):
        runs.append(("ten", now))
        return 0

    @scheduler.periodic()
    def broken(*, now):
        raise RuntimeError("a bug in one job")

    return runs


def test_each_job_runs_when_its_interval_has_passed(jobs, db):
    start = dt.datetime(2027, 1, 11, 12, tzinfo=dt.UTC)
    last_runs = {}
    for minute in range(12):
        scheduler.run_due(now=start + dt.timedelta(minutes=minute), last_runs=last_runs)
    assert [name for name, _ in jobs].count("minute") == 12
    assert [when for name, when in jobs if name == "ten"] == [
        start,
        start + dt.timedelta(minutes=10),
    ]


def test_a_failing_job_is_logged_and_the_others_still_run(jobs, db, caplog):
    done = scheduler.run_due(now=dt.datetime(2027, 1, 11, tzinfo=dt.UTC), last_runs={})
    assert set(done) == {
        "tests.clinic.test_scheduler.every_minute",
        "tests.clinic.test_scheduler.every_ten_minutes",
    }
    assert "a bug in one job" in caplog.text


def test_the_portals_jobs_are_registered():
    names = {name.rsplit(".", 1)[1] for name in scheduler.JOBS}
    assert {
        "sweep_outgoing_messages",
        "escalate_alerts",
        "send_reminders",
        "nudge_inactive_patients",
        "send_weekly_digests",
        "count_adherence",
    } <= names


def test_once_runs_every_job_and_returns(db):
    out = StringIO()
    call_command("scheduler", "--once", "-v", "2", stdout=out)
    assert "send_reminders: 0" in out.getvalue()
