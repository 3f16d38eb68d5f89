import datetime as dt

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from clinic.access import scope_to_clinic, staff_clinic
from clinic.admin import ClinicScopedAdmin, ClinicScopedTabularInline
from clinic.models import User
from education.models import ProgrammeTemplate
from patients import handouts, services
from patients.charts import pain_chart
from patients.forms_admin import (
    AcknowledgeActionForm,
    AcknowledgeAlertForm,
    AssignArticlesForm,
    AssignProgrammeForm,
    ItemDoseFormSet,
    PatientAdminForm,
)
from patients.invitations import send_invitation
from patients.models import (
    Alert,
    ArticleAssignment,
    Invitation,
    PainEntry,
    Patient,
    Plan,
    PlanItem,
    SessionLog,
)


def clinic_today(request):
    clinic = staff_clinic(request.user)
    return clinic.today() if clinic else timezone.localdate()


def sees_clinical_data(request) -> bool:
    """Pain, alerts and notes are for clinicians and managers, never the front desk."""
    return request.user.has_perm("patients.view_painentry")


# --- Patients ------------------------------------------------------------------------------


class ClinicianFilter(admin.SimpleListFilter):
    title = _("clinician")
    parameter_name = "clinician"

    def lookups(self, request, model_admin):
        staff = scope_to_clinic(User.objects.filter(is_staff=True), request.user)
        return [(str(user.pk), str(user)) for user in staff.order_by("last_name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(clinician_id=self.value())
        return queryset


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


def patient_list_annotations(today):
    """The changelist's columns, each one subquery, so 10 or 10,000 rows cost the same."""
    active_plans = Plan.objects.filter(patient=OuterRef("pk"), status=Plan.Status.ACTIVE).order_by(
        "-start_date"
    )
    last_pain = PainEntry.objects.filter(patient=OuterRef("pk")).order_by("-recorded_at")
    week_ago = today - dt.timedelta(days=6)

    def count(queryset):
        counted = queryset.order_by().values("patient").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))

    return {
        "active_plan_title": Subquery(active_plans.values("title")[:1]),
        "active_plan_start": Subquery(active_plans.values("start_date")[:1]),
        "review_date": Subquery(active_plans.values("review_date")[:1]),
        "per_week": Subquery(
            PlanItem.objects.filter(plan__patient=OuterRef("pk"), plan__status=Plan.Status.ACTIVE)
            .order_by("-days_per_week")
            .values("days_per_week")[:1]
        ),
        "last_score": Subquery(last_pain.values("score")[:1]),
        "last_score_at": Subquery(last_pain.values("recorded_at")[:1]),
        "sessions_7d": count(
            SessionLog.objects.filter(
                patient=OuterRef("pk"),
                plan__status=Plan.Status.ACTIVE,
                date__gte=week_ago,
                date__lte=today,
            )
        ),
        "open_alerts": count(Alert.objects.open().filter(patient=OuterRef("pk"))),
    }


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

    def handout_view(self, request, object_id, output=handouts.HTML):
        if not self.has_print_handout_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        obj = self.model.objects.for_handout().get(pk=obj.pk)
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        return handouts.handout_response(
            request,
            self.handouts_for([obj]),
            output=output,
            audited=[obj],
            back_url=reverse(f"{name}_change", args=[obj.pk]),
            pdf_url=reverse(f"{name}_handout_pdf", args=[obj.pk]),
        )

    def handout_pdf_view(self, request, object_id):
        return self.handout_view(request, object_id, output=handouts.PDF)

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


