from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatientsConfig(AppConfig):
    name = "patients"
    verbose_name = _("Patients")

    def ready(self):
        from clinic import resume
        from clinic.audit import register_patient_data
        from patients import views

        resume.register("patients:pain_diary", views.resume_pain_entry)
        resume.register("patients:session_done", views.resume_session_done)

        register_patient_data(
            *(
                self.get_model(name)
                for name in (
                    "Patient",
                    "Plan",
                    "PlanItem",
                    "ArticleAssignment",
                    "SessionLog",
                    "PainEntry",
                    "Alert",
                    "Invitation",
                )
            )
        )
