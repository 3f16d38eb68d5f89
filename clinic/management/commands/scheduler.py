"""`manage.py scheduler`: run the periodic jobs (clinic.scheduler) about every minute."""

import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from clinic import scheduler


class Command(BaseCommand):
    help = (
        "Run the portal's periodic jobs (reminders, escalations, nudges, digests, the email "
        "sweep) every minute, or once with --once (for cron). Safe to run twice at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once, then exit (for cron)."
        )
        parser.add_argument(
            "--interval", type=float, default=60, help="Seconds between rounds (default 60)."
        )

    def handle(self, *, once, interval, verbosity, **options):
        last_runs = {}
        stopping = threading.Event()
        if not once:
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, lambda *_args: stopping.set())
            self.stdout.write(f"Scheduler started: {len(scheduler.JOBS)} periodic jobs.")
        while True:
            started = time.monotonic()
            if last_runs:
                # As between two requests: a connection the database dropped is replaced.
                close_old_connections()
            done = scheduler.run_due(now=timezone.now(), last_runs=last_runs)
            if verbosity > 1 or (verbosity and any(done.values())):
                summary = ", ".join(f"{name.rsplit('.', 1)[1]}: {n}" for name, n in done.items())
                self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} {summary}")
            if once or stopping.wait(max(0.0, interval - (time.monotonic() - started))):
                return
