"""The audit trail: one mechanism for every change to, and every look at, patient data.

Changes (create, update, delete) are recorded by django-auditlog for the models
registered in `register_patient_data`. Views, prints and exports are recorded through
`record_access`, as auditlog "access" entries in the same table, so one trail answers
"who saw or touched this patient's record, and when".
"""

from auditlog.models import LogEntry
from auditlog.registry import auditlog


def clinic_and_patient(obj) -> dict:
    """The clinic and patient an audited object belongs to, for filtering the trail."""
    patient = obj if obj._meta.label == "patients.Patient" else getattr(obj, "patient", None)
    if patient is None and hasattr(obj, "plan"):
        patient = obj.plan.patient
    if patient is None:
        return {}
    return {"clinic": patient.clinic_id, "patient": str(patient.pk)}


def record_access(request, obj, *, what: str, patient=None) -> LogEntry:
    """Record that the signed-in user viewed, printed or exported `obj`.

    `what` names the act ("view", "print", "export", ...); `patient` overrides whose
    record it is when `obj` is not itself tied to one patient.
    """
    data = {"what": what, **clinic_and_patient(obj)}
    if patient is not None:
        data.update(clinic=patient.clinic_id, patient=str(patient.pk))
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=request.user if request.user.is_authenticated else None,
        remote_addr=request.META.get("REMOTE_ADDR"),
        additional_data=data,
    )


def register_patient_data(*models) -> None:
    for model in models:
        auditlog.register(model)
