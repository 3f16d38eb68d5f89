"""Two web processes, as on two machines behind a load balancer: gunicorn each, each with a
media folder of its own (which must stay empty), sharing only the services: the test
database (PostgreSQL, or the SQLite file on a laptop), Redis (cache, rate-limit counters,
task queue) and an S3-compatible object store (moto, tests/s3.py).

Every wait polls for its condition (readiness at /healthz) with a generous deadline, so a
loaded two-core machine only makes the test slower, never wrong. Redis:
TEST_REDIS_URL (default redis://127.0.0.1:6379/2); without one the test is skipped, and
in CI (CI set) it fails instead.
"""

import contextlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests import s3
from tests.tasks.conftest import database_url, free_port, redis_or_skip, remove_queue_keys

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
READY_WITHIN = 120  # seconds; a loaded machine takes its time to import Django twice


class Web:
    """One gunicorn, on its own port, with its own media folder."""

    def __init__(self, name, env, tmp_path):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.media_root = tmp_path / f"{name}-media"
        self.media_root.mkdir()
        self.log_path = tmp_path / f"{name}.log"
        log = open(self.log_path, "w")  # noqa: SIM115 - the process writes to it
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "clinic.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--graceful-timeout",
                "10",
            ],
            cwd=ROOT,
            env={**env, "DJANGO_MEDIA_ROOT": str(self.media_root)},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_ready(self):
        deadline = time.monotonic() + READY_WITHIN
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"{self.name} exited:\n{self.log()}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/healthz", timeout=5).status_code == 200:
                    return
            time.sleep(0.2)
        pytest.fail(f"{self.name} was not ready within {READY_WITHIN} s:\n{self.log()}")

    def stop(self):
        """As a process manager does: SIGTERM, and gunicorn finishes what it is serving."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:]


@pytest.fixture
def webs(tmp_path, settings):
    """Two web processes sharing the test database, a Redis and a fresh private bucket."""
    redis_or_skip()
    release = f"deploy-test-{uuid.uuid4().hex[:8]}"  # the cache's key prefix: this test's
    with s3.moto_server() as endpoint:
        bucket = s3.new_bucket(endpoint)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "clinic.settings",
            "DJANGO_DEBUG": "true",
            # The key the test's sessions are signed with (sessions are in the database).
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url(),
            "DJANGO_CACHE_URL": REDIS_URL,
            "DJANGO_RELEASE": release,
            "DJANGO_TASKS_URL": REDIS_URL,
            "DJANGO_TASKS_QUEUE": settings.TASKS_QUEUE,
            **s3.environment(endpoint, bucket),
        }
        started = [Web("web-1", env, tmp_path), Web("web-2", env, tmp_path)]
        try:
            for web in started:
                web.wait_until_ready()
            yield started, endpoint, bucket
        finally:
            for web in started:
                web.stop()
            print("\n".join(f"--- {web.name}\n{web.log()}" for web in started))
            remove_cache_keys(release)
            remove_queue_keys(REDIS_URL, settings.TASKS_QUEUE)


def remove_cache_keys(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
