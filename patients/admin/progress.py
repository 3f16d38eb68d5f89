"""The portal's proposals to move a patient on or back, for a clinician to accept or dismiss,
and the patients' teach-back answers."""

from django.contrib import admin
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from clinic.access import scope_to_clinic
from clinic.admin import ClinicScopedAdmin
from patients import admin_views, phases
from patients.admin.base import patient_name
from patients.forms_admin import DismissProposalForm
from patients.models import PhaseProposal


class ProposalStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*PhaseProposal.Status.choices, ("all", _("All"))]

    def choices(self, changelist):
        # Waiting is the default view: an empty choice would hide that it is filtered.
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or PhaseProposal.Status.OPEN) == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or PhaseProposal.Status.OPEN
        if value in PhaseProposal.Status.values:
            return queryset.filter(status=value)
        return queryset


class MyPatientsFilter(admin.SimpleListFilter):
    """The proposals for the patients whose primary clinician I am."""

    title = _("patients")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", _("My patients"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(patient__clinician=request.user)
        return queryset


@admin.register(PhaseProposal)
class PhaseProposalAdmin(ClinicScopedAdmin):
    list_display = [patient_name, "kind", "figures_column", "plan", "created_at", "status"]
    list_display_links = ["kind"]
    list_filter = [ProposalStatusFilter, MyPatientsFilter, "kind"]
    list_select_related = ["patient__user", "plan"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
    fields = ["patient", "plan", "kind", "to_template", "figures_column", "status", "created_at"]
    readonly_fields = fields
    ordering = ["-created_at"]
    change_form_template = "admin/patients/phaseproposal/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the record itself is the portal's; the decision is `decide`

    def has_decide_permission(self, request):
        return request.user.has_perm("patients.change_phaseproposal")

    @admin.display(description=_("what was measured"))
    def figures_column(self, obj):
        return format_html_join(
            "",
            "<div>{} {}</div>",
            (("✓" if met else "✗", words) for met, words in phases.describe_figures(obj)),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/accept/",
                view(require_POST(self.accept_view)),
                name="patients_phaseproposal_accept",
            ),
            path(
                "<path:object_id>/dismiss/",
                view(require_POST(self.dismiss_view)),
                name="patients_phaseproposal_dismiss",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "dismiss_form": DismissProposalForm(),
            "can_decide": self.has_decide_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def accept_view(self, request, object_id):
        return admin_views.accept_proposal(request, self, object_id)

    def dismiss_view(self, request, object_id):
        return admin_views.dismiss_proposal(request, self, object_id)


def open_proposal_count(request) -> int | None:
    """For the admin index: how many of my clinic's proposals wait for a clinician."""
    if not request.user.has_perm("patients.view_phaseproposal"):
        return None
    return scope_to_clinic(PhaseProposal.objects.open(), request.user).count()