@admin.register(Patient)
class PatientAdmin(HandoutAdminMixin, ClinicScopedAdmin):
    form = PatientAdminForm
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    list_select_related = ["user", "clinician"]
    list_per_page = 50
    actions = ["send_invitations", "print_handouts"]
    readonly_fields = ["clinical_summary"]

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("user", "clinician", "clinic")
        return qs.annotate(**patient_list_annotations(clinic_today(request)))

    def get_list_display(self, request):
        columns = ["name", "email", "clinician", "active_plan", "review_date_column"]
        if sees_clinical_data(request):
            columns += ["last_pain", "adherence_7d", "open_alerts_column"]
        return columns + ["is_active"]

    def get_list_filter(self, request):
        filters = [ClinicianFilter, ReviewDueFilter, "is_active"]
        if sees_clinical_data(request):
            filters.insert(1, OpenAlertsFilter)
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

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        account = form.account_values()
        if change:
            for field, value in account.items():
                setattr(obj.user, field, value)
            obj.user.save(update_fields=list(account))
            obj.save()
            return
        clinic = obj.clinic if request.user.is_superuser and obj.clinic_id else None
        clinic = clinic or staff_clinic(request.user)
        if clinic is None:
            raise PermissionDenied
        patient = services.create_patient(
            clinic=clinic,
            **account,
            **{
                f: getattr(obj, f)
                for f in (
                    "clinician",
                    "date_of_birth",
                    "affected_side",
                    "phone",
                    "phone_other",
                    "contact_time",
                )
            },
            staff_notes=obj.staff_notes,
            is_active=obj.is_active,
        )
        obj.pk = patient.pk
        obj._state.adding = False
        obj.user = patient.user
        obj.clinic = patient.clinic

    @admin.display(description=_("name"), ordering="user__last_name")
    def name(self, obj):
        return obj.user.get_full_name() or obj.user.email

    @admin.display(description=_("email"), ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("active plan"))
    def active_plan(self, obj):
        return obj.active_plan_title or "–"

    @admin.display(description=_("review"), ordering="review_date")
    def review_date_column(self, obj):
        return obj.review_date or "–"

    @admin.display(description=_("last pain"), ordering="last_score_at")
    def last_pain(self, obj):
        if obj.last_score is None:
            return "–"
        when = timezone.localtime(obj.last_score_at, obj.clinic.zone)
        return format_html("{}/10 <small>({})</small>", obj.last_score, f"{when:%Y-%m-%d}")

    @admin.display(description=_("adherence, 7 days"))
    def adherence_7d(self, obj):
        if not obj.active_plan_start or not obj.per_week:
            return "–"
        prescribed = services.prescribed_sessions(
            per_week=obj.per_week,
            start_date=obj.active_plan_start,
            today=obj.clinic.today(),
            days=7,
        )
        result = services.Adherence(days=7, done=obj.sessions_7d, prescribed=prescribed)
        return "–" if result.percent is None else f"{result.percent}% ({result.done}/{prescribed})"

    @admin.display(description=_("open alerts"), ordering="open_alerts")
    def open_alerts_column(self, obj):
        if not obj.open_alerts:
            return "0"
        url = reverse("admin:patients_alert_changelist") + f"?patient={obj.pk}"
        return format_html('<a class="alert-count" href="{}">{}</a>', url, obj.open_alerts)

    @admin.display(description=_("summary"))
    def clinical_summary(self, obj):
        return render_to_string("admin/patients/patient_summary.html", patient_summary(obj))

    # --- Actions and pages of one patient ---

    @admin.action(description=_("Send invitation to the selected patients"), permissions=["invite"])
    def send_invitations(self, request, queryset):
        sent = 0
        for patient in queryset.select_related("user"):
            send_invitation(patient=patient, sent_by=request.user)
            sent += 1
        self.message_user(
            request,
            ngettext("Invitation sent to %d patient.", "Invitations sent to %d patients.", sent)
            % sent,
            messages.SUCCESS,
        )

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

    def get_patient(self, request, object_id, permission):
        if not request.user.has_perm(permission):
            raise PermissionDenied
        patient = self.get_object(request, object_id)
        if patient is None:
            raise Http404
        return patient

    def change_url(self, patient):
        return reverse("admin:patients_patient_change", args=[patient.pk])

    # --- Handouts: the patient's active programmes and assigned articles ---

    handout_order = ("user__last_name", "user__first_name", "pk")

    def handouts_for(self, patients):
        return [handout for patient in patients for handout in handouts.patient_handouts(patient)]

    def send_invitation_view(self, request, object_id):
        patient = self.get_patient(request, object_id, "patients.add_invitation")
        send_invitation(patient=patient, sent_by=request.user)
        self.message_user(
            request,
            _("Invitation sent to %(email)s.") % {"email": patient.user.email},
            messages.SUCCESS,
        )
        return redirect(self.change_url(patient))

    def assign_programme_view(self, request, object_id):
        """Pick a template (a GET), then tailor its doses and dates (the POST)."""
        patient = self.get_patient(request, object_id, "patients.add_plan")
        today = patient.clinic.today()
        template_id = (request.POST or request.GET).get("template", "")
        template = (
            ProgrammeTemplate.objects.for_assignment().filter(pk=template_id).first()
            if template_id.isdigit()
            else None
        )
        items = list(template.items.all()) if template else []
        form = AssignProgrammeForm(
            request.POST or None,
            initial={
                "template": template,
                "start_date": today,
                "review_date": today + dt.timedelta(days=28),
            },
        )
        formset = ItemDoseFormSet(
            request.POST if request.method == "POST" else None,
            initial=[
                {"position": item.position, **{f: getattr(item.dose, f) for f in DOSE_KEYS}}
                for item in items
            ],
            prefix="items",
        )
        if formset.is_bound and formset.total_form_count() != len(items):
            # A form posted for another template's exercises: show this one's afresh.
            formset = ItemDoseFormSet(initial=formset.initial, prefix="items")
            form.add_error(
                None, _("The programme's exercises did not match. Check the doses again.")
            )
        if request.method == "POST" and form.is_valid() and formset.is_valid():
            plan = services.create_plan_from_template(
                patient=patient,
                template=form.cleaned_data["template"],
                created_by=request.user,
                start_date=form.cleaned_data["start_date"],
                review_date=form.cleaned_data["review_date"],
                message=form.cleaned_data["message"],
                dose_changes={f.cleaned_data["position"]: f.dose_values() for f in formset},
                assign_template_articles=form.cleaned_data["assign_articles"],
            )
            self.message_user(
                request,
                _("Programme “%(title)s” assigned to %(patient)s.")
                % {"title": plan.title, "patient": patient},
                messages.SUCCESS,
            )
            return redirect(self.change_url(patient))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Assign a programme to %(patient)s") % {"patient": patient},
            "patient": patient,
            "form": form,
            "formset": formset,
            "rows": list(zip(items, formset.forms, strict=True)),
            "template_chosen": template,
            "templates": ProgrammeTemplate.objects.for_library(),
        }
        return TemplateResponse(request, "admin/patients/assign_programme.html", context)

    def assign_articles_view(self, request, object_id):
        patient = self.get_patient(request, object_id, "patients.add_articleassignment")
        form = AssignArticlesForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            created = services.assign_articles(
                patient=patient, articles=form.cleaned_data["articles"], assigned_by=request.user
            )
            self.message_user(
                request,
                ngettext("%d article assigned.", "%d articles assigned.", len(created))
                % len(created),
                messages.SUCCESS,
            )
            return redirect(self.change_url(patient))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Assign articles to %(patient)s") % {"patient": patient},
            "patient": patient,
            "form": form,
        }
        return TemplateResponse(request, "admin/patients/assign_articles.html", context)


