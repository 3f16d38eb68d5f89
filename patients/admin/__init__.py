"""The clinicians' admin for patient data, one module per sub-domain.

Every ModelAdmin here is clinic-scoped (clinic.admin.ClinicScopedAdmin). The admin's own
pages live in patients.admin_views; what the lists and summaries read, in
patients.selectors and the models' named querysets.
"""

from patients.admin import messages, pain, patient, plan, progress  # noqa: F401 - each module registers its admins
