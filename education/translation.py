"""The library's text in both languages (django-modeltranslation): each field listed here has
one column per language (`name_en`, `name_fr`), and `exercise.name` reads the reader's.

To translate another field: list it here, run makemigrations, fill the French of the shipped
items in `education/content/` (and in a data migration for existing databases), and show it
with `{% translated %}` (clinic.templatetags.portal_i18n). docs/architecture.md says more.
"""

from modeltranslation.translator import TranslationOptions, register

from education.models import (
    Article,
    ArticleAnswerChoice,
    ArticleQuestion,
    Condition,
    Exercise,
    ExercisePicture,
    ProgrammeTemplate,
    ProgrammeTemplateItem,
)


@register(Condition)
class ConditionTranslation(TranslationOptions):
    fields = ("name", "where_it_hurts", "what_brings_it_on", "summary")


@register(Exercise)
class ExerciseTranslation(TranslationOptions):
    fields = ("name", "purpose", "steps", "cues", "mistakes", "equipment", "image_alt")


@register(ExercisePicture)
class ExercisePictureTranslation(TranslationOptions):
    fields = ("caption", "description")


@register(Article)
class ArticleTranslation(TranslationOptions):
    # The rendered body and its reading time follow the body's language (Article.save).
    fields = ("title", "summary", "body", "body_html", "reading_minutes")


@register(ProgrammeTemplate)
class ProgrammeTemplateTranslation(TranslationOptions):
    fields = ("name", "purpose", "phase_label")


@register(ProgrammeTemplateItem)
class ProgrammeTemplateItemTranslation(TranslationOptions):
    fields = ("note",)


@register(ArticleQuestion)
class ArticleQuestionTranslation(TranslationOptions):
    fields = ("prompt", "explanation", "passage")


@register(ArticleAnswerChoice)
class ArticleAnswerChoiceTranslation(TranslationOptions):
    fields = ("text",)
