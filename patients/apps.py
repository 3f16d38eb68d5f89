from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatientsConfig(AppConfig):
    name = "patients"
    verbose_name = _("Patients")

    def ready(self):
        from clinic.audit import register_patient_data

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
