import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from clinic.access import clinic_q, staff_clinic, user_clinic
from clinic.languages import CODES, check_translations, column, columns, is_filled
from clinic.models import Clinic
from education import figures
from education.access import is_library_staff

# A dose as pages read it, where every app has always found it.
from education.doses import DOSE_FIELDS, Dose, PatientDose, Side  # noqa: F401
from education.markdown import render_markdown, word_count

READING_WORDS_PER_MINUTE = 200


def _range(field, low, high, *, optional=False):
    """A database guard matching a field's validators: no path can store a nonsense dose."""
    ok = Q(**{f"{field}__gte": low, f"{field}__lte": high})
    if optional:
        ok |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=ok, name=f"%(app_label)s_%(class)s_{field}_range")


class DoseColumns(models.Model):
    """A complete dose: an exercise's default, and a patient's own on their plan."""

    sets = models.PositiveSmallIntegerField(
        _("sets"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    reps = models.PositiveSmallIntegerField(
        _("repetitions"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (seconds)"), validators=[MaxValueValidator(300)]
    )
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest between sets (seconds)"), validators=[MaxValueValidator(600)]
    )
    times_per_day = models.PositiveSmallIntegerField(
        _("times per day"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    days_per_week = models.PositiveSmallIntegerField(
        _("days per week"), validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)

    class Meta:
        abstract = True
        constraints = [
            _range("sets", 1, 10),
            _range("reps", 1, 100),
            _range("times_per_day", 1, 6),
            _range("days_per_week", 1, 7),
        ]

    @property
    def dose(self) -> Dose:
        return Dose(**{name: getattr(self, name) for name in DOSE_FIELDS})


class DoseOverrideColumns(models.Model):
    """A template item's dose: each column left blank falls back to the exercise's default."""

    sets = models.PositiveSmallIntegerField(
        _("sets"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    reps = models.PositiveSmallIntegerField(
        _("repetitions"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (seconds)"), null=True, blank=True, validators=[MaxValueValidator(300)]
    )
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest between sets (seconds)"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    times_per_day = models.PositiveSmallIntegerField(
        _("times per day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    days_per_week = models.PositiveSmallIntegerField(
        _("days per week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices, blank=True)

    class Meta:
        abstract = True
        constraints = [
            _range("sets", 1, 10, optional=True),
            _range("reps", 1, 100, optional=True),
            _range("times_per_day", 1, 6, optional=True),
            _range("days_per_week", 1, 7, optional=True),
        ]

    def dose_over(self, base: Dose) -> Dose:
        """`base` with this item's columns applied where they are filled in."""
        values = {
            name: getattr(base, name) if getattr(self, name) in (None, "") else getattr(self, name)
            for name in DOSE_FIELDS
        }
        return Dose(**values)


def owner_field():
    """The clinic a library item belongs to; none for the items shipped with the portal."""
    return models.ForeignKey(
        Clinic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("clinic"),
        help_text=_("Empty for the library shipped with the portal, which no clinic changes."),
    )


class LibraryItem(models.Model):
    """What every library model shares: an owning clinic, or none for the shipped library.

    A shipped item is read by every clinic and changed by none (a clinic copies it to adapt
    it: `education.services.copy_to_clinic`); an item a clinic creates is that clinic's
    alone, unseen by any other clinic's staff or patients (`clinic.access.clinic_q`).
    """

    clinic = owner_field()

    clinic_lookup = "clinic"
    shared_without_clinic = True
    # Its text in both languages (education/translation.py): what a reader sees, listed by
    # the admin's "missing French" and "missing English" filters. Written in one language at
    # least; an exercise or article, in every language before it is published.
    reader_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def is_shipped(self) -> bool:
        return self.clinic_id is None

    def clean(self):
        super().clean()
        check_translations(self, self.reader_fields, published=False)


class LibraryQuerySet(models.QuerySet):
    def for_clinic(self, clinic):
        """What a clinic's staff and patients may see: the shipped items and its own."""
        return self.filter(clinic_q(self.model, clinic))

    def for_staff(self, user):
        """Staff: their clinic's view of the library; a superuser's is all of it."""
        return self if user.is_superuser else self.for_clinic(staff_clinic(user))


class PublishedQuerySet(LibraryQuerySet):
    def published(self):
        """What a patient may ever see: the one rule, `published_q` on the model."""
        return self.filter(self.model.published_q())

    def visible_to(self, user):
        """Clinic staff may preview their clinic's drafts; everyone else sees the published
        items of their own clinic (a patient's) and the shipped ones."""
        if is_library_staff(user):
            return self.for_staff(user)
        return self.for_clinic(user_clinic(user)).published()


class Condition(LibraryItem):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    where_it_hurts = models.TextField(_("where it hurts"))
    what_brings_it_on = models.TextField(_("what brings it on"))
    summary = models.TextField(_("summary"))

    objects = LibraryQuerySet.as_manager()

    reader_fields = ("name", "where_it_hurts", "what_brings_it_on", "summary")

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["name"]

    def __str__(self):
        return self.name


def written_in_any_language(field: str, words: str) -> Q:
    """A search of the library: `words` in `field`, in whichever language it is written."""
    found = Q(pk__in=[])
    for name in columns(field):
        found |= Q(**{f"{name}__icontains": words})
    return found


def validate_https(value):
    if not value.startswith("https://"):
        raise ValidationError(_("Use a secure link that starts with https://."))


class ExerciseQuerySet(PublishedQuerySet):
    def for_library(self):
        return self.prefetch_related("conditions").order_by("name")

    def for_detail(self, user=None):
        """The exercise page: conditions and variants, one query each.

        Given a user, the variants are only those that user may open.
        """
        variants = Exercise.objects.order_by("name")
        if user is not None:
            variants = variants.visible_to(user)
        return self.prefetch_related(
            "conditions",
            models.Prefetch("easier_variants", queryset=variants),
            models.Prefetch("harder_variants", queryset=variants),
        )

    def search(self, *, q: str = "", condition=None, region: str = ""):
        """The staff library's filters: name, condition served, body region."""
        qs = self
        if q:
            qs = qs.filter(written_in_any_language("name", q))
        if condition is not None:
            qs = qs.filter(conditions=condition)
        if region:
            qs = qs.filter(body_region=region)
        return qs


class Exercise(LibraryItem, DoseColumns):
    class Region(models.TextChoices):
        KNEE = "knee", _("Knee")
        HIP = "hip", _("Hip")
        THIGH = "thigh", _("Thigh")
        ANKLE = "ankle", _("Ankle and calf")

    class Position(models.TextChoices):
        LYING = "lying", _("Lying on your back")
        SIDE_LYING = "side_lying", _("Lying on your side")
        SITTING = "sitting", _("Sitting")
        STANDING = "standing", _("Standing")

    class Difficulty(models.TextChoices):
        EASY = "easy", _("Easy")
        MODERATE = "moderate", _("Moderate")
        HARD = "hard", _("Hard")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    purpose = models.CharField(
        _("purpose"), max_length=200, help_text=_("One line: what this exercise is for.")
    )
    body_region = models.CharField(_("body region"), max_length=10, choices=Region.choices)
    starting_position = models.CharField(
        _("starting position"), max_length=12, choices=Position.choices
    )
    steps = models.TextField(_("steps"), help_text=_("One step per line, in order."))
    cues = models.TextField(_("what to watch"), help_text=_("One cue per line."))
    mistakes = models.TextField(_("common mistakes"), help_text=_("One mistake per line."))
    equipment = models.CharField(_("equipment"), max_length=120, blank=True)
    difficulty = models.CharField(_("difficulty"), max_length=10, choices=Difficulty.choices)
    image = models.ImageField(_("picture"), upload_to="exercises/", blank=True)
    image_alt = models.CharField(
        _("picture description"),
        max_length=250,
        blank=True,
        help_text=_("Required with a picture: describe it for people who cannot see it."),
    )
    figure = models.CharField(
        _("drawing"),
        max_length=60,
        blank=True,
        choices=figures.choices(),
        help_text=_(
            "One of the portal's own drawings, shown frame by frame: the shipped exercise it shows."
        ),
    )
    video_url = models.URLField(
        _("video link"),
        blank=True,
        validators=[URLValidator(schemes=["https"]), validate_https],
        help_text=_("Optional; must start with https://."),
    )
    conditions = models.ManyToManyField(
        Condition, blank=True, related_name="exercises", verbose_name=_("conditions")
    )
    easier_variants = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="harder_variants",
        verbose_name=_("easier variants"),
        help_text=_("Exercises to offer when this one is too hard."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ExerciseQuerySet.as_manager()

    reader_fields = ("name", "purpose", "steps", "cues", "mistakes", "equipment", "image_alt")

    class Meta(DoseColumns.Meta):
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")
        ordering = ["name"]
        constraints = [
            *DoseColumns.Meta.constraints,
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""),
                name="education_exercise_image_needs_alt",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:exercise", args=[self.slug])

    def clean(self):
        if self.image and not any(is_filled(getattr(self, name)) for name in columns("image_alt")):
            raise ValidationError(
                {column("image_alt", get_language()): _("Describe the picture for screen readers.")}
            )
        # With a picture, its description is required like the steps (in every language,
        # once published).
        required = ("image_alt",) if self.image else ()
        check_translations(self, self.reader_fields, published=self.is_published, required=required)

    @classmethod
    def published_q(cls, prefix: str = "") -> Q:
        """Published, as a condition; `prefix` reaches it through a relation ("exercise__")."""
        return Q(**{f"{prefix}is_published": True})

    @property
    def is_draft(self) -> bool:
        return not self.is_published

    def picture_list(self) -> list["ExercisePicture"]:
        """The clinic's own pictures, in order: one query, and none for a shipped exercise
        (no clinic uploads to it), so the shipped library's pages keep their queries."""
        return [] if self.is_shipped else list(self.pictures.all())

    def figure_frames(self, side: str = figures.LEFT) -> list[figures.Frame]:
        """Our drawing of this exercise, frame by frame, for a patient's `side`."""
        return figures.frames(self.figure, side=side)

    def step_list(self):
        return _lines(self.steps)

    def cue_list(self):
        return _lines(self.cues)

    def mistake_list(self):
        return _lines(self.mistakes)


class ExercisePicture(models.Model):
    """A clinic's own picture of its own exercise: one of several, in order, each with a
    caption ("Start", "Lift") and a description for people who cannot see it. The
    exercise's main picture (`Exercise.image`) stays the one shown small in lists."""

    exercise = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="pictures", verbose_name=_("exercise")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    image = models.ImageField(_("picture"), upload_to="exercises/")
    caption = models.CharField(
        _("caption"), max_length=80, blank=True, help_text=_("A few words: “Start”, “Lift”.")
    )
    description = models.CharField(
        _("picture description"),
        max_length=250,
        help_text=_("Describe the picture for people who cannot see it."),
    )

    # The exercise's: a clinic's own (a shipped exercise gets no uploads: no clinic changes it).
    clinic_lookup = "exercise__clinic"
    shared_without_clinic = True
    reader_fields = ("caption", "description")

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.caption or self.description[:40]

    def clean(self):
        super().clean()
        # The description in one language at least; in every language (as the caption, if
        # written) once the exercise is published.
        published = bool(self.exercise_id) and self.exercise.is_published
        check_translations(self, self.reader_fields, published=published, required=("description",))


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def reading_minutes(body: str) -> int:
    return max(1, math.ceil(word_count(body) / READING_WORDS_PER_MINUTE))


class ArticleQuerySet(PublishedQuerySet):
    def for_library(self):
        return self.prefetch_related("conditions").order_by("title")

    def for_detail(self):
        """The article page: the reviewer comes in the same query."""
        return self.select_related("reviewed_by")

    def search(self, *, q: str = "", condition=None):
        qs = self
        if q:
            qs = qs.filter(written_in_any_language("title", q))
        if condition is not None:
            qs = qs.filter(conditions=condition)
        return qs


class Article(LibraryItem):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences."))
    body = models.TextField(
        _("body"), help_text=_("Markdown. Start headings at ##. HTML is not allowed.")
    )
    body_html = models.TextField(editable=False, default="")
    conditions = models.ManyToManyField(
        Condition, blank=True, related_name="articles", verbose_name=_("conditions")
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), editable=False, default=1
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clinically reviewed by"),
    )
    reviewed_on = models.DateField(_("clinically reviewed on"), null=True, blank=True)
    check_on_today = models.BooleanField(
        _("ask its questions on Today"),
        default=False,
        help_text=_(
            "The patient's Today page asks them to answer this article's questions until "
            "they have understood it (for the warning signs, say)."
        ),
    )

    objects = ArticleQuerySet.as_manager()

    reader_fields = ("title", "summary", "body")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Rendered once on save, in each language, so every page view serves stored,
        # already-clean HTML, and a reading time that is the reader's language's.
        for code in CODES:
            body = getattr(self, column("body", code)) or ""
            setattr(self, column("body_html", code), render_markdown(body))
            setattr(self, column("reading_minutes", code), reading_minutes(body) if body else None)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                *columns("body_html", "reading_minutes"),
                "body_html",
                "reading_minutes",
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("education:article", args=[self.slug])

    def clean(self):
        check_translations(self, self.reader_fields, published=not self.is_draft)

    @classmethod
    def published_q(cls, prefix: str = "") -> Q:
        """Published, as a condition; `prefix` reaches it through a relation ("article__")."""
        return Q(**{f"{prefix}status": cls.Status.PUBLISHED})

    @property
    def is_draft(self) -> bool:
        return self.status != self.Status.PUBLISHED


class ProgrammeTemplateQuerySet(LibraryQuerySet):
    def for_library(self):
        return self.select_related("condition").order_by("name")

    def for_detail(self):
        """The template page: items in order with their exercises, and the articles."""
        return self.select_related("condition").prefetch_related(
            models.Prefetch(
                "items",
                queryset=ProgrammeTemplateItem.objects.select_related("exercise").order_by(
                    "position", "pk"
                ),
            ),
            models.Prefetch("articles", queryset=Article.objects.order_by("title")),
        )

    def search(self, *, q: str = "", condition=None, region: str = ""):
        """By name, the template's condition, and the body region of any of its exercises."""
        qs = self
        if q:
            qs = qs.filter(written_in_any_language("name", q))
        if condition is not None:
            qs = qs.filter(condition=condition)
        if region:
            qs = qs.filter(
                Exists(
                    ProgrammeTemplateItem.objects.filter(
                        template=OuterRef("pk"), exercise__body_region=region
                    )
                )
            )
        return qs

    def for_assignment(self):
        return self.prefetch_related(
            models.Prefetch(
                "items", queryset=ProgrammeTemplateItem.objects.select_related("exercise")
            ),
            "articles",
        )


class ProgrammeTemplate(LibraryItem):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    purpose = models.TextField(_("purpose"))
    condition = models.ForeignKey(
        Condition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="templates",
        verbose_name=_("condition"),
    )
    phase_label = models.CharField(_("phase"), max_length=80, blank=True)
    articles = models.ManyToManyField(
        Article, blank=True, related_name="templates", verbose_name=_("articles")
    )
    # Moving on: the phase that follows, proposed to the clinician once the patient meets
    # every one of this template's criteria (`criteria`, education.models.phases).
    next_phase = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("next phase"),
        help_text=_(
            "Proposed to the clinician when the patient meets every criterion below. "
            "Nothing changes for the patient until a clinician accepts."
        ),
    )
    criteria_to_review = models.BooleanField(
        _("criteria to review"),
        default=False,
        help_text=_(
            "Suggested by the portal's team, not yet reviewed by a clinician of yours: the "
            "proposals say so."
        ),
    )

    objects = ProgrammeTemplateQuerySet.as_manager()

    reader_fields = ("name", "purpose", "phase_label")

    class Meta:
        verbose_name = _("programme template")
        verbose_name_plural = _("programme templates")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:programme", args=[self.slug])


class ProgrammeTemplateItem(DoseOverrideColumns):
    template = models.ForeignKey(ProgrammeTemplate, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(
        Exercise, on_delete=models.PROTECT, related_name="+", verbose_name=_("exercise")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)

    # The template's: shipped, or one clinic's.
    clinic_lookup = "template__clinic"
    shared_without_clinic = True

    class Meta(DoseOverrideColumns.Meta):
        verbose_name = _("programme exercise")
        verbose_name_plural = _("programme exercises")
        ordering = ["template", "position", "pk"]

    def __str__(self):
        return f"{self.template}: {self.exercise}"

    @property
    def dose(self) -> Dose:
        """The exercise's default dose with this item's overrides applied."""
        return self.dose_over(self.exercise.dose)


# The template's criteria for moving on, and an article's teach-back questions: their own
# modules, imported here so that Django and `from education.models import ...` find them.
from education.models.phases import PhaseCriterion  # noqa: E402, F401
from education.models.teach_back import ArticleAnswerChoice, ArticleQuestion  # noqa: E402, F401
