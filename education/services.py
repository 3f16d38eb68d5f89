from django.db import transaction

from clinic.languages import each_language
from clinic.models import Clinic
from clinic.services import upsert
from education.content.articles import ARTICLES
from education.content.conditions import CONDITIONS
from education.content.exercises import EXERCISES
from education.content.figures import FIGURES
from education.content.programmes import PROGRAMMES
from education.content.questions import CHECK_ON_TODAY, QUESTIONS
from education.models import (
    DOSE_FIELDS,
    Article,
    ArticleAnswerChoice,
    ArticleQuestion,
    Condition,
    Exercise,
    PhaseCriterion,
    ProgrammeTemplate,
    ProgrammeTemplateItem,
)

EXERCISE_FIELDS = ("body_region", "starting_position", "difficulty", *DOSE_FIELDS)
# Shipped text in each language ({"en": ..., "fr": ...}): loaded into one column per language.
EXERCISE_TEXT = ("name", "purpose", "steps", "cues", "mistakes", "equipment")
EXERCISE_LINES = ("steps", "cues", "mistakes")


# The shipped library has no clinic: every clinic reads it, none changes it.
SHIPPED = {"clinic": None}


@transaction.atomic
def load_library() -> dict[str, int]:
    """Create or update the shipped library, matched by slug, in every language. Running it
    twice changes nothing.

    Only shipped items are created or changed; a clinic's own items are never touched.
    """
    conditions = {}
    for data in CONDITIONS:
        conditions[data["slug"]] = upsert(
            Condition,
            lookup={"slug": data["slug"], **SHIPPED},
            values=_text(data, "name", "where_it_hurts", "what_brings_it_on", "summary"),
        )

    exercises = {}
    for data in EXERCISES:
        defaults = {k: data[k] for k in EXERCISE_FIELDS}
        defaults.update(_text(data, *EXERCISE_TEXT, joined=EXERCISE_LINES), is_published=True)
        defaults["figure"] = data["slug"] if data["slug"] in FIGURES else ""
        exercise = upsert(Exercise, lookup={"slug": data["slug"], **SHIPPED}, values=defaults)
        exercise.conditions.set([conditions[slug] for slug in data["conditions"]])
        exercises[data["slug"]] = exercise
    for data in EXERCISES:
        exercises[data["slug"]].easier_variants.set([exercises[s] for s in data["easier"]])

    articles = {}
    for data in ARTICLES:
        article = upsert(
            Article,
            lookup={"slug": data["slug"], **SHIPPED},
            values={
                **_text(data, "title", "summary", "body"),
                "status": Article.Status.PUBLISHED,
                "check_on_today": data["slug"] in CHECK_ON_TODAY,
            },
        )
        article.conditions.set([conditions[slug] for slug in data["conditions"]])
        _sync_questions(article, QUESTIONS.get(data["slug"], []))
        articles[data["slug"]] = article

    templates = {}
    for data in PROGRAMMES:
        template = upsert(
            ProgrammeTemplate,
            lookup={"slug": data["slug"], **SHIPPED},
            values={
                **_text(data, "name", "purpose", "phase_label"),
                "condition": conditions.get(data["condition"]),
            },
        )
        template.articles.set([articles[slug] for slug in data["articles"]])
        _sync_items(template, data["items"], exercises)
        templates[data["slug"]] = template
    for data in PROGRAMMES:
        _sync_phase(templates[data["slug"]], data, templates)

    return {
        "conditions": len(conditions),
        "exercises": len(exercises),
        "articles": len(articles),
        "programmes": len(PROGRAMMES),
    }


def _text(data: dict, *fields: str, joined: tuple[str, ...] = ()) -> dict:
    return each_language({field: data[field] for field in fields}, joined=joined)


def _sync_phase(template, data, templates):
    """The next phase and the criteria to move on to it, as shipped."""
    values = {
        "next_phase": templates.get(data.get("next_phase")),
        "criteria_to_review": data.get("criteria_to_review", False),
    }
    if any(getattr(template, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(template, name, value)
        template.save(update_fields=list(values))
    criteria = data.get("criteria", [])
    for position, criterion in enumerate(criteria, start=1):
        upsert(
            PhaseCriterion,
            lookup={"template": template, "kind": criterion["kind"]},
            values={
                "target": criterion.get("target"),
                "days": criterion.get("days"),
                "measure": criterion.get("measure", ""),
                "position": position,
            },
        )
    template.criteria.exclude(kind__in=[criterion["kind"] for criterion in criteria]).delete()


def _sync_questions(article, questions):
    """An article's teach-back questions and their answers, as shipped, in order."""
    for position, data in enumerate(questions, start=1):
        question = upsert(
            ArticleQuestion,
            lookup={"article": article, "position": position},
            values=_text(data, "prompt", "explanation", "passage"),
        )
        # At most one right answer per question (a database constraint): a right answer
        # that moved is cleared before the new one is set.
        question.choices.filter(is_correct=True).exclude(position=data["right"]).update(
            is_correct=False
        )
        for number, choice in enumerate(data["choices"], start=1):
            upsert(
                ArticleAnswerChoice,
                lookup={"question": question, "position": number},
                values={**each_language({"text": choice}), "is_correct": number == data["right"]},
            )
        question.choices.filter(position__gt=len(data["choices"])).delete()
    article.questions.filter(position__gt=len(questions)).delete()


def _sync_items(template, items, exercises):
    for position, item in enumerate(items, start=1):
        upsert(
            ProgrammeTemplateItem,
            lookup={"template": template, "position": position},
            values={
                "exercise": exercises[item["exercise"]],
                **_text(item, "note"),
                # Blank: the exercise's default ("" for the side, None for the numbers).
                **{name: item.get(name, "" if name == "side" else None) for name in DOSE_FIELDS},
            },
        )
    template.items.filter(position__gt=len(items)).delete()


SLUG_LENGTH = 50  # SlugField's


@transaction.atomic
def copy_to_clinic(
    *, item: Condition | Exercise | Article | ProgrammeTemplate, clinic: Clinic
) -> Condition | Exercise | Article | ProgrammeTemplate:
    """An editable copy of a library item for `clinic`, which then changes it as it likes.

    The same content and links (conditions, easier variants, a template's exercises and
    articles), under a slug of its own. Row by row: each row is a plain save.
    """
    model = type(item)
    copy = model.objects.get(pk=item.pk)
    copy.pk = None
    copy._state.adding = True
    copy.clinic = clinic
    copy.slug = _free_slug(model, f"{item.slug}-{clinic.slug}")
    copy.save()
    for field in model._meta.many_to_many:
        getattr(copy, field.name).set(getattr(item, field.name).all())
    if isinstance(item, ProgrammeTemplate):
        for template_item in item.items.order_by("position", "pk"):
            _save_copy(template_item, template=copy)
        for criterion in item.criteria.all():
            _save_copy(criterion, template=copy)
    if isinstance(item, Article):
        for question in item.questions.prefetch_related("choices"):
            choices = list(question.choices.all())
            _save_copy(question, article=copy)
            for choice in choices:
                _save_copy(choice, question=question)
    return copy


def _save_copy(row, **parent):
    """Save `row` again as a new row, under another parent (`template=copy`)."""
    row.pk = None
    row._state.adding = True
    for name, value in parent.items():
        setattr(row, name, value)
    row.save()


def _free_slug(model, wanted: str) -> str:
    base = wanted[:SLUG_LENGTH].rstrip("-")
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        suffix = f"-{number}"
        slug = base[: SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    return slug
