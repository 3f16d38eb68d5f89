"""The fixed cast every test works with: two clinics, staff in each, patients in each."""

import pytest

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


def make_user(email, **extra):
    return User.objects.create_user(email=email, password=PASSWORD, **extra)


def make_staff(email, clinic, role):
    user = make_user(email, first_name=role.title(), last_name=clinic.slug.title())
    set_staff_role(user=user, clinic=clinic, role=role)
    return user


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
    return User.objects.create_superuser(email="root@portal.example", password=PASSWORD)


@pytest.fixture
def patient_user_a(db):
    return make_user("patient.a@example.com", first_name="Ada", last_name="Patient")
