"""The fixed cast every test works with: two clinics, staff in each, patients in each.

The cast is built once per test session, right after the test database is created
(`django_db_setup` below); every test still runs in its own transaction, rolled back at
its end. The fixtures named after the cast (`clinic_a`, `patient_a`, `plan_a`, ...) look
their row up afresh in each test, so a test may change or delete it freely.
"""

import contextlib
import datetime as dt
import gc
import importlib.util
import io
import os
import uuid
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.models import Clinic, User
from clinic.roles import CLINICIAN, FRONT_DESK, MANAGER
from clinic.services import set_staff_role

PASSWORD = "a-long-test-password"
SETTINGS_FILE = Path(__file__).resolve().parents[1] / "clinic" / "settings.py"
PLAN_STARTED_DAYS_AGO = 7  # the cast's plans started a week before the test's today


def pytest_configure(config):
    # Every request of a test allocates thousands of short-lived objects (querysets,
    # template nodes): at Python's default thresholds the collector runs so often that it
    # costs a fifth of the suite's CPU time. Collect less often...
    gc.set_threshold(100_000, 50, 1_000)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    # ...and never walk what lives all session (Django, the apps, the collected tests).
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="session", autouse=True)
def _fast_and_plain():
    # Tests hash passwords often; the static manifest exists only after collectstatic.
    # For the whole session: the cast (built once) is hashed the same way as the rest.
    from django.conf import settings

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


