from django.utils.functional import SimpleLazyObject

from clinic.access import user_clinic


def portal(request):
    # Lazy, so pages that never show the header pay no query for it.
    return {"current_clinic": SimpleLazyObject(lambda: user_clinic(request.user))}
