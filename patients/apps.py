from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatientsConfig(AppConfig):
    name = "patients"
    verbose_name = _("Patients")

    def ready(self):
        from django.contrib import admin

        from clinic import resume
        from clinic.audit import register_patient_data
        from patients import jobs, views  # noqa: F401 - jobs: registers the periodic jobs
        from patients.admin import pain as pain_admin
        from patients.admin import progress as progress_admin

        admin.site.add_index_context(
            lambda request: {"open_alert_count": pain_admin.open_alert_count(request)}
        )
        admin.site.add_index_context(
            lambda request: {"open_proposal_count": progress_admin.open_proposal_count(request)}
        )
        resume.register("patients:pain_diary", views.resume_pain_entry)
        resume.register("patients:session_done", views.resume_session_done)

        # Every change to these is in the audit trail, their many-to-many links included.
        for name, links in (
            ("Patient", {"conditions"}),
            ("Plan", ()),
            ("PlanItem", ()),
            ("PlanRevision", ()),
            ("ArticleAssignment", ()),
            ("SessionLog", {"items"}),
            ("PainEntry", ()),
            ("Alert", ()),
            ("Invitation", ()),
            ("PhaseProposal", ()),
            ("TeachBackAnswer", ()),
            ("ReminderPreference", ()),
        ):
            register_patient_data(self.get_model(name), m2m_fields=set(links))
