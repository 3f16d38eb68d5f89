import pytest

from tests.conftest import clinic_records


@pytest.fixture
def records_a(plan_a, patient_a):
    return clinic_records(patient_a, plan_a)


@pytest.fixture
def records_b(plan_b, patient_b):
    return clinic_records(patient_b, plan_b)
