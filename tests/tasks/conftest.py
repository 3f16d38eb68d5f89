"""Real workers, real queues, a real mail server.

`manage.py worker` runs in its own process, on the database's queue or on Redis (the two
backends a clinic can choose), against the test database, and sends through an SMTP server
the test starts on a port the OS picks (aiosmtpd) and may stop, slow down or make refuse.

Redis: TEST_REDIS_URL (default redis://127.0.0.1:6379/2), on a queue of this test run's
own (tests/settings.py), whose keys are removed afterwards. Without a Redis the Redis tests
are skipped with a message saying so; in CI (CI set) they fail instead.
"""

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from clinic.env import tasks_config

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
BACKENDS = ["database", "redis"]
# Long enough for a loaded two-core machine; every wait ends as soon as its condition holds.
WAIT = 60


def wait_for(condition, *, timeout=WAIT, every=0.1, what="the condition"):
    """Poll until `condition()` is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    pytest.fail(f"Waited {timeout} s for {what}.")


class Mailbox:
    """What the test's mail server accepted; `hold` keeps the next email's DATA waiting (as
    a slow server would) until `release`, and an email held then released is refused."""

    def __init__(self):
        self.accepted = []
        self.hold = threading.Event()
        self.holding = threading.Event()
        self.released = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.hold.is_set():
            self.hold.clear()
            self.holding.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)
            return "451 Try again later"
        self.accepted.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MailServer:
    """An SMTP server on a port of its own, started and stopped at will."""

    def __init__(self):
        self.port = free_port()
        self.mailbox = Mailbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def mail_server():
    server = MailServer()
    yield server
    server.mailbox.released.set()
    server.stop()


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def redis_or_skip():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.RedisError as error:
        message = f"No Redis at {REDIS_URL} ({error}): set TEST_REDIS_URL (see README)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def remove_queue_keys(url: str, queue: str) -> None:
    """This run's queue, its registries and its jobs: nothing of it left in the Redis."""
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"rq:*{queue}*"))
    for key in client.scan_iter(match="rq:job:*"):
        if client.type(key) == b"hash" and client.hget(key, "origin") == queue.encode():
            job_id = key.decode().removeprefix("rq:job:")
            keys += [key, f"rq:results:{job_id}", f"rq:job:{job_id}:dependents"]
    if keys:
        client.delete(*keys)
    client.srem("rq:queues", f"rq:queue:{queue}")


@pytest.fixture(params=BACKENDS)
def backend(request, settings):
    """The queue, in this process (which enqueues) and in the workers it starts."""
    url = "database" if request.param == "database" else REDIS_URL
    if request.param == "redis":
        redis_or_skip()
        request.addfinalizer(lambda: remove_queue_keys(REDIS_URL, settings.TASKS_QUEUE))
    settings.TASKS, settings.RQ_QUEUES = tasks_config(url, queue=settings.TASKS_QUEUE)
    return url


class Workers:
    """`manage.py worker` processes, each in a session of its own (so a kill reaches its
    forked work horses too), logging to a file the failing test shows."""

    def __init__(self, backend, mail_server, log_dir):
        self.backend = backend
        self.mail_server = mail_server
        self.log_dir = log_dir
        self.processes = []

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "DATABASE_URL": database_url(),
            "DJANGO_TASKS_URL": self.backend,
            "DJANGO_TASKS_QUEUE": settings.TASKS_QUEUE,
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "DJANGO_EMAIL_HOST": "127.0.0.1",
            "DJANGO_EMAIL_PORT": str(self.mail_server.port),
        }
        log = open(self.log_dir / f"worker-{len(self.processes)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "worker"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill(self, process):
        """As a crash or an OOM kill would: no chance to finish or clean up. The worker and
        every process it started (RQ runs each job in a forked "work horse" with a session
        of its own)."""
        for pid in [*descendants(process.pid), process.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=WAIT)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=WAIT)
                except subprocess.TimeoutExpired:
                    self.kill(process)

    def logs(self) -> str:
        return "\n".join(path.read_text() for path in sorted(self.log_dir.glob("worker-*.log")))


def descendants(pid: int) -> list[int]:
    """The processes `pid` started, and theirs, from /proc."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


@pytest.fixture
def workers(backend, mail_server, tmp_path):
    started = Workers(backend, mail_server, tmp_path)
    yield started
    started.stop_all()
    # What the workers said, for a failing test's report.
    print(started.logs())
