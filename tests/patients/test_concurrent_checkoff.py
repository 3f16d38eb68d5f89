"""Session check-offs sent at the same moment: one is saved, the others are told it already
was, and nobody gets an error page.

Two phones (or a double tap that the browser sends twice) post the same check-off. On the
embedded SQLite database each request reads, then writes, in its own connection: without
the portal's SQLite settings (clinic.env.SQLITE_OPTIONS) the second writer failed with
"database is locked", a server error. The real thing is tested here: a SQLite file with the
portal's own settings, one connection per request, each request in its own thread, and the
requests held together between their read and their write.
"""

import contextlib
import datetime as dt
import threading
import uuid

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import IntegrityError, connections, transaction
from django.db.models import QuerySet
from django.db.utils import ConnectionHandler

from clinic.env import database_config
from patients.models import SessionLog
from tests.conftest import PortalClient

WELL_DONE = "Well done! Today's session is saved."
ALREADY = "Today's session was already marked as done."


class SqliteFile:
    """The portal's SQLite settings on a file, as `connections["default"]` for the threads
    that use it (the test's own database is left alone)."""

    def __init__(self, path):
        self.settings = {"default": database_config(f"sqlite:///{path}", conn_max_age=0)}

    def run(self, work, *args):
        """Run `work(*args)` in a thread of its own, on its own connection to the file."""
        outcome = {}

        def target():
            connections["default"] = ConnectionHandler(self.settings)["default"]
            try:
                outcome["value"] = work(*args)
            except BaseException as error:  # raised again in the test's own thread
                outcome["error"] = error
            finally:
                connections["default"].close()

        thread = threading.Thread(target=target)
        thread.start()
        return thread, outcome


def result(started):
    thread, outcome = started
    thread.join(timeout=60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def build(clinic_slug):
    """The schema and one patient with a plan, written to the file."""
    from clinic.models import Clinic, User
    from patients.models import Patient
    from patients.services import create_plan
    from tests.education.conftest import make_exercise

    with connections["default"].schema_editor() as editor:
        for model in apps.get_models():
            editor.create_model(model)
    clinic = Clinic.objects.create(name="Clinic", slug=clinic_slug)
    user = User.objects.create_user(email="ada@patients.example", password=None)
    patient = Patient.objects.create(user=user, clinic=clinic)
    bridge = make_exercise("bridge")
    plan = create_plan(
        patient=patient,
        title="Knee",
        created_by=None,
        start_date=clinic.today() - dt.timedelta(days=3),
        items=[{"exercise": bridge, **bridge.dose.values()}],
    )
    return plan.pk, user.pk


def check_off(plan_id, user_id, gate):
    from clinic.models import User

    client = PortalClient()
    client.force_login(User.objects.get(pk=user_id))
    gate.wait()
    response = client.post(f"/plans/{plan_id}/done/", {"effort": "easy"})
    return response.status_code, [str(m) for m in get_messages(response.wsgi_request)]


def sessions(plan_id):
    return SessionLog.objects.filter(plan_id=plan_id).count()


@pytest.fixture
def held_between_read_and_write(monkeypatch):
    """Each check-off reads whether the session exists, then waits (briefly) for the others
    to have read too before it writes: the moment two requests race for the same row."""
    between = threading.Barrier(1)
    original = QuerySet.get_or_create

    def racing(self, defaults=None, **kwargs):
        if self.model is SessionLog:
            self.filter(**kwargs).exists()
            # The others may be waiting for the database, not here: then this one goes on.
            with contextlib.suppress(threading.BrokenBarrierError):
                between.wait(timeout=0.5)
        return original(self, defaults, **kwargs)

    monkeypatch.setattr(QuerySet, "get_or_create", racing)

    def hold(parties):
        nonlocal between
        between = threading.Barrier(parties)

    return hold


@pytest.fixture
def sqlite_file(tmp_path, db):
    ContentType.objects.clear_cache()  # its ids are the test database's
    yield SqliteFile(tmp_path / "portal.sqlite3")
    ContentType.objects.clear_cache()


@pytest.mark.parametrize("at_once", [2, 3])
def test_check_offs_sent_at_once_save_one_session_and_tell_the_others(
    sqlite_file, held_between_read_and_write, at_once
):
    plan_id, user_id = result(sqlite_file.run(build, f"clinic-{uuid.uuid4().hex[:6]}"))
    held_between_read_and_write(at_once)
    gate = threading.Barrier(at_once, timeout=10)
    answers = [
        result(started)
        for started in [sqlite_file.run(check_off, plan_id, user_id, gate) for _ in range(at_once)]
    ]
    assert [status for status, _ in answers] == [302] * at_once
    told = sorted(messages[-1] for _, messages in answers)
    assert told == sorted([WELL_DONE] + [ALREADY] * (at_once - 1))
    assert result(sqlite_file.run(sessions, plan_id)) == 1


def test_the_portals_sqlite_waits_for_its_turn_and_takes_the_write_lock_first():
    options = database_config("sqlite:///portal.sqlite3", conn_max_age=0)["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
    assert "OPTIONS" not in database_config("postgres://u@h:5432/p", conn_max_age=0)


def test_a_check_off_whose_row_another_request_saved_meanwhile_is_told_so(
    client, patient_a, plan_a, monkeypatch
):
    """On any database: the other request's row lands between this one's read and write
    (PostgreSQL then refuses the second row, and the first is found)."""
    original = QuerySet.get_or_create
    raced = []

    def other_request_first(self, defaults=None, **kwargs):
        if self.model is SessionLog and not raced:
            raced.append(SessionLog.objects.create(patient=patient_a, **kwargs))
            # What this request read before the other one saved: nothing.
            original_get = QuerySet.get

            def miss_once(qs, *args, **kw):
                monkeypatch.setattr(QuerySet, "get", original_get)
                raise SessionLog.DoesNotExist

            monkeypatch.setattr(QuerySet, "get", miss_once)
        return original(self, defaults, **kwargs)

    monkeypatch.setattr(QuerySet, "get_or_create", other_request_first)
    client.force_login(patient_a.user)
    response = client.post(f"/plans/{plan_a.pk}/done/", {"effort": "hard"})
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == ALREADY
    assert list(SessionLog.objects.filter(plan=plan_a)) == raced
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionLog.objects.create(patient=patient_a, plan=plan_a, date=raced[0].date)
