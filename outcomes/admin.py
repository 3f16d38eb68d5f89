"""The clinicians' side of outcome measures: the questionnaires (a clinic manager imports
its own from a FHIR file), when plans ask for them, and the answers (read only)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clinic.access import scope_to_clinic, staff_clinic
from clinic.admin import ClinicScopedAdmin
from clinic.audit import record_access
from outcomes import definition, services
from outcomes.forms import ImportForm
from outcomes.models import MeasureSchedule, Questionnaire, Response
from outcomes.views import download
from patients.admin.base import ReadOnlyAdmin, patient_name
from patients.models import Patient


@admin.register(Questionnaire)
class QuestionnaireAdmin(ClinicScopedAdmin):
    """A questionnaire is data, versioned: it is imported whole, never edited item by item
    (answers keep the version they were given with)."""

    list_display = ["title", "code", "version", "clinic", "mcid", "higher_is_better"]
    list_filter = ["code"]
    search_fields = ["code", "title_en", "title_fr"]
    readonly_fields = [
        "clinic",
        "code",
        "version",
        "title_en",
        "title_fr",
        "languages",
        "items",
        "scoring",
        "mcid",
        "higher_is_better",
        "rates_change",
    ]
    fields = readonly_fields

    def has_change_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        return self.import_view(request)  # "Add" imports a FHIR file

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="outcomes_questionnaire_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        clinic = staff_clinic(request.user)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            from outcomes import fhir  # pydantic's FHIR models: loaded where they are used

            upload = form.cleaned_data["file"]
            raw = upload.read(fhir.MAX_BYTES + 1)
            try:
                questionnaire = fhir.import_questionnaire(raw=raw, clinic=clinic)
            except definition.DefinitionError as error:
                for problem in error.errors:
                    form.add_error("file", problem)
            else:
                messages.success(request, _("“%(title)s” is imported.") % {"title": questionnaire})
                return redirect("admin:outcomes_questionnaire_change", questionnaire.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "title": _("Import a FHIR questionnaire"),
        }
        return TemplateResponse(request, "admin/outcomes/import.html", context)


@admin.register(MeasureSchedule)
class MeasureScheduleAdmin(ClinicScopedAdmin):
    list_display = ["questionnaire", "plan", "template", "at_start", "every_weeks", "at_discharge"]
    list_select_related = ["questionnaire", "plan", "template"]
    fields = ["questionnaire", "plan", "template", "at_start", "every_weeks", "at_discharge"]
    autocomplete_fields = ["plan"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            services.changed(obj)
            return
        # A new schedule through the one service (it sets the clinic and the day).
        created = services.attach_measure(
            questionnaire=obj.questionnaire,
            by=request.user,
            plan=obj.plan,
            template=obj.template,
            at_start=obj.at_start,
            every_weeks=obj.every_weeks,
            at_discharge=obj.at_discharge,
        )
        obj.pk, obj.clinic, obj.attached_on = created.pk, created.clinic, created.attached_on
        obj._state.adding = False

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.changed(obj)  # Today's card goes at once

    def delete_queryset(self, request, queryset):
        for schedule in queryset:  # row by row: each deletion is in the audit trail
            self.delete_model(request, schedule)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        clinic = staff_clinic(request.user)
        if clinic is not None:
            # The clinic and the day are the service's to set; `clean` needs them to run.
            form.base_fields["questionnaire"].queryset = Questionnaire.objects.for_clinic(
                clinic
            ).filter(from_pain_diary=False)
        return form


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdmin):
    """The answers, read only; a clinician corrects one by marking it as entered in error
    (kept, struck through, no longer counted) and the patient answers again."""

    list_display = [
        patient_name,
        "questionnaire",
        "score",
        "language",
        "submitted_at",
        "entered_in_error_at",
    ]
    list_select_related = ["patient__user", "questionnaire"]
    list_filter = ["questionnaire__code", ("entered_in_error_at", admin.EmptyFieldListFilter)]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
    fields = [
        "patient",
        "questionnaire",
        "plan",
        "occasion",
        "language",
        "answers",
        "score",
        "entered_in_error_at",
        "entered_in_error_by",
    ]
    readonly_fields = fields
    actions = ["mark_entered_in_error"]

    def has_mark_permission(self, request):
        return request.user.has_perm("outcomes.change_response")

    @admin.action(
        description=gettext_lazy("Mark as entered in error (the patient answers again)"),
        permissions=["mark"],
    )
    def mark_entered_in_error(self, request, queryset):
        marked = sum(
            services.mark_entered_in_error(response=response, by=request.user)
            for response in queryset
        )
        self.message_user(
            request,
            _("Marked as entered in error: %(count)s. The patient is asked to answer again.")
            % {"count": marked},
            messages.SUCCESS,
        )

    def get_urls(self):
        view = self.admin_site.admin_view(self.fhir_export)
        return [
            path("patient/<uuid:patient_id>/fhir.json", view, name="outcomes_fhir_export"),
            *super().get_urls(),
        ]

    @admin.display(description=gettext_lazy("FHIR export"))
    def fhir_export(self, request, patient_id):
        """One patient's FHIR bundle, for a clinician; another clinic's patient is a 404."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        patient = scope_to_clinic(Patient.objects.select_related("clinic"), request.user)
        patient = patient.filter(pk=patient_id).first()
        if patient is None:
            raise Http404
        record_access(request, patient, what="export_fhir")
        from outcomes import fhir

        return download(fhir.patient_bundle(patient), patient)
