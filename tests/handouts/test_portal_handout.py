"""A patient prints their own plan, or an article given to them, from the portal."""

import pytest

from education.models import Article
from patients.services import assign_articles
from tests.handouts.conftest import pdf_of, pdf_text, print_records


def page_url(plan):
    return f"/plans/{plan.pk}/handout/"


def pdf_url(plan):
    return f"/plans/{plan.pk}/handout.pdf"


def article_pdf_url(assignment):
    return f"/articles/{assignment.pk}/handout.pdf"


@pytest.fixture
def assignment_a(patient_a, library):
    article = Article.objects.get(slug="warning-signs")
    (assignment,) = assign_articles(patient=patient_a, articles=[article], assigned_by=None)
    return assignment


def test_a_patient_downloads_their_own_plan(client, plan_a):
    client.force_login(plan_a.patient.user)
    response = client.get(pdf_url(plan_a))
    text = pdf_text(response)
    assert len(pdf_of(response).pages) >= 2
    assert "Ada Patient" in text
    for item in plan_a.items.select_related("exercise"):
        assert item.exercise.name in text
    assert print_records() == [("pdf", str(plan_a.patient.pk), plan_a.patient.user)]


def test_a_patient_opens_their_plans_print_page(client, plan_a):
    client.force_login(plan_a.patient.user)
    response = client.get(page_url(plan_a))
    assert response.status_code == 200
    assert plan_a.title in response.text
    assert f'href="{pdf_url(plan_a)}"' in response.text
    assert f'href="/plans/{plan_a.pk}/"' in response.text  # back to the plan
    assert print_records() == [("print", str(plan_a.patient.pk), plan_a.patient.user)]


def test_the_plan_page_links_to_print_and_download(client, plan_a):
    client.force_login(plan_a.patient.user)
    text = client.get(f"/plans/{plan_a.pk}/").text
    assert f'href="{page_url(plan_a)}"' in text
    assert f'href="{pdf_url(plan_a)}"' in text


def test_a_patient_downloads_an_article_given_to_them(client, assignment_a):
    client.force_login(assignment_a.patient.user)
    text = pdf_text(client.get(article_pdf_url(assignment_a)))
    assert assignment_a.article.title in text
    assert "Ada Patient" in text
    assert print_records() == [("pdf", str(assignment_a.patient.pk), assignment_a.patient.user)]


def test_the_article_page_links_to_its_pdf(client, assignment_a):
    client.force_login(assignment_a.patient.user)
    text = client.get(f"/articles/{assignment_a.pk}/").text
    assert f'href="{article_pdf_url(assignment_a)}"' in text


@pytest.mark.parametrize("other", ["patient_a2", "patient_b"])
@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_another_patient_gets_not_found_for_my_plan(client, request, plan_a, other, url):
    client.force_login(request.getfixturevalue(other).user)
    assert client.get(url(plan_a)).status_code == 404
    assert print_records() == []


@pytest.mark.parametrize("other", ["patient_a2", "patient_b"])
def test_another_patient_gets_not_found_for_my_article(client, request, assignment_a, other):
    client.force_login(request.getfixturevalue(other).user)
    assert client.get(article_pdf_url(assignment_a)).status_code == 404


def test_an_article_back_in_draft_is_not_found(client, assignment_a):
    Article.objects.filter(pk=assignment_a.article_id).update(status=Article.Status.DRAFT)
    client.force_login(assignment_a.patient.user)
    assert client.get(article_pdf_url(assignment_a)).status_code == 404


@pytest.mark.parametrize("staff", ["clinician_a", "front_desk_a", "superuser"])
@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_staff_get_not_found_on_the_patients_own_pages(client, request, plan_a, staff, url):
    client.force_login(request.getfixturevalue(staff))
    assert client.get(url(plan_a)).status_code == 404


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_anonymous_visitors_are_sent_to_sign_in(client, plan_a, url):
    response = client.get(url(plan_a))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_post_is_not_allowed(client, plan_a, url):
    client.force_login(plan_a.patient.user)
    assert client.post(url(plan_a)).status_code == 405


def test_post_on_the_article_pdf_is_not_allowed(client, assignment_a):
    client.force_login(assignment_a.patient.user)
    assert client.post(article_pdf_url(assignment_a)).status_code == 405
