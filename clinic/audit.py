"""The audit trail: one mechanism for every change to, and every look at, patient data.

Changes (create, update, delete) are recorded by django-auditlog for the models
registered in `register_patient_data`. Views, prints and exports are recorded through
`record_access`, as auditlog "access" entries in the same table, so one trail answers
"who saw or touched this patient's record, and when".
"""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.utils.translation import gettext as _

from clinic.access import clinic_lookup, staff_clinic
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


def record_access(request, obj, *, what: str, patient=None) -> LogEntry:
    """Record that the signed-in user viewed, printed or exported `obj`.

    `what` names the act ("view", "print", "export", ...); `patient` overrides whose
    record it is when `obj` is not itself tied to one patient.
    """
    data = {"what": what, **clinic_and_patient(obj)}
    if patient is not None:
        data.update(clinic=patient.clinic_id, patient=str(patient.pk))
    actor = request.user if request.user.is_authenticated else None
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=actor,
        actor_email=actor.email if actor else None,
        remote_addr=client_ip(request) or None,
        additional_data=data,
    )


def register_patient_data(model, *, m2m_fields=frozenset()) -> None:
    """Record every change to this model, each entry labelled with clinic and patient."""
    # auditlog stores what `get_additional_data` returns with each change entry; defining
    # it here keeps the labelling rule in this one module.
    model.get_additional_data = clinic_and_patient
    auditlog.register(model, m2m_fields=set(m2m_fields))


def trail_for_clinic(queryset, user):
    """The audit entries a user may review: their clinic's for a manager, all for a superuser."""
    if user.is_superuser:
        return queryset
    clinic = staff_clinic(user)
    if clinic is None or not user.has_perm("auditlog.view_logentry"):
        return queryset.none()
    return queryset.filter(additional_data__clinic=clinic.pk)


def staff_views_of(patient):
    """Which staff looked at, printed or exported this patient's data, newest first."""
    return (
        LogEntry.objects.filter(
            action=LogEntry.Action.ACCESS,
            additional_data__patient=str(patient.pk),
            actor__is_staff=True,
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )


def access_act(entry) -> str:
    """What a staff member did, in words: opened, exported or printed."""
    what = (entry.additional_data or {}).get("what") or ""
    if what == "view":
        return _("Opened")
    if isinstance(what, str) and "export" in what:
        return _("Exported")
    return _("Printed")
