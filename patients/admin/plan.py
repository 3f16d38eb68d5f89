"""Plans and their exercises, article assignments and logged sessions."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from clinic.admin import (
    BigListMixin,
    ClinicScopedAdmin,
    ClinicScopedTabularInline,
    TranslatedAdmin,
    TranslatedTabularInline,
    recent_filter,
    side_by_side,
)
from clinic.languages import columns
from education.models import DOSE_FIELDS
from patients import handouts, services
from patients.admin.base import HandoutAdminMixin, ReadOnlyAdmin, patient_name
from patients.forms_admin import PlanAdminForm
from patients.models import ArticleAssignment, Plan, PlanItem, SessionLog


class RefreshesPatientOnDelete:
    """Deleting rows a patient's pages show refreshes their summary and version (the key of
    their cached pages), as every service that writes them does."""

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.refresh_patient_summary(obj.patient_id)

    def delete_queryset(self, request, queryset):
        patients = set(queryset.values_list("patient_id", flat=True))
        super().delete_queryset(request, queryset)
        for patient_id in patients:
            services.refresh_patient_summary(patient_id)


class PlanItemInline(ClinicScopedTabularInline, TranslatedTabularInline):
    model = PlanItem
    extra = 0
    autocomplete_fields = ["exercise"]
    fields = ["position", "exercise", *DOSE_FIELDS, *columns("note"), "show_variants"]
    ordering = ["position"]


@admin.register(Plan)
class PlanAdmin(RefreshesPatientOnDelete, HandoutAdminMixin, ClinicScopedAdmin, TranslatedAdmin):
    """A patient's plan. Its title, message and notes in both languages, side by side: the
    patient reads theirs (their account's language), and the other if they change it."""

    list_display = ["title", patient_name, "status", "start_date", "review_date", "version"]
    list_filter = ["status"]
    list_select_related = ["patient__user"]
    search_fields = [*columns("title"), "patient__user__first_name", "patient__user__last_name"]
    autocomplete_fields = ["patient"]
    form = PlanAdminForm
    fields = [
        "patient",
        *side_by_side("title"),
        "status",
        "start_date",
        "review_date",
        *side_by_side("message"),
        "template",
    ]
    readonly_fields = ["template"]
    inlines = [PlanItemInline]
    actions = ["pause_plans", "complete_plans", "resume_plans", "print_handouts"]
    list_per_page = 50
    handout_order = ("patient__user__last_name", "patient__user__first_name", "start_date", "pk")

    def get_readonly_fields(self, request, obj=None):
        # A plan stays with the patient it was made for.
        return ["template", "patient", "reads_in"] if obj else ["template"]

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None:
            fields.insert(fields.index("patient") + 1, "reads_in")
        if obj is not None and self.has_change_permission(request, obj):
            fields.append("opened_version")  # the version this editor opened (PlanAdminForm)
        return fields

    @admin.display(description=_("the patient reads"))
    def reads_in(self, obj):
        return obj.patient.user.get_language_display()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.version = 0
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.record_revision(plan=form.instance, by=request.user)

    def _set_status(self, request, queryset, status):
        for plan in queryset:
            services.set_plan_status(plan=plan, status=status, by=request.user)
        self.message_user(request, _("Plans updated."), messages.SUCCESS)

    @admin.action(description=_("Pause the selected plans"), permissions=["change"])
    def pause_plans(self, request, queryset):
        self._set_status(request, queryset, Plan.Status.PAUSED)

    @admin.action(description=_("Mark the selected plans completed"), permissions=["change"])
    def complete_plans(self, request, queryset):
        self._set_status(request, queryset, Plan.Status.COMPLETED)

    @admin.action(description=_("Make the selected plans active again"), permissions=["change"])
    def resume_plans(self, request, queryset):
        self._set_status(request, queryset, Plan.Status.ACTIVE)

    def get_urls(self):
        return [*self.handout_urls(), *super().get_urls()]

    def handouts_for(self, plans):
        return handouts.plan_handouts(plans)


@admin.register(ArticleAssignment)
class ArticleAssignmentAdmin(RefreshesPatientOnDelete, ClinicScopedAdmin):
    """Who was given what to read. Articles are given from the patient's page ("Assign
    articles", through the service, published articles only); here they can be taken back."""

    list_display = [
        "article",
        patient_name,
        "assigned_by",
        "assigned_at",
        "first_read_at",
        "reading_column",
    ]
    list_filter = ["understanding"]
    list_select_related = ["article", "patient__user", "assigned_by"]
    search_fields = ["article__title", "patient__user__first_name", "patient__user__last_name"]
    fields = ["patient", "article", "assigned_by", "assigned_at", "first_read_at", "understanding"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("read and understood"), ordering="understanding")
    def reading_column(self, obj):
        """Not read, read, understood (every teach-back question right), needs review."""
        return obj.reading_state

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SessionLog)
class SessionLogAdmin(BigListMixin, ReadOnlyAdmin):
    list_display = [patient_name, "plan", "date", "effort"]
    list_filter = [recent_filter("date")]
    list_select_related = ["patient__user", "plan"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
    ordering = ["-date"]
