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


# The path from each clinic-held model to its clinic. Every staff-side query of these
# models is narrowed through `scope_to_clinic`, so the rule lives in one place.
CLINIC_PATHS = {
    "clinic.Clinic": "pk",
    "clinic.StaffMembership": "clinic",
    "clinic.User": "staff_membership__clinic",
    "patients.Patient": "clinic",
    "patients.Plan": "patient__clinic",
    "patients.PlanItem": "plan__patient__clinic",
    "patients.PlanRevision": "plan__patient__clinic",
    "patients.ArticleAssignment": "patient__clinic",
    "patients.SessionLog": "patient__clinic",
    "patients.PainEntry": "patient__clinic",
    "patients.Alert": "patient__clinic",
    "patients.Invitation": "patient__clinic",
}


def is_clinic_scoped(model) -> bool:
    return model._meta.label in CLINIC_PATHS


def scope_to_clinic(queryset, user):
    """Only the rows of the user's own clinic; everything for a superuser; else nothing."""
    if user.is_superuser:
        return queryset
    clinic = staff_clinic(user)
    if clinic is None:
        return queryset.none()
    return queryset.filter(**{CLINIC_PATHS[queryset.model._meta.label]: clinic.pk})
