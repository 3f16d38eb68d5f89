from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.shortcuts import resolve_url
from django.utils import translation


class UserLanguageMiddleware:
    """Show a signed-in person the portal in the language on their account."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class PortalLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Deny by default, and send everyone to the one sign-in page (the admin's included)."""

    def get_login_url(self, view_func):
        return resolve_url(settings.LOGIN_URL)