@pytest.fixture
def frozen_clock():
    """The clock stands still at the moment the test starts (time-machine travels within
    it still work): "now", "today" and signed, time-stamped links are the same in the test
    and in every request it makes, even across a second boundary or midnight.

    Modules whose tests compare such values use it for every test:
    `pytestmark = pytest.mark.usefixtures("frozen_clock")` (set up before the cast's
    fixtures, so a plan's "a week ago" is measured on the stopped clock too)."""
    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def fresh_settings(monkeypatch):
    """fresh_settings(**env): clinic/settings.py run anew in this process, with these
    DJANGO_* variables (and DATABASE_URL) and no others, as a module to read; Django's own
    settings are left as they are. What a server started with that environment would have."""

    def load(**env):
        for name in [name for name in os.environ if name.startswith("DJANGO_")]:
            monkeypatch.delenv(name)
        monkeypatch.delenv("DATABASE_URL", raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        spec = importlib.util.spec_from_file_location("fresh_portal_settings", SETTINGS_FILE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache: each test starts with none.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def make_user(email, **extra):
    return User.objects.create_user(email=email, password=PASSWORD, **extra)


def make_staff(email, clinic, role):
    user = make_user(email, first_name=role.title(), last_name=clinic.slug.title())
    set_staff_role(user=user, clinic=clinic, role=role)
    TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    return user


def make_superuser(email):
    user = User.objects.create_superuser(email=email, password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    return user


def make_patient(email, clinic, clinician, **extra):
    from patients.models import Patient

    user = make_user(email, first_name=email.split("@")[0].title(), last_name="Patient")
    return Patient.objects.create(user=user, clinic=clinic, clinician=clinician, **extra)


def make_plan(patient, *, template_slug="knee-settle-phase-1", **extra):
    from education.models import ProgrammeTemplate
    from patients.services import create_plan_from_template

    template = ProgrammeTemplate.objects.get(slug=template_slug)
    return create_plan_from_template(
        patient=patient,
        template=template,
        created_by=patient.clinician,
        start_date=extra.pop(
            "start_date",
            patient.clinic.today() - dt.timedelta(days=PLAN_STARTED_DAYS_AGO),
        ),
        **extra,
    )


def make_pain_entry(patient, *, score=3, at=None, **fields):
    """A pain entry saved directly (no alerts): for pages that list entries."""
    from django.utils import timezone

    from patients.models import PainEntry

    return PainEntry.objects.create(
        patient=patient,
        score=score,
        recorded_at=at or timezone.now(),
        context=fields.pop("context", PainEntry.Context.AFTER),
        location=fields.pop("location", PainEntry.Location.KNEECAP),
        knee=fields.pop("knee", PainEntry.Knee.RIGHT),
        submission_id=uuid.uuid4(),
        **fields,
    )


# --- The cast, built once per session ------------------------------------------------------

STAFF = {  # fixture: (email, clinic fixture, role)
    "clinician_a": ("clinician@a.example", "clinic_a", CLINICIAN),
    "front_desk_a": ("desk@a.example", "clinic_a", FRONT_DESK),
    "manager_a": ("manager@a.example", "clinic_a", MANAGER),
    "clinician_b": ("clinician@b.example", "clinic_b", CLINICIAN),
}
SUPERUSER = "root@portal.example"
PATIENTS = {  # fixture: (email, clinic fixture, clinician fixture, affected side)
    "patient_a": ("ada@patients.example", "clinic_a", "clinician_a", "right"),
    "patient_a2": ("ben@patients.example", "clinic_a", "clinician_a", "left"),
    "patient_b": ("cleo@patients.example", "clinic_b", "clinician_b", "right"),
}
PLANS = {"plan_a": "patient_a", "plan_a2": "patient_a2", "plan_b": "patient_b"}

CAST_PKS: dict[str, object] = {}  # fixture name -> primary key of its row


def buildCAST_PKS():
    """Write the cast. Two clinics; a clinician, a front-desk user and a manager in A, a
    clinician in B; a superuser; two patients in A, one in B; the shipped library; a
    phase-1 plan for each patient (which also gives each the plan's two articles)."""
    from education.services import load_library

    clinics = {
        "clinic_a": Clinic.objects.create(name="Clinic A", slug="clinic-a", phone="613-555-0100"),
        "clinic_b": Clinic.objects.create(name="Clinic B", slug="clinic-b", phone="514-555-0199"),
    }
    staff = {
        name: make_staff(email, clinics[clinic], role)
        for name, (email, clinic, role) in STAFF.items()
    }
    make_superuser(SUPERUSER)
    patients = {
        name: make_patient(email, clinics[clinic], staff[clinician], affected_side=side)
        for name, (email, clinic, clinician, side) in PATIENTS.items()
    }
    load_library()
    for patient in PLANS.values():
        make_plan(patients[patient])


def rememberCAST_PKS():
    from patients.models import Patient, Plan

    CAST_PKS.update(
        clinic_a=Clinic.objects.get(slug="clinic-a").pk,
        clinic_b=Clinic.objects.get(slug="clinic-b").pk,
        superuser=User.objects.get(email=SUPERUSER).pk,
    )
    for name, (email, *_rest) in STAFF.items():
        CAST_PKS[name] = User.objects.get(email=email).pk
    for name, (email, *_rest) in PATIENTS.items():
        CAST_PKS[name] = Patient.objects.get(user__email=email).pk
    for name, patient in PLANS.items():
        # The patient's first plan: a kept database (--reuse-db) may hold later ones.
        CAST_PKS[name] = Plan.objects.filter(patient=CAST_PKS[patient]).earliest("created_at").pk


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with the cast in it.

    Transactional tests (serialized_rollback=True) empty the database and restore what
    was serialized when it was created: it is serialized again here, cast included, so
    they and every test after them find the cast and the role groups of the migrations.
    """
    from auditlog.context import disable_auditlog
    from django.db import connections, transaction

    with django_db_blocker.unblock():
        if not Clinic.objects.filter(slug="clinic-a").exists():  # --reuse-db keeps it
            # No audit rows for the cast: nobody made it. (Restoring it for a transactional
            # test would also rewrite them, which the append-only trail refuses.)
            with transaction.atomic(), disable_auditlog():
                buildCAST_PKS()
        rememberCAST_PKS()
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@contextlib.contextmanager
def rows_for_the_module(django_db_blocker):
    """For a module-scoped fixture: rows written once for all the tests of a module.

    They are written in a transaction of their own; each test's transaction nests in it
    (a savepoint, rolled back after the test), and it is rolled back after the module's
    last test: what `setUpTestData` does for a TestCase class.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


def warning_sign_entry(patient, **fields):
    """A score of 9 with a warning sign (swelling), saved through the service as the patient's
    form saves it: its alert is raised."""
    from patients.services import record_pain

    entry, _ = record_pain(
        patient=patient,
        submission_id=uuid.uuid4(),
        score=9,
        context="rest",
        location="kneecap",
        knee="right",
        swelling=True,
        **fields,
    )
    return entry


def clinic_records(patient, plan):
    """One of each patient-data row for a patient, as a dict by model name."""
    from education.models import Article, ProgrammeTemplate
    from patients.invitations import send_invitation
    from patients.models import PhaseProposal
    from patients.services import assign_articles, log_session

    entry = warning_sign_entry(patient)
    (assignment,) = assign_articles(
        patient=patient, articles=[Article.objects.get(slug="warning-signs")], assigned_by=None
    )
    session, _ = log_session(patient=patient, plan=plan, date=plan.start_date)
    proposal = PhaseProposal.objects.create(
        patient=patient,
        plan=plan,
        kind=PhaseProposal.Kind.ADVANCE,
        to_template=ProgrammeTemplate.objects.get(slug="knee-build-phase-2"),
        figures={"criteria": [{"kind": "min_days", "met": True, "value": 21, "target": 14}]},
    )
    return {
        "patient": patient,
        "plan": plan,
        "articleassignment": assignment,
        "painentry": entry,
        "sessionlog": session,
        "alert": entry.alert,
        "invitation": send_invitation(patient=patient, sent_by=None),
        "phaseproposal": proposal,
    }


@pytest.fixture(scope="module")
def clinic_rows_of_the_module(django_db_setup, django_db_blocker):
    """`clinic_records` of patients A and B, written once for the module's tests
    (rows_for_the_module), as (model, pk) by name under "a" and "b"."""
    from patients.models import Patient, Plan

    with rows_for_the_module(django_db_blocker):
        written = {}
        for key in ("a", "b"):
            patient = Patient.objects.select_related("user", "clinic").get(
                pk=CAST_PKS[f"patient_{key}"]
            )
            records = clinic_records(patient, Plan.objects.get(pk=CAST_PKS[f"plan_{key}"]))
            written[key] = {name: (type(row), row.pk) for name, row in records.items()}
        yield written


@pytest.fixture
def clinic_rows(db, clinic_rows_of_the_module):
    """`clinic_records` of patients A and B ({"a": ..., "b": ...}), written once per module
    and fetched anew for each test, so that nothing a test changed (and rolled back) is seen
    by the next. A module that uses it asks for it in every test (`pytestmark`): no test
    then meets rows it did not ask for."""
    return {
        key: {name: model.objects.get(pk=pk) for name, (model, pk) in records.items()}
        for key, records in clinic_rows_of_the_module.items()
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`manage.py demo`, run once for the module's tests; what it printed. Its story is told
    relative to today: the clock stands still at the load for the whole module, so today
    is the demo's."""
    import time_machine
    from django.core.management import call_command
    from django.utils import timezone

    with time_machine.travel(timezone.now(), tick=False), rows_for_the_module(django_db_blocker):
        out = io.StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()


class PortalClient(Client):
    """`force_login` signs staff in as the admin requires: password and second factor."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client():
    return PortalClient()


@pytest.fixture
def clinic_a(db):
    return Clinic.objects.get(pk=CAST_PKS["clinic_a"])


@pytest.fixture
def clinic_b(db):
    return Clinic.objects.get(pk=CAST_PKS["clinic_b"])


def cast_staff(name):
    return User.objects.get(pk=CAST_PKS[name])


@pytest.fixture
def clinician_a(clinic_a):
    return cast_staff("clinician_a")


@pytest.fixture
def front_desk_a(clinic_a):
    return cast_staff("front_desk_a")


@pytest.fixture
def manager_a(clinic_a):
    return cast_staff("manager_a")


@pytest.fixture
def clinician_b(clinic_b):
    return cast_staff("clinician_b")


@pytest.fixture
def superuser(db):
    return User.objects.get(pk=CAST_PKS["superuser"])


@pytest.fixture
def patient_user_a(db):
    """Deprecated: an account with no patient record. Use patient_a.user; remove this once
    tests/education no longer asks for it."""
    return make_user("patient.a@example.com", first_name="Ada", last_name="Patient")


def cast_patient(name, clinic, clinician):
    from patients.models import Patient

    patient = Patient.objects.select_related("user").get(pk=CAST_PKS[name])
    patient.clinic, patient.clinician = clinic, clinician
    return patient


@pytest.fixture
def patient_a(clinic_a, clinician_a):
    """A patient of clinic A (their account: patient_a.user)."""
    return cast_patient("patient_a", clinic_a, clinician_a)


@pytest.fixture
def patient_a2(clinic_a, clinician_a):
    """A second patient of clinic A: same clinic, never allowed to see patient_a's data."""
    return cast_patient("patient_a2", clinic_a, clinician_a)


@pytest.fixture
def patient_b(clinic_b, clinician_b):
    """A patient of clinic B."""
    return cast_patient("patient_b", clinic_b, clinician_b)


@pytest.fixture
def library(db):
    """The shipped library: conditions, exercises, articles and the two knee templates.

    Part of the cast: this only says that a test relies on it."""


def cast_plan(name, patient):
    """The patient's phase-1 plan, started PLAN_STARTED_DAYS_AGO days before today."""
    from patients.models import Plan

    plan = Plan.objects.get(pk=CAST_PKS[name])
    plan.patient = patient
    started = patient.clinic.today() - dt.timedelta(days=PLAN_STARTED_DAYS_AGO)
    if plan.start_date != started:
        # The clock passed midnight since the cast was built: the plan keeps its age.
        Plan.objects.filter(pk=plan.pk).update(start_date=started)
        for revision in plan.revisions.all():
            revision.snapshot["start_date"] = started.isoformat()
            revision.save(update_fields=["snapshot"])
        plan.start_date = started
    return plan


@pytest.fixture
def plan_a(library, patient_a):
    return cast_plan("plan_a", patient_a)


@pytest.fixture
def plan_a2(library, patient_a2):
    return cast_plan("plan_a2", patient_a2)


@pytest.fixture
def plan_b(library, patient_b):
    return cast_plan("plan_b", patient_b)
