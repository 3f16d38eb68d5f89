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
