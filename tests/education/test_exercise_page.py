import pytest

from tests.education.conftest import grow_library, make_exercise

DRAFT_BADGE = "Draft — patients cannot see this"


def url(exercise):
    return f"/library/exercises/{exercise.slug}/"


def test_anonymous_visitors_are_sent_to_sign_in(client, bridge):
    response = client.get(url(bridge))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(bridge)}"


def test_a_patient_reads_a_published_exercise(client, patient_user_a, bridge):
    client.force_login(patient_user_a)
    response = client.get(url(bridge))
    assert response.status_code == 200
    assert DRAFT_BADGE not in response.text


def test_a_draft_is_not_found_for_a_patient(client, patient_user_a, draft_exercise):
    client.force_login(patient_user_a)
    assert client.get(url(draft_exercise)).status_code == 404


def test_a_draft_is_not_found_for_a_staff_flag_without_a_clinic(
    client, patient_user_a, draft_exercise
):
    patient_user_a.is_staff = True
    patient_user_a.save()
    client.force_login(patient_user_a)
    assert client.get(url(draft_exercise)).status_code == 404


@pytest.mark.parametrize("user", ["clinician_a", "front_desk_a", "superuser"])
def test_staff_preview_a_draft_with_a_badge(client, request, user, draft_exercise):
    client.force_login(request.getfixturevalue(user))
    response = client.get(url(draft_exercise))
    assert response.status_code == 200
    assert DRAFT_BADGE in response.text


def test_an_unknown_exercise_is_not_found(client, clinician_a):
    client.force_login(clinician_a)
    assert client.get("/library/exercises/no-such-exercise/").status_code == 404


def test_the_page_only_answers_get(client, patient_user_a, bridge):
    client.force_login(patient_user_a)
    assert client.post(url(bridge)).status_code == 405


def test_the_page_shows_the_instructions_and_the_dose(client, patient_user_a, empty_library):
    exercise = make_exercise(
        "clamshell",
        name="Clamshell",
        purpose="Strengthens the side of the hip.",
        starting_position="side_lying",
        equipment="A mat",
        steps="Lie on your side.\nLift the top knee.\nLower it slowly.",
        cues="Keep your hips stacked.",
        mistakes="Rolling backwards.",
        sets=2,
        reps=12,
        hold_seconds=1,
        rest_seconds=45,
        times_per_day=2,
        days_per_week=4,
        side="affected",
    )
    client.force_login(patient_user_a)
    text = client.get(url(exercise)).text
    assert '<h1 id="exercise-title">Clamshell</h1>' in text
    assert "Strengthens the side of the hip." in text
    assert (
        '<ol class="exercise-steps"><li>Lie on your side.</li>'
        "<li>Lift the top knee.</li><li>Lower it slowly.</li></ol>"
    ) in text
    assert "<li>Keep your hips stacked.</li>" in text
    assert "<li>Rolling backwards.</li>" in text
    assert "Lying on your side" in text
    assert "A mat" in text
    for row in [
        '<th scope="row">Sets</th><td>2</td>',
        '<th scope="row">Repetitions in each set</th><td>12</td>',
        '<th scope="row">Hold</th><td>1 second</td>',
        '<th scope="row">Rest between sets</th><td>45 seconds</td>',
        '<th scope="row">Times per day</th><td>2</td>',
        '<th scope="row">Days per week</th><td>4</td>',
        '<th scope="row">Side</th><td>Affected side</td>',
    ]:
        assert row in text


def test_the_picture_carries_its_description(client, patient_user_a, db):
    exercise = make_exercise(
        "pictured", image="exercises/bridge.png", image_alt="A person lying with hips raised"
    )
    client.force_login(patient_user_a)
    text = client.get(url(exercise)).text
    assert 'src="/media/exercises/bridge.png" alt="A person lying with hips raised"' in text


def test_user_text_is_escaped(client, patient_user_a, db):
    exercise = make_exercise("escaped", steps="<script>alert(1)</script>")
    client.force_login(patient_user_a)
    text = client.get(url(exercise)).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.fixture
def with_variants(bridge, draft_exercise):
    easier = make_exercise("short-bridge", name="Short bridge")
    harder = make_exercise("single-leg-bridge", name="Single-leg bridge")
    bridge.easier_variants.set([easier])
    bridge.harder_variants.set([harder, draft_exercise])
    return bridge


def test_a_patient_sees_only_published_variants(client, patient_user_a, with_variants):
    client.force_login(patient_user_a)
    text = client.get(url(with_variants)).text
    assert '<a href="/library/exercises/short-bridge/">Short bridge</a>' in text
    assert '<a href="/library/exercises/single-leg-bridge/">Single-leg bridge</a>' in text
    assert "Draft bridge" not in text


def test_staff_see_draft_variants_too(client, clinician_a, with_variants):
    client.force_login(clinician_a)
    text = client.get(url(with_variants)).text
    assert '<a href="/library/exercises/draft-bridge/">Draft bridge</a>' in text


# Staff pay one more query: the second-factor device of their session.
@pytest.mark.parametrize(("user", "queries"), [("clinician_a", 7), ("patient_user_a", 6)])
def test_the_query_count_does_not_grow_with_the_library(
    client, request, user, queries, with_variants, django_assert_num_queries
):
    client.force_login(request.getfixturevalue(user))
    # session, user (with their clinic), exercise, its conditions, easier and harder variants
    with django_assert_num_queries(queries):
        assert client.get(url(with_variants)).status_code == 200
    grow_library(30, around=with_variants)
    with django_assert_num_queries(queries):
        response = client.get(url(with_variants))
    assert response.status_code == 200
    # Staff see all 30 new variants; patients the 15 published ones.
    expected = 30 if user == "clinician_a" else 15
    assert response.text.count("/library/exercises/extra-exercise-") == expected
