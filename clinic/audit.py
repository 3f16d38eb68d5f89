"""The audit trail: every change to, and every look at, patient data.

Changes (create, update, delete) are recorded by django-auditlog for the models
registered in `register_patient_data`, each labelled with its clinic and patient. Views,
prints and exports are recorded through `record_access` in `AccessRecord`, a table of
their own with indexed clinic, patient, actor and time columns: they are the rows that
grow fastest (every page a clinician opens adds one), and the questions asked of them
("who looked at my record", a clinic's trail) must stay quick at millions of rows.
"""

from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType

from clinic.access import clinic_lookup, staff_clinic
from clinic.models import AccessRecord
from clinic.security import client_ip


def clinic_and_patient(obj) -> dict:
    """The clinic and patient an audited object belongs to, for filtering the trail.

    Each audited model says where they are (`clinic_lookup`, `patient_lookup`).
    """
    clinic, patient = clinic_lookup(type(obj)), getattr(obj, "patient_lookup", None)
    if clinic is None or patient is None:
        return {}
    return {"clinic": _follow(obj, clinic), "patient": str(_follow(obj, patient))}


def _follow(obj, lookup: str):
    """The id at the end of a lookup path on an instance: "plan__patient_id", "clinic"."""
    *hops, last = lookup.split("__")
    for hop in hops:
        obj = getattr(obj, hop)
    if last != "pk" and not last.endswith("_id"):
        last = f"{last}_id"
    return getattr(obj, last)


def record_access(request, obj, *, what: str, patient=None) -> AccessRecord:
    """Record that the signed-in user viewed, printed or exported `obj`.

    `what` names the act (an `AccessRecord.Action`); `patient` says whose record it is when
    `obj` is not itself tied to one patient.
    """
    where = clinic_and_patient(obj)
    if patient is not None:
        where = {"clinic": patient.clinic_id, "patient": str(patient.pk)}
    actor = request.user if request.user.is_authenticated else None
    return AccessRecord.objects.create(
        clinic_id=where.get("clinic"),
        patient_id=where.get("patient"),
        actor=actor,
        actor_email=actor.email if actor else "",
        actor_is_staff=bool(actor and actor.is_staff),
        action=what,
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        object_repr=str(obj)[:200],
        remote_addr=client_ip(request) or None,
    )


def register_patient_data(model, *, m2m_fields=frozenset()) -> None:
    """Record every change to this model, each entry labelled with clinic and patient."""
    # auditlog stores what `get_additional_data` returns with each change entry; defining
    # it here keeps the labelling rule in this one module.
    model.get_additional_data = clinic_and_patient
    auditlog.register(model, m2m_fields=set(m2m_fields))


def trail_for_clinic(queryset, user):
    """The trail a user may review (changes or access records): their clinic's for a
    manager, everything for a superuser, nothing for anyone else."""
    if user.is_superuser:
        return queryset
    clinic = staff_clinic(user)
    if clinic is None or not user.has_perm("auditlog.view_logentry"):
        return queryset.none()
    if queryset.model is AccessRecord:
        return queryset.filter(clinic=clinic)
    return queryset.filter(additional_data__clinic=clinic.pk)


def staff_views_of(patient):
    """Which staff looked at, printed or exported this patient's data, newest first."""
    return (
        AccessRecord.objects.filter(patient_id=patient.pk, actor_is_staff=True)
        .select_related("actor", "content_type")
        .order_by("-at")
    )
