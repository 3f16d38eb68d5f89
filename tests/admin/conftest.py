import uuid

import pytest

from patients.invitations import send_invitation
from patients.services import assign_articles, log_session, record_pain


def clinic_records(patient, plan):
    """One of each patient-data row for a patient, as a dict by model name."""
    from education.models import Article, ProgrammeTemplate
    from patients.models import PhaseProposal

    entry, _ = record_pain(
        patient=patient,
        submission_id=uuid.uuid4(),
        score=9,
        context="rest",
        location="kneecap",
        knee="right",
        swelling=True,
    )
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


@pytest.fixture
def records_a(plan_a, patient_a):
    return clinic_records(patient_a, plan_a)


@pytest.fixture
def records_b(plan_b, patient_b):
    return clinic_records(patient_b, plan_b)
