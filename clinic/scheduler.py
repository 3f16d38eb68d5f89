"""Periodic jobs: what the portal does on its own, every few minutes.

Each app registers its jobs when it is ready (`patients.jobs`); `manage.py scheduler` runs
each one whenever its interval has passed, about every minute, or once with `--once` (for
cron). A job finds what is due and queues the work (emails go to the task queue's workers);
it must be safe to run twice at once, by two schedulers or two cron runs: what it must do
only once is made once by a database constraint, never by a check two runs could both pass.

Adding a job (see docs/architecture.md):

    @scheduler.periodic(every=dt.timedelta(minutes=10))
    def close_stale_things(*, now: dt.datetime) -> int:
        ...  # returns how many things it did, for the log
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[..., int]
    every: dt.timedelta


JOBS: dict[str, Job] = {}


def periodic(*, every: dt.timedelta = dt.timedelta(minutes=1)):
    """Register a job: `run(now=...)`, called when `every` has passed since it last ran in
    this scheduler (and at its start)."""

    def register(run):
        name = f"{run.__module__}.{run.__name__}"
        JOBS[name] = Job(name=name, run=run, every=every)
        return run

    return register


def run_due(*, now: dt.datetime, last_runs: dict[str, dt.datetime]) -> dict[str, int]:
    """Run every job whose interval has passed (all of them, with no `last_runs`); one that
    fails is logged and does not keep the others from running. Returns what each did."""
    done = {}
    for job in JOBS.values():
        last = last_runs.get(job.name)
        if last is not None and now - last < job.every:
            continue
        last_runs[job.name] = now
        try:
            done[job.name] = job.run(now=now)
        except Exception:
            logger.exception("Periodic job %s failed; it runs again next time.", job.name)
    return done
