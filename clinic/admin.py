import datetime as dt
from functools import cached_property

from auditlog.admin import LogEntryAdmin as AuditlogEntryAdmin
from auditlog.models import LogEntry as AuditLogEntry
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.access import is_clinic_scoped, scope_to_clinic, staff_clinic
from clinic.audit import record_access, trail_for_clinic
from clinic.models import AccessRecord, Clinic, StaffMembership, User
from clinic.services import set_staff_role


class CappedPaginator(Paginator):
    """Counts a big list up to CAP rows, not to the millions: counting a clinic's whole
    audit trail or pain entries cost more than the page itself. Past the cap, the list says
    "more than" (templates/admin/capped_change_list.html) and the filters narrow it."""

    CAP = 10_000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.CAP


class BigListMixin:
    """For the changelists of the tables that grow without end: a capped count, no
    "(N total)" second count, and a date filter that starts at the recent rows."""

    paginator = CappedPaginator
    show_full_result_count = False
    # A page a clinician reads; each row costs the admin's rendering about a millisecond.
    list_per_page = 50
    change_list_template = "admin/capped_change_list.html"


def recent_filter(field: str, *, default: str = "30"):
    """A list filter on `field`: the last 7 or 30 days or the last year (`default` chosen
    when none is), or everything. Served by the table's (clinic, -field) index."""

    class RecentFilter(admin.SimpleListFilter):
        title = _("when")
        parameter_name = "recent"

        def lookups(self, request, model_admin):
            return [
                ("7", _("Last 7 days")),
                ("30", _("Last 30 days")),
                ("365", _("Last year")),
                ("all", _("All")),
            ]

        def choices(self, changelist):
            # A default that is a real filter: an empty choice would hide it.
            for value, label in self.lookup_choices:
                yield {
                    "selected": (self.value() or default) == value,
                    "query_string": changelist.get_query_string({self.parameter_name: value}),
                    "display": label,
                }

        def queryset(self, request, queryset):
            value = self.value() or default
            if value not in {"7", "30", "365"}:
                return queryset
            since = timezone.now() - dt.timedelta(days=int(value))
            if isinstance(queryset.model._meta.get_field(field), models.DateTimeField):
                return queryset.filter(**{f"{field}__gte": since})
            return queryset.filter(**{f"{field}__gte": since.date()})

    return RecentFilter


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
class AuditTrailAdmin(BigListMixin, AuditlogEntryAdmin):
    """The changes to patient data: read-only for everyone, superusers included; managers
    see their clinic's. PostgreSQL also refuses to change or delete its rows (migration
    clinic 0004). No date hierarchy or resource-type filter: each scanned the whole table.
    """

    date_hierarchy = None
    list_filter = ["action", recent_filter("timestamp")]
    search_fields = ["object_repr", "actor_email"]
    ordering = ["-timestamp"]

    def get_queryset(self, request):
        return trail_for_clinic(super().get_queryset(request), request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or request.user.has_perm("auditlog.view_logentry")

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}


@admin.register(AccessRecord)
class AccessRecordAdmin(BigListMixin, admin.ModelAdmin):
    """Who opened, printed or exported a patient's data: a manager reviews their clinic's."""

    list_display = ["at", "actor_email", "action", "content_type", "object_repr", "remote_addr"]
    list_filter = ["action", recent_filter("at")]
    list_select_related = ["content_type"]
    search_fields = ["actor_email", "object_repr"]
    ordering = ["-at"]

    def get_queryset(self, request):
        return trail_for_clinic(super().get_queryset(request), request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or request.user.has_perm("auditlog.view_logentry")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}
