"""The library's admin. Every clinic reads the shipped library and changes none of it; a
clinic's own items are its alone (clinic.access: `clinic_q`, `may_change`). The role
permissions (clinic/roles.py) decide who edits (clinicians and managers) and who only
reads (front desk). "Copy to my clinic" makes an editable copy of any item.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from clinic.access import scope_to_clinic, staff_clinic
from clinic.admin import (
    MISSING_LANGUAGE,
    ClinicScopedMixin,
    ClinicScopedTabularInline,
    MissingLanguageFilter,
    PortalAdminMixin,
    TranslatedAdmin,
    TranslatedTabularInline,
    side_by_side,
)
from clinic.languages import columns, missing_languages
from clinic.models import User
from education import services
from education.forms import (
    ExerciseAdminForm,
    ExercisePictureForm,
    ProgrammeTemplateItemFormSet,
)
from education.models import (
    DOSE_FIELDS,
    Article,
    ArticleAnswerChoice,
    ArticleQuestion,
    Condition,
    Exercise,
    ExercisePicture,
    PhaseCriterion,
    ProgrammeTemplate,
    ProgrammeTemplateItem,
)


def condition_names(obj):
    # Reads the prefetched conditions: no query per row.
    return ", ".join(condition.name for condition in obj.conditions.all())


class OwnerFilter(admin.SimpleListFilter):
    title = _("library")
    parameter_name = "owner"

    def lookups(self, request, model_admin):
        return [("shipped", _("Shipped with the portal")), ("clinic", _("Our clinic's own"))]

    def queryset(self, request, queryset):
        if self.value() == "shipped":
            return queryset.filter(clinic__isnull=True)
        if self.value() == "clinic":
            return queryset.filter(clinic__isnull=False)
        return queryset


class LibraryAdmin(ClinicScopedMixin, PortalAdminMixin, TranslatedAdmin):
    """The shipped items and the clinic's own; the shipped ones open read-only. Their text is
    edited in both languages side by side (`side_by_side`), and the list shows, and filters
    by, what is not yet written in each."""

    actions = ["copy_to_my_clinic"]

    def get_list_select_related(self, request):
        related = super().get_list_select_related(request)
        return related if related is True else [*(related or []), "clinic"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation", "owner"]

    def get_list_filter(self, request):
        return [OwnerFilter, MissingLanguageFilter, *super().get_list_filter(request)]

    @admin.display(description=_("translation"))
    def translation(self, obj):
        missing = missing_languages(obj, obj.reader_fields)
        return ", ".join(str(MISSING_LANGUAGE[code]) for code in missing) or _("Complete")

    def save_model(self, request, obj, form, change):
        if not change:
            # A clinic's new item is its own; a superuser without a clinic adds to the shipped
            # library.
            obj.clinic = staff_clinic(request.user)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("library"), ordering="clinic__name")
    def owner(self, obj):
        return obj.clinic.name if obj.clinic_id else _("Shipped")

    @admin.action(description=_("Copy to my clinic, to adapt"), permissions=["add"])
    def copy_to_my_clinic(self, request, queryset):
        clinic = staff_clinic(request.user)
        if clinic is None:
            self.message_user(
                request, _("Only a clinic's staff can copy items to their clinic."), messages.ERROR
            )
            return
        copies = [services.copy_to_clinic(item=item, clinic=clinic) for item in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d copy made for %(clinic)s: %(names)s. Edit it to adapt it.",
                "%(count)d copies made for %(clinic)s: %(names)s. Edit them to adapt them.",
                len(copies),
            )
            % {
                "count": len(copies),
                "clinic": clinic.name,
                "names": ", ".join(str(copy) for copy in copies),
            },
            messages.SUCCESS,
        )


@admin.register(Condition)
class ConditionAdmin(LibraryAdmin):
    list_display = ["name", "where_it_hurts"]
    search_fields = columns("name", "where_it_hurts", "what_brings_it_on")
    prepopulated_fields = {"slug": ["name"]}
    fields = [*side_by_side("name"), "slug", *side_by_side(*Condition.reader_fields[1:])]


class ExercisePictureInline(ClinicScopedTabularInline, TranslatedTabularInline):
    """A clinic's own pictures of its exercise, in order (a shipped one has our drawings)."""

    model = ExercisePicture
    form = ExercisePictureForm
    fields = ["position", "image", *columns("caption"), *columns("description")]
    ordering = ["position", "pk"]
    extra = 0
    verbose_name_plural = _("more pictures, in order (each with its description)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("exercise")


@admin.register(Exercise)
class ExerciseAdmin(LibraryAdmin):
    form = ExerciseAdminForm
    list_display = ["name", "body_region", "difficulty", "conditions_column", "is_published"]
    # Conditions offered are those of the exercises listed: never another clinic's.
    list_filter = [
        "is_published",
        "body_region",
        ("conditions", admin.RelatedOnlyFieldListFilter),
        "difficulty",
        "starting_position",
    ]
    search_fields = [*columns("name"), "slug", *columns("purpose")]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["conditions", "easier_variants"]
    readonly_fields = ["figure_preview", "harder_variants_column", "updated_at"]
    inlines = [ExercisePictureInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    *side_by_side("name"),
                    "slug",
                    *side_by_side("purpose"),
                    "body_region",
                    "starting_position",
                    "difficulty",
                    *side_by_side("equipment"),
                    "is_published",
                ]
            },
        ),
        (_("Instructions"), {"fields": side_by_side("steps", "cues", "mistakes")}),
        (
            _("Default dose"),
            {
                "fields": [
                    ("sets", "reps"),
                    ("hold_seconds", "rest_seconds"),
                    ("times_per_day", "days_per_week"),
                    "side",
                ]
            },
        ),
        (
            _("Picture and video"),
            {
                "fields": [
                    "figure",
                    "figure_preview",
                    "image",
                    *side_by_side("image_alt"),
                    "video_url",
                ]
            },
        ),
        (
            _("Library links"),
            {"fields": ["conditions", "easier_variants", "harder_variants_column", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("conditions")

    def get_object(self, request, object_id, from_field=None):
        exercise = super().get_object(request, object_id, from_field)
        if exercise is not None:
            # Another clinic's exercise may name this one as easier: it is not shown.
            harder = scope_to_clinic(exercise.harder_variants.order_by("name"), request.user)
            # values_list reads the editor's language, or the other where theirs is empty.
            exercise.harder_names = list(harder.values_list("name", flat=True))
        return exercise

    @admin.display(description=_("conditions"))
    def conditions_column(self, obj):
        return condition_names(obj)

    @admin.display(description=_("harder variants"))
    @admin.display(description=_("the drawing, frame by frame"))
    def figure_preview(self, obj):
        frames = obj.figure_frames() if obj is not None else []
        if not frames:
            return _("No drawing chosen.")
        # Our own drawings (education.figures), their text escaped where they are made.
        return format_html_join(
            "",
            '<figure class="figure-preview">{}<figcaption>{}. {}</figcaption></figure>',
            ((frame.svg, frame.number, frame.caption) for frame in frames),
        )

    def harder_variants_column(self, obj):
        names = getattr(obj, "harder_names", [])
        return ", ".join(names) or _(
            "None yet. Add this exercise as an easier variant of a harder one."
        )


class ArticleAnswerChoiceInline(ClinicScopedTabularInline, TranslatedTabularInline):
    model = ArticleAnswerChoice
    fields = ["position", *columns("text"), "is_correct"]
    ordering = ["position", "pk"]
    extra = 2
    max_num = 4


class OwnLibraryParentMixin:
    """A row of a library item (a template's criterion, an article's question) is added
    only to an item the clinic may change: its own, never the shipped library's."""

    parent_field = ""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == self.parent_field and not request.user.is_superuser:
            field.queryset = field.queryset.filter(clinic=staff_clinic(request.user))
        return field


@admin.register(ArticleQuestion)
class ArticleQuestionAdmin(
    OwnLibraryParentMixin, ClinicScopedMixin, PortalAdminMixin, TranslatedAdmin
):
    """An article's teach-back question (2 to 4 an article) with its answers, the right one
    ticked, why, and the paragraph to read again."""

    parent_field = "article"
    list_display = ["prompt", "article", "position"]
    list_select_related = ["article"]
    list_filter = [("article", admin.RelatedOnlyFieldListFilter)]
    search_fields = columns("prompt")
    fields = ["article", "position", *side_by_side("prompt", "explanation", "passage")]
    inlines = [ArticleAnswerChoiceInline]
    ordering = ["article", "position"]


@admin.register(PhaseCriterion)
class PhaseCriterionAdmin(
    OwnLibraryParentMixin, ClinicScopedMixin, PortalAdminMixin, admin.ModelAdmin
):
    """A programme template's criteria to move on to its next phase: every one met, the
    portal proposes the next phase to the clinician (patients.phases)."""

    parent_field = "template"
    list_display = ["template", "kind", "measure", "target", "days"]
    list_select_related = ["template"]
    list_filter = [("template", admin.RelatedOnlyFieldListFilter), "kind"]
    fields = ["template", "position", "kind", "measure", "target", "days"]
    ordering = ["template", "position"]


@admin.register(Article)
class ArticleAdmin(LibraryAdmin):
    list_display = [
        "title",
        "status",
        "reading_minutes",
        "updated_at",
        "reviewed_by",
        "reviewed_on",
    ]
    list_filter = ["status", ("conditions", admin.RelatedOnlyFieldListFilter), "reviewed_on"]
    list_select_related = ["reviewed_by"]
    search_fields = [*columns("title"), "slug", *columns("summary")]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["conditions"]
    readonly_fields = ["reading_minutes", "updated_at"]
    fields = [
        *side_by_side("title"),
        "slug",
        "status",
        *side_by_side("summary", "body"),
        "conditions",
        "reading_minutes",
        "updated_at",
        "reviewed_by",
        "reviewed_on",
        "check_on_today",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reviewed_by":
            # A clinical review is a clinician's (or a manager's), of the clinic's own staff.
            kwargs["queryset"] = User.objects.clinicians()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ProgrammeTemplateItemInline(ClinicScopedTabularInline, TranslatedTabularInline):
    model = ProgrammeTemplateItem
    formset = ProgrammeTemplateItemFormSet
    fields = ["position", "exercise", *DOSE_FIELDS, *columns("note")]
    ordering = ["position", "pk"]
    autocomplete_fields = ["exercise"]
    extra = 1
    verbose_name_plural = _("exercises, in order (blank dose fields use the exercise's default)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("exercise")


@admin.register(ProgrammeTemplate)
class ProgrammeTemplateAdmin(LibraryAdmin):
    list_display = ["name", "phase_label", "condition", "exercise_count"]
    list_filter = [("condition", admin.RelatedOnlyFieldListFilter), "phase_label"]
    list_select_related = ["condition"]
    search_fields = columns("name", "purpose")
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["condition", "articles", "next_phase"]
    fields = [
        *side_by_side("name"),
        "slug",
        *side_by_side("purpose", "phase_label"),
        "condition",
        "articles",
        "next_phase",
        "criteria_column",
        "criteria_to_review",
    ]
    readonly_fields = ["criteria_column"]
    inlines = [ProgrammeTemplateItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(exercise_total=Count("items"))

    @admin.display(description=_("criteria to move on"))
    def criteria_column(self, obj):
        """Its criteria (edited under "Criteria to move on to the next phase")."""
        if obj is None or obj.pk is None:
            return "–"
        return format_html_join(
            "", "<div>{}</div>", ((criterion.describe(),) for criterion in obj.criteria.all())
        ) or _("None: no proposal is made.")

    @admin.display(description=_("exercises"), ordering="exercise_total")
    def exercise_count(self, obj):
        return obj.exercise_total
