import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple

from clinic.languages import columns
from education.models import ProgrammeTemplate, ProgrammeTemplateItem
from tests.education.conftest import grow_library, make_exercise, make_programme

CHANGELIST = "/admin/education/programmetemplate/"
# session, user, user and group permissions, condition filter choices, filtered and total
# counts, the page of templates with their condition and exercise count, phase filter choices.
CHANGELIST_QUERIES = 10


@pytest.fixture
def programme(empty_library, clinic_a):
    exercises = [make_exercise(slug) for slug in ("quad-set", "glute-bridge", "clamshell")]
    # Clinic A's own template, of shipped exercises: its clinicians may change it.
    programme = make_programme("settle", exercises, name="Settle", clinic=clinic_a)
    # Positions that disagree with creation order: the inline must follow positions.
    ProgrammeTemplateItem.objects.filter(exercise__slug="quad-set").update(position=5)
    return programme


def inline_data(programme, rows, **extra):
    """The change form's data with the given (position, exercise, item) inline rows."""
    data = {
        # Its text as it is, in each language.
        **{name: getattr(programme, name) or "" for name in columns(*programme.reader_fields)},
        "slug": programme.slug,
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": str(sum(1 for *_, item in rows if item is not None)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "_save": "Save",
        **extra,
    }
    for n, (position, exercise, item) in enumerate(rows):
        data[f"items-{n}-position"] = str(position)
        data[f"items-{n}-exercise"] = str(exercise.pk)
        data[f"items-{n}-template"] = str(programme.pk)
        if item is not None:
            data[f"items-{n}-id"] = str(item.pk)
    return data


def test_the_inline_lists_exercises_by_position(client, clinician_a, programme):
    client.force_login(clinician_a)
    response = client.get(f"{CHANGELIST}{programme.pk}/change/")
    formset = response.context["inline_admin_formsets"][0].formset
    assert [form.instance.exercise.slug for form in formset.forms if form.instance.pk] == [
        "glute-bridge",
        "clamshell",
        "quad-set",
    ]
    assert "position" in formset.forms[0].fields
    assert isinstance(formset.forms[0].fields["exercise"].widget.widget, AutocompleteSelect)
    form = response.context["adminform"].form
    assert isinstance(form.fields["articles"].widget.widget, AutocompleteSelectMultiple)
    assert isinstance(form.fields["condition"].widget.widget, AutocompleteSelect)


def test_reordering_and_adding_items_is_recorded_in_the_history(client, clinician_a, programme):
    items = {item.exercise.slug: item for item in programme.items.select_related("exercise")}
    calf = make_exercise("calf-raise")
    client.force_login(clinician_a)
    rows = [
        (1, items["quad-set"].exercise, items["quad-set"]),
        (2, items["glute-bridge"].exercise, items["glute-bridge"]),
        (3, items["clamshell"].exercise, items["clamshell"]),
        (4, calf, None),
    ]
    response = client.post(f"{CHANGELIST}{programme.pk}/change/", inline_data(programme, rows))
    assert response.status_code == 302
    assert [item.exercise.slug for item in programme.items.order_by("position")] == [
        "quad-set",
        "glute-bridge",
        "clamshell",
        "calf-raise",
    ]
    entry = LogEntry.objects.get(object_id=str(programme.pk))
    assert entry.user == clinician_a
    assert entry.get_change_message() == (
        "Added programme exercise “Settle: Calf raise”. "
        "Changed Order for programme exercise “Settle: Quad set”."
    )


def test_two_items_with_the_same_position_are_refused(client, clinician_a, programme):
    items = list(programme.items.select_related("exercise").order_by("position"))
    client.force_login(clinician_a)
    rows = [(1, item.exercise, item) for item in items]
    response = client.post(f"{CHANGELIST}{programme.pk}/change/", inline_data(programme, rows))
    assert response.status_code == 200
    assert "Two exercises have the order number 1. Give each its own." in response.text
    assert sorted(programme.items.values_list("position", flat=True)) == [2, 3, 5]


def test_search_and_filter(client, clinician_a, programme, db):
    make_programme("build", [], name="Build", phase_label="Phase 2: Build", purpose="Strength.")
    client.force_login(clinician_a)
    response = client.get(CHANGELIST, {"q": "sett"})
    assert [p.slug for p in response.context["cl"].result_list] == ["settle"]
    response = client.get(CHANGELIST, {"phase_label": "Phase 2: Build"})
    assert [p.slug for p in response.context["cl"].result_list] == ["build"]


def test_front_desk_cannot_add(client, front_desk_a, programme):
    client.force_login(front_desk_a)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(f"{CHANGELIST}add/").status_code == 403


def test_the_changelist_shows_how_many_exercises(client, clinician_a, programme):
    client.force_login(clinician_a)
    assert '<td class="field-exercise_count">3</td>' in client.get(CHANGELIST).text


def test_the_changelist_query_count_does_not_grow(
    client, clinician_a, programme, django_assert_num_queries
):
    client.force_login(clinician_a)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        assert client.get(CHANGELIST).status_code == 200
    grow_library(30)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == ProgrammeTemplate.objects.count() == 31
