"""What patients record about their pain, and the alerts it raises."""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Prefetch
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from clinic.access import scope_to_clinic
from clinic.admin import BigListMixin, ClinicScopedAdmin, parse_id, recent_filter
from patients import admin_views, selectors, services
from patients.admin.base import ReadOnlyAdmin, patient_name
from patients.forms_admin import AcknowledgeActionForm, AcknowledgeAlertForm
from patients.models import Alert, OutgoingMessage, PainEntry, Patient


@admin.register(PainEntry)
class PainEntryAdmin(BigListMixin, ReadOnlyAdmin):
    list_display = [patient_name, "score", "recorded_at", "context", "location", "knee"]
    # A question the patient left unanswered (only a score or a warning sign is required).
    empty_value_display = _("not said")
    list_select_related = ["patient__user"]
    list_filter = [recent_filter("recorded_at"), "context"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
    ordering = ["-recorded_at"]


class AlertStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", _("Open")), ("acknowledged", _("Acknowledged")), ("all", _("All"))]

    def choices(self, changelist):
        # Open is the default view: an empty choice would hide that it is filtered.
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or "open") == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or "open"
        if value == "open":
            return queryset.open()
        if value == "acknowledged":
            return queryset.filter(acknowledged_at__isnull=False)
        return queryset


class AlertPatientFilter(admin.SimpleListFilter):
    """One patient's alerts, reached from the patient list's alert count (`?patient=`)."""

    title = _("patient")
    parameter_name = "patient"

    def lookups(self, request, model_admin):
        if self.value() is None:
            return []  # not offered as a list: one patient's alerts are reached by their count
        pk = parse_id(Patient, self.value())
        patients = scope_to_clinic(Patient.objects.filter(pk=pk), request.user) if pk else []
        choices = [(str(patient.pk), str(patient)) for patient in patients]
        if not choices:
            raise IncorrectLookupParameters(f"not a patient of this clinic: {self.value()!r}")
        return choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(patient_id=self.value())
        return queryset


class AlertReasonFilter(admin.SimpleListFilter):
    title = _("reason")
    parameter_name = "reason"

    def lookups(self, request, model_admin):
        return [(name, Alert._meta.get_field(name).verbose_name) for name in ALERT_REASONS]

    def queryset(self, request, queryset):
        if self.value() in ALERT_REASONS:
            return queryset.filter(**{self.value(): True})
        return queryset


ALERT_REASONS = ("warning_sign", "high_score", "rising")


@admin.register(Alert)
class AlertAdmin(BigListMixin, ClinicScopedAdmin):
    # The entry's time, not also the alert's: they are the same minute (and a column costs
    # every row of the page).
    list_display = [patient_name, "reasons_column", "score", "recorded_at", "status", "emails"]
    list_display_links = ["reasons_column"]
    list_filter = [AlertStatusFilter, AlertReasonFilter, AlertPatientFilter]
    list_select_related = ["patient__user", "pain_entry", "acknowledged_by"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
    fields = ["patient", "reasons_column", "advice", "created_at", "emails"]
    readonly_fields = fields
    change_form_template = "admin/patients/alert/change_form.html"
    action_form = AcknowledgeActionForm
    actions = ["acknowledge_alerts"]

    # Warning signs first, then the newest: the order of the clinic's queue index.
    ordering = ["-warning_sign", "-created_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_acknowledge_permission(self, request):
        return request.user.has_perm("patients.change_alert")

    def get_queryset(self, request):
        # Each alert's emails, for the list's column: one query for the whole page.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("messages", queryset=OutgoingMessage.objects.order_by("created_at"))
            )
        )

    @admin.display(description=_("emails"))
    def emails(self, obj):
        """How each email about the alert went: to whom, its state, its failed attempts."""
        messages_ = obj.messages.all()
        if not messages_:
            return "–"
        return format_html_join(
            "",
            "<div>{}: {} <bdi>{}</bdi> – {}</div>",
            (
                (message.get_kind_display(), _("to"), message.to, delivery_state(message))
                for message in messages_
            ),
        )

    @admin.display(description=_("reasons"))
    def reasons_column(self, obj):
        return "; ".join(obj.reasons)

    @admin.display(description=_("score"), ordering="pain_entry__score")
    def score(self, obj):
        return "–" if obj.pain_entry.score is None else f"{obj.pain_entry.score}/10"

    @admin.display(description=_("when"), ordering="pain_entry__recorded_at")
    def recorded_at(self, obj):
        return obj.pain_entry.recorded_at

    @admin.display(description=_("status"), ordering="acknowledged_at")
    def status(self, obj):
        if obj.acknowledged_at is None:
            return _("Open")
        return _("%(outcome)s (%(who)s)") % {
            "outcome": obj.get_outcome_display(),
            "who": obj.acknowledged_by,
        }

    def get_urls(self):
        return [
            path(
                "<path:object_id>/acknowledge/",
                self.admin_site.admin_view(require_POST(self.acknowledge_view)),
                name="patients_alert_acknowledge",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        alert = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "acknowledge_form": AcknowledgeAlertForm(),
            "can_acknowledge": self.has_acknowledge_permission(request),
            **(selectors.alert_page(alert) if alert is not None else {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def acknowledge_view(self, request, object_id):
        return admin_views.acknowledge_alert(request, self, object_id)

    @admin.action(description=_("Acknowledge the selected alerts"), permissions=["acknowledge"])
    def acknowledge_alerts(self, request, queryset):
        form = AcknowledgeAlertForm(request.POST)
        if not form.is_valid():
            self.message_user(
                request,
                _("Choose what you did (the outcome) to acknowledge alerts."),
                messages.ERROR,
            )
            return
        done = services.acknowledge_alerts(alerts=queryset, by=request.user, **form.cleaned_data)
        self.message_user(
            request,
            ngettext("%d alert acknowledged.", "%d alerts acknowledged.", len(done)) % len(done),
            messages.SUCCESS,
        )


def delivery_state(message) -> str:
    """ "Sent", "Failed, will retry (2 failed attempts)"...: the state and the failures."""
    state = message.get_state_display()
    if not message.failures:
        return str(state)
    return ngettext(
        "%(state)s (%(count)d failed attempt)",
        "%(state)s (%(count)d failed attempts)",
        message.failures,
    ) % {"state": state, "count": message.failures}


def open_alert_count(request) -> int | None:
    """For the admin index: how many of my clinic's alerts are waiting."""
    if not request.user.has_perm("patients.view_alert"):
        return None
    return scope_to_clinic(Alert.objects.open(), request.user).count()
