"""gunicorn's settings for a web process (`gunicorn -c deploy/gunicorn.conf.py clinic.wsgi`).

Every web process of a release is identical and keeps nothing of its own: sessions,
counters, cache, queue and pictures are in PostgreSQL, Redis and the object store.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Sync workers, about two per core: the pages are short database reads.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
worker_class = "sync"
# A handout PDF of a morning's batch takes seconds; nothing should take a minute.
timeout = 60
# Graceful shutdown: on SIGTERM gunicorn stops accepting, lets each worker finish the
# request it is serving for up to this long, then exits. Give the load balancer's
# deregistration delay a little less, and the process manager's stop timeout a little more.
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then (a slow leak in a library cannot grow for weeks).
max_requests = 2000
max_requests_jitter = 200
# The heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn's own heartbeat files, no data
# Trust X-Forwarded-* only from the load balancer (set DJANGO_BEHIND_TLS_PROXY=true too).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs to standard error, one JSON object a line, as the portal's own (DJANGO_LOG_FORMAT=
# json): the access line has the request id the portal sends back, the path and status,
# never a query string's values or a body (no health data).
accesslog = "-"
errorlog = "-"
access_log_format = (
    '{"time": "%(t)s", "level": "INFO", "logger": "gunicorn.access", '
    '"request_id": "%({x-request-id}o)s", "method": "%(m)s", "path": "%(U)s", '
    '"status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s}'
)
