from django.db import transaction

from clinic.services import upsert
from education.content.articles import ARTICLES
from education.content.conditions import CONDITIONS
from education.content.exercises import EXERCISES
from education.content.programmes import PROGRAMMES
from education.models import (
    DOSE_FIELDS,
    Article,
    Condition,
    Exercise,
    ProgrammeTemplate,
    ProgrammeTemplateItem,
)

EXERCISE_FIELDS = (
    "name", "purpose", "body_region", "starting_position", "equipment", "difficulty",
    *DOSE_FIELDS,
)  # fmt: skip


@transaction.atomic
def load_library() -> dict[str, int]:
    """Create or update the shipped library, matched by slug. Running it twice changes nothing."""
    conditions = {}
    for data in CONDITIONS:
        conditions[data["slug"]] = upsert(
            Condition,
            lookup={"slug": data["slug"]},
            values={k: data[k] for k in ("name", "where_it_hurts", "what_brings_it_on", "summary")},
        )

    exercises = {}
    for data in EXERCISES:
        defaults = {k: data[k] for k in EXERCISE_FIELDS}
        defaults.update(
            steps="\n".join(data["steps"]),
            cues="\n".join(data["cues"]),
            mistakes="\n".join(data["mistakes"]),
            is_published=True,
        )
        exercise = upsert(Exercise, lookup={"slug": data["slug"]}, values=defaults)
        exercise.conditions.set([conditions[slug] for slug in data["conditions"]])
        exercises[data["slug"]] = exercise
    for data in EXERCISES:
        exercises[data["slug"]].easier_variants.set([exercises[s] for s in data["easier"]])

    articles = {}
    for data in ARTICLES:
        article = upsert(
            Article,
            lookup={"slug": data["slug"]},
            values={
                "title": data["title"],
                "summary": data["summary"],
                "body": data["body"],
                "status": Article.Status.PUBLISHED,
            },
        )
        article.conditions.set([conditions[slug] for slug in data["conditions"]])
        articles[data["slug"]] = article

    for data in PROGRAMMES:
        template = upsert(
            ProgrammeTemplate,
            lookup={"slug": data["slug"]},
            values={
                "name": data["name"],
                "purpose": data["purpose"],
                "phase_label": data["phase_label"],
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


def _sync_items(template, items, exercises):
    for position, item in enumerate(items, start=1):
        upsert(
            ProgrammeTemplateItem,
            lookup={"template": template, "position": position},
            values={
                "exercise": exercises[item["exercise"]],
                "note": item.get("note", ""),
                # Blank: the exercise's default ("" for the side, None for the numbers).
                **{name: item.get(name, "" if name == "side" else None) for name in DOSE_FIELDS},
            },
        )
    template.items.filter(position__gt=len(items)).delete()
