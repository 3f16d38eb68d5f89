"""Every patient-data changelist costs the same number of queries for 1 row or many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic.models import Clinic, User
from tests.conftest import (
    CAST_PKS,
    PortalClient,
    clinic_records,
    make_patient,
    make_plan,
    rows_for_the_module,
)

MODELS = [
    "plan",
    "articleassignment",
    "painentry",
    "sessionlog",
    "alert",
    "invitation",
    "outgoingmessage",
    "phaseproposal",
]


def url_of(model):
    return f"/admin/patients/{model}/" + ("?status=all" if model == "alert" else "")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.fixture(scope="module")
def queries_with_one_row(django_db_setup, django_db_blocker):
    """Each changelist's query count with one patient's rows of each kind, taken before
    25 more patients, each with every kind of row, join clinic A (for the whole module)."""
    with rows_for_the_module(django_db_blocker):
        clinic = Clinic.objects.get(pk=CAST_PKS["clinic_a"])
        clinician = User.objects.get(pk=CAST_PKS["clinician_a"])
        first = make_patient("first@p.example", clinic, clinician)
        clinic_records(first, make_plan(first))
        client = PortalClient()
        client.force_login(clinician)
        few = {model: queries_for(client, url_of(model)) for model in MODELS}
        for i in range(25):
            patient = make_patient(f"p{i}@p.example", clinic, clinician)
            clinic_records(patient, make_plan(patient))
        yield few


@pytest.mark.parametrize("model", MODELS)
def test_the_changelist_query_count_does_not_grow_with_rows(
    client, clinician_a, queries_with_one_row, model
):
    client.force_login(clinician_a)
    assert queries_for(client, url_of(model)) == queries_with_one_row[model]
