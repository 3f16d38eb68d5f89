import time

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from clinic import resume
from clinic.access import user_clinic
from clinic.security import client_ip


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

    def handle_no_permission(self, request, view_func):
        # A form sent from a page whose session has gone (signed out in another tab, say):
        # kept for its owner's next sign-in.
        if resume.keep(request):
            messages.warning(request, KEPT_MESSAGE)
            return redirect(settings.LOGIN_URL)
        return super().handle_no_permission(request, view_func)


KEPT_MESSAGE = _(
    "Please sign in again. What you just sent is kept, and will be sent once you have."
)


class ClinicTimeZoneMiddleware:
    """Pages run on the clinic's clock: the times shown and the times typed.

    For a patient, "today", the pain form's default time and the diary's dates then agree
    with their clinic's calendar; for staff, the admin shows times as the clinic lives them,
    whatever the server's own time zone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        clinic = user_clinic(user) if user is not None else None
        if clinic is None:
            return self.get_response(request)
        with timezone.override(clinic.zone):
            return self.get_response(request)


# Session keys of the session clock (seconds since the epoch).
SIGNED_IN_AT = "portal_signed_in_at"
LAST_SEEN = "portal_last_seen"
# Activity is written to the session at most once a minute, so that a page does not cost a
# session write per request: idle time is measured to within that minute.
ACTIVITY_GRANULARITY = 60


def start_session_clock(sender, request, user, **kwargs):
    """On every sign-in (connected to user_logged_in in ClinicConfig.ready)."""
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


class SessionTimeoutMiddleware:
    """Sign a person out after a while without activity, and a fixed time after sign-in.

    Staff after DJANGO_STAFF_IDLE_MINUTES idle, patients after DJANGO_PATIENT_IDLE_MINUTES,
    everyone DJANGO_SESSION_MAX_HOURS after signing in, active or not. Every response to a
    signed-in person is marked `Cache-Control: no-store`: the pages hold personal data, and
    neither the browser's back button nor a shared proxy may keep them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = SESSION_KEY in request.session
        response = self.get_response(request)
        if signed_in or SESSION_KEY in request.session:
            add_never_cache_headers(response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Here, not in __call__: the CSRF check has passed, so a post kept for after the next
        # sign-in (clinic.resume) was really sent from the portal's own page.
        if SESSION_KEY in request.session:
            return self.timed_out(request)
        return None

    def timed_out(self, request):
        session = request.session
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen = session.get(LAST_SEEN)
        if signed_in_at is None or last_seen is None:
            # A session from before these rules: its clock starts now.
            session[SIGNED_IN_AT] = signed_in_at or now
            session[LAST_SEEN] = now
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        idle_minutes = (
            settings.STAFF_IDLE_MINUTES if user.is_staff else settings.PATIENT_IDLE_MINUTES
        )
        max_hours = settings.SESSION_MAX_HOURS
        if now - signed_in_at > max_hours * 60 * 60:
            message = ngettext(
                "You were signed out because you signed in more than %(hours)d hour ago. "
                "Please sign in again.",
                "You were signed out because you signed in more than %(hours)d hours ago. "
                "Please sign in again.",
                max_hours,
            ) % {"hours": max_hours}
        elif now - last_seen > idle_minutes * 60:
            message = ngettext(
                "You were signed out after %(minutes)d minute without activity.",
                "You were signed out after %(minutes)d minutes without activity.",
                idle_minutes,
            ) % {"minutes": idle_minutes}
        else:
            if now - last_seen >= ACTIVITY_GRANULARITY:
                session[LAST_SEEN] = now
            return None
        user_id = user.pk
        logout(request)
        messages.warning(request, message)
        if request.method == "GET":
            return redirect_to_login(request.get_full_path())
        if resume.keep(request, user_id=user_id):
            messages.warning(request, KEPT_MESSAGE)
        return redirect(settings.LOGIN_URL)


class NoStoreWhenSettingCookiesMiddleware:
    """A response that sets a cookie (a session, a CSRF token) is never stored by a browser
    or a shared cache: a cache would hand that cookie to the next person. The pages of a
    signed-in person are already `no-store` (SessionTimeoutMiddleware); this covers the
    public ones, such as the sign-in and password-reset pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.cookies:
            add_never_cache_headers(response)
        return response


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header: browser features no page may use (PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class AuditMiddleware(AuditlogMiddleware):
    """auditlog's middleware, reading the client address the way the rest of the portal does.

    auditlog on its own trusts the left-most X-Forwarded-For entry, which any client can forge.
    """

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request) or None


NUL_REFUSED = _(
    "The address or the form contained a character the portal does not accept (a null "
    "character). Nothing was saved."
)
UNREADABLE_REFUSED = _(
    "The form could not be read: its text is not in an encoding the portal understands. "
    "Nothing was saved. Send it again from the portal's own page."
)


class UnreadableInputMiddleware:
    """Refuse, with a 400 page, a request the portal cannot read safely.

    A NUL character (which PostgreSQL can neither store nor compare) in the address, a
    query-string value, a form field, an uploaded file's name or a cookie; or a form in a
    charset Python cannot decode. Each would otherwise fail deep in a view, a form or the
    database as a 500. Placed before the session is read: a forged session cookie is refused
    before it reaches the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = unreadable(request)
        if reason is not None:
            return refuse_input(request, reason)
        return self.get_response(request)


def unreadable(request):
    """Why this request cannot be read, or None."""
    try:
        texts = [request.path, *_texts(request.GET), *_texts(request.COOKIES)]
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            texts += _texts(request.POST)
            texts += [upload.name or "" for upload in request.FILES.values()]
    except (BadRequest, UnicodeError, LookupError):
        # A form in another charset than UTF-8 (Django refuses it), or one such as "idna"
        # that Python knows but cannot decode the form with.
        return UNREADABLE_REFUSED
    if any("\x00" in text for text in texts):
        return NUL_REFUSED
    return None


def _texts(data):
    if hasattr(data, "lists"):
        return [text for key, values in data.lists() for text in (key, *values)]
    return [text for pair in data.items() for text in pair]


def refuse_input(request, reason):
    # The refused request goes no further (no session, no account): its page is the one
    # shown to someone signed out, in the language the browser asks for.
    with translation.override(translation.get_language_from_request(request)):
        return render_refusal(request, reason)


def render_refusal(request, reason=None):
    """The 400 page. A request refused before the session was read is shown it as to
    someone signed out."""
    if not hasattr(request, "user"):
        request.user = AnonymousUser()
    return render(request, "400.html", {"reason": reason}, status=400)
