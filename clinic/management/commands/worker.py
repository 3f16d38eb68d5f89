"""`manage.py worker`: run the background tasks, whichever queue the portal is set up with."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Run the worker for the portal's task queue: the database's (the default) or, with "
        "DJANGO_TASKS_URL=redis://..., RQ's. Run as many as the work needs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--burst", action="store_true", help="Run the tasks waiting now, then exit."
        )

    def handle(self, *, burst, verbosity, **options):
        queue = settings.TASKS_QUEUE
        if settings.RQ_QUEUES:
            # The Tasks API's job class; with its scheduler, RQ moves a retry to the queue
            # when its time comes.
            call_command(
                "rqworker",
                queue,
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
                burst=burst,
                verbosity=verbosity,
            )
        else:
            call_command(
                "db_worker",
                queue_name=queue,
                batch=burst,
                reload=False,
                verbosity=verbosity,
            )
