from auditlog.admin import LogEntryAdmin as AuditlogEntryAdmin
from auditlog.models import LogEntry as AuditLogEntry
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from clinic.access import is_clinic_scoped, scope_to_clinic, staff_clinic
from clinic.audit import record_access, trail_for_clinic
from clinic.models import Clinic, StaffMembership, User
from clinic.services import set_staff_role


class ClinicScopedMixin:
    """Staff see and pick only their own clinic's rows; superusers see every clinic.

    Covers the changelist, search, filters, change, delete and history pages (all read
    through `get_queryset`), autocomplete (answered by the target model's admin), and
    every foreign-key and many-to-many choice, so a forged id fails validation.
    """

    def get_queryset(self, request):
        return scope_to_clinic(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _scope_choices(field, db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return _scope_choices(field, db_field, request)


def _scope_choices(field, db_field, request):
    if field is not None and is_clinic_scoped(db_field.related_model):
        field.queryset = scope_to_clinic(field.queryset, request.user)
    return field


class ClinicScopedAdmin(ClinicScopedMixin, admin.ModelAdmin):
    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Opening a record of patient data is itself recorded, whoever opens it.
        if obj is not None and not add:
            record_access(request, obj, what="view")
        return super().render_change_form(request, context, add, change, form_url, obj)


class ClinicScopedTabularInline(ClinicScopedMixin, admin.TabularInline):
    pass


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = AdminUserCreationForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["first_name", "last_name", "language"]}),
        (
            _("Access"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "usable_password", "password1", "password2"]},
        ),
    ]


@admin.register(Clinic)
class ClinicAdmin(ClinicScopedAdmin):
    list_display = ["name", "phone", "email", "time_zone", "alert_threshold"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StaffMembership)
class StaffMembershipAdmin(ClinicScopedAdmin):
    list_display = ["user", "role", "clinic"]
    list_filter = ["role"]
    list_select_related = ["user", "clinic"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]

    # Managers change roles within their own team (the user choices are scoped to it);
    # new staff accounts are opened by the portal's administrators.

    def get_exclude(self, request, obj=None):
        # A clinic manager manages their own clinic only; the clinic is not theirs to pick.
        return [] if request.user.is_superuser else ["clinic"]

    def save_model(self, request, obj, form, change):
        clinic = obj.clinic if request.user.is_superuser else staff_clinic(request.user)
        set_staff_role(user=obj.user, clinic=clinic, role=obj.role)


admin.site.unregister(AuditLogEntry)


@admin.register(AuditLogEntry)
class AuditTrailAdmin(AuditlogEntryAdmin):
    """The audit trail: read-only for everyone, superusers included; managers see their clinic's.

    PostgreSQL also refuses to change or delete its rows (migration clinic 0004).
    """

    def get_queryset(self, request):
        return trail_for_clinic(super().get_queryset(request), request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or request.user.has_perm("auditlog.view_logentry")

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}
