"""The knee library a clinic starts with, as issue 3 describes it."""

import pytest

from education.models import Article, Condition, Exercise, ProgrammeTemplate
from education.services import load_library

PHASE_1 = "knee-settle-phase-1"
PHASE_2 = "knee-build-phase-2"


@pytest.fixture
def library(db):
    load_library()


def item_slugs(slug):
    template = ProgrammeTemplate.objects.get(slug=slug)
    return [item.exercise.slug for item in template.items.select_related("exercise")]


def article_slugs(slug):
    return {article.slug for article in ProgrammeTemplate.objects.get(slug=slug).articles.all()}


def test_the_four_common_conditions_are_there(library):
    assert {
        "patellofemoral-pain",
        "it-band-syndrome",
        "patellar-tendinopathy",
        "knee-bursitis",
    } <= set(Condition.objects.values_list("slug", flat=True))
    for condition in Condition.objects.all():
        assert condition.where_it_hurts and condition.what_brings_it_on and condition.summary


def test_the_named_exercises_are_there(library):
    assert {
        "glute-bridge",
        "clamshell",
        "quad-set",
        "step-down",
        "calf-raise",
        "ankle-dorsiflexion-mobility",
        "hip-flexor-mobility",
        "quadriceps-mobility",
    } <= set(Exercise.objects.values_list("slug", flat=True))


@pytest.mark.parametrize("slug", ["glute-bridge", "clamshell", "step-down", "calf-raise"])
def test_the_main_exercises_have_an_easier_and_a_harder_variant(library, slug):
    exercise = Exercise.objects.get(slug=slug)
    assert exercise.easier_variants.exists()
    assert exercise.harder_variants.exists()


def test_every_exercise_has_steps_cues_mistakes_and_a_full_dose(library):
    exercises = list(Exercise.objects.all())
    assert len(exercises) >= 16
    for exercise in exercises:
        assert len(exercise.step_list()) >= 2, exercise.slug
        assert exercise.cue_list(), exercise.slug
        assert exercise.mistake_list(), exercise.slug
        assert exercise.purpose, exercise.slug
        dose = exercise.dose
        assert all(value not in (None, "") for value in dose.values().values()), exercise.slug
        assert dose.sets >= 1 and dose.reps >= 1, exercise.slug
        assert dose.side, exercise.slug
        assert exercise.is_published, exercise.slug


def test_every_templates_items_are_numbered_one_to_n(library):
    templates = list(ProgrammeTemplate.objects.all())
    assert len(templates) == 2
    for template in templates:
        positions = list(template.items.values_list("position", flat=True))
        assert positions == list(range(1, len(positions) + 1)), template.slug


def test_phase_one_settles_the_knee(library):
    assert item_slugs(PHASE_1) == ["quad-set", "glute-bridge", "clamshell", "calf-raise"]
    assert article_slugs(PHASE_1) == {"soreness-or-irritation", "first-aid-for-a-flare-up"}


def test_phase_two_builds_strength(library):
    slugs = item_slugs(PHASE_2)
    assert slugs[:4] == [
        "step-down",
        "single-leg-bridge",
        "banded-clamshell",
        "single-leg-calf-raise",
    ]
    assert {"ankle-dorsiflexion-mobility", "hip-flexor-mobility", "quadriceps-mobility"} & set(
        slugs[4:]
    )
    assert article_slugs(PHASE_2) == {"building-resilient-knees", "warning-signs"}


def test_phase_two_includes_a_bridge_progression(library):
    progressions = set(
        Exercise.objects.get(slug="glute-bridge").harder_variants.values_list("slug", flat=True)
    )
    assert progressions & set(item_slugs(PHASE_2))


def test_the_six_articles_are_published_and_at_least_300_words(library):
    articles = list(Article.objects.all())
    assert len(articles) == 6
    for article in articles:
        assert len(article.body.split()) >= 300, article.slug
        assert article.status == Article.Status.PUBLISHED, article.slug
        assert article.reading_minutes >= 2, article.slug
        assert "<h2>" in article.body_html, article.slug
