import re

import pytest

from education.models import Condition, Exercise
from tests.education.conftest import (
    grow_library,
    make_article,
    make_condition,
    make_exercise,
    make_programme,
)

URL = "/library/"


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/library/"


def test_a_patient_gets_not_found(client, patient_user_a):
    client.force_login(patient_user_a)
    assert client.get(URL).status_code == 404
    assert client.get(URL, {"q": "bridge"}).status_code == 404


def test_a_staff_flag_without_a_clinic_gets_not_found(client, patient_user_a):
    patient_user_a.is_staff = True
    patient_user_a.save()
    client.force_login(patient_user_a)
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("user", ["clinician_a", "front_desk_a", "manager_a", "superuser"])
def test_staff_open_the_library(client, db, request, user):
    client.force_login(request.getfixturevalue(user))
    assert client.get(URL).status_code == 200


def test_the_page_only_answers_get(client, clinician_a):
    client.force_login(clinician_a)
    assert client.post(URL).status_code == 405


@pytest.fixture
def library(empty_library):
    pfps = make_condition("pfps", name="Patellofemoral pain")
    itbs = make_condition("itbs", name="IT band syndrome")
    bridge = make_exercise("bridge", name="Glute bridge", body_region=Exercise.Region.HIP)
    bridge.conditions.set([pfps])
    calf = make_exercise("calf-raise", name="Calf raise", body_region=Exercise.Region.ANKLE)
    calf.conditions.set([itbs])
    draft = make_exercise("draft-bridge", name="Single-leg bridge", is_published=False)
    draft.conditions.set([pfps, itbs])
    soreness = make_article("soreness", title="Soreness after exercise")
    soreness.conditions.set([pfps])
    make_article("warning-signs", title="Warning signs", status="draft")
    make_programme("settle", [bridge], name="Settle the knee", condition=pfps)
    make_programme("calves", [calf], name="Strong calves")


def names(response, section):
    """The linked names listed in one section of the page, in order."""
    html = response.text
    start = html.index(f'id="{section}-heading"')
    part = html[start : html.index("</section>", start)]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', part)


def test_browsing_lists_everything_drafts_included_and_marked(client, clinician_a, library):
    client.force_login(clinician_a)
    response = client.get(URL)
    assert names(response, "exercises") == ["Calf raise", "Glute bridge", "Single-leg bridge"]
    assert names(response, "articles") == ["Soreness after exercise", "Warning signs"]
    assert names(response, "programmes") == ["Settle the knee", "Strong calves"]
    assert response.text.count('<span class="badge text-bg-warning">Draft</span>') == 2


def test_search_by_name_or_title(client, clinician_a, library):
    client.force_login(clinician_a)
    response = client.get(URL, {"q": "BRIDGE"})
    assert names(response, "exercises") == ["Glute bridge", "Single-leg bridge"]
    assert names(response, "articles") == []
    assert names(response, "programmes") == []
    response = client.get(URL, {"q": "sore"})
    assert names(response, "articles") == ["Soreness after exercise"]
    assert "1 result" in response.text


def test_the_search_finds_a_name_in_either_language(client, clinician_a, library):
    from education.models import Exercise

    Exercise.objects.filter(name_en="Glute bridge").update(name_fr="Pont fessier")
    client.force_login(clinician_a)  # who reads the library in English
    assert names(client.get(URL, {"q": "fessier"}), "exercises") == ["Glute bridge"]


def test_filter_by_condition(client, clinician_a, library):
    client.force_login(clinician_a)
    response = client.get(URL, {"condition": library_condition("pfps")})
    assert names(response, "exercises") == ["Glute bridge", "Single-leg bridge"]
    assert names(response, "articles") == ["Soreness after exercise"]
    assert names(response, "programmes") == ["Settle the knee"]


def test_filter_by_body_region(client, clinician_a, library):
    client.force_login(clinician_a)
    response = client.get(URL, {"region": "ankle"})
    assert names(response, "exercises") == ["Calf raise"]
    assert names(response, "programmes") == ["Strong calves"]


def test_filters_combine(client, clinician_a, library):
    client.force_login(clinician_a)
    response = client.get(URL, {"q": "bridge", "condition": library_condition("itbs")})
    assert names(response, "exercises") == ["Single-leg bridge"]


def test_an_unknown_condition_is_an_error_not_a_crash(client, clinician_a, library):
    client.force_login(clinician_a)
    response = client.get(URL, {"condition": "999999"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert names(response, "exercises") == []


def test_the_search_form_is_labelled(client, clinician_a, library):
    client.force_login(clinician_a)
    text = client.get(URL).text
    assert 'role="search"' in text
    assert 'method="get"' in text
    for field in ("q", "condition", "region"):
        assert re.search(rf'<label\s+for="id_{field}"', text), field


def library_condition(slug):
    return Condition.objects.get(slug=slug).pk


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # session, user (with their clinic), staff OTP device, condition choices, exercises,
        # their conditions, articles, their conditions, templates with their condition
        ({}, 9),
        # ... and the chosen condition, checked by the form
        ({"q": "e", "condition": "__condition__", "region": "hip"}, 10),
    ],
    ids=["browse", "search"],
)
def test_the_query_count_does_not_grow_with_the_library(
    client, clinician_a, library, params, queries, django_assert_num_queries
):
    if params.get("condition") == "__condition__":
        params = {**params, "condition": library_condition("pfps")}
    client.force_login(clinician_a)
    with django_assert_num_queries(queries):
        assert client.get(URL, params).status_code == 200
    grow_library(30)
    for exercise in Exercise.objects.filter(slug__startswith="extra-exercise-"):
        exercise.conditions.add(library_condition("pfps"))
    with django_assert_num_queries(queries):
        response = client.get(URL, params)
    assert len(names(response, "exercises")) > 15
