"""What patients record about their pain, and the alerts it raises for their clinician."""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from patients.models.patient import ListedByClinic, Patient

WARNING_SIGN_FIELDS = (
    "cannot_bear_weight",
    "swelling",
    "locking_or_giving_way",
    "fever_or_redness",
    "worsening_pain",
)


def daily_highest(rows, *, since, zone) -> list[dict]:
    """Each day's highest score on the clinic's calendar (`zone`), from (score, recorded_at)
    rows, for the days from `since` on: [{"day": date, "highest": int}], oldest first."""
    highest = {}
    for score, recorded_at in rows:
        if score is not None and recorded_at >= since:
            day = timezone.localtime(recorded_at, zone).date()
            highest[day] = max(score, highest.get(day, score))
    return [{"day": day, "highest": highest[day]} for day in sorted(highest)]


class PainEntryQuerySet(models.QuerySet):
    def owned_by(self, patient):
        return self.filter(patient=patient)

    def for_diary(self, patient, *, since):
        """The pain diary's table and chart: the patient's entries since `since`, newest first."""
        return self.owned_by(patient).filter(recorded_at__gte=since).order_by("-recorded_at")

    def for_today(self, patient, *, since):
        """The Today page's pain card, in one query: (score, recorded_at) of the patient's
        entries since `since` and of their latest entry ever (the "last entry" line, which
        may be older), newest first. `daily_highest` sums them up for the sparkline.
        """
        latest = self.owned_by(patient).order_by("-recorded_at").values("pk")[:1]
        return (
            self.owned_by(patient)
            .filter(Q(recorded_at__gte=since) | Q(pk__in=latest))
            .order_by("-recorded_at")
            .values_list("score", "recorded_at")
        )

    def for_saved_page(self, patient):
        return self.owned_by(patient).select_related("alert")


class PainEntry(ListedByClinic):
    class Context(models.TextChoices):
        REST = "rest", _("At rest")
        DURING = "during", _("During exercise")
        AFTER = "after", _("After exercise")
        MORNING = "morning", _("The next morning")

    class Location(models.TextChoices):
        KNEECAP = "kneecap", _("Behind or around the kneecap")
        OUTSIDE = "outside", _("Outside of the knee")
        BELOW = "below", _("Below the kneecap")
        SPOT = "spot", _("One specific spot")
        ELSEWHERE = "elsewhere", _("Somewhere else")

    class Knee(models.TextChoices):
        LEFT = "left", _("Left knee")
        RIGHT = "right", _("Right knee")
        BOTH = "both", _("Both knees")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="pain_entries")
    # A score or a warning sign, nothing else, makes an entry (the check constraint below):
    # a patient in pain is never turned away for a question left unanswered. An unanswered
    # question is stored as "" (None for the score) and shown to staff as "not said".
    score = models.PositiveSmallIntegerField(
        _("pain score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("0 means no pain, 10 the worst pain you can imagine."),
    )
    recorded_at = models.DateTimeField(_("when"), default=timezone.now)
    context = models.CharField(
        _("when it hurt"), max_length=10, choices=Context.choices, blank=True
    )
    location = models.CharField(
        _("where it hurts"), max_length=10, choices=Location.choices, blank=True
    )
    knee = models.CharField(_("which knee"), max_length=5, choices=Knee.choices, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    cannot_bear_weight = models.BooleanField(_("I can't put weight on my leg"), default=False)
    swelling = models.BooleanField(
        _("My knee is visibly swollen or has changed shape"), default=False
    )
    locking_or_giving_way = models.BooleanField(
        _("My knee locks, catches or gives way"), default=False
    )
    fever_or_redness = models.BooleanField(
        _("I have a fever, or my knee is red or unusually warm"), default=False
    )
    worsening_pain = models.BooleanField(
        _("My pain keeps getting worse even though I have cut back"), default=False
    )
    # The form's one-time token: a double tap or a resent form finds the first entry.
    submission_id = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    objects = PainEntryQuerySet.as_manager()

    patient_lookup = "patient_id"

    class Meta:
        verbose_name = _("pain entry")
        verbose_name_plural = _("pain entries")
        ordering = ["-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=10),
                name="patients_painentry_score_range",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=False)
                | Q.create([(field, True) for field in WARNING_SIGN_FIELDS], connector=Q.OR),
                name="patients_painentry_score_or_warning_sign",
            ),
        ]
        indexes = [
            # Pain diary, sparkline and baseline: a patient's entries by time.
            models.Index(fields=["patient", "-recorded_at"], name="patients_pain_patient_time"),
            # The staff list: a clinic's newest entries.
            models.Index(fields=["clinic", "-recorded_at"], name="patients_pain_clinic_time"),
        ]

    def __str__(self):
        score = "–" if self.score is None else self.score
        return f"{score}/10 at {self.recorded_at:%Y-%m-%d %H:%M}"

    @property
    def warning_signs(self) -> list[str]:
        return [
            str(self._meta.get_field(f).verbose_name)
            for f in WARNING_SIGN_FIELDS
            if getattr(self, f)
        ]

    @property
    def has_warning_sign(self) -> bool:
        return any(getattr(self, f) for f in WARNING_SIGN_FIELDS)

    @property
    def alert_or_none(self) -> "Alert | None":
        try:
            return self.alert
        except ObjectDoesNotExist:
            return None


