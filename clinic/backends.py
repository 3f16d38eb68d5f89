from django.contrib.auth.backends import ModelBackend

from clinic.models import User


class PortalBackend(ModelBackend):
    """Email and password sign-in that also honours a patient's active flag.

    Django asks `user_can_authenticate` both at sign-in and when loading the user of an
    existing session, so deactivating a patient shuts them out at once.
    """

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        patient = getattr(user, "patient", None)
        return patient is None or patient.is_active

    def get_user(self, user_id):
        # The pages every signed-in person sees need their clinic: load it with the user.
        user = (
            User.objects.select_related("patient__clinic", "staff_membership__clinic")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
