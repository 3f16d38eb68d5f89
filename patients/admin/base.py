"""Pieces the patient-data admins share."""

from django.contrib import admin, messages
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from clinic.admin import ClinicScopedAdmin, isolated
from patients import admin_views, handouts


@admin.display(description=_("patient"), ordering="patient__user__last_name")
def patient_name(obj):
    """The list column of a row's patient, their name isolated (clinic.admin.isolated)."""
    return isolated(obj.patient)


def sees_clinical_data(request) -> bool:
    """Pain, alerts and notes are for clinicians and managers, never the front desk."""
    return request.user.has_perm("patients.view_painentry")


class ReadOnlyAdmin(ClinicScopedAdmin):
    """What patients recorded themselves: staff read it, nobody edits it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HandoutAdminMixin:
    """Print page and PDF of one record, and one PDF for a batch (e.g. a morning's list).

    The record comes through `get_object`, so another clinic's is a 404; a batch with any
    id outside the clinic prints nothing (handouts.selected_ids).
    """

    handout_order: tuple[str, ...] = ("pk",)

    def handouts_for(self, objects):
        raise NotImplementedError

    def handout_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/handout/",
                view(require_safe(self.handout_view)),
                name=f"{name}_handout",
            ),
            path(
                "<path:object_id>/handout.pdf",
                view(require_safe(self.handout_pdf_view)),
                name=f"{name}_handout_pdf",
            ),
        ]

    def has_print_handout_permission(self, request):
        return request.user.has_perm("patients.print_handout")

    def handout_view(self, request, object_id):
        return admin_views.handout(request, self, object_id, output=handouts.HTML)

    def handout_pdf_view(self, request, object_id):
        return admin_views.handout(request, self, object_id, output=handouts.PDF)

    @admin.action(
        description=_("Print handouts for the selected %(verbose_name_plural)s (one PDF)"),
        permissions=["print_handout"],
    )
    def print_handouts(self, request, queryset):
        ids = handouts.selected_ids(request, queryset)
        if len(ids) > handouts.MAX_BATCH:
            self.message_user(request, handouts.too_many_message(), messages.ERROR)
            return None
        objects = list(
            self.model.objects.for_handout().filter(pk__in=ids).order_by(*self.handout_order)
        )
        return handouts.handout_response(
            request, self.handouts_for(objects), output=handouts.BATCH_PDF, audited=objects
        )
