"""Settings of the workers tests/tasks/ starts: the portal's own, from the environment the
test gives them (queue, database, mail server), with retries seconds apart, not minutes."""

from clinic.settings import *  # noqa: F403

OUTBOX_RETRY_DELAYS = (1, 1, 2)
# Longer than the test's mail server takes to answer, short enough to wait for.
EMAIL_TIMEOUT = 3
OUTBOX_LEASE_SECONDS = 4
