"""Who sees the proposals, and what the clinician's pages show: the list and its filter, the
count on the admin index, the line on the patient summary. The front desk sees none."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from patients import services
from patients.models import PhaseProposal
from tests.conftest import make_patient, make_plan

# Every test meets the patient who is ready to move on (written once for the module).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ready")]


@pytest.fixture
def proposal(ready):
    patient, _plan = ready
    services.evaluate_proposals(patient)
    return PhaseProposal.objects.get(patient=patient)


def test_the_clinician_sees_the_count_the_list_and_the_summary_line(client, clinician_a, proposal):
    client.force_login(clinician_a)
    index = client.get("/admin/").text
    assert "1 proposal waiting for a clinician" in index
    listed = client.get("/admin/patients/phaseproposal/")
    assert list(listed.context["cl"].result_list) == [proposal]
    assert "Adherence over the last 14 days: 93% (at least 80%)" in listed.text
    # Decided ones are under their own filter, not in the default (waiting) list.
    services.dismiss_proposal(proposal=proposal, by=clinician_a, reason="Not yet.")
    assert list(client.get("/admin/patients/phaseproposal/").context["cl"].result_list) == []
    dismissed = client.get("/admin/patients/phaseproposal/?status=dismissed")
    assert list(dismissed.context["cl"].result_list) == [proposal]


def test_the_patient_summary_says_which_criteria_are_met_with_the_figures(
    client, clinician_a, proposal
):
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/patient/{proposal.patient_id}/change/").text
    assert "Move on to “Knee pain after exercise — build (phase 2)”" in page
    assert "Days in this phase: 21 (at least 14)" in page
    assert "Open alerts: 0 (none)" in page


def test_the_front_desk_sees_no_proposal(client, front_desk_a, proposal):
    client.force_login(front_desk_a)
    assert "proposal" not in client.get("/admin/").text.lower()
    assert client.get("/admin/patients/phaseproposal/").status_code == 403
    assert client.get(f"/admin/patients/phaseproposal/{proposal.pk}/change/").status_code == 403
    assert client.post(f"/admin/patients/phaseproposal/{proposal.pk}/accept/").status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.OPEN
    page = client.get(f"/admin/patients/patient/{proposal.patient_id}/change/").text
    assert "Move on to" not in page


def test_another_clinics_clinician_cannot_find_or_decide_it(client, clinician_b, proposal):
    client.force_login(clinician_b)
    assert list(client.get("/admin/patients/phaseproposal/").context["cl"].result_list) == []
    assert client.post(f"/admin/patients/phaseproposal/{proposal.pk}/accept/").status_code == 404
    assert (
        client.post(
            f"/admin/patients/phaseproposal/{proposal.pk}/dismiss/", {"reason": "x"}
        ).status_code
        == 404
    )
    proposal.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.OPEN


def test_a_manager_decides_too(client, manager_a, proposal):
    client.force_login(manager_a)
    client.post(f"/admin/patients/phaseproposal/{proposal.pk}/accept/")
    proposal.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.ACCEPTED


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_list_and_the_summary_cost_the_same_queries_for_one_proposal_or_many(
    client, clinician_a, clinic_a, proposal
):
    client.force_login(clinician_a)
    summary = f"/admin/patients/patient/{proposal.patient_id}/change/"
    few = queries(client, "/admin/patients/phaseproposal/"), queries(client, summary)
    for i in range(6):
        patient = make_patient(f"p{i}@patients.example", clinic_a, clinician_a)
        plan = make_plan(patient)
        PhaseProposal.objects.create(
            patient=patient, plan=plan, kind=PhaseProposal.Kind.ADVANCE, figures={"criteria": []}
        )
        # The summary's patient with more proposals too (a second plan's).
        other = make_plan(proposal.patient)
        PhaseProposal.objects.create(
            patient=proposal.patient,
            plan=other,
            kind=PhaseProposal.Kind.EASIER,
            figures={"regression": {"high_entries": 3}, "swaps": []},
        )
    assert (queries(client, "/admin/patients/phaseproposal/"), queries(client, summary)) == few


def test_a_clinician_filters_the_proposals_for_their_own_patients(
    client, clinician_a, manager_a, proposal
):
    client.force_login(clinician_a)
    mine = client.get("/admin/patients/phaseproposal/?mine=yes")
    assert list(mine.context["cl"].result_list) == [proposal]  # ready's clinician: clinician_a
    client.force_login(manager_a)
    assert (
        list(client.get("/admin/patients/phaseproposal/?mine=yes").context["cl"].result_list) == []
    )
