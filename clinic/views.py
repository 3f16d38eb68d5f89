import sys
import uuid

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST, require_safe

from clinic import ratelimit, resume
from clinic.forms import EmailAuthenticationForm, LanguageForm
from clinic.middleware import render_refusal


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        # Refused before any password is checked: the address has tried too many accounts.
        if ratelimit.sign_in_refused(request):
            message = _(
                "Too many sign-ins failed from your network. Please wait %(minutes)d minutes "
                "and try again."
            ) % {"minutes": ratelimit.WINDOW // 60}
            return ratelimit.too_many_requests(request, message)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        ratelimit.count_failed_sign_in(self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        response = super().form_valid(form)
        # A form sent just after a sign-out is finished now (clinic.resume).
        resumed = resume.resume(self.request)
        return redirect(resumed) if resumed else response

    def get_default_redirect_url(self):
        # Staff work in the admin; patients have their own home page.
        if self.request.user.is_staff:
            return reverse("admin:index")
        return reverse("home")


def bad_request(request, exception):
    """The 400 handler: a request Django refused (a forged filter in the admin, a form too
    large, a malformed upload). Shown as the portal's own page, saying nothing was changed."""
    try:
        return render_refusal(request)
    except Exception:
        # Rendering needs what a refused request may lack (its host, the session): then
        # Django's own plain page.
        return defaults.bad_request(request, exception)


# Seconds a browser or proxy is asked to wait before retrying while the database is away.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """The 500 handler, which answers a calm 503 when the database is briefly unavailable.

    Nothing here may touch the database: the page is rendered without the request's
    context (no session, user or clinic), and a form being sent comes back in hidden fields.
    """
    if not isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return defaults.server_error(request)
    posted = []
    match = request.resolver_match
    # Only a resumable form (clinic.resume) comes back: never a sign-in form's password.
    if request.method == "POST" and match and getattr(match.func, "resumable", False):
        posted = [(name, value) for name, values in request.POST.lists() for value in values]
    response = HttpResponse(
        render_to_string("503.html", {"posted": posted, "action": request.path}), status=503
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


@login_not_required
@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@login_not_required
@require_GET
@never_cache
def readyz(request):
    """Readiness, for the load balancer before it sends traffic to a new process: the
    database answers and has every migration of this release, and the cache answers. Each
    check says only ok or not (no error text: it may name a host)."""
    checks = {"database": _database_ready(), "cache": _cache_ready()}
    ready = all(checks.values())
    return JsonResponse(
        {
            "status": "ready" if ready else "unavailable",
            "checks": {name: "ok" if ok else "unavailable" for name, ok in checks.items()},
        },
        status=200 if ready else 503,
    )


# Once this process has seen every migration applied, it need not read the migration files
# again (a few hundred milliseconds); the database is still asked on every call.
_migrated = False


def _database_ready() -> bool:
    global _migrated
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection) if not _migrated else None
        if executor is not None:
            _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
        else:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return _migrated


def _cache_ready() -> bool:
    from django.core.cache import cache

    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # noqa: BLE001 - any failure of the cache's client means not ready
        return False
    return ok


@login_not_required
@require_safe
def accessibility(request):
    """The accessibility statement: public, so a barrier can be reported before signing in."""
    return render(
        request, "clinic/accessibility.html", {"report_email": settings.ACCESSIBILITY_EMAIL}
    )


@login_not_required
@csrf_exempt
@require_POST
def set_language(request):
    """The language switch: the page the person was on, in the language they chose.

    Saved on their account when they are signed in (pages and emails follow it), and in a
    cookie for the pages before signing in. A signed-in person's form is checked against
    forgery; a visitor's only sets a cookie in their own browser, so the public pages stay
    free of a CSRF cookie (and cacheable).
    """
    if request.user.is_authenticated:
        return _set_language_checked(request)
    return _set_language(request)


def _set_language(request):
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return render_refusal(request, _("The portal does not offer that language."))
    language = form.cleaned_data["language"]
    user = request.user
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    response = redirect(form.next_url(request))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


_set_language_checked = csrf_protect(_set_language)
