from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from clinic.access import staff_clinic
from clinic.models import Clinic, StaffMembership, User
from clinic.services import set_staff_role


class ClinicScopedAdmin(admin.ModelAdmin):
    """Shows staff only their own clinic's rows; superusers see every clinic.

    `clinic_lookup` is the path from the model to its clinic (e.g. "patient__clinic").
    """

    clinic_lookup = "clinic"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        clinic = staff_clinic(request.user)
        if clinic is None:
            return qs.none()
        return qs.filter(**{self.clinic_lookup: clinic.pk})


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
    clinic_lookup = "pk"
    list_display = ["name", "phone", "email", "time_zone"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StaffMembership)
class StaffMembershipAdmin(ClinicScopedAdmin):
    list_display = ["user", "role", "clinic"]
    list_filter = ["role"]
    list_select_related = ["user", "clinic"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            # Managers change roles within their own team; new staff accounts are
            # opened by the portal's administrators.
            kwargs["queryset"] = User.objects.filter(
                staff_membership__clinic=staff_clinic(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_exclude(self, request, obj=None):
        # A clinic manager manages their own clinic only; the clinic is not theirs to pick.
        return [] if request.user.is_superuser else ["clinic"]

    def save_model(self, request, obj, form, change):
        clinic = obj.clinic if request.user.is_superuser else staff_clinic(request.user)
        set_staff_role(user=obj.user, clinic=clinic, role=obj.role)
