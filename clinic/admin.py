import datetime as dt
import unicodedata
from functools import cached_property

from auditlog.admin import LogEntryAdmin as AuditlogEntryAdmin
from auditlog.models import LogEntry as AuditLogEntry
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from clinic.access import is_clinic_scoped, may_change, scope_to_clinic, staff_clinic
from clinic.audit import record_access, trail_for_clinic
from clinic.forms import AccountChangeForm, AccountCreationForm
from clinic.languages import CODES, columns, missing_q
from clinic.models import AccessRecord, Clinic, StaffMembership, User
from clinic.services import set_staff_role

# What Python and Django raise for a value a lookup cannot use: "abc" for an id, a year past
# 9999, a number too long to read, a malformed UUID.
MALFORMED = (ValueError, TypeError, OverflowError, ValidationError)
# A search longer than this is refused: each word becomes a condition on every search field.
SEARCH_MAX_WORDS = 10
SEARCH_MAX_LENGTH = 200


def isolated(text):
    """Text shown in its own direction: a right-to-left name (or a forged direction mark in
    one) never reorders the columns and words around it."""
    return format_html("<bdi>{}</bdi>", text)


def parse_id(model, value):
    """`value` as an id of `model`, or None if it cannot be one (junk, "²", too large)."""
    field = model._meta.pk
    try:
        pk = field.to_python(value)
        field.run_validators(pk)
    except MALFORMED:
        return None
    return pk


class WrongFilter(Exception):
    """A list's address holds a filter value the list cannot use."""


class PortalChangeList(ChangeList):
    """A list whose address holds a value its filters cannot use raises IncorrectLookupParameters
    (which PortalAdminMixin answers with a 400 page saying so), never a server error.

    Every filter is given its value before the list answers, so one bad value does not keep
    another filter from being checked.
    """

    def get_filters(self, request):
        specs, *rest = super().get_filters(request)
        for spec in specs:
            spec.queryset = self._recording(spec.queryset)
        return (specs, *rest)

    def _recording(self, apply):
        def applied(request, queryset):
            try:
                return apply(request, queryset)
            except (IncorrectLookupParameters, *MALFORMED) as error:
                self.malformed.append(error)
                return queryset

        return applied

    def get_queryset(self, request, exclude_parameters=None):
        self.malformed = []
        try:
            queryset = super().get_queryset(request, exclude_parameters)
        except MALFORMED as error:
            raise IncorrectLookupParameters(error) from error
        if self.malformed:
            raise IncorrectLookupParameters(self.malformed[0])
        return queryset

    def get_results(self, request):
        try:
            super().get_results(request)
        except OverflowError:
            # An id past what SQLite can store, in a filter: no row has it (PostgreSQL
            # finds none either).
            self.queryset = self.queryset.none()
            super().get_results(request)


class PortalAdminMixin:
    """What every admin of the portal does with input it cannot use: refuse it plainly.

    - A list filters only by what its own filters offer (a typed address cannot filter by a
      column the page does not show, such as staff notes), and a value they cannot use is a
      400 page that says so (`PortalChangeList`).
    - An action posted with an id that is not one refuses to run and says so.
    - A search is compared in one Unicode form (NFC), so "Rémy" typed with a combining
      accent finds Rémy, and a search too long to run is refused with a message.
    """

    def get_changelist(self, request, **kwargs):
        return PortalChangeList

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except IncorrectLookupParameters as error:
            # Django would redirect to the whole list with "?e=1", silently dropping the
            # filter: the person would take it for the filtered list.
            raise WrongFilter from error

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except WrongFilter:
            return TemplateResponse(
                request,
                "admin/wrong_filter.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.opts,
                    "title": _("Filter not understood"),
                },
                status=400,
            )

    def lookup_allowed(self, lookup, value, request):
        offered = self.offered_lookups(request)
        if not any(lookup == path or lookup.startswith(path + LOOKUP_SEP) for path in offered):
            return False
        return super().lookup_allowed(lookup, value, request)

    def offered_lookups(self, request) -> set[str]:
        """The query-string names this list's filters and date hierarchy read."""
        paths = set()
        for entry in self.get_list_filter(request):
            if isinstance(entry, str):
                paths.add(entry)
            elif isinstance(entry, (tuple, list)):
                paths.add(entry[0] if isinstance(entry[0], str) else entry[0].name)
            else:
                paths.add(entry.parameter_name)
        if self.date_hierarchy:
            paths.add(self.date_hierarchy)
        return paths

    def get_search_results(self, request, queryset, search_term):
        search_term = unicodedata.normalize("NFC", search_term)
        if len(search_term) > SEARCH_MAX_LENGTH or len(search_term.split()) > SEARCH_MAX_WORDS:
            self.message_user(
                request,
                _("Search for at most %(words)d words (%(length)d characters).")
                % {"words": SEARCH_MAX_WORDS, "length": SEARCH_MAX_LENGTH},
                messages.WARNING,
            )
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if any(parse_id(self.model, value) is None for value in selected):
            self.message_user(
                request,
                _("The selection could not be read, so nothing was done. Tick the rows again."),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)


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
            if value == "all":
                return queryset
            if value not in {"7", "30", "365"}:
                raise IncorrectLookupParameters(f"not a period this list offers: {value!r}")
            since = timezone.now() - dt.timedelta(days=int(value))
            if isinstance(queryset.model._meta.get_field(field), models.DateTimeField):
                return queryset.filter(**{f"{field}__gte": since})
            return queryset.filter(**{f"{field}__gte": since.date()})

    return RecentFilter


