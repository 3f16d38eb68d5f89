"""Who may see what in the library.

The library is shared by every clinic. Clinic staff (the people the admin lets in) browse
all of it and preview drafts; everyone else sees published exercises and articles only.
"""

from functools import wraps

from django.http import Http404

from clinic.access import staff_clinic


def is_library_staff(user) -> bool:
    """Active staff who work for a clinic, or a superuser: the same people the admin admits."""
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or staff_clinic(user) is not None


def library_staff_only(view):
    """Staff pages answer 404 to anyone else, so a patient learns nothing from them."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_library_staff(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped
