"""A patient's plans: their exercises, versions, sessions done, and the articles to read."""

import uuid
from collections import defaultdict

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.languages import check_translations
from education.models import DOSE_FIELDS, Article, DoseColumns, Exercise, ProgrammeTemplate
from patients.models.patient import ListedByClinic, Patient, latest_invitations


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

    def with_handout_items(self):
        """The items with their exercises and, for the handout, each exercise's own pictures
        (a clinic's uploads, in order): one query more, for any number of plans."""
        return self.with_items().prefetch_related("items__exercise__pictures")

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
            # Never viewed: nothing to compare, unless it took over from another phase.
            .exclude(plan__seen_version=0, plan__previous_snapshot__isnull=True)
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

        The patient with account, clinic and clinician; the exercises in order with their
        pictures; and in `plan.patient.handout_invitations` the patient's latest invitation
        (for the QR code).
        """
        return (
            self.select_related(
                "patient__user", "patient__clinic", "patient__clinician", "created_by"
            )
            .with_handout_items()
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
    # The plan this one took over from (a phase accepted from a proposal), as it stood: the
    # patient is told what changed between the two (rules.unseen_plan_changes).
    previous_snapshot = models.JSONField(null=True, blank=True, editable=False)
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

    clinic_lookup = "patient__clinic"
    patient_lookup = "patient_id"

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

    def clean(self):
        check_translations(self, ("title", "message"), published=False)

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
                *DOSE_FIELDS,
                "exercise__name",
                # The drawing or picture beside its name.
                "exercise__figure",
                "exercise__image",
                "exercise__image_alt",
            )
            .order_by("position")
        )

    def for_exercise_page(self, patient):
        """Exercise-in-plan: the patient's own item and its plan (variants: `load_variants`)."""
        return self.filter(plan__patient=patient).select_related("plan", "exercise")


class PlanItem(DoseColumns):
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

    objects = PlanItemQuerySet.as_manager()

    clinic_lookup = "plan__patient__clinic"
    patient_lookup = "plan__patient_id"

    class Meta(DoseColumns.Meta):
        # The patient's own dose (DoseColumns), copied from the template and then tailored.
        verbose_name = _("plan exercise")
        verbose_name_plural = _("plan exercises")
        ordering = ["plan", "position"]

    def __str__(self):
        return f"{self.exercise} ({self.plan})"

    def load_variants(self, clinic) -> None:
        """The exercise page: the published easier and harder variants the patient's clinic
        may show (shipped, or its own), one query each.

        Only for an item that offers them (`show_variants`, off by default): prefetching them
        for every item cost two of the page's five queries and a quarter of its time
        (bench/patient_pages.py), for lists the template never shows.
        """
        if self.show_variants:
            variants = Exercise.objects.for_clinic(clinic).published().order_by("name")
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

    clinic_lookup = "plan__patient__clinic"
    patient_lookup = "plan__patient_id"

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
            self.filter(Article.published_q("article__"), patient=patient)
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

    class Understanding(models.TextChoices):
        UNDERSTOOD = "understood", _("Understood")
        NEEDS_REVIEW = "review", _("Needs review")

    # The teach-back's outcome (patients.services.answer_teach_back); blank until then.
    understanding = models.CharField(
        _("teach-back"), max_length=10, choices=Understanding.choices, blank=True, editable=False
    )

    objects = ArticleAssignmentQuerySet.as_manager()

    clinic_lookup = "patient__clinic"
    patient_lookup = "patient_id"

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

    @property
    def reading_state(self) -> str:
        """What the clinician sees: not read, read, understood, needs review."""
        if self.understanding:
            return self.get_understanding_display()
        return _("Read") if self.first_read_at else _("Not read")


class SessionLog(ListedByClinic):
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

    patient_lookup = "patient_id"

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
            # The staff list: a clinic's newest sessions.
            models.Index(fields=["clinic", "-date"], name="patients_session_clinic_date"),
        ]

    def __str__(self):
        return f"{self.plan} on {self.date}"