# --- Text in both languages -----------------------------------------------------------------


def side_by_side(*fields: str) -> list[tuple[str, ...]]:
    """Fieldset rows for translated fields: each field's languages on one line, English
    beside French, so an editor writes one while reading the other."""
    return [tuple(columns(field)) for field in fields]


class TranslatedFieldsMixin:
    """For a modeltranslation admin: no language is required by the form itself. The model
    says what is (`clinic.languages.check_translations` in its `clean`): a clinic may write
    a draft in French alone, and a published item in both."""

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        if hasattr(db_field, "translated_field"):
            field.required = False


class TranslatedAdmin(TranslatedFieldsMixin, TranslationAdmin):
    pass


class TranslatedTabularInline(TranslatedFieldsMixin, TranslationTabularInline):
    pass


MISSING_LANGUAGE = {"en": _("Missing English"), "fr": _("Missing French")}


class MissingLanguageFilter(admin.SimpleListFilter):
    """ "Missing French" / "Missing English": the rows of a translated model (with
    `reader_fields`) whose text is written in one language and not the other, or not at all."""

    title = _("translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, MISSING_LANGUAGE[code]) for code in CODES]

    def queryset(self, request, queryset):
        language = self.value()
        if language is None:
            return queryset
        if language not in CODES:
            raise IncorrectLookupParameters(f"not a language: {language!r}")
        model = queryset.model
        return queryset.filter(missing_q(model, model.reader_fields, language))


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

    # A row seen but not the clinic's own (the shipped library) opens read-only; changing
    # or deleting it is refused (clinic.access.may_change).
    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj))


def _scope_choices(field, db_field, request):
    if field is not None and is_clinic_scoped(db_field.related_model):
        field.queryset = scope_to_clinic(field.queryset, request.user)
    return field


class ClinicScopedAdmin(ClinicScopedMixin, PortalAdminMixin, admin.ModelAdmin):
    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Opening a record of patient data is itself recorded, whoever opens it.
        if obj is not None and not add:
            record_access(request, obj, what="view")
        return super().render_change_form(request, context, add, change, form_url, obj)


class ClinicScopedTabularInline(ClinicScopedMixin, admin.TabularInline):
    """Rows inside a record: changed with it, so only where the record may be (`obj` is
    the record the inline is in)."""

    def has_add_permission(self, request, obj=None):
        allowed = super().has_add_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj))


@admin.register(User)
class UserAdmin(ClinicScopedMixin, PortalAdminMixin, DjangoUserAdmin):
    """Accounts, for the portal's administrators (no clinic role may open them); scoped like
    every other admin all the same, so a staff member given the permission by mistake
    would see only their own clinic's staff."""

    form = AccountChangeForm
    add_form = AccountCreationForm
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
    list_display = [
        "name",
        "phone",
        "email",
        "time_zone",
        "alert_threshold",
        "escalation_hours",
        "inactivity_days",
    ]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StaffMembership)
class StaffMembershipAdmin(ClinicScopedAdmin):
    list_display = ["user", "role", "clinic", "weekly_digest"]
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
        set_staff_role(user=obj.user, clinic=clinic, role=obj.role, weekly_digest=obj.weekly_digest)


admin.site.unregister(AuditLogEntry)


@admin.register(AuditLogEntry)
class AuditTrailAdmin(BigListMixin, PortalAdminMixin, AuditlogEntryAdmin):
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
class AccessRecordAdmin(BigListMixin, PortalAdminMixin, admin.ModelAdmin):
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


# The other apps' admins, under the portal's own input rules (PortalAdminMixin).
for _model, _admin_class in [
    (Group, DjangoGroupAdmin),
    (TOTPDevice, TOTPDeviceAdmin),
    (StaticDevice, StaticDeviceAdmin),
    # The task queue's rows (superusers only: no role has their permissions).
    (DBTaskResult, DBTaskResultAdmin),
]:
    admin.site.unregister(_model)
    admin.site.register(_model, type(_admin_class.__name__, (PortalAdminMixin, _admin_class), {}))
