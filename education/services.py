from django.db import transaction

from clinic.languages import each_language
from clinic.models import Clinic
from clinic.services import upsert
from education.content.articles import ARTICLES
from education.content.conditions import CONDITIONS
from education.content.exercises import EXERCISES
from education.content.figures import FIGURES
from education.content.programmes import PROGRAMMES
from education.models import (
    DOSE_FIELDS,
    Article,
    Condition,
    Exercise,
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
            },
        )
        article.conditions.set([conditions[slug] for slug in data["conditions"]])
        articles[data["slug"]] = article

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

    return {
        "conditions": len(conditions),
        "exercises": len(exercises),
        "articles": len(articles),
        "programmes": len(PROGRAMMES),
    }


def _text(data: dict, *fields: str, joined: tuple[str, ...] = ()) -> dict:
    return each_language({field: data[field] for field in fields}, joined=joined)


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
            template_item.pk = None
            template_item._state.adding = True
            template_item.template = copy
            template_item.save()
    return copy


def _free_slug(model, wanted: str) -> str:
    base = wanted[:SLUG_LENGTH].rstrip("-")
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        suffix = f"-{number}"
        slug = base[: SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    return slug
