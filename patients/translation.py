"""A plan's text in both languages (django-modeltranslation): copied in both from the
template when it is assigned (patients.services.create_plan_from_template), so the patient
reads it in their language, and in the other one if they change it."""

from modeltranslation.translator import TranslationOptions, register

from patients.models import Plan, PlanItem


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "message")


@register(PlanItem)
class PlanItemTranslation(TranslationOptions):
    fields = ("note",)
