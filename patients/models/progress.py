"""Progress and understanding: the portal's proposals to move a patient on (or back), and
the patient's answers to an article's teach-back questions."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from education.models import ArticleAnswerChoice, ArticleQuestion, ProgrammeTemplate
from patients.models.patient import ListedByClinic, Patient
from patients.models.plan import ArticleAssignment, Plan


class PhaseProposalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=PhaseProposal.Status.OPEN)

    def for_summary(self, patient):
        """The patient summary's line: their open proposals, with what they propose."""
        return self.open().filter(patient=patient).select_related("plan", "to_template")


class PhaseProposal(ListedByClinic):
    """What the portal proposes for one plan, for a clinician to accept or dismiss. Nothing
    changes for the patient until one does (patients.services.accept_proposal)."""

    class Kind(models.TextChoices):
        ADVANCE = "advance", _("Move on to the next phase")
        EASIER = "easier", _("Easier variants")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a clinician")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")
        WITHDRAWN = "withdrawn", _("Withdrawn: no longer met")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(
        Patient, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("patient")
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("plan")
    )
    kind = models.CharField(_("proposal"), max_length=10, choices=Kind.choices)
    to_template = models.ForeignKey(
        ProgrammeTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("next phase"),
    )
    # What was measured, as the rules gave it (patients.rules.CriterionResult.as_dict, or
    # the regression's reasons and the easier variants): kept up to date while open.
    figures = models.JSONField(_("figures"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    reason = models.TextField(_("reason for dismissing"), blank=True)
    new_plan = models.ForeignKey(
        Plan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("plan it made"),
    )

    objects = PhaseProposalQuerySet.as_manager()

    patient_lookup = "patient_id"

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]
        constraints = [
            # The evaluation may run twice at once (the scheduler, a pain entry): one open
            # proposal of a kind per plan all the same.
            models.UniqueConstraint(
                fields=["plan", "kind"],
                condition=Q(status="open"),
                name="patients_phaseproposal_one_open_per_plan",
            ),
        ]
        indexes = [
            models.Index(
                fields=["clinic", "status", "-created_at"], name="patients_proposal_clinic_queue"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.patient}"


class TeachBackAnswer(models.Model):
    """A patient's answers to one teach-back question of an article given to them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    assignment = models.ForeignKey(
        ArticleAssignment, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(ArticleQuestion, on_delete=models.CASCADE, related_name="+")
    choice = models.ForeignKey(
        ArticleAnswerChoice,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("last answer"),
    )
    attempts = models.PositiveSmallIntegerField(_("tries"), default=0)
    # The try on which it was first answered right (None: not yet).
    right_on = models.PositiveSmallIntegerField(_("right on try"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), auto_now=True)

    clinic_lookup = "assignment__patient__clinic"
    patient_lookup = "assignment__patient_id"

    class Meta:
        verbose_name = _("teach-back answer")
        verbose_name_plural = _("teach-back answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "question"], name="patients_teachback_one_per_question"
            )
        ]

    def __str__(self):
        return f"{self.question}: {self.choice}"

    @property
    def is_right(self) -> bool:
        return self.right_on is not None