class AlertQuerySet(models.QuerySet):
    def open(self):
        return self.filter(acknowledged_at__isnull=True)

    def for_notice(self, patient, *, now):
        """The standing "contact the clinic" notice on Today and the pain diary: the patient's
        contact-today alerts still open, or acknowledged less than a day ago, newest first."""
        return (
            self.filter(patient=patient, advice=Alert.Advice.CONTACT_TODAY)
            .filter(
                Q(acknowledged_at__isnull=True)
                | Q(acknowledged_at__gte=now - ACKNOWLEDGED_NOTICE_FOR)
            )
            .select_related("acknowledged_by")
            .only(
                "created_at",
                "acknowledged_at",
                "outcome",
                "acknowledged_by__first_name",
                "acknowledged_by__last_name",
                "acknowledged_by__email",
            )
            .order_by(F("acknowledged_at").desc(nulls_first=True), "-created_at")
        )


# After a clinician acknowledges, the patient's notice says so for this long, then goes.
ACKNOWLEDGED_NOTICE_FOR = dt.timedelta(hours=24)


class Alert(ListedByClinic):
    """What one pain entry needs a clinician to look at: every reason, on one alert."""

    class Advice(models.TextChoices):
        """What the portal told the patient (the sentences: patients.advice)."""

        CONTACT_TODAY = "contact", _("Contact the clinic today")
        EASE_OFF = "ease_off", _("Ease off, and call if it keeps rising")

    class Outcome(models.TextChoices):
        CALLED = "called", _("Called the patient")
        BOOKED = "booked", _("Booked a visit")
        ADVISED = "advised", _("Gave advice")
        NO_ANSWER = "no_answer", _("No answer")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="alerts")
    pain_entry = models.OneToOneField(
        PainEntry, on_delete=models.CASCADE, related_name="alert", verbose_name=_("pain entry")
    )
    warning_sign = models.BooleanField(_("warning sign"), default=False)
    high_score = models.BooleanField(_("high pain score"), default=False)
    rising = models.BooleanField(_("pain rising above baseline"), default=False)
    advice = models.CharField(_("the patient was told"), max_length=10, choices=Advice.choices)
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    # Asked for on every acknowledgement; blank on those made before it was (migration 0005).
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = AlertQuerySet.as_manager()

    patient_lookup = "patient_id"

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["acknowledged_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(warning_sign=True) | Q(high_score=True) | Q(rising=True),
                name="patients_alert_has_a_reason",
            ),
        ]
        indexes = [
            # A patient's open alerts (the standing notice, the patient list's count).
            models.Index(
                fields=["patient", "acknowledged_at", "-created_at"],
                name="patients_alert_patient_open",
            ),
            # The alert queue: a clinic's open (or acknowledged) alerts, warning signs first,
            # newest first.
            models.Index(
                fields=["clinic", "acknowledged_at", "-warning_sign", "-created_at"],
                name="patients_alert_clinic_queue",
            ),
        ]

    def __str__(self):
        return _("Alert: %(patient)s") % {"patient": self.patient}

    # What the portal tells the patient, word for word: on their screen, and quoted in the
    # clinician's email ("the patient was told: ..."). The one source of these sentences.
    ADVICE_TEXT = {
        Advice.CONTACT_TODAY: _(
            "What you reported needs to be checked. Please contact the clinic today. Until "
            "you have spoken with them, hold off on your exercises."
        ),
        Advice.EASE_OFF: _(
            "Your pain is higher than it has been over the last two weeks. Ease off for a "
            "day or two: do fewer sets or repetitions, and leave out any exercise that makes "
            "it worse. If the pain keeps rising, call the clinic."
        ),
    }

    @property
    def advice_text(self) -> str:
        return self.ADVICE_TEXT[self.advice]

    @property
    def contact_today(self) -> bool:
        return self.advice == self.Advice.CONTACT_TODAY

    @property
    def reasons(self) -> list[str]:
        """Every reason, in words: each warning sign by name, then the score and the rise."""
        reasons = list(self.pain_entry.warning_signs) if self.warning_sign else []
        for name in ("high_score", "rising"):
            if getattr(self, name):
                reasons.append(str(capfirst(self._meta.get_field(name).verbose_name)))
        return reasons
