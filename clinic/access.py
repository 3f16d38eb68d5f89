"""Who belongs to which clinic. Every clinic-scoped lookup starts here."""

from django.db.models import Q

from clinic.models import Clinic, User


def staff_clinic(user: User) -> Clinic | None:
    """The clinic a staff member works for, or None (patients, superusers without one)."""
    membership = getattr(user, "staff_membership", None)
    return membership.clinic if membership else None


def user_clinic(user: User) -> Clinic | None:
    """The clinic whose name heads the page for this user."""
    if not user.is_authenticated:
        return None
    clinic = staff_clinic(user)
    if clinic is None and hasattr(user, "patient"):
        clinic = user.patient.clinic
    return clinic


def clinic_lookup(model) -> str | None:
    """The path from a model to its clinic, which each clinic-held model declares itself
    (`clinic_lookup = "patient__clinic"`); None for a model no clinic holds."""
    return getattr(model, "clinic_lookup", None)


def is_clinic_scoped(model) -> bool:
    return clinic_lookup(model) is not None


def is_shared_without_clinic(model) -> bool:
    """Whether this model's rows without a clinic are shared by every clinic.

    The library shipped with the portal (`shared_without_clinic = True` on the model): every
    clinic reads those rows, none changes them; a row with a clinic is that clinic's alone.
    """
    return getattr(model, "shared_without_clinic", False)


def clinic_q(model, clinic: Clinic | None) -> Q:
    """The rows of `model` that `clinic` may see: its own, and the shared ones.

    The one rule; without a clinic, only the shared rows (of a model that has them).
    """
    lookup = clinic_lookup(model)
    shared = is_shared_without_clinic(model)
    if clinic is None:
        return Q(**{f"{lookup}__isnull": True}) if shared else Q(pk__in=[])
    own = Q(**{lookup: clinic.pk})
    return (own | Q(**{f"{lookup}__isnull": True})) if shared else own


def scope_to_clinic(queryset, user):
    """The rows the user's clinic may see (`clinic_q`); everything for a superuser; else nothing.

    Every staff-side query of a clinic-held model is narrowed here, so the rule lives in one
    place.
    """
    if user.is_superuser:
        return queryset
    clinic = staff_clinic(user)
    if clinic is None:
        return queryset.none()
    return queryset.filter(clinic_q(queryset.model, clinic))


def may_change(user, obj) -> bool:
    """Whether the user's clinic may change or delete `obj`, a row it can see.

    A shared row (shipped with the portal, no clinic) is read-only to every clinic: a clinic
    copies it to adapt it. Every other row a staff member reaches is their clinic's own, as
    `scope_to_clinic` found it. Superusers, who keep the shared rows, may change anything.
    """
    if user.is_superuser or not is_shared_without_clinic(type(obj)):
        return True
    clinic = staff_clinic(user)
    return clinic is not None and clinic_id_of(obj) == clinic.pk


def clinic_id_of(obj) -> int | None:
    """The id of the clinic `obj` belongs to, following its model's `clinic_lookup`."""
    *hops, last = clinic_lookup(type(obj)).split("__")
    for hop in hops:
        obj = getattr(obj, hop)
        if obj is None:
            return None
    return obj.pk if last == "pk" else getattr(obj, f"{last}_id")
