"""Who belongs to which clinic. Every clinic-scoped lookup starts here."""

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


def scope_to_clinic(queryset, user):
    """Only the rows of the user's own clinic; everything for a superuser; else nothing.

    Every staff-side query of a clinic-held model is narrowed here, so the rule lives in one
    place.
    """
    if user.is_superuser:
        return queryset
    clinic = staff_clinic(user)
    if clinic is None:
        return queryset.none()
    return queryset.filter(**{clinic_lookup(queryset.model): clinic.pk})
