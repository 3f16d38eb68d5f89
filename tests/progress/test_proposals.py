"""A proposal's life: it appears when every criterion is met, goes when one stops being, and
waits for a clinician, who accepts it in one click or dismisses it with a reason."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from patients import jobs, phases, services
from patients.models import PhaseProposal, Plan
from tests.progress.conftest import pain

# Every test meets the patient who is ready to move on (written once for the module).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ready")]


def open_proposals(patient):
    return list(PhaseProposal.objects.filter(patient=patient).open())


def test_a_patient_who_meets_every_criterion_gets_a_proposal_with_the_figures(ready):
    patient, plan = ready
    assert open_proposals(patient) == []  # nothing until evaluated
    assert services.evaluate_proposals(patient) == 1
    [proposal] = open_proposals(patient)
    assert proposal.kind == PhaseProposal.Kind.ADVANCE
    assert proposal.plan == plan
    assert proposal.to_template.slug == "knee-build-phase-2"
    figures = {row["kind"]: row for row in proposal.figures["criteria"]}
    assert figures["max_pain"] | {} == {
        "kind": "max_pain",
        "met": True,
        "value": 2,
        "target": 3,
        "days": 7,
    }
    assert figures["adherence"]["value"] == 93  # 13 of 14: today's session is not done yet
    assert figures["min_days"]["value"] == 21
    assert figures["no_open_alert"]["value"] == 0
    assert proposal.figures["to_review"] is True  # the shipped criteria: ours, to review
    # Nothing changed for the patient.
    assert list(patient.plans.values_list("status", flat=True)) == [Plan.Status.ACTIVE]


def test_a_pain_entry_and_a_session_evaluate_it_and_running_twice_opens_one(ready):
    patient, plan = ready
    pain(patient, 1)  # evaluated after the entry
    assert len(open_proposals(patient)) == 1
    services.log_session(patient=patient, plan=plan, date=patient.clinic.today())
    assert services.evaluate_proposals(patient) == 0
    assert jobs.evaluate_proposals(now=timezone.now()) == 0
    assert len(open_proposals(patient)) == 1


def test_a_criterion_that_stops_being_met_withdraws_the_proposal(ready):
    patient, _plan = ready
    services.evaluate_proposals(patient)
    [proposal] = open_proposals(patient)
    pain(patient, 5)  # over 3 today
    proposal.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.WITHDRAWN
    assert open_proposals(patient) == []


def test_the_scheduler_finds_a_patient_whose_days_in_the_phase_came_due(ready):
    patient, plan = ready
    Plan.objects.filter(pk=plan.pk).update(start_date=patient.clinic.today() - dt.timedelta(13))
    assert jobs.evaluate_proposals(now=timezone.now()) == 0  # 13 days: one short
    Plan.objects.filter(pk=plan.pk).update(start_date=patient.clinic.today() - dt.timedelta(14))
    assert jobs.evaluate_proposals(now=timezone.now()) == 1
    assert len(open_proposals(patient)) == 1


def admin_client(client, user):
    client.force_login(user)
    return client


def test_accepting_assigns_the_next_phase_completes_the_old_plan_and_tells_the_patient(
    ready, client, clinician_a
):
    patient, plan = ready
    services.evaluate_proposals(patient)
    [proposal] = open_proposals(patient)
    staff = admin_client(client, clinician_a)
    page = staff.get(f"/admin/patients/phaseproposal/{proposal.pk}/change/")
    assert "Highest pain over the last 7 days: 2/10 (at most 3)" in page.text
    assert "review" in page.text  # the shipped criteria are marked for review
    response = staff.post(f"/admin/patients/phaseproposal/{proposal.pk}/accept/")
    assert response.status_code == 302

    proposal.refresh_from_db()
    plan.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.ACCEPTED
    assert proposal.decided_by == clinician_a
    assert plan.status == Plan.Status.COMPLETED
    new = proposal.new_plan
    assert new.status == Plan.Status.ACTIVE and new.template.slug == "knee-build-phase-2"
    assert new.start_date == patient.clinic.today() and new.created_by == clinician_a
    # The same service as any assignment: phase 2's articles are given too.
    assert patient.article_assignments.filter(article__slug="building-resilient-knees").exists()
    # In the audit trail, with who did it.
    created = LogEntry.objects.get_for_object(new).get(action=LogEntry.Action.CREATE)
    assert created.actor == clinician_a
    decided = LogEntry.objects.get_for_object(proposal).filter(action=LogEntry.Action.UPDATE)
    assert decided.latest("timestamp").changes_dict["status"] == ["open", "accepted"]

    # The patient's Today: the phase-2 plan, and what changed from phase 1.
    client.logout()
    client.force_login(patient.user)
    today = client.get("/").text
    assert "Knee pain after exercise — build (phase 2)" in today
    assert "This plan takes over from “Knee pain after exercise — settle (phase 1)”." in today
    assert "New exercise: Step-down." in today
    assert "Removed: Clamshell." in today
    assert "Knee pain after exercise — settle (phase 1)</a>" not in today  # completed


def test_accepting_twice_changes_nothing_the_second_time(ready, client, clinician_a):
    patient, _plan = ready
    services.evaluate_proposals(patient)
    [proposal] = open_proposals(patient)
    services.accept_proposal(proposal=proposal, by=clinician_a)
    with pytest.raises(services.ProposalClosed):
        services.accept_proposal(proposal=proposal, by=clinician_a)
    assert patient.plans.count() == 2


def test_dismissing_needs_a_reason_and_changes_nothing_for_the_patient(ready, client, clinician_a):
    patient, plan = ready
    services.evaluate_proposals(patient)
    [proposal] = open_proposals(patient)
    staff = admin_client(client, clinician_a)
    url = f"/admin/patients/phaseproposal/{proposal.pk}/dismiss/"
    staff.post(url, {"reason": ""})
    proposal.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.OPEN
    page = staff.get(f"/admin/patients/phaseproposal/{proposal.pk}/change/")
    assert "Say why you dismiss the proposal." in page.text

    staff.post(url, {"reason": "Wait for the review on Friday."})
    proposal.refresh_from_db()
    assert proposal.status == PhaseProposal.Status.DISMISSED
    assert proposal.reason == "Wait for the review on Friday."
    assert list(patient.plans.all()) == [plan]
    # Not asked again the next day; a week later, if still met, it is.
    services.evaluate_proposals(patient)
    assert open_proposals(patient) == []
    PhaseProposal.objects.filter(pk=proposal.pk).update(
        decided_at=timezone.now() - phases.QUIET_AFTER_DECISION - dt.timedelta(hours=1)
    )
    services.evaluate_proposals(patient)
    assert len(open_proposals(patient)) == 1


def test_a_sustained_rise_proposes_the_easier_variants_the_library_links(
    frozen_clock, library, client, patient_a, plan_a, clinician_a
):
    plan_a.refresh_from_db()
    services.mark_plan_seen(plan_a)  # the patient knows the plan as it stands
    for days_ago in (3, 2, 1):
        pain(patient_a, 6, days_ago=days_ago)
    [proposal] = open_proposals(patient_a)
    assert proposal.kind == PhaseProposal.Kind.EASIER
    swaps = {swap["from"]: swap["to_name"] for swap in proposal.figures["swaps"]}
    assert swaps == {
        "Glute bridge": "Short-range bridge",
        "Clamshell": "Short-range clamshell",
        "Calf raise": "Seated calf raise",
    }
    assert proposal.figures["regression"]["high_entries"] == 3

    staff = admin_client(client, clinician_a)
    staff.post(f"/admin/patients/phaseproposal/{proposal.pk}/accept/")
    names = set(plan_a.items.values_list("exercise__slug", flat=True))
    assert names == {"quad-set", "short-range-bridge", "short-range-clamshell", "seated-calf-raise"}
    plan_a.refresh_from_db()
    assert plan_a.status == Plan.Status.ACTIVE
    client.logout()
    client.force_login(patient_a.user)
    today = client.get("/").text
    assert "Glute bridge is replaced by Short-range bridge." in today
    assert "Calf raise is replaced by Seated calf raise." in today


def test_a_rise_acknowledged_twice_proposes_easier_variants(
    frozen_clock, library, patient_a, plan_a, clinician_a
):
    from patients.models import Alert

    for days_ago, score in ((10, 2), (9, 2), (8, 2), (2, 5), (1, 5)):
        pain(patient_a, score, days_ago=days_ago)
    rises = Alert.objects.filter(patient=patient_a, rising=True)
    assert rises.count() == 2
    assert open_proposals(patient_a) == []  # entries of 5: no three at 6
    services.acknowledge_alerts(alerts=rises, by=clinician_a, outcome="advised")
    [proposal] = open_proposals(patient_a)
    assert proposal.kind == PhaseProposal.Kind.EASIER
    assert proposal.figures["regression"]["acknowledged_rises"] == 2


def test_a_french_reader_is_told_what_changed_in_french(ready, clinician_a, client):
    import html

    patient, _plan = ready
    patient.user.language = "fr"
    patient.user.save(update_fields=["language"])
    services.evaluate_proposals(patient)
    [proposal] = open_proposals(patient)
    services.accept_proposal(proposal=proposal, by=clinician_a)
    client.force_login(patient.user)
    today = html.unescape(client.get("/").text)
    assert "Douleur au genou après l'effort — renforcer (phase 2)" in today
    assert "Ce plan prend la relève de « Douleur au genou après l'effort — calmer (phase 1) »." in (
        today
    )
    assert "This plan takes over" not in today


def test_evaluating_a_patient_costs_the_same_queries_however_long_their_history(ready):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.conftest import make_pain_entry

    patient, plan = ready

    def cost():
        with CaptureQueriesContext(connection) as ctx:
            phases.evaluate_patient(patient)
        return len(ctx)

    services.evaluate_proposals(patient)  # opened: later runs only read it
    few = cost()
    for days_ago in range(1, 28):
        for hour in (2, 5, 9):
            make_pain_entry(
                patient, score=1, at=timezone.now() - dt.timedelta(days=days_ago, hours=hour)
            )
    assert cost() == few
