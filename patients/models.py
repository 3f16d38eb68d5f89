import datetime as dt
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from clinic.models import Clinic
from education.models import (
    Article,
    Condition,
    Dose,
    Exercise,
    ProgrammeTemplate,
    dose_constraints,
    dose_fields,
)


class PatientQuerySet(models.QuerySet):
    def in_clinic(self, clinic):
        return self.filter(clinic=clinic)

    def for_handout(self):
        """A patient's printed handout, for any number of patients in a fixed number of queries.

        Account, clinic and clinician; in `handout_plans` the active plans with their
        exercises; in `handout_assignments` the published articles given to them; in
        `handout_invitations` their latest invitation (for the QR code).
        """
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
                queryset=ArticleAssignment.objects.filter(article__status=Article.Status.PUBLISHED)
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

    class Meta:
        verbose_name = _("patient")
        verbose_name_plural = _("patients")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self):
        return str(self.user)


class PlanQuerySet(models.QuerySet):
    def owned_by(self, patient):
        """A patient's own plans: every patient page starts here."""
        return self.filter(patient=patient)

    def active(self):
        return self.filter(status=Plan.Status.ACTIVE)

    def with_items(self):
        return self.prefetch_related(
            models.Prefetch(
                "items", queryset=PlanItem.objects.select_related("exercise").order_by("position")
            )
        )

    def with_changes(self):
        """The two revisions "what changed" compares: the one last seen and the latest.

        In `plan.change_revisions`, one query for all the plans however many versions.
        """
        return self.prefetch_related(
            models.Prefetch(
                "revisions",
                queryset=PlanRevision.objects.filter(
                    Q(number=F("plan__seen_version")) | Q(number=F("plan__version"))
                ),
                to_attr="change_revisions",
            )
        )

    def for_today(self, patient, *, since) -> list["Plan"]:
        """The Today page: the active plans, each with, in plain attributes,

        - `today_items`: its items in order, with the exercise's name (`PlanItem.for_lists`);
        - `change_revisions`: the revisions "what changed" compares (as `with_changes` loads
          them), fetched only for a plan with a change the patient has not seen;
        - `session_dates`: the dates of its sessions since `since`.

        Four queries however many plans, items, versions or sessions: the plans, then the
        other three for all of them at once, put together here. Django's prefetching took
        as many queries and twice the Python time, and loaded every exercise column.
        """
        plans = list(self.owned_by(patient).active().order_by("start_date", "created_at"))
        ids = [plan.pk for plan in plans]
        items, revisions, dates = defaultdict(list), defaultdict(list), defaultdict(list)
        for item in PlanItem.objects.filter(plan_id__in=ids).for_lists():
            items[item.plan_id].append(item)
        for revision in (
            PlanRevision.objects.filter(plan_id__in=ids)
            .filter(Q(number=F("plan__seen_version")) | Q(number=F("plan__version")))
            .exclude(plan__seen_version=0)
            .exclude(plan__seen_version=F("plan__version"))
            .only("plan_id", "number", "snapshot")
        ):
            revisions[revision.plan_id].append(revision)
        for plan_id, date in SessionLog.objects.filter(
            plan_id__in=ids, date__gte=since
        ).values_list("plan_id", "date"):
            dates[plan_id].append(date)
        for plan in plans:
            plan.patient = patient  # already loaded: the session form's owner
            plan.today_items = items[plan.pk]
            plan.change_revisions = revisions[plan.pk]
            plan.session_dates = dates[plan.pk]
        return plans

    def for_plan_list(self, patient):
        """My plans: active first, then the newest."""
        return (
            self.owned_by(patient)
            .annotate(is_active=Q(status=Plan.Status.ACTIVE))
            .order_by("-is_active", "-start_date", "-created_at")
        )

    def for_plan_page(self, patient):
        return (
            self.owned_by(patient)
            .prefetch_related(models.Prefetch("items", queryset=PlanItem.objects.for_lists()))
            .with_changes()
        )

    def for_handout(self):
        """Printed handouts, for any number of plans in a fixed number of queries.

        The patient with account, clinic and clinician; the exercises in order; and in
        `plan.patient.handout_invitations` the patient's latest invitation (for the QR code).
        """
        return (
            self.select_related(
                "patient__user", "patient__clinic", "patient__clinician", "created_by"
            )
            .with_items()
            .prefetch_related(latest_invitations("patient__invitations"))
        )


