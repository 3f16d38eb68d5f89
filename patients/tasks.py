"""The portal's background tasks (Django's Tasks API; a worker runs them: `manage.py worker`)."""

from django.conf import settings
from django_tasks import task

from patients import outbox


@task(queue_name=settings.TASKS_QUEUE)
def deliver_message(message_id: str) -> str:
    """Send one outgoing message (patients.outbox.deliver)."""
    return outbox.deliver(message_id)
