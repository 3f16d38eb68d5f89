"""Patients and their invitations."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from clinic.models import Clinic
from education.models import Article, Condition


class PatientQuerySet(models.QuerySet):
    def in_clinic(self, clinic):
        return self.filter(clinic=clinic)

    def for_admin_list(self, today):
        """The staff patient list: account, clinic and clinician, and the columns it sorts
        and filters by, each one subquery, so 10 or 10,000 rows cost the same. Adherence,
        which needs every active plan, is added for the page's rows by
        `patients.selectors.with_list_adherence`."""
        from patients.models.pain import Alert, PainEntry
        from patients.models.plan import Plan

        active_plans = Plan.objects.filter(
            patient=OuterRef("pk"), status=Plan.Status.ACTIVE
        ).order_by("-start_date")
        last_pain = PainEntry.objects.filter(patient=OuterRef("pk")).order_by("-recorded_at")
        open_alerts = (
            Alert.objects.open()
            .filter(patient=OuterRef("pk"))
            .order_by()
            .values("patient")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.select_related("user", "clinician", "clinic").annotate(
            active_plan_title=Subquery(active_plans.values("title")[:1]),
            review_date=Subquery(active_plans.values("review_date")[:1]),
            last_score=Subquery(last_pain.values("score")[:1]),
            last_score_at=Subquery(last_pain.values("recorded_at")[:1]),
            open_alerts=Coalesce(Subquery(open_alerts, output_field=IntegerField()), Value(0)),
        )

    def for_handout(self):
        """A patient's printed handout, for any number of patients in a fixed number of queries.

        Account, clinic and clinician; in `handout_plans` the active plans with their
        exercises; in `handout_assignments` the published articles given to them; in
        `handout_invitations` their latest invitation (for the QR code).
        """
        # Plans and assignments belong to a patient: their module imports this one.
        from patients.models.plan import ArticleAssignment, Plan

        return self.select_related("user", "clinic", "clinician").prefetch_related(
            models.Prefetch(
                "plans",
                queryset=Plan.objects.active()
                .select_related("created_by")
                .with_items()
                .order_by("start_date", "created_at"),
                to_attr="handout_plans",
            ),
            models.Prefetch(
                "article_assignments",
                queryset=ArticleAssignment.objects.filter(Article.published_q("article__"))
                .select_related("article__reviewed_by")
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

    objects = PatientQuerySet.as_manager()

    # Whose row this is: the clinic (clinic.access scopes every staff query by it) and the
    # patient (clinic.audit labels each change with both). Every patient-data model says so.
    clinic_lookup = "clinic"
    patient_lookup = "pk"

    class Meta:
        verbose_name = _("patient")
        verbose_name_plural = _("patients")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self):
        return str(self.user)


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
