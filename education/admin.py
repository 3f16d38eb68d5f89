"""The library's admin. The library is shared by every clinic, so it is not clinic-scoped:
the role permissions (clinic/roles.py) decide who edits it (clinicians and managers) and
who only reads it (front desk).
"""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from clinic.models import User
from education.forms import ExerciseAdminForm, ProgrammeTemplateItemFormSet
from education.models import (
    DOSE_FIELDS,
    Article,
    Condition,
    Exercise,
    ProgrammeTemplate,
    ProgrammeTemplateItem,
)


def condition_names(obj):
    # Reads the prefetched conditions: no query per row.
    return ", ".join(condition.name for condition in obj.conditions.all())


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "where_it_hurts"]
    search_fields = ["name", "where_it_hurts", "what_brings_it_on"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    form = ExerciseAdminForm
    list_display = ["name", "body_region", "difficulty", "conditions_column", "is_published"]
    list_filter = ["is_published", "body_region", "conditions", "difficulty", "starting_position"]
    search_fields = ["name", "slug", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["conditions", "easier_variants"]
    readonly_fields = ["harder_variants_column", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "purpose",
                    "body_region",
                    "starting_position",
                    "difficulty",
                    "equipment",
                    "is_published",
                ]
            },
        ),
        (_("Instructions"), {"fields": ["steps", "cues", "mistakes"]}),
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
        (_("Picture and video"), {"fields": ["image", "image_alt", "video_url"]}),
        (
            _("Library links"),
            {"fields": ["conditions", "easier_variants", "harder_variants_column", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("conditions")

    @admin.display(description=_("conditions"))
    def conditions_column(self, obj):
        return condition_names(obj)

    @admin.display(description=_("harder variants"))
    def harder_variants_column(self, obj):
        names = [exercise.name for exercise in obj.harder_variants.order_by("name")]
        return ", ".join(names) or _(
            "None yet. Add this exercise as an easier variant of a harder one."
        )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "reading_minutes",
        "updated_at",
        "reviewed_by",
        "reviewed_on",
    ]
    list_filter = ["status", "conditions", "reviewed_on"]
    list_select_related = ["reviewed_by"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["conditions"]
    readonly_fields = ["reading_minutes", "updated_at"]
    fields = [
        "title",
        "slug",
        "status",
        "summary",
        "body",
        "conditions",
        "reading_minutes",
        "updated_at",
        "reviewed_by",
        "reviewed_on",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reviewed_by":
            kwargs["queryset"] = User.objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ProgrammeTemplateItemInline(admin.TabularInline):
    model = ProgrammeTemplateItem
    formset = ProgrammeTemplateItemFormSet
    fields = ["position", "exercise", *DOSE_FIELDS, "note"]
    ordering = ["position", "pk"]
    autocomplete_fields = ["exercise"]
    extra = 1
    verbose_name_plural = _("exercises, in order (blank dose fields use the exercise's default)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("exercise")


@admin.register(ProgrammeTemplate)
class ProgrammeTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "phase_label", "condition", "exercise_count"]
    list_filter = ["condition", "phase_label"]
    list_select_related = ["condition"]
    search_fields = ["name", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["condition", "articles"]
    inlines = [ProgrammeTemplateItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(exercise_total=Count("items"))

    @admin.display(description=_("exercises"), ordering="exercise_total")
    def exercise_count(self, obj):
        return obj.exercise_total
