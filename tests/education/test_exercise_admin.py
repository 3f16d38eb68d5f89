import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.contenttypes.models import ContentType

from education.models import Exercise
from tests.education.conftest import exercise_form, grow_library, make_condition, make_exercise

CHANGELIST = "/admin/education/exercise/"
# session, user, user and group permissions, condition filter choices, filtered and total
# counts, the page of exercises, and their conditions.
CHANGELIST_QUERIES = 10


@pytest.fixture
def exercises(empty_library):
    pfps = make_condition("pfps", name="Patellofemoral pain")
    bridge = make_exercise("glute-bridge", name="Glute bridge")
    bridge.conditions.set([pfps])
    make_exercise("single-leg-bridge", name="Single-leg bridge", is_published=False)
    make_exercise("calf-raise", name="Calf raise", body_region=Exercise.Region.ANKLE)
    return {"pfps": pfps, "bridge": bridge}


def listed(response):
    return [exercise.slug for exercise in response.context["cl"].result_list]


def test_search_by_name(client, clinician_a, exercises):
    client.force_login(clinician_a)
    response = client.get(CHANGELIST, {"q": "bridge"})
    assert response.status_code == 200
    assert listed(response) == ["glute-bridge", "single-leg-bridge"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body_region__exact": "ankle"}, ["calf-raise"]),
        ({"is_published__exact": "0"}, ["single-leg-bridge"]),
        ({"conditions__id__exact": "__pfps__"}, ["glute-bridge"]),
    ],
    ids=["region", "published", "condition"],
)
def test_filters(client, clinician_a, exercises, params, expected):
    params = {k: str(exercises["pfps"].pk) if v == "__pfps__" else v for k, v in params.items()}
    client.force_login(clinician_a)
    assert listed(client.get(CHANGELIST, params)) == expected


def test_front_desk_can_look_but_not_add_or_change(client, front_desk_a, exercises):
    bridge = exercises["bridge"]
    client.force_login(front_desk_a)
    assert client.get(CHANGELIST).status_code == 200
    change = client.get(f"{CHANGELIST}{bridge.pk}/change/")
    assert change.status_code == 200
    assert 'name="_save"' not in change.text
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.post(f"{CHANGELIST}{bridge.pk}/change/", {"name": "Renamed"}).status_code == 403
    assert client.post(f"{CHANGELIST}{bridge.pk}/delete/", {"post": "yes"}).status_code == 403
    bridge.refresh_from_db()
    assert bridge.name == "Glute bridge"


@pytest.mark.parametrize("user", ["clinician_a", "manager_a"])
def test_clinicians_and_managers_may_add(client, request, user, db):
    client.force_login(request.getfixturevalue(user))
    assert client.get(f"{CHANGELIST}add/").status_code == 200


def test_a_patient_is_refused(client, patient_user_a, exercises):
    client.force_login(patient_user_a)
    assert client.get(CHANGELIST).status_code == 403


def test_the_slug_is_prefilled_from_the_name_and_links_use_autocomplete(client, clinician_a, db):
    client.force_login(clinician_a)
    adminform = client.get(f"{CHANGELIST}add/").context["adminform"]
    # From the English name (the language of the admin that opened it).
    assert [
        (f["field"].name, [d.name for d in f["dependencies"]])
        for f in adminform.prepopulated_fields
    ] == [("slug", ["name_en"])]
    for name in ("conditions", "easier_variants"):
        widget = adminform.form.fields[name].widget.widget
        assert isinstance(widget, AutocompleteSelectMultiple), name


def test_autocomplete_finds_exercises_by_name(client, clinician_a, exercises):
    client.force_login(clinician_a)
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "education",
            "model_name": "exercise",
            "field_name": "easier_variants",
            "term": "bridge",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Glute bridge", "Single-leg bridge"]


def test_the_change_form_shows_the_harder_variants(client, clinician_a, exercises):
    harder = Exercise.objects.get(slug="single-leg-bridge")
    harder.easier_variants.add(exercises["bridge"])
    client.force_login(clinician_a)
    text = client.get(f"{CHANGELIST}{exercises['bridge'].pk}/change/").text
    assert '<div class="readonly">Single-leg bridge</div>' in text


def test_view_on_site_opens_the_exercise_page(client, clinician_a, exercises):
    bridge = exercises["bridge"]
    content_type = ContentType.objects.get_for_model(Exercise)
    client.force_login(clinician_a)
    change = client.get(f"{CHANGELIST}{bridge.pk}/change/").text
    assert f'href="/admin/r/{content_type.pk}/{bridge.pk}/"' in change
    response = client.get(f"/admin/r/{content_type.pk}/{bridge.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith("/library/exercises/glute-bridge/")


def test_the_history_shows_who_changed_what(client, clinician_a, db):
    client.force_login(clinician_a)
    assert client.post(f"{CHANGELIST}add/", exercise_form()).status_code == 302
    plank = Exercise.objects.get(slug="side-plank")
    response = client.post(
        f"{CHANGELIST}{plank.pk}/change/", exercise_form(name="Side plank on knees", sets="2")
    )
    assert response.status_code == 302
    entries = LogEntry.objects.filter(object_id=str(plank.pk)).order_by("pk")
    assert [(e.user, e.get_change_message()) for e in entries] == [
        (clinician_a, "Added."),
        (clinician_a, "Changed Name (English), Name (French) and Sets."),
    ]
    history = client.get(f"{CHANGELIST}{plank.pk}/history/")
    assert history.status_code == 200
    assert "Changed Name (English), Name (French) and Sets." in history.text
    assert "Clinician Clinic-A" in history.text


def test_the_changelist_query_count_does_not_grow(
    client, clinician_a, exercises, django_assert_num_queries
):
    client.force_login(clinician_a)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        assert client.get(CHANGELIST).status_code == 200
    grow_library(30)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == 34
