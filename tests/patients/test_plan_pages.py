"""My plan: the list of plans, a plan, and an exercise in a plan."""

import html

import pytest

from education.models import Exercise
from patients import services
from patients.models import Plan
from tests.conftest import make_plan


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.text)


def test_the_plan_list_shows_active_plans_first(signed_in, plan_a, patient_a):
    done = make_plan(patient_a, template_slug="knee-build-phase-2")
    services.set_plan_status(plan=done, status=Plan.Status.COMPLETED, by=None)
    text = page(signed_in, "/plans/")
    assert text.index(plan_a.title) < text.index(done.title)
    assert "Completed" in text


def test_the_plan_shows_the_message_and_each_exercise_with_its_dose_and_note(signed_in, plan_a):
    Plan.objects.filter(pk=plan_a.pk).update(message="Little and often.")
    item = plan_a.items.get(exercise__slug="clamshell")
    item.sets = 3
    item.note = "Keep your hips stacked, please."
    item.save()
    text = page(signed_in, f"/plans/{plan_a.pk}/")
    assert "Little and often." in text
    assert "3 sets × 10 repetitions" in text
    assert "Keep your hips stacked, please." in text
    assert f"/plans/{plan_a.pk}/exercises/{item.pk}/" in text


def test_viewing_the_plan_records_the_version_seen_but_not_an_update(signed_in, plan_a):
    plan_a.refresh_from_db()
    updated_at = plan_a.updated_at
    assert plan_a.seen_version == 0
    page(signed_in, f"/plans/{plan_a.pk}/")
    plan_a.refresh_from_db()
    assert plan_a.seen_version == plan_a.version == 1
    assert plan_a.updated_at == updated_at


def test_the_plan_page_lists_what_changed_once(signed_in, plan_a, clinician_a):
    page(signed_in, f"/plans/{plan_a.pk}/")
    plan_a.refresh_from_db()
    plan_a.review_date = plan_a.start_date.replace(year=plan_a.start_date.year + 1)
    plan_a.save()
    services.record_revision(plan=plan_a, by=clinician_a)
    assert "Your review date is now" in page(signed_in, f"/plans/{plan_a.pk}/")
    assert "Your review date is now" not in page(signed_in, f"/plans/{plan_a.pk}/")


def test_a_paused_plan_can_still_be_read(signed_in, plan_a):
    services.set_plan_status(plan=plan_a, status=Plan.Status.PAUSED, by=None)
    assert "Paused" in page(signed_in, f"/plans/{plan_a.pk}/")


def test_the_exercise_page_shows_dose_steps_cues_mistakes_and_note(signed_in, plan_a):
    item = plan_a.items.get(exercise__slug="glute-bridge")
    item.reps = 14
    item.save()
    exercise = item.exercise
    text = page(signed_in, f"/plans/{plan_a.pk}/exercises/{item.pk}/")
    assert "<caption>Your dose</caption>" in text
    assert "<td>14</td>" in text
    steps = "".join(f"<li>{step}</li>" for step in exercise.step_list())
    assert f'<ol class="exercise-steps">{steps}</ol>' in text
    for line in (*exercise.cue_list(), *exercise.mistake_list()):
        assert line in text
    assert item.note in text


def test_variants_are_hidden_unless_the_clinician_allows_them(signed_in, plan_a):
    item = plan_a.items.get(exercise__slug="glute-bridge")
    text = page(signed_in, f"/plans/{plan_a.pk}/exercises/{item.pk}/")
    assert "Short-range bridge" not in text
    assert "Single-leg bridge" not in text


def test_allowed_variants_show_the_published_easier_and_harder_ones(signed_in, plan_a):
    item = plan_a.items.get(exercise__slug="glute-bridge")
    item.show_variants = True
    item.save()
    text = page(signed_in, f"/plans/{plan_a.pk}/exercises/{item.pk}/")
    assert "If it is too hard" in text
    assert "Short-range bridge" in text
    assert "When it feels easy" in text
    assert "Single-leg bridge" in text


def test_a_draft_variant_is_never_offered(signed_in, plan_a):
    Exercise.objects.filter(slug="single-leg-bridge").update(is_published=False)
    item = plan_a.items.get(exercise__slug="glute-bridge")
    item.show_variants = True
    item.save()
    text = page(signed_in, f"/plans/{plan_a.pk}/exercises/{item.pk}/")
    assert "Short-range bridge" in text
    assert "Single-leg bridge" not in text
    assert "When it feels easy" not in text


def test_the_plan_page_makes_a_fixed_number_of_queries(
    signed_in, django_assert_num_queries, plan_a, clinician_a
):
    item = plan_a.items.first()
    for n in range(10):
        item.note = f"Version {n}"
        item.save()
        services.record_revision(plan=plan_a, by=clinician_a)
    # session, user, plan, items, changes, the "seen" update and the patient's version.
    with django_assert_num_queries(7):
        response = signed_in.get(f"/plans/{plan_a.pk}/")
    assert response.status_code == 200


def test_a_plan_already_seen_is_not_written_again(signed_in, django_assert_num_queries, plan_a):
    page(signed_in, f"/plans/{plan_a.pk}/")
    # session, user, plan, items, changes: no "seen" update once the version is seen.
    with django_assert_num_queries(5):
        response = signed_in.get(f"/plans/{plan_a.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize(("show_variants", "queries"), [(False, 3), (True, 5)])
def test_the_exercise_page_loads_variants_only_when_it_shows_them(
    signed_in, django_assert_num_queries, plan_a, show_variants, queries
):
    item = plan_a.items.get(exercise__slug="glute-bridge")
    item.show_variants = show_variants
    item.save()
    # session, user, item with plan and exercise; then easier and harder variants if shown.
    with django_assert_num_queries(queries):
        response = signed_in.get(f"/plans/{plan_a.pk}/exercises/{item.pk}/")
    assert response.status_code == 200
    assert ("If it is too hard" in response.text) is show_variants
