"""A patient's own pages show our drawings, for their own knee: a thumbnail beside each
exercise on Today and the plan (in the same number of queries), the frames on the exercise
page, and the same drawings on the printed handout."""

import html

import pytest

from education import figures
from patients.models import PlanItem

THUMB = '<span class="exercise-thumb">'


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def test_today_shows_a_thumbnail_of_each_exercise_in_the_same_queries(
    signed_in, django_assert_num_queries, plan_a
):
    signed_in.get(f"/plans/{plan_a.pk}/")  # "what changed" seen: the count below is Today's
    # Today's 11 (tests/patients/test_today.py, with issues 18's and 19's cards): the drawings
    # add none.
    with django_assert_num_queries(11):
        text = signed_in.get("/").content.decode()
    assert text.count(THUMB) == plan_a.items.count()


def test_the_plan_shows_a_thumbnail_of_each_exercise_in_the_same_queries(
    signed_in, django_assert_num_queries, plan_a
):
    signed_in.get(f"/plans/{plan_a.pk}/")
    with django_assert_num_queries(5):
        text = signed_in.get(f"/plans/{plan_a.pk}/").content.decode()
    assert text.count(THUMB) == plan_a.items.count()


def quad_set(plan):
    return plan.items.get(exercise__slug="quad-set")


def test_affected_side_reads_as_the_patients_right_knee(signed_in, plan_a, patient_a):
    assert patient_a.affected_side == "right"
    assert quad_set(plan_a).side == "affected"
    for path in (
        "/",
        f"/plans/{plan_a.pk}/",
        f"/plans/{plan_a.pk}/exercises/{quad_set(plan_a).pk}/",
    ):
        text = html.unescape(signed_in.get(path).content.decode())
        assert "Right knee" in text, path
        assert "Affected side" not in text, path


def test_the_exercise_page_shows_each_frame_for_the_patients_own_knee(signed_in, plan_a):
    text = html.unescape(
        signed_in.get(f"/plans/{plan_a.pk}/exercises/{quad_set(plan_a).pk}/").content.decode()
    )
    drawn = figures.frames("quad-set", side="right", language="en")
    positions = [text.index(f"</span> {frame.caption}</figcaption>") for frame in drawn]
    assert positions == sorted(positions)
    for frame in drawn:
        assert frame.description in text
        assert "The right leg, drawn thicker" in frame.description
    assert "The left leg" not in text


def test_the_side_follows_the_patient(client, plan_a2, patient_a2):
    assert patient_a2.affected_side == "left"
    client.force_login(patient_a2.user)
    item = quad_set(plan_a2)
    text = html.unescape(client.get(f"/plans/{plan_a2.pk}/exercises/{item.pk}/").content.decode())
    assert "Left knee" in text
    assert "The left leg, drawn thicker" in text
    assert "matrix(-1" not in text  # drawn facing right: its left side toward the reader


def test_a_change_of_side_in_the_record_changes_the_pages(signed_in, plan_a, patient_a):
    from patients import services

    path = f"/plans/{plan_a.pk}/exercises/{quad_set(plan_a).pk}/"
    assert "Right knee" in signed_in.get(path).content.decode()
    patient_a.affected_side = "left"
    patient_a.save(update_fields=["affected_side"])
    services.refresh_patient_summary(patient_a.pk)  # as the admin's save does
    assert "Left knee" in signed_in.get(path).content.decode()


def test_the_handout_print_page_shows_the_drawings_with_their_descriptions(
    client, front_desk_a, plan_a
):
    client.force_login(front_desk_a)
    text = html.unescape(client.get(f"/admin/patients/plan/{plan_a.pk}/handout/").content.decode())
    for item in PlanItem.objects.filter(plan=plan_a).select_related("exercise"):
        for frame in figures.frames(item.exercise.figure, side="right", language="en"):
            assert frame.description in text, item.exercise.slug
    assert "Right knee" in text


def test_a_library_exercise_page_draws_the_patients_own_knee(
    signed_in, plan_a, django_assert_num_queries
):
    # An easier or harder version, opened from the plan: the library's own page.
    with django_assert_num_queries(6):
        text = html.unescape(signed_in.get("/library/exercises/step-down/").content.decode())
    assert "The right leg, drawn thicker" in text
    assert "matrix(-1" in text
