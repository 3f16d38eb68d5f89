"""Patients and their invitations."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from clinic.models import Clinic
from education.models import Article, ArticleQuestion, Condition

# `Patient.notice_until` while a contact-today alert waits for a clinician.
NOTICE_OPEN = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)


class PatientQuerySet(models.QuerySet):
    def in_clinic(self, clinic):
        return self.filter(clinic=clinic)

    def for_admin_list(self):
        """The staff patient list: account, clinic and clinician, and the summary columns it
        shows, sorts and filters by (on the patient row itself). Adherence, which needs
        every active plan, is added for the page's rows by
        `patients.selectors.with_list_adherence`."""
        return self.select_related("user", "clinician", "clinic")

    def for_handout(self):
        """A patient's printed handout, for any number of patients in a fixed number of queries.

        Account, clinic and clinician; in `handout_plans` the active plans with their
        exercises and the exercises' pictures; in `handout_assignments` the published
        articles given to them; in `handout_invitations` their latest invitation (for the QR
        code).
        """
        # Plans and assignments belong to a patient: their module imports this one.
        from patients.models.plan import ArticleAssignment, Plan

        return self.select_related("user", "clinic", "clinician").prefetch_related(
            models.Prefetch(
                "plans",
                queryset=Plan.objects.active()
                .select_related("created_by")
                .with_handout_items()
                .order_by("start_date", "created_at"),
                to_attr="handout_plans",
            ),
            models.Prefetch(
                "article_assignments",
                queryset=ArticleAssignment.objects.filter(Article.published_q("article__"))
                .select_related("article__reviewed_by")
                # The teach-back questions, printed with tick boxes.
                .prefetch_related(
                    models.Prefetch(
                        "article__questions", queryset=ArticleQuestion.objects.with_choices()
                    )
                )
                .order_by("assigned_at"),
                to_attr="handout_assignments",
            ),
            latest_invitations("invitations"),
        )


class Patient(models.Model):
    class AffectedSide(models.TextChoices):
        LEFT = "left", _("Left")
        RIGHT = "right", _("Right")
        BOTH = "both", _("Both")

    class ContactTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Mornings")
        AFTERNOON = "afternoon", _("Afternoons")
        EVENING = "evening", _("Evenings")

    # Random, so that no URL, email or printed code reveals how many patients there are.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="patient",
        verbose_name=_("account"),
    )
    clinic = models.ForeignKey(
        Clinic, on_delete=models.PROTECT, related_name="patients", verbose_name=_("clinic")
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="patients_as_clinician",
        verbose_name=_("primary clinician"),
    )
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # For the clinician's call-back after an alert; never put in an email.
    phone = PhoneNumberField(
        _("phone"), blank=True, help_text=_("For example 613-555-0100. Shown on alerts.")
    )
    phone_other = PhoneNumberField(_("other phone"), blank=True)
    contact_time = models.CharField(
        _("best time to call"), max_length=10, choices=ContactTime.choices, blank=True
    )
    conditions = models.ManyToManyField(
        Condition, blank=True, related_name="patients", verbose_name=_("conditions")
    )
    affected_side = models.CharField(
        _("affected side"), max_length=5, choices=AffectedSide.choices, blank=True
    )
    staff_notes = models.TextField(
        _("notes for staff"), blank=True, help_text=_("Never shown to the patient.")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive patient cannot sign in. Their record is kept."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # A summary of the patient's rows for the staff list, kept by the services that write
    # those rows (services.refresh_patient_summary), so the list sorts and filters on
    # columns instead of computing them for every patient on every page.
    active_plan_title = models.CharField(
        _("active plan"), max_length=200, blank=True, editable=False
    )
    review_date = models.DateField(_("review"), null=True, blank=True, editable=False)
    last_pain_at = models.DateTimeField(_("last pain entry"), null=True, editable=False)
    last_pain_score = models.PositiveSmallIntegerField(
        _("last pain score"), null=True, editable=False
    )
    last_session_on = models.DateField(_("last session"), null=True, editable=False)
    open_alerts = models.PositiveIntegerField(_("open alerts"), default=0, editable=False)
    # The last day the patient was active with an active plan: their last session, or the
    # start of their newest active plan if that is later. None without an active plan. The
    # "inactive" filter and the nudge read it.
    last_active_on = models.DateField(_("last active"), null=True, editable=False)
    # Adherence over the last 7 days (rules.adherence), kept for sorting the list: by every
    # write to sessions and plans, and each night by the scheduler (`adherence_on` says for
    # which day it was counted). The list shows the value counted live for its rows.
    adherence_percent = models.PositiveSmallIntegerField(
        _("adherence, 7 days"), null=True, editable=False
    )
    adherence_on = models.DateField(null=True, editable=False)
    # Bumped by every write to what the patient's pages show: the key of their cached
    # page fragments, so a cached fragment is never older than the data behind it.
    version = models.PositiveIntegerField(default=0, editable=False)
    # Until when Today and the pain diary show the standing "contact the clinic" notice
    # (NOTICE_OPEN while an alert waits): most patients have none, and their pages then
    # skip the query that finds it.
    notice_until = models.DateTimeField(null=True, editable=False)

    objects = PatientQuerySet.as_manager()

    # Whose row this is: the clinic (clinic.access scopes every staff query by it) and the
    # patient (clinic.audit labels each change with both). Every patient-data model says so.
    clinic_lookup = "clinic"
    patient_lookup = "pk"

    class Meta:
        verbose_name = _("patient")
        verbose_name_plural = _("patients")
        ordering = ["user__last_name", "user__first_name"]
        indexes = [
            # The patient list's "inactive" filter and the scheduler's nudges.
            models.Index(fields=["clinic", "last_active_on"], name="patients_patient_inactive"),
            # The patient list sorted by adherence.
            models.Index(fields=["clinic", "adherence_percent"], name="patients_patient_adherence"),
        ]

    def __str__(self):
        return str(self.user)


class ListedByClinic(models.Model):
    """A row of one of the big tables staff list per clinic (pain entries, sessions, alerts).

    It carries its patient's clinic itself, so that "this clinic's newest rows" is one
    index, not a join through every patient; the row sets it from its patient when saved,
    and a patient never changes clinic.
    """

    clinic = models.ForeignKey(
        Clinic, on_delete=models.PROTECT, related_name="+", editable=False, verbose_name=_("clinic")
    )

    clinic_lookup = "clinic"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.clinic_id is None:
            self.clinic_id = self.patient.clinic_id
        super().save(*args, **kwargs)


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


def latest_invitations(lookup: str) -> models.Prefetch:
    """Each patient's newest invitation only, as a one-item list in `handout_invitations`."""
    newest = (
        Invitation.objects.filter(patient=OuterRef("patient"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    return models.Prefetch(
        lookup,
        queryset=Invitation.objects.filter(created_at=Subquery(newest)),
        to_attr="handout_invitations",
    )


class Invitation(models.Model):
    """A single-use link for a patient to choose a password and sign in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="invitations")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    revoked_at = models.DateTimeField(
        _("replaced"),
        null=True,
        blank=True,
        help_text=_("Sending a new invitation replaces this one."),
    )
    failed_checks = models.PositiveSmallIntegerField(
        _("wrong dates of birth"), default=0, editable=False
    )

    objects = InvitationQuerySet.as_manager()

    clinic_lookup = "patient__clinic"
    patient_lookup = "patient_id"

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [
            # Handouts and re-sends: a patient's latest invitation.
            models.Index(fields=["patient", "-created_at"], name="patients_invite_patient_new"),
        ]

    def __str__(self):
        return f"{self.patient} ({self.created_at:%Y-%m-%d})"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()