DOSE_KEYS = (
    "sets",
    "reps",
    "hold_seconds",
    "rest_seconds",
    "times_per_day",
    "days_per_week",
    "side",
)


def patient_summary(patient):
    """What a clinician reviews before an appointment, in a fixed number of queries."""
    today = patient.clinic.today()
    plans = list(Plan.objects.filter(patient=patient).with_items())
    entries = list(patient.pain_entries.order_by("-recorded_at")[:28])
    since = today - dt.timedelta(days=27)
    session_dates_by_plan = {}
    for plan_id, date in SessionLog.objects.filter(patient=patient, date__gte=since).values_list(
        "plan_id", "date"
    ):
        session_dates_by_plan.setdefault(plan_id, []).append(date)
    rows = []
    for plan in plans:
        items = list(plan.items.all())
        per_week = plan.sessions_per_week(items)
        dates = session_dates_by_plan.get(plan.pk, [])
        rows.append(
            {
                "plan": plan,
                "items": items,
                "week": services.adherence(
                    plan=plan, session_dates=dates, today=today, days=7, per_week=per_week
                ),
                "month": services.adherence(
                    plan=plan, session_dates=dates, today=today, days=28, per_week=per_week
                ),
            }
        )
    return {
        "patient": patient,
        "plans": rows,
        "assignments": list(patient.article_assignments.select_related("article")),
        "chart": pain_chart(entries, patient.clinic.zone),
        "open_alerts": list(patient.alerts.open().select_related("pain_entry")),
    }


