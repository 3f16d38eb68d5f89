"""Every patient-data changelist costs the same number of queries for 1 row or many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.admin.conftest import clinic_records
from tests.conftest import make_patient, make_plan

MODELS = ["plan", "articleassignment", "painentry", "sessionlog", "alert", "invitation"]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("model", MODELS)
def test_the_changelist_query_count_does_not_grow_with_rows(
    client, clinician_a, clinic_a, library, model
):
    client.force_login(clinician_a)
    url = f"/admin/patients/{model}/" + ("?status=all" if model == "alert" else "")
    first = make_patient("first@p.example", clinic_a, clinician_a)
    clinic_records(first, make_plan(first))
    few = queries_for(client, url)
    for i in range(25):
        patient = make_patient(f"p{i}@p.example", clinic_a, clinician_a)
        clinic_records(patient, make_plan(patient))
    assert queries_for(client, url) == few
