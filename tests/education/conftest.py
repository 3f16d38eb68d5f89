"""Small factories for library rows, and a way to grow the library for query-count tests.

Rows are written in both languages, as a published library is: the text given (or the
default) is the English, and the French is the same text marked "[fr]" line by line. A test
that needs a language left empty says so with the column (`name_fr=""`).
"""

import pytest

from clinic.languages import column
from education.models import Article, Condition, Exercise, ProgrammeTemplate, ProgrammeTemplateItem

ARTICLE_BODY = "## What it is\n\nPlain words about knees.\n\n## What to do\n\n- Keep moving.\n"


def in_french(text: str) -> str:
    """The stand-in French of a test's English text: each line marked "[fr]"."""
    return "\n".join(f"[fr] {line}" if line else line for line in text.split("\n"))


def bilingual(model, values: dict) -> dict:
    """`values` with each of the model's translated texts in both languages (see above)."""
    translated = {}
    for field, value in values.items():
        if field in model.reader_fields and isinstance(value, str):
            translated.setdefault(column(field, "en"), value)
            translated.setdefault(column(field, "fr"), in_french(value) if value else "")
        else:
            translated[field] = value
    return translated


def make_condition(slug, **extra):
    values = {
        "name": slug.replace("-", " ").capitalize(),
        "where_it_hurts": "Front of the knee.",
        "what_brings_it_on": "Stairs.",
        "summary": "A short summary.",
    }
    return Condition.objects.create(slug=slug, **bilingual(Condition, {**values, **extra}))


def make_exercise(slug, **extra):
    values = {
        "name": slug.replace("-", " ").capitalize(),
        "purpose": "Makes the hips stronger.",
        "body_region": Exercise.Region.HIP,
        "starting_position": Exercise.Position.LYING,
        "steps": "Lie down.\nLift your hips.\nLower slowly.",
        "cues": "Breathe.\nKeep the knees apart.",
        "mistakes": "Arching the back.",
        "difficulty": Exercise.Difficulty.EASY,
        "sets": 3,
        "reps": 10,
        "hold_seconds": 2,
        "rest_seconds": 60,
        "times_per_day": 1,
        "days_per_week": 5,
        "side": "both",
        "is_published": True,
    }
    return Exercise.objects.create(slug=slug, **bilingual(Exercise, {**values, **extra}))


def make_article(slug, **extra):
    values = {
        "title": slug.replace("-", " ").capitalize(),
        "summary": "A short summary.",
        "body": ARTICLE_BODY,
        "status": Article.Status.PUBLISHED,
    }
    return Article.objects.create(slug=slug, **bilingual(Article, {**values, **extra}))


def make_programme(slug, exercises, articles=(), **extra):
    values = {"name": slug.replace("-", " ").capitalize(), "purpose": "Settle the knee."}
    programme = ProgrammeTemplate.objects.create(
        slug=slug, **bilingual(ProgrammeTemplate, {**values, **extra})
    )
    for position, exercise in enumerate(exercises, start=1):
        ProgrammeTemplateItem.objects.create(
            template=programme, exercise=exercise, position=position
        )
    programme.articles.set(articles)
    return programme


def grow_library(size=30, *, around=None):
    """Add `size` of each kind of row, every one linked to conditions and variants.

    With `around`, the new exercises are also easier and harder variants of that exercise,
    so its page has many more rows to show.
    """
    conditions = [make_condition(f"extra-condition-{n}") for n in range(3)]
    previous = make_exercise("extra-exercise-start")
    for n in range(size):
        exercise = make_exercise(f"extra-exercise-{n}", is_published=n % 2 == 0)
        exercise.conditions.set(conditions)
        exercise.easier_variants.add(previous)
        if around is not None:
            (around.easier_variants if n % 2 else around.harder_variants).add(exercise)
        article = make_article(f"extra-article-{n}", status="published" if n % 2 else "draft")
        article.conditions.set(conditions)
        make_programme(f"extra-programme-{n}", [previous, exercise], [article])
        previous = exercise
    if around is not None:
        around.conditions.add(*conditions)


def exercise_form(**changes):
    """What the admin's exercise form posts, its text in both languages (see above): a
    change to "name" is the English name's, and a French one of its own; `None` leaves a
    field out (in both languages)."""
    data = {
        "name": "Side plank",
        "slug": "side-plank",
        "purpose": "Strengthens the side of the trunk and hip.",
        "body_region": "hip",
        "starting_position": "side_lying",
        "difficulty": "moderate",
        "equipment": "",
        "is_published": "on",
        "steps": "Lie on your side.\nLift your hips.",
        "cues": "Keep a straight line.",
        "mistakes": "Letting the hips sag.",
        "sets": "3",
        "reps": "5",
        "hold_seconds": "10",
        "rest_seconds": "60",
        "times_per_day": "1",
        "days_per_week": "4",
        "side": "both",
        "image_alt": "A person lying on their side, propped on one elbow, hips raised.",
        "video_url": "",
        # The inline of more pictures, empty.
        "pictures-TOTAL_FORMS": "0",
        "pictures-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    data.update(changes)
    data = {key: value for key, value in data.items() if value is not None}
    return bilingual(Exercise, data)


@pytest.fixture
def empty_library(db):
    """No library at all, for a test that builds a small one of its own: the cast's shipped
    library (and the plans and reading made from it) is deleted in the test's transaction,
    table by table, as if it had never been there (no audit rows for the deletion)."""
    from django.db import connection

    from education.models import ArticleAnswerChoice, ArticleQuestion, PhaseCriterion
    from patients.models import (
        ArticleAssignment,
        Patient,
        PhaseProposal,
        Plan,
        PlanItem,
        PlanRevision,
        SessionLog,
        TeachBackAnswer,
    )

    tables = [  # what points at a row goes before it
        SessionLog.items.through,
        SessionLog,
        PlanItem,
        PlanRevision,
        PhaseProposal,
        Plan,
        TeachBackAnswer,
        ArticleAssignment,
        ProgrammeTemplate.articles.through,
        ProgrammeTemplateItem,
        PhaseCriterion,
        ProgrammeTemplate,
        Article.conditions.through,
        ArticleAnswerChoice,
        ArticleQuestion,
        Article,
        Exercise.conditions.through,
        Exercise.easier_variants.through,
        Exercise,
        Patient.conditions.through,
        Condition,
    ]
    with connection.cursor() as cursor:
        for model in tables:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a model's own table name


@pytest.fixture
def bridge(empty_library):
    return make_exercise("bridge", name="Bridge")


@pytest.fixture
def draft_exercise(empty_library):
    return make_exercise("draft-bridge", name="Draft bridge", is_published=False)


@pytest.fixture
def article(empty_library):
    return make_article("soreness", title="Soreness or irritation")


@pytest.fixture
def draft_article(empty_library):
    return make_article("draft-article", title="Draft article", status=Article.Status.DRAFT)