# --- Plans ---------------------------------------------------------------------------------


class PlanItemInline(ClinicScopedTabularInline):
    model = PlanItem
    extra = 0
    autocomplete_fields = ["exercise"]
    fields = ["position", "exercise", *DOSE_KEYS, "note", "show_variants"]
    ordering = ["position"]


@admin.register(Plan)
class PlanAdmin(HandoutAdminMixin, ClinicScopedAdmin):
    list_display = ["title", "patient", "status", "start_date", "review_date", "version"]
    list_filter = ["status"]
    list_select_related = ["patient__user"]
    search_fields = ["title", "patient__user__first_name", "patient__user__last_name"]
    autocomplete_fields = ["patient"]
    fields = ["patient", "title", "status", "start_date", "review_date", "message", "template"]
    readonly_fields = ["template"]
    inlines = [PlanItemInline]
    actions = ["pause_plans", "complete_plans", "resume_plans", "print_handouts"]

    def get_readonly_fields(self, request, obj=None):
        # A plan stays with the patient it was made for.
        return ["template", "patient"] if obj else ["template"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.version = 0
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.record_revision(plan=form.instance, by=request.user)

    def _set_status(self, request, queryset, status):
        for plan in queryset:
            services.set_plan_status(plan=plan, status=status, by=request.user)
        self.message_user(request, _("Plans updated."), messages.SUCCESS)

    @admin.action(description=_("Pause the selected plans"), permissions=["change"])
    def pause_plans(self, request, queryset):
        self._set_status(request, queryset, Plan.Status.PAUSED)

    @admin.action(description=_("Mark the selected plans completed"), permissions=["change"])
    def complete_plans(self, request, queryset):
        self._set_status(request, queryset, Plan.Status.COMPLETED)

    @admin.action(description=_("Make the selected plans active again"), permissions=["change"])
    def resume_plans(self, request, queryset):
        self._set_status(request, queryset, Plan.Status.ACTIVE)

    # --- Handouts ---

    handout_order = ("patient__user__last_name", "patient__user__first_name", "start_date", "pk")

    def get_urls(self):
        return [*self.handout_urls(), *super().get_urls()]

    def handouts_for(self, plans):
        return handouts.plan_handouts(plans)


@admin.register(ArticleAssignment)
class ArticleAssignmentAdmin(ClinicScopedAdmin):
    list_display = ["article", "patient", "assigned_by", "assigned_at", "first_read_at"]
    list_select_related = ["article", "patient__user", "assigned_by"]
    search_fields = ["article__title", "patient__user__first_name", "patient__user__last_name"]
    autocomplete_fields = ["patient"]
    fields = ["patient", "article", "assigned_by", "assigned_at", "first_read_at"]
    readonly_fields = ["assigned_by", "assigned_at", "first_read_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.assigned_by = request.user
        super().save_model(request, obj, form, change)


class ReadOnlyAdmin(ClinicScopedAdmin):
    """What patients recorded themselves: staff read it, nobody edits it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PainEntry)
class PainEntryAdmin(ReadOnlyAdmin):
    list_display = ["patient", "score", "recorded_at", "context", "location", "knee"]
    # A question the patient left unanswered (only a score or a warning sign is required).
    empty_value_display = _("not said")
    list_select_related = ["patient__user"]
    list_filter = ["context"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
    date_hierarchy = "recorded_at"


@admin.register(SessionLog)
class SessionLogAdmin(ReadOnlyAdmin):
    list_display = ["patient", "plan", "date", "effort"]
    list_select_related = ["patient__user", "plan"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["patient", "created_by", "created_at", "expires_at", "used_at", "revoked_at"]
    list_select_related = ["patient__user", "created_by"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]


# --- Alerts --------------------------------------------------------------------------------


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
    title = _("patient")
    parameter_name = "patient"

    def lookups(self, request, model_admin):
        return []  # reached from the patient list's alert count, not offered as a list

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(patient_id=self.value())
        return queryset

    def has_output(self):
        return False


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
class AlertAdmin(ClinicScopedAdmin):
    list_display = ["patient", "reasons_column", "score", "recorded_at", "created_at", "status"]
    list_display_links = ["patient", "reasons_column"]
    list_filter = [AlertStatusFilter, AlertReasonFilter, AlertPatientFilter]
    list_select_related = ["patient__user", "pain_entry", "acknowledged_by"]
    search_fields = ["patient__user__first_name", "patient__user__last_name"]
    fields = ["patient", "reasons_column", "advice", "created_at"]
    readonly_fields = fields
    change_form_template = "admin/patients/alert/change_form.html"
    action_form = AcknowledgeActionForm
    actions = ["acknowledge_alerts"]

    def get_queryset(self, request):
        priority = Case(When(warning_sign=True, then=Value(0)), default=Value(1))
        # Annotated before anything orders by it (ModelAdmin.get_queryset would order first).
        alerts = Alert.objects.annotate(priority=priority)
        return scope_to_clinic(alerts, request.user)

    def get_ordering(self, request):
        return ["priority", "-created_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_acknowledge_permission(self, request):
        return request.user.has_perm("patients.change_alert")

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
            **(alert_page(alert) if alert is not None else {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def acknowledge_view(self, request, object_id):
        if not self.has_acknowledge_permission(request):
            raise PermissionDenied
        alert = self.get_object(request, object_id)
        if alert is None:
            raise Http404
        form = AcknowledgeAlertForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    self.message_user(request, error, messages.ERROR)
            return redirect("admin:patients_alert_change", alert.pk)
        done = services.acknowledge_alerts(alerts=[alert], by=request.user, **form.cleaned_data)
        if done:
            self.message_user(request, _("Alert acknowledged."), messages.SUCCESS)
        else:
            self.message_user(request, _("This alert was already acknowledged."), messages.INFO)
        return redirect("admin:patients_alert_changelist")

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


def alert_page(alert) -> dict:
    """What a clinician needs to call the patient back, in a fixed number of queries: their
    phones and best time to call, the entry, and the last 14 days of entries."""
    patient = alert.patient
    since = alert.pain_entry.recorded_at - dt.timedelta(days=ALERT_HISTORY_DAYS)
    recent = list(
        patient.pain_entries.filter(recorded_at__gte=since).order_by("-recorded_at")[:100]
    )
    return {
        "patient": patient,
        "entry": alert.pain_entry,
        "recent_entries": recent,
        "chart": pain_chart(recent, patient.clinic.zone),
        "history_days": ALERT_HISTORY_DAYS,
    }


ALERT_HISTORY_DAYS = 14


def open_alert_count(request) -> int | None:
    """For the admin index: how many of my clinic's alerts are waiting."""
    if not request.user.has_perm("patients.view_alert"):
        return None
    return scope_to_clinic(Alert.objects.open(), request.user).count()
