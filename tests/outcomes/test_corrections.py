"""A correction is a new response: a clinician marks an answer as entered in error (it is
kept, struck through and no longer counted), and the patient answers the occasion again."""

import html

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse

from outcomes import fhir, selectors
from outcomes.models import Response
from tests.conftest import PortalClient

pytestmark = pytest.mark.usefixtures("frozen_clock")

CHANGELIST = "/admin/outcomes/response/"


def answer_url(schedule):
    return reverse("outcomes:answer", args=[schedule.plan_id, schedule.pk])


def text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.text)


def answered(patient, schedule, rating):
    client = Client()
    client.force_login(patient.user)
    response = client.post(answer_url(schedule), {"activity_1": "Stairs", "rating_1": rating})
    assert response.status_code == 302
    return client


def mark(user, *responses):
    client = PortalClient()  # staff: signed in with the second factor
    client.force_login(user)
    return client.post(
        CHANGELIST,
        {"action": "mark_entered_in_error", "_selected_action": [str(r.pk) for r in responses]},
        follow=True,
    )


def test_a_clinician_marks_an_answer_in_error_and_the_patient_answers_again(
    psfs_due, patient_a, clinician_a
):
    patient = answered(patient_a, psfs_due, "8")  # meant 3
    wrong = Response.objects.get(patient=patient_a)
    assert "Questionnaires to fill in" not in text(patient, "/")

    page = html.unescape(mark(clinician_a, wrong).text)
    assert "Marked as entered in error: 1. The patient is asked to answer again." in page
    wrong.refresh_from_db()
    assert wrong.in_error and wrong.entered_in_error_by == clinician_a
    assert wrong.score == 8 and wrong.answers["rating_1"] == 8  # kept as it was
    updated = LogEntry.objects.get_for_object(wrong).get(action=LogEntry.Action.UPDATE)
    assert updated.actor == clinician_a  # in the audit trail

    # Due again: on Today, and the patient answers anew (a new response).
    assert "Questionnaires to fill in" in text(patient, "/")
    answered(patient_a, psfs_due, "3")
    right = Response.objects.get(patient=patient_a, entered_in_error_at=None)
    assert right.pk != wrong.pk and right.score == 3
    assert Response.objects.filter(patient=patient_a).count() == 2

    # My progress: the chart counts the new one; the old one is listed struck through.
    progress = text(patient, reverse("outcomes:progress"))
    assert "Entered in error (not counted)" in progress
    assert "<del>" in progress and ": 8</del>" in progress
    assert "Scores over time, 1 response." in progress or "Score over time, 1 response." in (
        progress
    )
    found = selectors.improvement(patient_a, "psfs")
    assert (found.latest, found.count) == (3, 1)
    # The export says so in FHIR's words.
    statuses = {
        entry["resource"]["id"]: entry["resource"].get("status")
        for entry in fhir.patient_bundle(patient_a)["entry"]
    }
    assert statuses[str(wrong.pk)] == "entered-in-error"
    assert statuses[str(right.pk)] == "completed"


def test_marking_twice_counts_once(psfs_due, patient_a, clinician_a):
    answered(patient_a, psfs_due, "8")
    wrong = Response.objects.get(patient=patient_a)
    mark(clinician_a, wrong)
    page = html.unescape(mark(clinician_a, wrong).text)
    assert "Marked as entered in error: 0." in page


def test_only_the_patients_clinical_staff_may_mark(psfs_due, patient_a, clinician_b, front_desk_a):
    answered(patient_a, psfs_due, "8")
    wrong = Response.objects.get(patient=patient_a)
    mark(clinician_b, wrong)  # another clinic's: not in their list, nothing marked
    mark(front_desk_a, wrong)  # the front desk does not read answers
    wrong.refresh_from_db()
    assert not wrong.in_error


def test_a_response_is_never_edited_otherwise(psfs_due, patient_a):
    answered(patient_a, psfs_due, "8")
    response = Response.objects.get(patient=patient_a)
    response.score = 3
    with pytest.raises(ValueError):
        response.save()
    with pytest.raises(ValueError):
        response.save(update_fields=["score"])
