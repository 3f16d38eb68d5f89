"""Staff print a patient's handout: their active programmes and assigned articles, one PDF."""

import pytest

from education.models import Article
from patients.models import Plan
from patients.services import assign_articles, set_plan_status
from tests.conftest import make_plan
from tests.handouts.conftest import pdf_of, pdf_text, print_records, quick_pdf_html


def page_url(patient):
    return f"/admin/patients/patient/{patient.pk}/handout/"


def pdf_url(patient):
    return f"/admin/patients/patient/{patient.pk}/handout.pdf"


@pytest.fixture
def reading(patient_a, library):
    """Two published articles and a draft, all assigned to patient_a."""
    published = list(Article.objects.filter(status=Article.Status.PUBLISHED).order_by("pk")[:2])
    draft = Article.objects.create(
        title="Unfinished draft", slug="unfinished-draft", summary="s", body="Not yet."
    )
    assign_articles(patient=patient_a, articles=[*published, draft], assigned_by=None)
    return {"published": published, "draft": draft}


def test_one_pdf_holds_the_active_programmes_and_the_published_articles(
    client, front_desk_a, plan_a, reading
):
    paused = make_plan(plan_a.patient, template_slug="knee-build-phase-2")
    set_plan_status(plan=paused, status=Plan.Status.PAUSED, by=None)
    client.force_login(front_desk_a)
    response = client.get(pdf_url(plan_a.patient))
    text = pdf_text(response)
    assert len(pdf_of(response).pages) >= 2 + len(reading["published"])
    assert plan_a.title in text
    assert paused.title not in text
    for article in reading["published"]:
        assert article.title in text
    assert "Unfinished draft" not in text


def test_the_print_page_shows_the_same_and_offers_the_pdf(client, clinician_a, plan_a, reading):
    client.force_login(clinician_a)
    response = client.get(page_url(plan_a.patient))
    assert response.status_code == 200
    assert plan_a.title in response.text
    assert reading["published"][0].title in response.text
    assert f'href="{pdf_url(plan_a.patient)}"' in response.text


def test_a_patient_with_nothing_to_print_gets_a_plain_page(client, clinician_a, patient_a2):
    patient_a2.plans.all().delete()  # no programme and no reading
    patient_a2.article_assignments.all().delete()
    client.force_login(clinician_a)
    response = client.get(page_url(patient_a2))
    assert response.status_code == 200
    assert "Nothing to print" in response.text


@pytest.mark.parametrize("role", ["clinician_a", "front_desk_a", "manager_a", "superuser"])
@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_staff_of_the_patients_clinic_can_print(client, request, plan_a, role, url, quick_pdf):
    client.force_login(request.getfixturevalue(role))
    response = client.get(url(plan_a.patient))
    assert response.status_code == 200
    handout = quick_pdf_html(response) if url is pdf_url else response.text
    assert plan_a.title in handout


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_a_clinician_of_another_clinic_gets_not_found_and_nothing_is_recorded(
    client, clinician_b, plan_a, url
):
    client.force_login(clinician_b)
    assert client.get(url(plan_a.patient)).status_code == 404
    assert print_records() == []


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_staff_without_the_print_permission_are_refused(client, front_desk_a, plan_a, url):
    front_desk_a.groups.clear()
    client.force_login(front_desk_a)
    assert client.get(url(plan_a.patient)).status_code == 403


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_post_is_not_allowed(client, clinician_a, plan_a, url):
    client.force_login(clinician_a)
    assert client.post(url(plan_a.patient)).status_code == 405


def test_each_print_and_download_is_recorded_against_the_patient(
    client, front_desk_a, plan_a, quick_pdf
):
    client.force_login(front_desk_a)
    client.get(page_url(plan_a.patient))
    client.get(pdf_url(plan_a.patient))
    patient = str(plan_a.patient.pk)
    assert print_records() == [("print", patient, front_desk_a), ("pdf", patient, front_desk_a)]


def test_the_patient_page_offers_print_and_download(client, front_desk_a, patient_a):
    client.force_login(front_desk_a)
    text = client.get(f"/admin/patients/patient/{patient_a.pk}/change/").text
    assert f'href="{page_url(patient_a)}"' in text
    assert f'href="{pdf_url(patient_a)}"' in text
