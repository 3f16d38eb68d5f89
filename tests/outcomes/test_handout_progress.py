"""The printed handout's progress section: each questionnaire the patient answered, first
and latest score, the change against the change that matters, in a plain sentence; in the
patient's language; in a fixed number of queries for any batch."""

import datetime as dt

import pytest
from django.utils import timezone

from outcomes import selectors
from outcomes.models import Response
from patients import handouts
from patients.models import Plan
from tests.conftest import make_patient, make_plan
from tests.handouts.conftest import pdf_text
from tests.outcomes.conftest import psfs_answers


def answered(patient, plan, psfs, *scores):
    """The PSFS answered with these scores, a fortnight apart, the last one today."""
    from outcomes import services

    schedule = services.attach_measure(
        questionnaire=psfs, by=patient.clinician, plan=plan, every_weeks=2
    )
    now = timezone.now()
    for n, score in enumerate(scores):
        days_ago = 14 * (len(scores) - 1 - n)
        Response.objects.create(
            patient=patient,
            plan=plan,
            schedule=schedule,
            occasion=now.date() - dt.timedelta(days=days_ago),
            questionnaire=psfs,
            language="en",
            answers=psfs_answers(rating_1=score),
            score=score,
            submitted_at=now - dt.timedelta(days=days_ago),
        )


def print_page(client, patient, plan):
    client.force_login(patient.user)
    response = client.get(f"/plans/{plan.pk}/handout/")
    assert response.status_code == 200
    return " ".join(response.text.split())


def test_the_handout_shows_the_measures_progress(client, patient_a, plan_a, psfs):
    answered(patient_a, plan_a, psfs, 3, 4, 6)
    text = print_page(client, patient_a, plan_a)
    assert "Your progress" in text
    assert "Activities that are hard for you" in text
    assert (
        "Your score improved by 3 points since you started — at least the change that "
        "matters (2 points)."
    ) in text
    # Before the sheet for the fridge.
    assert text.index("Your progress") < text.index("Your next 14 days")


def test_in_french(client, patient_a, plan_a, psfs):
    patient_a.user.language = "fr"
    patient_a.user.save()
    answered(patient_a, plan_a, psfs, 3, 6)
    text = print_page(client, patient_a, plan_a).replace("&#x27;", "'")
    assert "Vos progrès" in text
    assert "Les activités difficiles pour vous" in text
    assert (
        "Votre score s'est amélioré de 3 points depuis le début — au moins le changement "
        "qui compte (2 points)."
    ) in text


def test_the_pdf_prints_it(client, patient_a, plan_a, psfs):
    answered(patient_a, plan_a, psfs, 3, 6)
    client.force_login(patient_a.user)
    text = pdf_text(client.get(f"/plans/{plan_a.pk}/handout.pdf"))
    assert "Your progress" in text
    assert "at least the change that matters" in text


def test_no_questionnaire_answered_no_section(client, patient_a, plan_a):
    assert "Your progress" not in print_page(client, patient_a, plan_a)


@pytest.mark.parametrize("count", [1, 4])
def test_a_batch_of_handouts_costs_the_same_however_many_patients_answered(
    clinic_a, clinician_a, library, psfs, django_assert_num_queries, count
):
    ids = []
    for n in range(count):
        patient = make_patient(f"progress{n}@patients.example", clinic_a, clinician_a)
        plan = make_plan(patient)
        answered(patient, plan, psfs, 2, 5)
        ids.append(plan.pk)
    # plans with patients; items; their pictures; invitations; every patient's responses
    with django_assert_num_queries(5):
        plans = list(Plan.objects.for_handout().filter(pk__in=ids))
        html = handouts.render_page(
            None, handouts.plan_handouts(plans), options=handouts.PrintOptions(), for_pdf=True
        )
    assert html.count('class="handout-progress"') == count


def test_one_query_for_every_patients_measures(patient_a, plan_a, psfs, django_assert_num_queries):
    answered(patient_a, plan_a, psfs, 2, 5)
    with django_assert_num_queries(1):
        found = selectors.measures_progress_for([patient_a])
    (measure,) = found[patient_a.pk]
    assert (measure.improvement.baseline, measure.improvement.latest) == (2, 5)
