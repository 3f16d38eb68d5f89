"""Who a patient page is for. Every patient view starts with `get_patient(request)`."""

from django.http import Http404

from patients.models import Patient


def get_patient(request) -> Patient:
    """The signed-in patient (clinic loaded), or 404 for anyone else, staff included.

    A patient page never takes the patient from the URL: every object it shows is then
    looked up among this patient's own rows, so another patient's id is simply not found.
    """
    user = request.user
    if not user.is_authenticated or user.is_staff:
        raise Http404
    # `PortalBackend.get_user` loads the patient and clinic with the user: no query here.
    patient = getattr(user, "patient", None)
    if patient is None or not patient.is_active:
        raise Http404
    return patient
