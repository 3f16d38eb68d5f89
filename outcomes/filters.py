"""The patient list's "questionnaire due / overdue" filter (patients.extensions)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.access import staff_clinic
from outcomes import selectors


class MeasureDueFilter(admin.SimpleListFilter):
    title = _("questionnaires")
    parameter_name = "measure"

    def lookups(self, request, model_admin):
        return [("due", _("Questionnaire due")), ("overdue", _("Questionnaire overdue"))]

    def queryset(self, request, queryset):
        if self.value() not in ("due", "overdue"):
            return queryset
        clinic = staff_clinic(request.user)
        today = clinic.today() if clinic else timezone.localdate()
        # Three queries whatever the list's size: the plans, their measures, the answers.
        due = selectors.due_for(queryset.order_by().values("pk"), today)
        if self.value() == "overdue":
            due = [d for d in due if d.overdue]
        return queryset.filter(pk__in={d.plan.patient_id for d in due})
