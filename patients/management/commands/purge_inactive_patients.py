"""Delete the records of deactivated patients once the retention period has passed.

Off by default: it runs only with a retention period, from DJANGO_PATIENT_RETENTION_DAYS
or --days. It asks nothing, so cron can run it:

    manage.py purge_inactive_patients --dry-run      # list what would go
    manage.py purge_inactive_patients                # delete it

Patients are listed by id, clinic and last activity, never by name: the output may end up
in a log.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from patients.retention import purge_patient, purgeable_patients


class Command(BaseCommand):
    help = (
        "Delete deactivated patients (record and account) with no activity for longer than "
        "the retention period. Off unless DJANGO_PATIENT_RETENTION_DAYS or --days is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help="Retention period in days (overrides DJANGO_PATIENT_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the patients that would be deleted, and delete nothing.",
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 1:
            raise CommandError(f"--days={days} must be at least 1.")
        days = days or settings.PATIENT_RETENTION_DAYS
        if not days:
            raise CommandError(
                "No retention period: patient records are kept. Set "
                "DJANGO_PATIENT_RETENTION_DAYS or pass --days to purge deactivated patients."
            )
        patients = list(purgeable_patients(now=timezone.now(), days=days))
        verb = "Would delete" if dry_run else "Deleting"
        for patient in patients:
            last = timezone.localtime(patient.last_activity).date().isoformat()
            self.stdout.write(
                f"{verb} patient {patient.pk} of {patient.clinic.slug} (last activity {last})"
            )
            if not dry_run:
                purge_patient(patient=patient)
        summary = "would be deleted" if dry_run else "deleted"
        self.stdout.write(
            f"{len(patients)} deactivated patient(s) inactive for more than {days} days {summary}."
        )
