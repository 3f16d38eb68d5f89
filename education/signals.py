"""A change to the library reaches its readers at once: it bumps every clinic's content
version, part of the key of the patients' cached page fragments (patients.fragments)."""

from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from clinic.models import Clinic

LIBRARY_MODELS = ("Exercise", "Condition", "Article", "ProgrammeTemplate", "ProgrammeTemplateItem")


def library_changed(**kwargs):
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return  # fixtures being loaded; the before-half of a many-to-many change
    Clinic.objects.update(content_version=F("content_version") + 1)


def connect(app_config) -> None:
    for name in LIBRARY_MODELS:
        model = app_config.get_model(name)
        post_save.connect(library_changed, sender=model, dispatch_uid=f"library-{name}-save")
        post_delete.connect(library_changed, sender=model, dispatch_uid=f"library-{name}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                library_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"library-{name}-{field.name}",
            )
