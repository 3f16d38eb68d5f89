"""A questionnaire's title and description in both languages (django-modeltranslation);
its items carry their own texts in each language (outcomes.definition)."""

from modeltranslation.translator import TranslationOptions, register

from outcomes.models import Questionnaire


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title", "description")
