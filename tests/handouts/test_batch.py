"""A morning's batch: one PDF of every selected plan or patient, from the admin lists."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from patients import handouts
from tests.conftest import make_patient, make_plan
from tests.handouts.conftest import pdf_text, print_records

PLANS = "/admin/patients/plan/"
PATIENTS = "/admin/patients/patient/"


def print_action(url, objs, client):
    return client.post(
        url,
        {"action": "print_handouts", "_selected_action": [str(obj.pk) for obj in objs]},
    )


def test_one_pdf_holds_every_selected_plan_and_each_patient_is_recorded(
    client, front_desk_a, plan_a, plan_a2
):
    client.force_login(front_desk_a)
    response = print_action(PLANS, [plan_a, plan_a2], client)
    text = pdf_text(response)
    assert "Ada Patient" in text
    assert "Ben Patient" in text
    assert sorted(print_records()) == sorted(
        [
            ("batch_pdf", str(plan_a.patient.pk), front_desk_a),
            ("batch_pdf", str(plan_a2.patient.pk), front_desk_a),
        ]
    )


def test_one_pdf_holds_every_selected_patient(client, clinician_a, plan_a, plan_a2):
    client.force_login(clinician_a)
    response = print_action(PATIENTS, [plan_a.patient, plan_a2.patient], client)
    text = pdf_text(response)
    assert "Ada Patient" in text
    assert "Ben Patient" in text
    assert len(print_records()) == 2


@pytest.mark.parametrize("url", [PLANS, PATIENTS])
def test_another_clinics_plan_or_patient_in_a_batch_prints_nothing(
    client, clinician_a, plan_a, plan_a2, plan_b, url
):
    mine = [plan_a, plan_a2] if url == PLANS else [plan_a.patient, plan_a2.patient]
    theirs = plan_b if url == PLANS else plan_b.patient
    client.force_login(clinician_a)
    response = print_action(url, [*mine, theirs], client)
    assert response.status_code == 404
    assert response.get("Content-Type") != "application/pdf"
    assert print_records() == []


@pytest.mark.parametrize("url", [PLANS, PATIENTS])
def test_another_clinics_plan_or_patient_alone_is_not_found(client, clinician_b, plan_a, url):
    client.force_login(clinician_b)
    response = print_action(url, [plan_a if url == PLANS else plan_a.patient], client)
    assert response.status_code == 404
    assert print_records() == []


def test_staff_without_the_print_permission_are_not_offered_the_action(
    client, front_desk_a, plan_a
):
    front_desk_a.groups.clear()
    front_desk_a.user_permissions.add(Permission.objects.get(codename="view_plan"))
    client.force_login(front_desk_a)
    response = print_action(PLANS, [plan_a], client)
    assert response.status_code == 200  # the list again, with "No action selected."
    assert response.get("Content-Type") != "application/pdf"
    assert print_records() == []


def test_too_large_a_batch_is_refused_with_a_message(
    client, clinician_a, plan_a, plan_a2, monkeypatch
):
    monkeypatch.setattr(handouts, "MAX_BATCH", 1)
    client.force_login(clinician_a)
    response = print_action(PLANS, [plan_a, plan_a2], client)
    assert response.status_code == 302
    assert print_records() == []


# What a batch costs: the changelist's own queries, the handouts' data, and one audit row
# per plan or patient printed. The data part does not grow with the batch.
# Each with one query for the exercises' own pictures (a clinic's uploads, printed after our
# drawings, issue 16) and one for the outcome measures' progress section of every patient
# (issue 18, through patients.extensions).
PLAN_BATCH_QUERIES = 13
PATIENT_BATCH_QUERIES = 19  # with the articles' teach-back questions and their answers


def clinic_a_plans(clinic_a, clinician_a, count, prefix="batch"):
    return [
        make_plan(make_patient(f"{prefix}{n}@patients.example", clinic_a, clinician_a))
        for n in range(count)
    ]


@pytest.mark.parametrize("count", [2, 10])
def test_a_plan_batch_makes_a_fixed_number_of_queries_however_many_are_selected(
    client, clinician_a, clinic_a, library, django_assert_num_queries, quick_pdf, count
):
    plans = clinic_a_plans(clinic_a, clinician_a, count)
    client.force_login(clinician_a)
    with django_assert_num_queries(PLAN_BATCH_QUERIES + count):  # + one audit row each
        response = print_action(PLANS, plans, client)
    assert response.status_code == 200
    assert len(print_records()) == count


@pytest.mark.parametrize("count", [2, 10])
def test_a_patient_batch_makes_a_fixed_number_of_queries_however_many_are_selected(
    client, clinician_a, clinic_a, library, django_assert_num_queries, quick_pdf, count
):
    plans = clinic_a_plans(clinic_a, clinician_a, count)
    client.force_login(clinician_a)
    with django_assert_num_queries(PATIENT_BATCH_QUERIES + count):  # + one audit row each
        response = print_action(PATIENTS, [plan.patient for plan in plans], client)
    assert response.status_code == 200
    assert len(print_records()) == count


def test_the_only_queries_that_grow_with_a_batch_are_its_audit_rows(
    client, clinician_a, clinic_a, library, quick_pdf
):
    def reads(count):
        plans = clinic_a_plans(clinic_a, clinician_a, count, prefix=f"reads{count}-")
        with CaptureQueriesContext(connection) as ctx:
            print_action(PLANS, plans, client)
        return [q["sql"] for q in ctx.captured_queries if "clinic_accessrecord" not in q["sql"]]

    client.force_login(clinician_a)
    few = reads(1)
    # Another batch, with more plans in the clinic by then: the same reads.
    assert len(reads(8)) == len(few)
