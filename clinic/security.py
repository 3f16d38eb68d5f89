"""Who is knocking: the client's address and sign-in name, as lockout and rate limits see them.

django-axes calls these through settings (AXES_CLIENT_IP_CALLABLE, AXES_USERNAME_CALLABLE,
AXES_LOCKOUT_CALLABLE); the rate limits in clinic/ratelimit.py use the same address.
"""

from django.conf import settings
from django.shortcuts import render

from clinic.models import normalize_email


def client_ip(request) -> str:
    """The address a request came from.

    REMOTE_ADDR, unless DJANGO_BEHIND_TLS_PROXY says our own proxy stands in front: then the
    right-most X-Forwarded-For entry, the one that proxy appended. Entries further left are
    whatever the client chose to send, so they are never trusted.
    """
    if settings.BEHIND_TLS_PROXY:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def axes_username(request, credentials=None) -> str:
    """The sign-in name axes counts failures against: the email, as the portal stores it."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field):
        return normalize_email(credentials[field])
    data = getattr(request, "POST", None) or {}
    return normalize_email(data.get(field, ""))


def lockout_response(request, original_response=None, credentials=None):
    """The page shown after too many failed sign-ins (HTTP 429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
