"""Structured logs (DJANGO_LOG_FORMAT=json): one JSON object a line, with the request's id,
and nothing of what a patient typed."""

import json
import logging
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured

from clinic.logs import JsonFormatter, RequestIdFilter


@pytest.fixture
def json_lines():
    """Every record the portal logs while the test runs, formatted as on a server."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(self.format(record)))

    handler = Collect(level=logging.DEBUG)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lines
    root.removeHandler(handler)


def test_each_response_carries_a_request_id(client, db):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_load_balancers_request_id_is_kept_and_a_strange_one_replaced(client, db):
    given = "lb-" + uuid.uuid4().hex
    assert client.get("/healthz", headers={"X-Request-ID": given})["X-Request-ID"] == given
    odd = client.get("/healthz", headers={"X-Request-ID": "<script>"})["X-Request-ID"]
    assert odd != "<script>"
    assert len(odd) == 32


def test_a_log_line_is_json_with_the_request_id(client, patient_a, json_lines):
    client.force_login(patient_a.user)
    response = client.get("/media/exercises/missing.png", headers={"X-Request-ID": "req-12345678"})
    assert response.status_code == 404
    (line,) = [line for line in json_lines if line["request_id"] == "req-12345678"]
    assert line["level"] == "WARNING"
    assert line["logger"] == "django.request"
    assert line["message"] == "Not Found: /media/exercises/missing.png"
    assert line["time"].endswith("+00:00")


def test_a_pain_entry_leaves_nothing_of_itself_in_the_logs(client, patient_a, json_lines):
    from tests.patients.test_pain_diary import entry_data

    client.force_login(patient_a.user)
    note = "Sharp pain climbing stairs " + uuid.uuid4().hex
    response = client.post("/pain/", entry_data(patient_a, score="9", note=note, swelling="on"))
    assert response.status_code == 302
    assert json_lines  # the alert's email was logged (queued, sent)
    assert all(note not in json.dumps(line) for line in json_lines)


def test_an_unknown_log_format_stops_start_up(fresh_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_LOG_FORMAT"):
        fresh_settings(DJANGO_DEBUG="true", DJANGO_LOG_FORMAT="xml")
