"""The fixed cast every test works with: two clinics, staff in each, patients in each."""

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.models import Clinic, User
from clinic.roles import CLINICIAN, FRONT_DESK, MANAGER
from clinic.services import set_staff_role

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _fast_and_plain(settings):
    # Tests hash passwords often; the static manifest exists only after collectstatic.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


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
    return Clinic.objects.create(name="Clinic A", slug="clinic-a", phone="613-555-0100")


@pytest.fixture
def clinic_b(db):
    return Clinic.objects.create(name="Clinic B", slug="clinic-b", phone="514-555-0199")


@pytest.fixture
def clinician_a(clinic_a):
    return make_staff("clinician@a.example", clinic_a, CLINICIAN)


@pytest.fixture
def front_desk_a(clinic_a):
    return make_staff("desk@a.example", clinic_a, FRONT_DESK)


@pytest.fixture
def manager_a(clinic_a):
    return make_staff("manager@a.example", clinic_a, MANAGER)


@pytest.fixture
def clinician_b(clinic_b):
    return make_staff("clinician@b.example", clinic_b, CLINICIAN)


@pytest.fixture
def superuser(db):
    user = User.objects.create_superuser(email="root@portal.example", password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    return user


@pytest.fixture
def patient_user_a(db):
    """Deprecated: an account with no patient record. Use patient_a.user; remove this once
    tests/education no longer asks for it."""
    return make_user("patient.a@example.com", first_name="Ada", last_name="Patient")


def make_patient(email, clinic, clinician, **extra):
    from patients.models import Patient

    user = make_user(email, first_name=email.split("@")[0].title(), last_name="Patient")
    return Patient.objects.create(user=user, clinic=clinic, clinician=clinician, **extra)


@pytest.fixture
def patient_a(clinic_a, clinician_a):
    """A patient of clinic A (their account: patient_a.user)."""
    return make_patient("ada@patients.example", clinic_a, clinician_a, affected_side="right")


@pytest.fixture
def patient_a2(clinic_a, clinician_a):
    """A second patient of clinic A: same clinic, never allowed to see patient_a's data."""
    return make_patient("ben@patients.example", clinic_a, clinician_a, affected_side="left")


@pytest.fixture
def patient_b(clinic_b, clinician_b):
    """A patient of clinic B."""
    return make_patient("cleo@patients.example", clinic_b, clinician_b, affected_side="right")


@pytest.fixture
def library(db):
    """The shipped library: conditions, exercises, articles and the two knee templates."""
    from education.services import load_library

    load_library()


def make_plan(patient, *, template_slug="knee-settle-phase-1", **extra):
    import datetime as dt

    from education.models import ProgrammeTemplate
    from patients.services import create_plan_from_template

    template = ProgrammeTemplate.objects.get(slug=template_slug)
    return create_plan_from_template(
        patient=patient,
        template=template,
        created_by=patient.clinician,
        start_date=extra.pop("start_date", patient.clinic.today() - dt.timedelta(days=7)),
        **extra,
    )


@pytest.fixture
def plan_a(library, patient_a):
    return make_plan(patient_a)


@pytest.fixture
def plan_a2(library, patient_a2):
    return make_plan(patient_a2)


@pytest.fixture
def plan_b(library, patient_b):
    return make_plan(patient_b)


def make_pain_entry(patient, *, score=3, at=None, **fields):
    """A pain entry saved directly (no alerts): for pages that list entries."""
    import uuid

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
