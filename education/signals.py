"""A change to the library reaches its readers at once: it bumps every clinic's content
version, part of the key of the patients' cached page fragments (patients.fragments)."""

from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from clinic.models import Clinic

# Every model whose rows a patient page shows: an exercise's pictures and an article's
# questions too.
LIBRARY_MODELS = (
    "Exercise",
    "ExercisePicture",
    "Condition",
    "Article",
    "ArticleQuestion",
    "ArticleAnswerChoice",
    "ProgrammeTemplate",
    "ProgrammeTemplateItem",
)


def library_changed(**kwargs):
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return  # fixtures being loaded; the before-half of a many-to-many change
    Clinic.objects.update(content_version=F("content_version") + 1)


def connect(app_config, names=LIBRARY_MODELS) -> None:
    """Bump the content version on every change to these models of `app_config` (the
    library's; an app after it connects its own content the same way)."""
    for name in names:
        model = app_config.get_model(name)
        post_save.connect(
            library_changed, sender=model, dispatch_uid=f"library-{model._meta.label}-save"
        )
        post_delete.connect(
            library_changed, sender=model, dispatch_uid=f"library-{model._meta.label}-delete"
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                library_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"library-{model._meta.label}-{field.name}",
            )
