"""Structured logs: one JSON object per line, each with the request it belongs to.

DJANGO_LOG_FORMAT=json (on servers; `text` on a laptop) writes every record as
{"time", "level", "logger", "message", "request_id"} (and "exception" when there is one),
so the log collector of a group of machines can follow one request across the web process
that served it. The request id is the load balancer's X-Request-ID when it sends a sane
one, else one of our own; it is sent back in the response's X-Request-ID.

No health data: log messages name paths and ids, never a form's content, a pain score or a
note (the portal logs no request body, and nothing here adds one).
"""

import contextvars
import datetime as dt
import json
import logging
import re
import uuid

request_id = contextvars.ContextVar("request_id", default="")
SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """The request's id, for every log record written while it is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        value = given if SANE_ID.match(given) else uuid.uuid4().hex
        # Not reset when the response leaves: Django logs an error response ("Not Found:
        # /path") after the middleware, and that line belongs to this request too. The next
        # request sets its own; processes that serve none (worker, scheduler) log "".
        request_id.set(value)
        response = self.get_response(request)
        response["X-Request-ID"] = value
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
