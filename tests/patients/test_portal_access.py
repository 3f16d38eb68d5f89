"""The access matrix over every patient URL: who gets what, with exact status codes."""

from urllib.parse import quote

import pytest

from patients.models import PainEntry, SessionLog
from tests.conftest import make_pain_entry
from tests.routes import PATIENT, ROUTES

POST_ONLY = {"patients:session_done"}
# Pages that name one of the patient's objects in their URL.
WITH_IDS = {
    "patients:plan",
    "patients:plan_exercise",
    "patients:session_done",
    "patients:article",
    "patients:plan_handout",
    "patients:plan_handout_pdf",
    "patients:article_handout_pdf",
    "patients:pain_saved",
}


@pytest.fixture
def urls_of_a(plan_a, patient_a):
    """Every patient URL, with patient_a's own ids where a URL takes one."""
    item = plan_a.items.order_by("position").first()
    assignment = patient_a.article_assignments.first()
    entry = make_pain_entry(patient_a)
    return {
        "home": "/",
        "patients:plans": "/plans/",
        "patients:plan": f"/plans/{plan_a.pk}/",
        "patients:plan_exercise": f"/plans/{plan_a.pk}/exercises/{item.pk}/",
        "patients:session_done": f"/plans/{plan_a.pk}/done/",
        "patients:articles": "/articles/",
        "patients:article": f"/articles/{assignment.pk}/",
        "patients:plan_handout": f"/plans/{plan_a.pk}/handout/",
        "patients:plan_handout_pdf": f"/plans/{plan_a.pk}/handout.pdf",
        "patients:article_handout_pdf": f"/articles/{assignment.pk}/handout.pdf",
        "patients:pain_diary": "/pain/",
        "patients:pain_saved": f"/pain/{entry.pk}/saved/",
        "patients:my_data": "/my-data/",
        "patients:my_data_json": "/my-data.json",
        "patients:my_data_csv": "/my-data.csv",
    }


PATIENT_ROUTES = sorted(name for name, kind in ROUTES.items() if kind == PATIENT)
GET_ROUTES = [name for name in PATIENT_ROUTES if name not in POST_ONLY]


def test_the_matrix_covers_every_patient_route(urls_of_a):
    assert sorted(urls_of_a) == PATIENT_ROUTES


@pytest.mark.parametrize("name", GET_ROUTES)
def test_the_patient_opens_their_own_pages(client, urls_of_a, patient_a, name):
    client.force_login(patient_a.user)
    assert client.get(urls_of_a[name]).status_code == 200


NOT_HTML = {
    "patients:my_data_json",
    "patients:my_data_csv",
    "patients:plan_handout_pdf",
    "patients:article_handout_pdf",
}


@pytest.mark.parametrize("name", sorted(set(GET_ROUTES) - NOT_HTML))
def test_patient_pages_carry_no_inline_script_or_style(client, urls_of_a, patient_a, name):
    # A strict Content-Security-Policy is coming: styles live in static/css/portal.css.
    client.force_login(patient_a.user)
    text = client.get(urls_of_a[name]).text
    assert "<script" not in text
    assert " style=" not in text


@pytest.mark.parametrize("name", PATIENT_ROUTES)
def test_anonymous_visitors_are_sent_to_sign_in(client, urls_of_a, name):
    path = urls_of_a[name]
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={quote(path)}"


@pytest.mark.parametrize("name", sorted(WITH_IDS - POST_ONLY))
@pytest.mark.parametrize("other", ["patient_a2", "patient_b"])
def test_another_patient_gets_not_found_for_my_ids(client, request, urls_of_a, name, other):
    client.force_login(request.getfixturevalue(other).user)
    assert client.get(urls_of_a[name]).status_code == 404


@pytest.mark.parametrize("other", ["patient_a2", "patient_b"])
def test_another_patient_cannot_check_off_my_plan(client, request, urls_of_a, other):
    client.force_login(request.getfixturevalue(other).user)
    response = client.post(urls_of_a["patients:session_done"])
    assert response.status_code == 404
    assert not SessionLog.objects.exists()


@pytest.mark.parametrize("staff", ["clinician_a", "front_desk_a", "manager_a", "superuser"])
@pytest.mark.parametrize("name", GET_ROUTES)
def test_staff_get_not_found_on_patient_pages(client, request, urls_of_a, staff, name):
    client.force_login(request.getfixturevalue(staff))
    response = client.get(urls_of_a[name])
    if name == "home":
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("staff", ["clinician_a", "front_desk_a", "manager_a", "superuser"])
def test_staff_cannot_check_off_a_patients_session(client, request, urls_of_a, staff):
    client.force_login(request.getfixturevalue(staff))
    assert client.post(urls_of_a["patients:session_done"]).status_code == 404
    assert not SessionLog.objects.exists()


def test_staff_cannot_record_pain(client, clinician_a, urls_of_a):
    client.force_login(clinician_a)
    assert client.post("/pain/", {"score": 3}).status_code == 404


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_get_on_a_post_only_page_is_not_allowed(client, urls_of_a, patient_a, name):
    client.force_login(patient_a.user)
    assert client.get(urls_of_a[name]).status_code == 405


@pytest.mark.parametrize("name", sorted(set(GET_ROUTES) - {"patients:pain_diary"}))
def test_post_on_a_read_only_page_is_not_allowed(client, urls_of_a, patient_a, name):
    client.force_login(patient_a.user)
    assert client.post(urls_of_a[name]).status_code == 405


def test_an_exercise_of_another_plan_is_not_found_under_mine(client, urls_of_a, plan_a, plan_a2):
    client.force_login(plan_a.patient.user)
    other_item = plan_a2.items.first()
    response = client.get(f"/plans/{plan_a.pk}/exercises/{other_item.pk}/")
    assert response.status_code == 404


def test_a_user_who_is_not_a_patient_gets_not_found(client, db):
    from tests.conftest import make_user

    client.force_login(make_user("someone@example.com"))
    assert client.get("/").status_code == 404
    assert client.get("/pain/").status_code == 404


def test_an_inactive_patient_cannot_sign_in(client, patient_a):
    patient_a.is_active = False
    patient_a.save()
    response = client.post(
        "/accounts/login/", {"username": "ada@patients.example", "password": "a-long-test-password"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_deactivating_a_patient_cuts_their_open_session(client, patient_a):
    client.force_login(patient_a.user)
    assert client.get("/").status_code == 200
    patient_a.is_active = False
    patient_a.save()
    response = client.get("/pain/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/pain/"
    assert not PainEntry.objects.exists()
