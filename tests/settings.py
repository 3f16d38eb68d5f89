"""The test suite's settings: the portal's own, with debug asked for, as `make demo` does.

Debug is off unless asked for (clinic/settings.py). The suite runs in a checkout, where the
checkout's own secret key (`.secret-key`) is enough, and pytest-django turns DEBUG off again
around each test; the commands tests start (manage.py in a subprocess) inherit the same choice.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
# A queue of this run's own, shared with the workers the tests start (they inherit it): runs
# on one Redis at the same time never take each other's tasks.
os.environ.setdefault("DJANGO_TASKS_QUEUE", f"portal-test-{os.getpid()}")

from clinic.settings import *  # noqa: E402, F403

# Each task runs the moment it is enqueued (django-tasks' immediate backend), so a test sees
# an email once the transaction that queued it commits. tests/tasks/ runs the real workers,
# on the database's queue and on Redis.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": [TASKS_QUEUE],  # noqa: F405
    }
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the workers tests/tasks/ starts (their own processes) read it too.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".pytest-db.sqlite3")}  # noqa: F405
