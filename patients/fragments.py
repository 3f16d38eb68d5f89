"""Cached fragments of the patient pages, keyed by versions the writes bump.

A patient's pages change only when their data does, or the library they read: every
service that writes a patient's rows bumps `Patient.version`
(services.refresh_patient_summary), and every change to the library bumps its readers'
`Clinic.content_version` (education.signals). Both come with the signed-in user, so the
key costs no query, and a fragment is never older than the data behind it: a write
changes the key, and the old fragment is simply never asked for again.

The key also holds the language, the day (for pages that count days), the page's own ids
and the session's CSRF secret (a fragment with a form in it carries its token). It is
hashed: nothing of it is readable in the cache. The cache is Django's (CACHES): one per
process by default, a shared Redis on servers (DJANGO_CACHE_URL).
"""

import hashlib

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Long enough to serve a patient's visits of a day; the versions, not the timeout, keep a
# fragment right.
TIMEOUT = 6 * 60 * 60


def key(request, patient, name: str, *parts) -> str:
    raw = "\n".join(
        str(value)
        for value in (
            name,
            patient.pk,
            patient.version,
            patient.clinic.content_version,
            get_language(),
            request.META.get("CSRF_COOKIE", ""),
            *parts,
        )
    )
    return f"patient-page:{hashlib.sha256(raw.encode()).hexdigest()}"


def cached(request, patient, name: str, *parts, build) -> tuple[str, SafeString]:
    """(title, html) of a fragment: from the cache, or made by `build()`.

    `build()` does the page's queries (and its 404s) and returns (title, template,
    context); it runs only when the fragment is not cached for these versions.
    """
    # The session's CSRF secret first (every page's sign-out form needs it anyway): a
    # fragment with a form in it is kept under the secret its token was made from.
    get_token(request)
    fragment_key = key(request, patient, name, *parts)
    found = cache.get(fragment_key)
    if found is not None:
        title, html = found
        return title, mark_safe(html)  # noqa: S308 - our own rendered template, escaped there
    title, template, context = build()
    html = render_to_string(template, context, request)
    cache.set(fragment_key, (str(title), html), TIMEOUT)
    return str(title), html


def page(request, patient, name: str, *parts, build):
    """A patient page whose content is a cached fragment: its title and body in
    patients/page.html (the base and the contact notice around them are rendered anew)."""
    title, body = cached(request, patient, name, *parts, build=build)
    return render(request, "patients/page.html", {"title": title, "body": body})
