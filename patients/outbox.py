"""Delivering the portal's own emails: queued with what they are about, sent by a worker,
retried with backoff, never lost.

1. `queue_message` writes an `OutgoingMessage` in the caller's transaction and, once that
   commits, enqueues `patients.tasks.deliver_message` (Django's Tasks API). The caller (a
   patient saving a warning sign) neither waits for the mail server nor loses the email
   when the queue cannot be reached: the row is there, and the sweep enqueues it.
2. A worker's `deliver` takes the message (state "sending", held for `lease()`), writes
   the email from the rows it is about (patients.notifications) and sends it. Sent: "sent",
   never sent again. The mail server refused it or did not answer: "retrying", tried again
   after a growing delay (settings.OUTBOX_RETRY_DELAYS); after `max_attempts`, "failed".
   An email no longer needed (the alert was acknowledged, the session done) is "cancelled".
3. The scheduler's sweep (`requeue_stalled`, every minute) enqueues again each message
   that should have been tried by now: its task was lost (the queue unreachable at commit,
   Redis restarted) or its worker died while sending (its lease ran out).

A message is taken by one worker at a time: taking it is one conditional UPDATE on its
attempt number, which only one worker can win. The one window left is a worker killed
after the mail server accepted an email and before "sent" was saved: that email goes again,
with the same Message-ID, by which mail systems recognise and drop the copy.

The rows are the portal's own delivery log, written by no person: they hold no health
details, and are not themselves in the audit trail (staff views of them are).
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from clinic.email import EmailNotSent, send_email
from patients.models import OutgoingMessage

logger = logging.getLogger(__name__)

State = OutgoingMessage.State
Kind = OutgoingMessage.Kind

# A worker's clock may run a little behind the one that set a retry's time.
CLOCK_SLACK = dt.timedelta(seconds=30)
# How late a queued message may be before the sweep enqueues it again: longer than a busy
# queue takes to reach it, short enough that a lost alert email is soon found.
SWEEP_GRACE = dt.timedelta(minutes=5)
SWEEP_BATCH = 1000
# An alert email is tried for hours (then it goes to the managers: patients.notifications);
# a reminder is not worth sending hours late.
MAX_ATTEMPTS = {
    Kind.ALERT: 12,
    Kind.ALERT_TO_MANAGERS: 12,
    Kind.ESCALATION: 12,
}
DEFAULT_MAX_ATTEMPTS = 5


def lease() -> dt.timedelta:
    """How long a worker holds a message it is sending (settings.OUTBOX_LEASE_SECONDS)."""
    return dt.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


def max_attempts(kind: str) -> int:
    return MAX_ATTEMPTS.get(kind, DEFAULT_MAX_ATTEMPTS)


def retry_delay(failures: int) -> dt.timedelta:
    """The wait after the `failures`-th failure: doubling, then steady at the longest."""
    delays = settings.OUTBOX_RETRY_DELAYS
    return dt.timedelta(seconds=delays[min(failures, len(delays)) - 1])


def queue_message(**fields) -> OutgoingMessage | None:
    """Write a message to send (in the caller's transaction) and enqueue its delivery once
    that transaction commits. None if the same message already exists: each kind's
    "once" is a database constraint (OutgoingMessage.Meta), not a check that two
    schedulers could both pass."""
    try:
        with transaction.atomic():
            message = OutgoingMessage.objects.create(**fields)
    except IntegrityError:
        return None
    transaction.on_commit(lambda: enqueue(message.pk))
    return message


def enqueue(message_id, *, at: dt.datetime | None = None) -> None:
    """Ask a worker to deliver the message (at `at`, or now). A queue that cannot be reached
    loses nothing: the sweep enqueues the message again."""
    from patients.tasks import deliver_message

    task = deliver_message
    if at is not None:
        if not task.get_backend().supports_defer:
            return  # a queue without deferred tasks: the sweep enqueues it when it is due
        task = task.using(run_after=at)
    try:
        task.enqueue(str(message_id))
    except Exception:
        logger.exception("Could not enqueue message %s: the scheduler's sweep will.", message_id)


def deliver(message_id) -> str:
    """The worker's side: take the message, send it, record how it went. Returns the state
    it left the message in (or "not due": another worker has it, or it is done)."""
    from patients import notifications

    message = _take(message_id)
    if message is None:
        return "not due"
    attempt = message.attempts
    try:
        email = notifications.compose(message)
        if email is None:
            return _finish(message, attempt, State.CANCELLED)
        send_email(
            email.template,
            email.context,
            to=message.to,
            language=email.language,
            headers={**email.headers, "Message-ID": message_id_header(message)},
        )
    except EmailNotSent as error:
        return _failed(message, attempt, str(error))
    except Exception as error:
        # A fault of ours (or of a row it reads): counted like a refusal, and logged whole.
        _failed(message, attempt, type(error).__name__)
        raise
    OutgoingMessage.objects.filter(pk=message.pk).exclude(state=State.SENT).update(
        state=State.SENT, sent_at=timezone.now(), claimed_until=None
    )
    return State.SENT


def message_id_header(message: OutgoingMessage) -> str:
    """The same Message-ID on every attempt at one message."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<{message.pk}@{domain}>"


def _take(message_id) -> OutgoingMessage | None:
    message = (
        OutgoingMessage.objects.select_related("clinic", "recipient").filter(pk=message_id).first()
    )
    if message is None:
        return None
    now = timezone.now()
    due = Q(state__in=[State.QUEUED, State.RETRYING], next_attempt_at__lte=now + CLOCK_SLACK)
    stale = Q(state=State.SENDING, claimed_until__lt=now)  # its worker died while sending
    mine = OutgoingMessage.objects.filter(due | stale, pk=message.pk, attempts=message.attempts)
    if message.attempts >= max_attempts(message.kind):
        if mine.update(state=State.FAILED, claimed_until=None):
            _gave_up(message)
        return None
    if not mine.update(
        state=State.SENDING, attempts=F("attempts") + 1, claimed_until=now + lease()
    ):
        return None
    message.refresh_from_db(fields=["state", "attempts", "failures", "claimed_until"])
    return message


def _finish(message, attempt, state) -> str:
    OutgoingMessage.objects.filter(pk=message.pk, attempts=attempt, state=State.SENDING).update(
        state=state, claimed_until=None
    )
    return state


def _failed(message, attempt, error: str) -> str:
    failures = message.failures + 1
    gave_up = attempt >= max_attempts(message.kind)
    next_at = timezone.now() + retry_delay(failures)
    updated = OutgoingMessage.objects.filter(
        pk=message.pk, attempts=attempt, state=State.SENDING
    ).update(
        state=State.FAILED if gave_up else State.RETRYING,
        failures=F("failures") + 1,
        last_error=error[:200],
        next_attempt_at=next_at,
        claimed_until=None,
    )
    logger.warning(
        "Message %s (%s) not sent, attempt %d: %s", message.pk, message.kind, attempt, error
    )
    if not updated:
        return "not due"  # another worker took it over meanwhile
    if gave_up:
        _gave_up(message)
        return State.FAILED
    enqueue(message.pk, at=next_at)
    return State.RETRYING


def _gave_up(message) -> None:
    from patients import notifications

    logger.error("Message %s (%s) to %s failed for good.", message.pk, message.kind, message.to)
    notifications.gave_up(message)


def requeue_stalled(*, now: dt.datetime) -> int:
    """The sweep: enqueue again every message that should have been tried by now."""
    stalled = list(
        OutgoingMessage.objects.filter(
            Q(state__in=[State.QUEUED, State.RETRYING], next_attempt_at__lt=now - SWEEP_GRACE)
            | Q(state=State.SENDING, claimed_until__lt=now)
        )
        .order_by("next_attempt_at")
        .values_list("pk", "state")[:SWEEP_BATCH]
    )
    for pk, state in stalled:
        if state != State.SENDING:
            # Due again only a grace later: the next sweep leaves it to this task.
            OutgoingMessage.objects.filter(pk=pk, state=state).update(next_attempt_at=now)
        enqueue(pk)
    return len(stalled)
