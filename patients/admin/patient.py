"""Patients and their invitations."""

import datetime as dt

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from clinic.access import scope_to_clinic, staff_clinic
from clinic.admin import ClinicScopedAdmin, PortalChangeList, isolated
from clinic.models import Clinic, User
from patients import admin_views, extensions, handouts, selectors, services
from patients.admin.base import (
    HandoutAdminMixin,
    ReadOnlyAdmin,
    patient_name,
    sees_clinical_data,
)
from patients.forms_admin import PatientAdminForm
from patients.invitations import send_invitation
from patients.models import Invitation, Patient


def clinic_today(request):
    clinic = staff_clinic(request.user)
    return clinic.today() if clinic else timezone.localdate()


class ClinicianFilter(admin.SimpleListFilter):
    title = _("clinician")
    parameter_name = "clinician"

    def lookups(self, request, model_admin):
        staff = scope_to_clinic(User.objects.clinicians(), request.user)
        return [(str(user.pk), str(user)) for user in staff.order_by("last_name")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in {pk for pk, _name in self.lookup_choices}:
            # Only the clinicians offered: any other value is a wrong filter (a 400 page).
            raise IncorrectLookupParameters(f"not a clinician of this clinic: {self.value()!r}")
        return queryset.filter(clinician_id=self.value())


class OpenAlertsFilter(admin.SimpleListFilter):
    title = _("open alerts")
    parameter_name = "alerts"

    def lookups(self, request, model_admin):
        return [("open", _("Has open alerts")), ("none", _("No open alerts"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(open_alerts__gt=0)
        if self.value() == "none":
            return queryset.filter(open_alerts=0)
        return queryset


class InactiveFilter(admin.SimpleListFilter):
    """Patients with an active plan and no session for the clinic's number of days (the
    nudge's rule), read from the summary column `last_active_on`."""

    title = _("activity")
    parameter_name = "inactive"

    def lookups(self, request, model_admin):
        clinic = staff_clinic(request.user)
        days = (
            clinic.inactivity_days if clinic else Clinic._meta.get_field("inactivity_days").default
        )
        return [("yes", _("Inactive %(days)d+ days") % {"days": days})]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        clinic = staff_clinic(request.user)
        inactive = Q(pk__in=[])
        for each in [clinic] if clinic else Clinic.objects.all():
            cutoff = each.today() - dt.timedelta(days=each.inactivity_days)
            inactive |= Q(clinic=each, last_active_on__lte=cutoff)
        return queryset.filter(inactive)


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("week", _("Due in the next 7 days")), ("overdue", _("Overdue"))]

    def queryset(self, request, queryset):
        today = clinic_today(request)
        if self.value() == "week":
            return queryset.filter(
                review_date__gte=today, review_date__lte=today + dt.timedelta(days=7)
            )
        if self.value() == "overdue":
            return queryset.filter(review_date__lt=today)
        return queryset


class PatientChangeList(PortalChangeList):
    def get_results(self, request):
        super().get_results(request)
        if request.method == "POST":
            return  # an action on the selected rows: nothing is shown
        # The columns that need every active plan of a patient, for this page's rows only.
        self.result_list = selectors.with_list_adherence(
            list(self.result_list), today=clinic_today(request)
        )


@admin.register(Patient)
class PatientAdmin(HandoutAdminMixin, ClinicScopedAdmin):
    form = PatientAdminForm
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    list_select_related = ["user", "clinician"]
    list_per_page = 50
    actions = ["send_invitations", "print_handouts"]
    readonly_fields = ["clinical_summary"]
    handout_order = ("user__last_name", "user__first_name", "pk")

    def get_queryset(self, request):
        # Scoped by ClinicScopedAdmin, then given the list's columns.
        return super().get_queryset(request).for_admin_list()

    def get_changelist(self, request, **kwargs):
        return PatientChangeList

    def get_list_display(self, request):
        # Name and email in one column: each column costs every row of the page.
        columns = ["name", "clinician", "active_plan", "review_date_column"]
        if sees_clinical_data(request):
            columns += ["last_pain", "adherence_7d", "open_alerts_column"]
        return columns + ["is_active"]

    def get_list_filter(self, request):
        filters = [ClinicianFilter, ReviewDueFilter, "is_active"]
        if sees_clinical_data(request):
            filters[1:1] = [OpenAlertsFilter, InactiveFilter, *extensions.patient_list_filters()]
        return filters

    def get_fieldsets(self, request, obj=None):
        account = (_("Account"), {"fields": ["first_name", "last_name", "email", "language"]})
        contact = (_("Phone"), {"fields": ["phone", "phone_other", "contact_time"]})
        care = ["clinician", "date_of_birth", "conditions", "affected_side", "is_active"]
        if sees_clinical_data(request):
            care.insert(4, "staff_notes")
        fieldsets = [account, contact, (_("Care"), {"fields": care})]
        if obj is not None and sees_clinical_data(request):
            fieldsets.append((_("Progress"), {"fields": ["clinical_summary"]}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        if not sees_clinical_data(request):
            kwargs["exclude"] = ["staff_notes"]
        return super().get_form(request, obj, change, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "clinician":
            # A patient's primary clinician is a clinician or a manager, never the front desk.
            kwargs["queryset"] = User.objects.clinicians()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # A record is never deleted from here: untick "active" (which shuts the patient out
        # at once), and the retention purge deletes it, account and all, when its time comes.
        return False

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        account = form.account_values()
        if change:
            for field, value in account.items():
                setattr(obj.user, field, value)
            obj.user.save(update_fields=list(account))
            obj.save()
            services.refresh_patient_summary(obj.pk)  # their pages follow the change
            return
        clinic = obj.clinic if request.user.is_superuser and obj.clinic_id else None
        clinic = clinic or staff_clinic(request.user)
        if clinic is None:
            raise PermissionDenied
        patient = services.create_patient(
            clinic=clinic,
            **account,
            **{name: getattr(obj, name) for name in PatientAdminForm.RECORD_FIELDS},
        )
        obj.pk = patient.pk
        obj._state.adding = False
        obj.user = patient.user
        obj.clinic = patient.clinic

    @admin.display(description=_("name and email"), ordering="user__last_name")
    def name(self, obj):
        # Shown isolated (<bdi>): a name is shown as typed, never reordering what is near it.
        return format_html(
            "{}<br><small>{}</small>",
            isolated(obj.user.get_full_name() or "–"),
            isolated(obj.user.email),
        )

    @admin.display(description=_("active plan"))
    def active_plan(self, obj):
        return obj.active_plan_title or "–"

    @admin.display(description=_("review"), ordering="review_date")
    def review_date_column(self, obj):
        return obj.review_date or "–"

    @admin.display(description=_("last pain"), ordering="last_pain_at")
    def last_pain(self, obj):
        if obj.last_pain_at is None:
            return "–"
        score = "–" if obj.last_pain_score is None else obj.last_pain_score
        when = timezone.localtime(obj.last_pain_at, obj.clinic.zone)
        return format_html("{}/10 <small>({})</small>", score, f"{when:%Y-%m-%d}")

    # Shown as counted now for this page's rows; sorted by the count the services and the
    # nightly job keep on the patient: the lowest first, patients without a plan after them
    # (and the exact reverse when the column is sorted the other way).
    @admin.display(
        description=_("adherence, 7 days"), ordering=F("adherence_percent").asc(nulls_last=True)
    )
    def adherence_7d(self, obj):
        result = obj.adherence_7d
        if result is None or result.percent is None:
            return "–"
        return f"{result.percent}% ({result.done}/{result.prescribed})"

    @admin.display(description=_("open alerts"), ordering="open_alerts")
    def open_alerts_column(self, obj):
        if not obj.open_alerts:
            return "0"
        url = reverse("admin:patients_alert_changelist") + f"?patient={obj.pk}"
        return format_html('<a class="alert-count" href="{}">{}</a>', url, obj.open_alerts)

    @admin.display(description=_("summary"))
    def clinical_summary(self, obj):
        context = selectors.patient_summary(obj)
        context["sections"] = extensions.summary_sections(obj)
        return render_to_string("admin/patients/patient_summary.html", context)

    @admin.action(description=_("Send invitation to the selected patients"), permissions=["invite"])
    def send_invitations(self, request, queryset):
        sent, not_sent = 0, []
        for patient in queryset.select_related("user"):
            if send_invitation(patient=patient, sent_by=request.user).email_error is None:
                sent += 1
            else:
                not_sent.append(patient)
        if sent:
            self.message_user(
                request,
                ngettext("Invitation sent to %d patient.", "Invitations sent to %d patients.", sent)
                % sent,
                messages.SUCCESS,
            )
        if not_sent:
            self.message_user(request, admin_views.not_sent_message(not_sent), messages.ERROR)

    def has_invite_permission(self, request):
        return request.user.has_perm("patients.add_invitation")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/assign-programme/",
                view(self.assign_programme_view),
                name="patients_patient_assign_programme",
            ),
            path(
                "<path:object_id>/assign-articles/",
                view(self.assign_articles_view),
                name="patients_patient_assign_articles",
            ),
            path(
                "<path:object_id>/send-invitation/",
                view(require_POST(self.send_invitation_view)),
                name="patients_patient_send_invitation",
            ),
            *self.handout_urls(),
            *super().get_urls(),
        ]

    def assign_programme_view(self, request, object_id):
        return admin_views.assign_programme(request, self, object_id)

    def assign_articles_view(self, request, object_id):
        return admin_views.assign_articles(request, self, object_id)

    def send_invitation_view(self, request, object_id):
        return admin_views.send_patient_invitation(request, self, object_id)

    def handouts_for(self, patients):
        return [handout for patient in patients for handout in handouts.patient_handouts(patient)]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = [patient_name, "created_by", "created_at", "expires_at", "used_at", "revoked_at"]
    list_select_related = ["patient__user", "created_by"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
