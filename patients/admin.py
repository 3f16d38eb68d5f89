from django.contrib import admin

from clinic.admin import ClinicScopedAdmin
from patients.models import Alert, ArticleAssignment, PainEntry, Patient, Plan, PlanItem, SessionLog


@admin.register(Patient)
class PatientAdmin(ClinicScopedAdmin):
    list_display = ["__str__", "clinician", "is_active"]
    list_select_related = ["user", "clinician"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    autocomplete_fields = ["exercise"]


@admin.register(Plan)
class PlanAdmin(ClinicScopedAdmin):
    clinic_lookup = "patient__clinic"
    list_display = ["title", "patient", "status", "start_date", "review_date"]
    list_select_related = ["patient__user"]
    inlines = [PlanItemInline]


@admin.register(ArticleAssignment)
class ArticleAssignmentAdmin(ClinicScopedAdmin):
    clinic_lookup = "patient__clinic"
    list_display = ["article", "patient", "assigned_at", "first_read_at"]
    list_select_related = ["article", "patient__user"]


@admin.register(PainEntry)
class PainEntryAdmin(ClinicScopedAdmin):
    clinic_lookup = "patient__clinic"
    list_display = ["patient", "score", "recorded_at", "context"]
    list_select_related = ["patient__user"]


@admin.register(SessionLog)
class SessionLogAdmin(ClinicScopedAdmin):
    clinic_lookup = "patient__clinic"
    list_display = ["patient", "plan", "date", "effort"]
    list_select_related = ["patient__user", "plan"]


@admin.register(Alert)
class AlertAdmin(ClinicScopedAdmin):
    clinic_lookup = "patient__clinic"
    list_display = ["kind", "patient", "created_at", "acknowledged_at"]
    list_select_related = ["patient__user"]
