"""Settings for the clinic portal.

Everything that differs between a laptop and a clinic's server comes from environment
variables, read once here; `.env.example` documents each one.
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clinic.env import (
    database_config,
    env_bool,
    env_cache,
    env_int,
    env_list,
    env_media_storage,
    env_prefixed,
    env_str,
    env_tasks,
    env_time_zone,
    secret_key_file,
)

BASE_DIR = Path(__file__).resolve().parent.parent

# Off unless asked for: debug pages show the server's settings and environment, secret key
# included. `make demo` and the test suite ask for it (DJANGO_DEBUG=true).
DEBUG = env_bool("DJANGO_DEBUG", False)


ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, as it asks: its translation.py modules register the translated fields
    # (education/translation.py, patients/translation.py) before any admin is built.
    "modeltranslation",
    "clinic.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "phonenumber_field",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # For its worker command (`manage.py worker` runs it when the queue is in Redis); its
    # admin dashboard is not offered (clinic.admin).
    "django_rq",
    "clinic.apps.ClinicConfig",
    "education.apps.EducationConfig",
    "patients.apps.PatientsConfig",
    "outcomes.apps.OutcomesConfig",
]

MIDDLEWARE = [
    # Outermost: every log record of the request carries its id (clinic.logs).
    "clinic.logs.RequestIdMiddleware",
    # First, so it sees the cookies every other one sets: a page that sets one is not cached.
    "clinic.middleware.NoStoreWhenSettingCookiesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before the session and every view: a NUL character or an undecodable form is a 400.
    "clinic.middleware.UnreadableInputMiddleware",
    "csp.middleware.CSPMiddleware",
    "clinic.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "clinic.middleware.PortalLoginRequiredMiddleware",
    "clinic.middleware.UserLanguageMiddleware",
    "clinic.middleware.AuditMiddleware",
    "clinic.middleware.ClinicTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: it tells a timed-out person why they are back at sign-in.
    "clinic.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"
ASGI_APPLICATION = "clinic.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic.context_processors.portal",
            ],
        },
    },
    {
        # Emails are plain text: nothing in them is HTML-escaped (clinic.email).
        "NAME": "email",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": database_config(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _secret_key(database: dict) -> str:
    key = env_str("DJANGO_SECRET_KEY")
    if key:
        return key
    if database["ENGINE"] == "django.db.backends.sqlite3" and database["NAME"] != ":memory:":
        # The embedded default is one machine's database: its key is kept beside it, made
        # on the first start, so every process there signs alike and a backup of the folder
        # keeps the links already printed on handouts working.
        return secret_key_file(Path(database["NAME"]).parent / ".secret-key")
    if DEBUG:
        return secret_key_file(BASE_DIR / ".secret-key")
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set when the database is shared (DATABASE_URL): every "
        "machine must sign with the same key. Generate one with: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )


SECRET_KEY = _secret_key(DATABASES["default"])

AUTH_USER_MODEL = "clinic.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out sign-in before any password is checked. The standalone
    # backend has no get_user, so sessions (and the test client's force_login) keep using
    # PortalBackend, which honours a patient's active flag.
    "axes.backends.AxesStandaloneBackend",
    "clinic.backends.PortalBackend",
]
# Argon2 for every new or changed password; the others only read hashes made before.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# A reset link in a mailbox is a key to health information: it stops working after an hour.
PASSWORD_RESET_TIMEOUT = 60 * 60

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Canadian dates and times in each language: "1 déc. 2026, 15 h 08", "Dec. 1, 2026, 3:08 p.m."
FORMAT_MODULE_PATH = ["clinic.formats"]
# Someone signed out keeps the language they chose (clinic.views.set_language); a signed-in
# person's is the one on their account (clinic.middleware.UserLanguageMiddleware).
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True

# Library and plan content in both languages (django-modeltranslation): one column per
# language (name_en, name_fr), read in the reader's language. Where one is still empty, the
# other is shown, marked with its language (clinic.templatetags.portal_i18n).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr"), "fr": ("en",), "en": ("fr",)}
# Each language's field is labelled "name (English)", "nom (français)" in forms and history.
_IN_LABEL = {
    "en": pgettext_lazy("language, in a field's label", "English"),
    "fr": pgettext_lazy("language, in a field's label", "French"),
}
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = lambda verbose_name, language: format_lazy(  # noqa: E731
    "{} ({})", verbose_name, _IN_LABEL[language]
)
TIME_ZONE = env_time_zone("DJANGO_TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end packages come from npm (package.json): Bootstrap is compiled from its sources
# into static/build/ by `make css` (make install runs it), with only what the portal uses.
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "public"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    # Uploaded pictures: files under MEDIA_ROOT (one machine), or DJANGO_MEDIA_STORAGE=s3 for
    # a private bucket that every web process shares (clinic.storage). Served by clinic.media.
    "default": env_media_storage("DJANGO_MEDIA_STORAGE"),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Staff authenticator apps show the account under this name.
OTP_TOTP_ISSUER = "Clinic portal"

# Patients' phone numbers: typed the Canadian way, stored as E.164, shown as 613-555-0100.
PHONENUMBER_DEFAULT_REGION = "CA"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
# An email provider's own API, through django-anymail: DJANGO_EMAIL_BACKEND names the
# provider's backend (anymail.backends.postmark.EmailBackend, ...sendgrid..., ...) and each
# of its settings is a DJANGO_ANYMAIL_<SETTING> (DJANGO_ANYMAIL_POSTMARK_SERVER_TOKEN=...).
ANYMAIL = env_prefixed("DJANGO_ANYMAIL_")
# Seconds a mail server may take to answer before the attempt fails and is retried later
# (patients.outbox). Also sets how long a worker may hold a message it is sending.
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 20, minimum=1)
# The file backend's folder (django.core.mail.backends.filebased.EmailBackend): the demo's.
EMAIL_FILE_PATH = env_str("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))
# How long a patient's invitation link works.
PATIENT_INVITATION_DAYS = env_int("DJANGO_PATIENT_INVITATION_DAYS", 7, minimum=1)
# The portal's own address, for links in emails and on printed handouts.
PORTAL_URL = env_str("DJANGO_PORTAL_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "portal@localhost")
# Where the accessibility statement (/accessibility/) asks people to report a barrier.
ACCESSIBILITY_EMAIL = env_str("DJANGO_ACCESSIBILITY_EMAIL", DEFAULT_FROM_EMAIL)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: on by default whenever debug is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Served over HTTPS: on a server (debug off), or wherever the redirect to HTTPS is asked for.
HTTPS = not DEBUG or SECURE_SSL_REDIRECT
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
if HTTPS:
    # A browser keeps a __Host- cookie only if this very host set it, Secure, for the whole
    # site: a sibling subdomain (another clinic's site, say) cannot plant a session on ours.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
BEHIND_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    # Only when a reverse proxy that sets this header terminates TLS in front of gunicorn.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Audit entries keep the address the request came from (clinic.security.client_ip).
AUDITLOG_DISABLE_REMOTE_ADDR = False

# Caches: rate-limit counters and the patient pages' fragments (patients.fragments). One per
# process by default; a shared Redis on a server with
# several processes, e.g. DJANGO_CACHE_URL=redis://127.0.0.1:6379/0.
CACHES = {
    "default": {
        **env_cache("DJANGO_CACHE_URL"),
        # Each release its own key space: cached page fragments and form markup made by the
        # previous release's templates are never served by this one.
        "KEY_PREFIX": env_str("DJANGO_RELEASE", "dev"),
    }
}

# Background work (Django's Tasks API; django-tasks on Django 5.2). By default the queue is a
# table of the portal's own database, worked by `manage.py worker`; with
# DJANGO_TASKS_URL=redis://host:6379/N it is in Redis, worked by RQ workers (the same
# command). DJANGO_TASKS_QUEUE names the queue, for portals that share one Redis.
TASKS_QUEUE = env_str("DJANGO_TASKS_QUEUE", "portal")
TASKS, RQ_QUEUES = env_tasks("DJANGO_TASKS_URL", queue=TASKS_QUEUE)
# Seconds between a failed email and its next attempt: after the first failure, the second...
# then the last one again (patients.outbox). Not from the environment.
OUTBOX_RETRY_DELAYS = (60, 120, 300, 600, 1200, 1800)
# Seconds a worker holds an email it is sending before another may take it over (a worker
# that died): well beyond the longest a send can take, each step of the mail conversation
# taking up to EMAIL_TIMEOUT, so that a slow send is never taken for a dead worker.
OUTBOX_LEASE_SECONDS = 10 * EMAIL_TIMEOUT
# Jobs go to Redis when enqueued (the portal enqueues after its transactions commit).
RQ = {"COMMIT_MODE": "auto"}
RQ_SHOW_ADMIN_LINK = False

# Lockout (django-axes): 5 failed sign-ins for one email from one address lock that pair
# out for 15 minutes; a sign-in attempt while locked starts the 15 minutes again, and a
# successful sign-in clears the count. Unlock by hand: manage.py axes_reset_username EMAIL.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_USERNAME_FORM_FIELD = "username"  # EmailAuthenticationForm's field
AXES_USERNAME_CALLABLE = "clinic.security.axes_username"  # lower-cased, as accounts are
AXES_CLIENT_IP_CALLABLE = "clinic.security.client_ip"  # X-Forwarded-For only behind our proxy
AXES_LOCKOUT_CALLABLE = "clinic.security.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Attempts hold every clinic's emails and addresses: not for the clinic-scoped admin.
AXES_ENABLE_ADMIN = False

# Sessions: signed out after a while without activity (staff sooner: their screens show
# every patient) and, whatever the activity, a fixed time after signing in.
STAFF_IDLE_MINUTES = env_int("DJANGO_STAFF_IDLE_MINUTES", 15, minimum=1)
PATIENT_IDLE_MINUTES = env_int("DJANGO_PATIENT_IDLE_MINUTES", 30, minimum=1)
SESSION_MAX_HOURS = env_int("DJANGO_SESSION_MAX_HOURS", 12, minimum=1)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 60 * 60

# Content-Security-Policy (django-csp): nothing inline, the admin included. Scripts and
# styles live in static files; a template with style="" or an inline <script> fails a test.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the portal uses (clinic.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Retention: `manage.py purge_inactive_patients` deletes deactivated patients with no
# activity for this many days. Unset: off, and the command refuses to run without --days.
PATIENT_RETENTION_DAYS = env_int("DJANGO_PATIENT_RETENTION_DAYS", 0, minimum=1)

# Logs go to standard error, as the process manager collects them. DJANGO_LOG_FORMAT=json on
# servers: one JSON object per line, with the request's id (clinic.logs).
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT={LOG_FORMAT!r}: use text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "clinic.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "clinic.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint reports every step of every PDF, and fontTools every table it subsets.
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
