"""The handout queries: everything a handout shows, in a fixed number of queries."""

import pytest

from patients import handouts
from patients.models import Patient, Plan
from patients.services import assign_articles
from tests.conftest import make_patient, make_plan


@pytest.fixture
def many_plans(clinic_a, clinician_a, library):
    from education.models import Article

    articles = list(Article.objects.filter(status="published")[:2])
    plans = []
    for n in range(6):
        patient = make_patient(f"shape{n}@patients.example", clinic_a, clinician_a)
        assign_articles(patient=patient, articles=articles, assigned_by=None)
        plans.append(make_plan(patient))
    return plans


def render(handout_list):
    return handouts.render_page(None, handout_list, options=handouts.PrintOptions(), for_pdf=True)


@pytest.mark.parametrize("count", [1, 6])
def test_plans_for_handout_cost_the_same_for_one_plan_or_many(
    many_plans, django_assert_num_queries, count
):
    ids = [plan.pk for plan in many_plans[:count]]
    # plans with patient, account, clinic, clinicians; items with exercises; the exercises'
    # own pictures (a clinic's uploads, printed after our drawings: one query for all the
    # plans, issue 16); invitations; the outcome measures' progress section (one query for
    # all the patients, issue 18: patients.extensions)
    with django_assert_num_queries(5):
        plans = list(Plan.objects.for_handout().filter(pk__in=ids))
        html = render(handouts.plan_handouts(plans))
    assert html.count('class="handout handout-programme"') == count


@pytest.mark.parametrize("count", [1, 6])
def test_patients_for_handout_cost_the_same_for_one_patient_or_many(
    many_plans, django_assert_num_queries, count
):
    ids = [plan.patient_id for plan in many_plans[:count]]
    # patients; active plans; their items; the exercises' own pictures (one query for all
    # the patients, issue 16); published articles with reviewers, their teach-back
    # questions and those questions' answers; invitations; the outcome measures' progress
    # section (one query for all the patients, issue 18)
    with django_assert_num_queries(9):
        patients = list(Patient.objects.for_handout().filter(pk__in=ids))
        html = render([h for patient in patients for h in handouts.patient_handouts(patient)])
    assert html.count('class="handout handout-programme"') == count
    assert html.count('class="handout handout-article"') >= 2 * count