class Plan(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        COMPLETED = "completed", _("Completed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(
        Patient, on_delete=models.CASCADE, related_name="plans", verbose_name=_("patient")
    )
    template = models.ForeignKey(
        ProgrammeTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made from template"),
    )
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("start date"))
    review_date = models.DateField(_("review date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    message = models.TextField(
        _("message to the patient"), blank=True, help_text=_("Shown at the top of the plan.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    seen_version = models.PositiveIntegerField(
        _("version the patient last viewed"), default=0, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-start_date", "-created_at"]
        permissions = [("print_handout", _("Can print handouts"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_date__isnull=True) | Q(review_date__gte=models.F("start_date")),
                name="patients_plan_review_after_start",
            )
        ]
        indexes = [
            # Today page: a patient's active plans.
            models.Index(fields=["patient", "status"], name="patients_plan_patient_status"),
        ]

    def __str__(self):
        return self.title

    def sessions_per_week(self, items=None) -> int:
        """How many sessions a week the plan asks for: its most frequent exercise."""
        items = self.items.all() if items is None else items
        return max((item.days_per_week for item in items), default=0)


class PlanItemQuerySet(models.QuerySet):
    def for_lists(self):
        """Items as the Today and plan pages list them, in order: the dose, the note and the
        exercise's name, not the exercise's long texts."""
        return (
            self.select_related("exercise")
            .only(
                "plan",
                "position",
                "note",
                "show_variants",
                *Dose.FIELDS,
                "side",
                "exercise__name",
            )
            .order_by("position")
        )

    def for_exercise_page(self, patient):
        """Exercise-in-plan: the patient's own item and its plan (variants: `load_variants`)."""
        return self.filter(plan__patient=patient).select_related("plan", "exercise")


class PlanItem(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(
        Exercise, on_delete=models.PROTECT, related_name="+", verbose_name=_("exercise")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    note = models.CharField(_("note for the patient"), max_length=300, blank=True)
    show_variants = models.BooleanField(
        _("offer easier and harder versions"),
        default=False,
        help_text=_("Let the patient see this exercise's easier and harder versions."),
    )

    # The patient's own dose, copied from the template and then tailored.
    locals().update(dose_fields(null=False))

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan exercise")
        verbose_name_plural = _("plan exercises")
        ordering = ["plan", "position"]
        constraints = dose_constraints("patients_planitem", null=False)

    def __str__(self):
        return f"{self.exercise} ({self.plan})"

    @property
    def dose(self) -> Dose:
        return Dose(**{f: getattr(self, f) for f in (*Dose.FIELDS, "side")})

    def load_variants(self) -> None:
        """The exercise page: the published easier and harder variants, one query each.

        Only for an item that offers them (`show_variants`, off by default): prefetching them
        for every item cost two of the page's five queries and a quarter of its time
        (bench/patient_pages.py), for lists the template never shows.
        """
        if self.show_variants:
            variants = Exercise.objects.filter(is_published=True).order_by("name")
            models.prefetch_related_objects(
                [self.exercise],
                models.Prefetch("easier_variants", queryset=variants),
                models.Prefetch("harder_variants", queryset=variants),
            )


class PlanRevision(models.Model):
    """A frozen copy of a plan as it stood after each change, so changes can be shown."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("plan at this version"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="patients_planrevision_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.plan} v{self.number}"


class ArticleAssignmentQuerySet(models.QuerySet):
    def for_patient(self, patient):
        """What a patient may open: their own assignments of published articles, unread first."""
        return (
            self.filter(patient=patient, article__status=Article.Status.PUBLISHED)
            .select_related("article")
            .order_by(F("first_read_at").desc(nulls_first=True), "-assigned_at")
        )


class ArticleAssignment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(
        Patient,
        on_delete=models.CASCADE,
        related_name="article_assignments",
        verbose_name=_("patient"),
    )
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("article")
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    first_read_at = models.DateTimeField(_("first read"), null=True, blank=True, editable=False)

    objects = ArticleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("article assignment")
        verbose_name_plural = _("article assignments")
        ordering = ["-assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "article"], name="patients_articleassignment_unique_article"
            )
        ]

    def __str__(self):
        return f"{self.article} → {self.patient}"


class SessionLog(models.Model):
    class Effort(models.TextChoices):
        EASY = "easy", _("Easy")
        JUST_RIGHT = "right", _("About right")
        HARD = "hard", _("Hard")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="sessions")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    items = models.ManyToManyField(PlanItem, blank=True, verbose_name=_("exercises done"))
    effort = models.CharField(
        _("how hard it felt"), max_length=5, choices=Effort.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("session log")
        verbose_name_plural = _("session logs")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "date"], name="patients_sessionlog_one_per_day")
        ]
        indexes = [
            # Adherence: a patient's sessions over the last 28 days.
            models.Index(fields=["patient", "date"], name="patients_session_patient_date"),
        ]

    def __str__(self):
        return f"{self.plan} on {self.date}"


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


class PainEntry(models.Model):
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


class Alert(models.Model):
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
            # Alert lists: a clinic's open alerts, newest first.
            models.Index(
                fields=["patient", "acknowledged_at", "-created_at"],
                name="patients_alert_patient_open",
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
