import unicodedata
import zoneinfo

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.validators import validate_account_email, validate_single_line


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=normalize_email(username))

    def clinicians(self):
        """Staff who care for patients: clinicians and clinic managers, not the front desk."""
        return self.filter(
            is_staff=True,
            is_active=True,
            staff_membership__role__in=[
                StaffMembership.Role.CLINICIAN,
                StaffMembership.Role.MANAGER,
            ],
        )


def normalize_email(email: str) -> str:
    # Patients type their address in every case imaginable, and a phone keyboard may give
    # full-width or composed letters: one account per address, however it was typed.
    return unicodedata.normalize("NFKC", email or "").strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")

    email = models.EmailField(_("email address"), unique=True, validators=[validate_account_email])
    first_name = models.CharField(
        _("first name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("Pages and emails are shown in this language."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Clinic staff may sign in to the admin. Patients never are."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick instead of deleting: an inactive account cannot sign in."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    # Staff accounts belong to their clinic (clinic.access); a patient's through their record.
    clinic_lookup = "staff_membership__clinic"

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = normalize_email(self.email)

    def save(self, *args, **kwargs):
        # One Unicode form for names: "Rémy" typed with a combining accent is stored as the
        # "Rémy" everyone else types, so a search finds it either way.
        self.first_name = unicodedata.normalize("NFC", self.first_name)
        self.last_name = unicodedata.normalize("NFC", self.last_name)
        super().save(*args, **kwargs)

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


class Clinic(models.Model):
    # In the subject of every alert and invitation email: one line.
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), unique=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Shown to patients who report a warning sign."),
    )
    email = models.EmailField(_("email"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Toronto", validators=[validate_time_zone]
    )
    # Bumped when anything the clinic's patients read changes (the library): part of the
    # key of their cached page fragments (patients.fragments).
    content_version = models.PositiveIntegerField(default=0, editable=False)
    alert_threshold = models.PositiveSmallIntegerField(
        _("pain alert threshold"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("A pain score at or above this raises an alert for the clinician."),
    )
    escalation_hours = models.PositiveSmallIntegerField(
        _("escalate alerts after (hours)"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(72)],
        help_text=_(
            "An alert nobody has acknowledged this many hours after it was raised (on the "
            "clinic's clock) is emailed to the clinic's managers, once."
        ),
    )
    inactivity_days = models.PositiveSmallIntegerField(
        _("nudge patients inactive for (days)"),
        default=7,
        validators=[MinValueValidator(2), MaxValueValidator(60)],
        help_text=_(
            "A patient with an active plan and no session logged for this many days gets "
            'one gentle email, and appears under the patient list\'s "inactive" filter.'
        ),
    )

    clinic_lookup = "pk"

    class Meta:
        verbose_name = _("clinic")
        verbose_name_plural = _("clinics")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(alert_threshold__gte=1, alert_threshold__lte=10),
                name="clinic_clinic_alert_threshold_range",
            ),
            models.CheckConstraint(
                condition=models.Q(escalation_hours__gte=1, escalation_hours__lte=72),
                name="clinic_clinic_escalation_hours_range",
            ),
            models.CheckConstraint(
                condition=models.Q(inactivity_days__gte=2, inactivity_days__lte=60),
                name="clinic_clinic_inactivity_days_range",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def now(self):
        """The current time on the clinic's clock (what "today" means for its patients)."""
        return timezone.localtime(timezone.now(), self.zone)

    def today(self):
        return self.now().date()


class StaffMembership(models.Model):
    """A staff user's place in one clinic. The role decides the user's permission group."""

    class Role(models.TextChoices):
        CLINICIAN = "clinician", _("Clinician")
        FRONT_DESK = "front_desk", _("Front desk")
        MANAGER = "manager", _("Clinic manager")

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="staff_membership", verbose_name=_("user")
    )
    clinic = models.ForeignKey(
        Clinic, on_delete=models.PROTECT, related_name="staff", verbose_name=_("clinic")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    weekly_digest = models.BooleanField(
        _("weekly digest"),
        default=False,
        help_text=_(
            "Every Monday morning, an email counting this person's patients who have been "
            "inactive or have open alerts (no names, no health details)."
        ),
    )

    clinic_lookup = "clinic"

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        ordering = ["clinic", "user"]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.clinic})"


class AccessRecord(models.Model):
    """Someone opened, printed or exported a patient's data: the "who looked" half of the
    audit trail (django-auditlog keeps the changes). Append-only: nobody edits or deletes
    these rows, and PostgreSQL refuses to (migration clinic 0005).

    Its columns are the questions asked of it, each indexed for the page that asks: "who
    looked at my record" (a patient's, newest first) and a clinic's trail (its manager's).
    The patient is kept by id, not as a foreign key: the record outlives a purged patient,
    and the core knows no patients app.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("Opened")
        PRINT = "print", _("Printed")
        PDF = "pdf", _("Downloaded as a PDF")
        BATCH_PDF = "batch_pdf", _("Printed in a batch")
        EXPORT_JSON = "export_json", _("Exported (JSON)")
        EXPORT_CSV = "export_csv", _("Exported (CSV)")
        EXPORT_FHIR = "export_fhir", _("Exported (FHIR)")

    at = models.DateTimeField(_("when"), default=timezone.now)
    clinic = models.ForeignKey(
        Clinic, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("clinic")
    )
    patient_id = models.UUIDField(_("patient"), null=True)
    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("who")
    )
    # Kept when the account is deleted, so the record still says who it was.
    actor_email = models.EmailField(_("who (email)"), blank=True)
    actor_is_staff = models.BooleanField(_("staff"), default=False)
    action = models.CharField(_("what"), max_length=12, choices=Action.choices)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    object_pk = models.CharField(max_length=64)
    object_repr = models.CharField(_("record"), max_length=200)
    remote_addr = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        verbose_name = _("access record")
        verbose_name_plural = _("views, prints and exports")
        ordering = ["-at"]
        indexes = [
            # My data: who looked at this patient's record, newest first.
            models.Index(fields=["patient_id", "-at"], name="clinic_access_patient_time"),
            # A clinic manager's trail, newest first.
            models.Index(fields=["clinic", "-at"], name="clinic_access_clinic_time"),
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.object_repr} ({self.at:%Y-%m-%d %H:%M})"
