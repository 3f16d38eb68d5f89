"""Outcome measures: questionnaires as data, when a plan asks for them, and the answers.

A questionnaire is one version of a measure (`code` + `version`): its items and its
scoring are JSON documents (checked by `outcomes.definition`), so a clinic can load one
without code. A response keeps the version and language it was answered in, and is never
changed after it is submitted: a correction would be a new response.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic
from education.models import ProgrammeTemplate
from patients.models import Patient, Plan
from patients.models.patient import ListedByClinic


class QuestionnaireQuerySet(models.QuerySet):
    def for_clinic(self, clinic):
        """The shipped measures and the clinic's own."""
        return self.filter(Q(clinic__isnull=True) | Q(clinic=clinic))


class Questionnaire(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    clinic = models.ForeignKey(
        Clinic,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clinic"),
        help_text=_("Empty for a measure shipped with the portal."),
    )
    code = models.SlugField(_("code"), max_length=64)
    version = models.PositiveIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Which languages every item is written in ("en", "fr").
    languages = models.JSONField(_("languages"), default=list)
    items = models.JSONField(_("items"), default=list)
    scoring = models.JSONField(_("scoring"), default=dict)
    mcid = models.DecimalField(
        _("minimal clinically important difference"),
        max_digits=6,
        decimal_places=2,
        help_text=_("The smallest change in the score that matters to a patient."),
    )
    higher_is_better = models.BooleanField(_("a higher score is better"), default=True)
    # A global rating of change: each score is already a change, not compared to a baseline.
    rates_change = models.BooleanField(_("the score itself rates a change"), default=False)
    # The numeric pain rating: its scores are the pain diary's, charted as an outcome too;
    # never asked for as a questionnaire.
    from_pain_diary = models.BooleanField(_("scores from the pain diary"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = QuestionnaireQuerySet.as_manager()

    clinic_lookup = "clinic"
    shared_without_clinic = True

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"], name="outcomes_questionnaire_one_code_version"
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def item(self, link_id: str) -> dict | None:
        return next((item for item in self.items if item["link_id"] == link_id), None)


class MeasureScheduleQuerySet(models.QuerySet):
    def for_plans(self, plans):
        """The schedules that apply to these plans: their own, and their templates' set by
        their patients' clinics (a shipped template is shared; a clinic's schedule is not)."""
        plan_ids = [plan.pk for plan in plans]
        template_ids = {plan.template_id for plan in plans if plan.template_id}
        clinic_ids = {plan.clinic_id for plan in plans}
        return self.filter(
            Q(plan_id__in=plan_ids) | Q(template_id__in=template_ids, clinic_id__in=clinic_ids)
        )

    def applies_to(self, schedule, plan) -> bool:
        """Whether `schedule` asks `plan` (loaded with its `clinic_id`, as `due_for` does)."""
        if schedule.plan_id is not None:
            return schedule.plan_id == plan.pk
        return schedule.template_id == plan.template_id and schedule.clinic_id == plan.clinic_id


class MeasureSchedule(models.Model):
    """When a plan (or every plan made from a template) asks for a questionnaire."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    clinic = models.ForeignKey(
        Clinic, on_delete=models.CASCADE, related_name="+", editable=False, verbose_name=_("clinic")
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="schedules",
        verbose_name=_("questionnaire"),
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("plan"),
    )
    template = models.ForeignKey(
        ProgrammeTemplate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme template"),
        help_text=_("Every plan made from this template asks for the questionnaire."),
    )
    # The plan's patient, kept on the row for the audit trail (a plan's schedule is deleted
    # with it, when the plan can no longer be read).
    patient = models.ForeignKey(
        Patient, on_delete=models.CASCADE, null=True, related_name="+", editable=False
    )
    at_start = models.BooleanField(_("at the start"), default=True)
    every_weeks = models.PositiveSmallIntegerField(
        _("every N weeks"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no repeat."),
    )
    at_discharge = models.BooleanField(
        _("at discharge"),
        default=False,
        help_text=_("Due on the plan's review date, or when the plan is completed."),
    )
    attached_on = models.DateField(
        _("attached on"),
        help_text=_("Nothing is due before this day."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MeasureScheduleQuerySet.as_manager()

    clinic_lookup = "clinic"

    class Meta:
        verbose_name = _("measure schedule")
        verbose_name_plural = _("measure schedules")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plan__isnull=True) ^ Q(template__isnull=True),
                name="outcomes_measureschedule_plan_or_template",
            ),
            models.CheckConstraint(
                condition=Q(every_weeks__isnull=True) | Q(every_weeks__gte=1),
                name="outcomes_measureschedule_every_week_or_more",
            ),
        ]

    def __str__(self):
        return str(self.questionnaire)

    def save(self, *args, **kwargs):
        if self.plan_id and self.patient_id is None:
            self.patient_id = self.plan.patient_id
        super().save(*args, **kwargs)

    @property
    def patient_lookup(self) -> str | None:
        """The audit trail's patient: a template's schedule is no one patient's."""
        return "patient_id" if self.patient_id else None

    def clean(self):
        if (self.plan_id is None) == (self.template_id is None):
            raise ValidationError(_("Attach the measure to a plan or to a template, not both."))
        if self.questionnaire_id and self.questionnaire.from_pain_diary:
            raise ValidationError(
                _("Pain scores come from the pain diary: there is nothing to schedule.")
            )
        if not (self.at_start or self.every_weeks or self.at_discharge):
            raise ValidationError(
                _("Say when: at the start, every so many weeks, or at discharge.")
            )


class ResponseQuerySet(models.QuerySet):
    def owned_by(self, patient):
        return self.filter(patient=patient)

    def for_progress(self, patient):
        """A patient's responses, oldest first, with their questionnaire's version (those
        entered in error too: the progress page shows them struck through)."""
        return self.owned_by(patient).select_related("questionnaire").order_by("submitted_at", "pk")

    def standing(self):
        """Those not marked as entered in error: the ones that count."""
        return self.filter(entered_in_error_at__isnull=True)


class Response(ListedByClinic):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(
        Patient, on_delete=models.CASCADE, related_name="+", verbose_name=_("patient")
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    # A schedule with answers is not deleted on its own; with its plan (or patient), it is.
    schedule = models.ForeignKey(
        MeasureSchedule, on_delete=models.RESTRICT, related_name="+", verbose_name=_("schedule")
    )
    occasion = models.DateField(_("due on"))
    # The version answered: a later version of the measure never re-reads these answers.
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="+", verbose_name=_("questionnaire")
    )
    language = models.CharField(_("language"), max_length=8)
    answers = models.JSONField(_("answers"), default=dict)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    # A correction is a new response: a clinician marks this one as entered in error (kept,
    # no longer counted) and the occasion is due again for the patient to answer anew.
    entered_in_error_at = models.DateTimeField(_("marked as entered in error"), null=True)
    entered_in_error_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("marked by"),
    )

    objects = ResponseQuerySet.as_manager()

    patient_lookup = "patient_id"

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["-submitted_at"]
        constraints = [
            # One answer per occasion: a double submit saves once. One marked as entered in
            # error no longer holds its occasion (the patient answers again).
            models.UniqueConstraint(
                fields=["plan", "schedule", "occasion"],
                condition=Q(entered_in_error_at__isnull=True),
                name="outcomes_response_once_per_occasion",
            ),
        ]
        indexes = [
            # A patient's progress: their responses in order.
            models.Index(fields=["patient", "submitted_at"], name="outcomes_response_patient"),
        ]

    def __str__(self):
        return f"{self.questionnaire} — {self.submitted_at:%Y-%m-%d}"

    ERROR_FIELDS = frozenset({"entered_in_error_at", "entered_in_error_by"})

    def save(self, *args, **kwargs):
        marking = set(kwargs.get("update_fields") or ()) <= self.ERROR_FIELDS
        if not self._state.adding and not (kwargs.get("update_fields") and marking):
            raise ValueError("A submitted response is never changed (only marked in error).")
        super().save(*args, **kwargs)

    @property
    def in_error(self) -> bool:
        return self.entered_in_error_at is not None
